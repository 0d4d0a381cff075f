/*
 * The pages beside the map, in the URL hash like features are:
 *   #/changes?user=admin&collection=sluice   recent changes, filtered
 *   #/account                                my account: password and API tokens
 *   #/accounts                               account administration (administrators)
 *   #/projects?status=approved&page=2        the key projects, filtered, sorted and paged
 *   #/projects/12                            one project
 *   #/dashboard                              figures and charts
 *   #/parcels?q=…&parcel=7&view=kpi          idle land: query, plans, disposal rate
 *   #/patrol                                 a river chief's patrol, on a phone
 *   #/issues?status=assigned&issue=<uuid>    river issues and their follow-up
 *   #/bulletin?month=2026-10                 the river chiefs' monthly bulletin
 *   #/chiefs                                 who is responsible for each river segment and ditch
 *   #/imports?job=…                          importing files (one import's report) and exports
 *   #/constraints                            projects and parcels entering the control lines
 * A feature's path is a collection and a number (#/sluice/12); pages use names no collection
 * has, so they cannot be confused.
 */

export const PAGES = ['changes', 'account', 'accounts', 'projects', 'project', 'dashboard', 'parcels', 'patrol', 'issues', 'bulletin', 'chiefs', 'imports', 'constraints'];

/** The parameters each page keeps in the hash. */
const PARAMS = {
	changes: ['user', 'collection'],
	account: [],
	accounts: [],
	projects: ['q', 'department', 'status', 'category', 'year', 'overdue', 'inView', 'sort', 'page'],
	project: [],
	dashboard: [],
	parcels: ['saved', 'q', 'parcel', 'view', 'year'],
	patrol: [],
	issues: ['status', 'overdue', 'town', 'category', 'month', 'issue'],
	bulletin: ['month'],
	chiefs: [],
	imports: ['job'],
	constraints: []
};

const ID = /^[1-9][0-9]{0,17}$/;

/** Reads a hash into {name, params}, or null when it names no page. */
export function parsePage(hash) {
	const text = String(hash || '').replace(/^#/, '');
	if (!text.startsWith('/')) {
		return null;
	}
	const cut = text.search(/[?&]/);
	const path = (cut < 0 ? text : text.slice(0, cut)).replace(/\/+$/, '');
	const parts = path.slice(1).split('/');
	let name = parts[0];
	const params = {};
	if (name === 'projects' && parts.length === 2) {
		if (!ID.test(parts[1])) {
			return null;
		}
		name = 'project';
		params.id = parts[1];
	} else if (parts.length !== 1 || name === 'project') {
		return null;
	}
	if (!PAGES.includes(name)) {
		return null;
	}
	const search = new URLSearchParams(cut < 0 ? '' : text.slice(cut + 1));
	for (const key of PARAMS[name]) {
		const value = search.get(key)?.trim();
		if (value) {
			params[key] = value;
		}
	}
	return {name, params};
}

/** Writes a page and its parameters as a hash, starting with "#". */
export function formatPage(name, params = {}) {
	const search = new URLSearchParams();
	for (const key of PARAMS[name] || []) {
		const value = params[key];
		if (value !== undefined && value !== null && value !== '' && value !== false) {
			search.set(key, String(value));
		}
	}
	const text = search.toString();
	const path = name === 'project' ? `projects/${encodeURIComponent(params.id)}` : name;
	return `#/${path}${text ? `?${text}` : ''}`;
}
