/*
 * The pages beside the map, in the URL hash like features are:
 *   #/changes?user=admin&collection=sluice   recent changes, filtered
 *   #/account                                my account: password and API tokens
 *   #/accounts                               account administration (administrators)
 * A feature's path has two parts (#/sluice/12), a page's one, so they cannot be confused.
 */

export const PAGES = ['changes', 'account', 'accounts'];

/** The parameters each page keeps in the hash. */
const PARAMS = {changes: ['user', 'collection'], account: [], accounts: []};

/** Reads a hash into {name, params}, or null when it names no page. */
export function parsePage(hash) {
	const text = String(hash || '').replace(/^#/, '');
	if (!text.startsWith('/')) {
		return null;
	}
	const cut = text.search(/[?&]/);
	const path = (cut < 0 ? text : text.slice(0, cut)).replace(/\/+$/, '');
	const name = path.slice(1);
	if (!PAGES.includes(name)) {
		return null;
	}
	const search = new URLSearchParams(cut < 0 ? '' : text.slice(cut + 1));
	const params = {};
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
		if (params[key]) {
			search.set(key, params[key]);
		}
	}
	const text = search.toString();
	return `#/${name}${text ? `?${text}` : ''}`;
}
