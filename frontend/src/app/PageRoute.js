/*
 * The pages beside the map, in the URL hash like features are:
 *   #/changes?user=admin&collection=sluice   recent changes, filtered
 *   #/account                                my account: password and API tokens
 *   #/accounts                               account administration (administrators)
 *   #/projects?status=approved&page=2        the key projects, filtered, sorted and paged
 *   #/projects/12                            one project
 *   #/dashboard?year=2026                    figures and charts, the tiles of a year's plans
 *   #/plans?year=2026&department=water       the departments' annual work plans
 *   #/parcels?q=…&parcel=7&view=kpi          idle land: query, plans, disposal rate
 *   #/patrol                                 a river chief's patrol, on a phone
 *   #/issues?status=assigned&issue=<uuid>    river issues and their follow-up
 *   #/bulletin?month=2026-10                 the river chiefs' monthly bulletin
 *   #/chiefs                                 who is responsible for each river segment and ditch
 *   #/imports?job=…                          importing files (one import's report) and exports
 *   #/constraints                            projects and parcels entering the control lines
 * A feature's path is a collection and a number (#/sluice/12); pages use names no collection
 * has, so they cannot be confused. Which parameters each page keeps is the registry's (app/pages.js).
 */
import {PAGES, pageNamed} from './pages.js';

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
	let page;
	if (parts.length === 2) {
		page = PAGES.find((p) => p.under === name);
		if (!page || !ID.test(parts[1])) {
			return null;
		}
		name = page.name;
		params.id = parts[1];
	} else {
		page = pageNamed(name);
		if (parts.length !== 1 || !page || page.under) {
			return null;
		}
	}
	const search = new URLSearchParams(cut < 0 ? '' : text.slice(cut + 1));
	for (const key of page.params) {
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
	const page = pageNamed(name);
	for (const key of page?.params || []) {
		const value = params[key];
		if (value !== undefined && value !== null && value !== '' && value !== false) {
			search.set(key, String(value));
		}
	}
	const text = search.toString();
	const path = page?.under ? `${page.under}/${encodeURIComponent(params.id)}` : name;
	return `#/${path}${text ? `?${text}` : ''}`;
}
