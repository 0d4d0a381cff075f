import {countyDateParts} from '../county/County.js';

/*
 * The annual disposal rate (年处置率) as the server reports it: area disposed in the year over
 * the stock frozen on 1 January, per plan group, category and town, against the plans' 20%.
 * Pure helpers for the KPI view.
 */

/** The plans' two groups, as the server names them (in Chinese), and their message keys. */
const GROUP_KEYS = {
	批而未供和闲置土地: 'parcels.kpi.group.approvedIdle',
	工业低效用地: 'parcels.kpi.group.inefficient'
};

/** The first year whose rate can be asked for; the server keeps no baseline before Hetu held the data. */
export const FIRST_YEAR = 2020;

/** A plan group's name in the user's language. */
export function groupLabel(group, i18n) {
	const key = GROUP_KEYS[group];
	return key ? i18n.t(key) : String(group ?? '');
}

/** The year in the county (its time zone) at `now`. */
export function countyYear(now = new Date()) {
	return countyDateParts(now).year;
}

/** The years on offer, newest first: this year (county time) back to FIRST_YEAR. */
export function kpiYears(today = new Date()) {
	const years = [];
	for (let year = countyYear(today); year >= FIRST_YEAR; year--) {
		years.push(year);
	}
	return years;
}

/** The year a KPI view opens on: the current one in county time (the dashboard's), unless the link names another. */
export function defaultKpiYear(today = new Date()) {
	return countyYear(today);
}

/** The end of a bar chart's axis in %: room for the highest rate and the target, in steps of 10. */
export function rateAxisMax(rates, targetPct = 20) {
	const highest = Math.max(Number(targetPct) || 0, ...rates.map((r) => Number(r) || 0));
	return Math.min(100, Math.max(10, Math.ceil((highest * 1.15) / 10) * 10));
}

/** A row's state against the target: met, close (within a fifth of it) or behind. */
export function rateState(ratePct, targetPct = 20) {
	const rate = Number(ratePct) || 0;
	if (rate >= targetPct) {
		return 'met';
	}
	return rate >= targetPct * 0.8 ? 'close' : 'behind';
}
