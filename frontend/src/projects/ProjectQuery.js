/*
 * The project list's state as the URL hash keeps it (strings, pages counted from 1) and as
 * the API takes it (lists, numbers, pages counted from 0). Several departments, statuses or
 * categories are kept comma-separated in the hash and sent as repeated parameters.
 */

/** Columns the list can be sorted by, as the API names them. */
export const SORT_KEYS = ['code', 'name', 'status', 'department', 'year', 'progress', 'investment', 'planned_end', 'overdue'];

export const PAGE_SIZE = 20;

const list = (text) => String(text || '').split(',').map((v) => v.trim()).filter(Boolean);

/** The API filters of the hash parameters; `bbox` is added when the list is limited to the map view. */
export function listFilters(params = {}, options = {}) {
	const {bbox = null, size = PAGE_SIZE} = options;
	const sortKey = String(params.sort || '').replace(/^-/, '');
	const year = Number(params.year);
	const page = Number(params.page);
	return {
		q: params.q ? String(params.q).trim() : undefined,
		department: list(params.department),
		status: list(params.status),
		category: list(params.category),
		year: Number.isInteger(year) && year > 1900 ? year : undefined,
		overdue: params.overdue === 'true' || params.overdue === '1' ? true : undefined,
		bbox: params.inView && bbox ? bbox : undefined,
		sort: SORT_KEYS.includes(sortKey) ? params.sort : undefined,
		page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
		size
	};
}

/** Hash parameters with one of them changed; any change but the page goes back to the first page. */
export function withParam(params, key, value) {
	const next = {...params};
	if (value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && !value.length)) {
		delete next[key];
	} else {
		next[key] = Array.isArray(value) ? value.join(',') : String(value);
	}
	if (key !== 'page') {
		delete next.page;
	}
	return next;
}

/** The sort after a click on a column: by it ascending, then descending, then ascending again. */
export function nextSort(current, key) {
	if (current === key) {
		return `-${key}`;
	}
	return key;
}

/** How a column is sorted now: 'ascending', 'descending' or 'none' (for aria-sort). */
export function sortState(current, key) {
	if (current === key) {
		return 'ascending';
	}
	return current === `-${key}` ? 'descending' : 'none';
}

/** True when the hash parameters filter the list (sorting and paging do not). */
export function isFiltered(params = {}) {
	return ['q', 'department', 'status', 'category', 'year', 'overdue', 'inView'].some((key) => params[key]);
}

/** The number of pages for `total` rows. */
export function pageCount(total, size = PAGE_SIZE) {
	return Math.max(1, Math.ceil(Number(total || 0) / size));
}
