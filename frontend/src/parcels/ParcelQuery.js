/*
 * A planner's question about idle land, as the query panel holds it and as the server takes
 * it (POST /api/v1/parcels/search): attribute conditions and spatial ones, combined with AND.
 * The panel's state is exactly the search body without paging, so a saved query or a shared
 * link is a search any other client could send too. Pure functions, no DOM.
 */
import {isAreaUnit} from './AreaUnits.js';

export const CATEGORIES = ['approved_unsupplied', 'idle', 'inefficient_industrial'];
export const DISPOSAL_STATUSES = ['pending', 'in_progress', 'disposed'];
export const DISPOSAL_METHODS = ['reclaim_by_law', 'reclaim_by_agreement', 'urge_construction', 'swap', 'temporary_use', 'land_reserve', 'supply'];
export const POLYGON_RELATIONS = ['intersects', 'within'];

/** The columns the server sorts by. */
export const SORT_KEYS = ['code', 'area', 'idle_since', 'town', 'approved_on', 'target_date'];

/** The unit a new panel offers for the area range: 亩, as the county's plans count land. */
export const DEFAULT_AREA_UNIT = 'mu';

const LISTS = {
	categories: CATEGORIES,
	towns: null,
	landUses: null,
	disposalStatus: DISPOSAL_STATUSES,
	disposalMethods: DISPOSAL_METHODS
};

const MAX_DISTANCE = 50000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A panel with no condition: every parcel. */
export function emptyQuery() {
	return {
		categories: [], areaMin: null, areaMax: null, areaUnit: DEFAULT_AREA_UNIT,
		idleYearsAtLeast: null, idleSinceBefore: null,
		towns: [], landUses: [], holder: '', disposalStatus: [], disposalMethods: [],
		polygon: null, polygonRelation: 'intersects', near: null, project: null,
		outsideFarmland: false, insideUrbanBoundary: false
	};
}

function number(value, options = {}) {
	const {min = 0, max = Infinity, integer = false} = options;
	if (value === null || value === undefined || value === '') {
		return null;
	}
	const n = Number(value);
	if (!Number.isFinite(n) || n < min || n > max) {
		return null;
	}
	return integer ? Math.trunc(n) : n;
}

function strings(value, allowed) {
	const list = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
	const clean = [...new Set(list.map((v) => String(v).trim()).filter(Boolean))];
	return allowed ? allowed.filter((v) => clean.includes(v)) : clean;
}

function polygonOf(value) {
	if (!value || typeof value !== 'object' || !['Polygon', 'MultiPolygon'].includes(value.type) || !Array.isArray(value.coordinates)) {
		return null;
	}
	return {type: value.type, coordinates: value.coordinates};
}

function nearOf(value) {
	if (!value || typeof value !== 'object' || typeof value.collection !== 'string' || !/^[a-z][a-z0-9_]*$/.test(value.collection)) {
		return null;
	}
	const distance = number(value.distance, {min: 0, max: MAX_DISTANCE});
	const near = {collection: value.collection, distance};
	const ids = Array.isArray(value.ids) ? value.ids.map((id) => number(id, {min: 1, integer: true})).filter((id) => id !== null) : [];
	if (ids.length) {
		near.ids = [...new Set(ids)];
	}
	if (value.where && typeof value.where === 'object' && !Array.isArray(value.where)) {
		const where = Object.fromEntries(Object.entries(value.where)
			.filter(([key, v]) => /^[a-z][a-z0-9_]*$/.test(key) && v !== null && v !== undefined && String(v).trim() !== '')
			.map(([key, v]) => [key, String(v).trim()]));
		if (Object.keys(where).length) {
			near.where = where;
		}
	}
	return near;
}

/**
 * Any object (a decoded link, a saved query, the panel's fields) as a well-formed query:
 * unknown keys dropped, lists deduplicated and limited to known values where the values are
 * known, numbers checked, an unknown unit replaced by the default.
 */
