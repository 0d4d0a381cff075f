import {parseMonth, shiftMonth} from '../river/month.js';
import {STATUSES} from '../river/RiverApi.js';

/*
 * What the office's field map shows, as plain functions of the issues, the patrols and the filters
 * in the hash (#/field?type=…&town=…&status=…&overdue=true&month=yyyy-MM).
 */

/** The type of work an item belongs to: river patrols carry none (they were the only kind). */
export const DEFAULT_TYPE = 'river';

/** The filters the field map keeps in its hash. */
export const FIELD_FILTERS = ['type', 'town', 'status', 'overdue', 'month'];

export function typeOf(item) {
	return item?.patrol_type || item?.patrolType || item?.properties?.patrol_type || DEFAULT_TYPE;
}

/** The types on offer: those of GET /api/v1/patrol-types, or river alone while the server has none. */
export function typeIds(types) {
	const ids = Array.isArray(types) ? types.map((type) => type?.id).filter(Boolean) : [];
	return ids.length ? ids : [DEFAULT_TYPE];
}

/** The filters of `params`, cleaned: unknown values are dropped. */
export function fieldFilters(params = {}, types = [DEFAULT_TYPE]) {
	return {
		type: types.includes(params.type) ? params.type : undefined,
		town: params.town || undefined,
		status: STATUSES.includes(params.status) ? params.status : undefined,
		overdue: params.overdue === 'true' ? true : undefined,
		month: parseMonth(params.month) || undefined
	};
}

/** The issues the filters let through (the server filters town, status, overdue and month too; type is ours). */
export function shownIssues(issues, filters) {
	return (issues || []).filter((issue) => (!filters.type || typeOf(issue) === filters.type)
		&& (!filters.town || issue.town === filters.town)
		&& (!filters.status || issue.status === filters.status)
		&& (!filters.overdue || issue.overdue === true)
		&& Number.isFinite(issue.lon) && Number.isFinite(issue.lat));
}

/**
 * The patrols the filters let through: of the type, by a chief of the town. Status and overdue
 * are an issue's, so they leave no patrol to show.
 */
export function shownPatrols(features, filters, chiefTowns) {
	if (filters.status || filters.overdue) {
		return [];
	}
	return (features || []).filter((feature) => (!filters.type || typeOf(feature) === filters.type)
		&& (!filters.town || chiefTowns.get(feature.properties?.chief_id) === filters.town)
		&& feature.geometry?.type === 'LineString');
}

/**
 * The OGC `datetime` of a yyyy-MM month in the county's time zone, as an interval of instants:
 * `offset` is the county's offset from UTC in minutes (China has no summer time).
 */
export function monthInterval(month, offsetMinutes) {
	const start = (m) => {
		const [year, mon] = m.split('-').map(Number);
		return new Date(Date.UTC(year, mon - 1, 1) - offsetMinutes * 60000).toISOString();
	};
	return `${start(month)}/${start(shiftMonth(month, 1))}`;
}

/** The county's offset from UTC in minutes at `date`, from its IANA time zone. */
export function zoneOffsetMinutes(timeZone, date = new Date()) {
	const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
		timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric'
	}).formatToParts(date).map((p) => [p.type, Number(p.value)]));
	const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
	return Math.round((local - Math.floor(date.getTime() / 60000) * 60000) / 60000);
}