export function normalizeQuery(value) {
	const source = value && typeof value === 'object' ? value : {};
	const query = emptyQuery();
	for (const [key, allowed] of Object.entries(LISTS)) {
		query[key] = strings(source[key], allowed);
	}
	query.areaUnit = isAreaUnit(source.areaUnit) ? source.areaUnit : DEFAULT_AREA_UNIT;
	query.areaMin = number(source.areaMin);
	query.areaMax = number(source.areaMax);
	query.idleYearsAtLeast = number(source.idleYearsAtLeast, {max: 100, integer: true});
	query.idleSinceBefore = typeof source.idleSinceBefore === 'string' && DATE.test(source.idleSinceBefore) ? source.idleSinceBefore : null;
	query.holder = typeof source.holder === 'string' ? source.holder.trim() : '';
	query.polygon = polygonOf(source.polygon);
	query.polygonRelation = POLYGON_RELATIONS.includes(source.polygonRelation) ? source.polygonRelation : 'intersects';
	query.near = nearOf(source.near);
	query.project = number(source.project, {min: 1, integer: true});
	query.outsideFarmland = source.outsideFarmland === true;
	query.insideUrbanBoundary = source.insideUrbanBoundary === true;
	return query;
}

/** True when a near condition can be sent: a collection and a distance. */
export function isNearComplete(near) {
	return Boolean(near && near.collection && near.distance !== null && near.distance !== undefined);
}

/**
 * The query as the server takes it, with only the conditions that are set: an open area
 * range sends no unit, a near condition without its distance is left out. `page`, `size`
 * and `sort` are added when given.
 */
export function searchBody(query, paging = {}) {
	const q = normalizeQuery(query);
	const body = {};
	for (const key of Object.keys(LISTS)) {
		if (q[key].length) {
			body[key] = q[key];
		}
	}
	if (q.areaMin !== null || q.areaMax !== null) {
		if (q.areaMin !== null) {
			body.areaMin = q.areaMin;
		}
		if (q.areaMax !== null) {
			body.areaMax = q.areaMax;
		}
		body.areaUnit = q.areaUnit;
	}
	if (q.idleYearsAtLeast !== null) {
		body.idleYearsAtLeast = q.idleYearsAtLeast;
	}
	if (q.idleSinceBefore) {
		body.idleSinceBefore = q.idleSinceBefore;
	}
	if (q.holder) {
		body.holder = q.holder;
	}
	if (q.polygon) {
		body.polygon = q.polygon;
		body.polygonRelation = q.polygonRelation;
	}
	if (isNearComplete(q.near)) {
		body.near = q.near;
	}
	if (q.project !== null) {
		body.project = q.project;
	}
	for (const key of ['outsideFarmland', 'insideUrbanBoundary']) {
		if (q[key]) {
			body[key] = true;
		}
	}
	const {page, size, sort} = paging;
	if (sort) {
		body.sort = sort;
	}
	if (Number.isInteger(page)) {
		body.page = page;
	}
	if (Number.isInteger(size)) {
		body.size = size;
	}
	return body;
}

/** How many conditions the query sets (a list counts once, an area range once), for the panel's badge. */
export function conditionCount(query) {
	const body = searchBody(query);
	return Object.keys(body).filter((key) => !['areaUnit', 'polygonRelation', 'areaMax'].includes(key) || (key === 'areaMax' && body.areaMin === undefined)).length;
}

/** True when two queries ask the same question. */
export function sameQuery(a, b) {
	return JSON.stringify(searchBody(a)) === JSON.stringify(searchBody(b));
}

/** The next sort when a column's heading is clicked: ascending first, then descending, then ascending again. */
export function nextSort(current, key) {
	return current === key ? `-${key}` : key;
}

/** The state of a column for `aria-sort`. */
export function sortState(current, key) {
	if (current === key) {
		return 'ascending';
	}
	return current === `-${key}` ? 'descending' : 'none';
}
