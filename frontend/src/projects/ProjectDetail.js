/*
 * A project's detail (GET /api/v1/projects/{id}) as the page and its forms need it, and the
 * dates of its milestones counted as the county counts them (China Standard Time).
 */
import {countyToday} from '../format/Units.js';

/** A project's fields under their column names, from the detail the API gives. */
export function projectProperties(detail) {
	const s = detail?.summary || {};
	const progress = detail?.progress || {};
	return {
		code: s.code, name: s.name, status: s.status, department: s.department, town: s.town ?? null, category: s.category, year: s.year,
		lead_unit: detail.leadUnit ?? null, planned_start: s.plannedStart ?? null, planned_end: s.plannedEnd ?? null,
		actual_start: detail.actualStart ?? null, actual_end: detail.actualEnd ?? null,
		investment_planned: s.investmentPlanned ?? null, investment_done: s.investmentDone ?? null,
		progress_pct: progress.reportedPct ?? null, progress_method: progress.chosenMethod ?? null,
		target_value: progress.target ?? null, target_unit: progress.unit ?? null, target_description: progress.description ?? null,
		target_measure: progress.measure || 'manual', remarks: detail.remarks ?? null, version: s.version
	};
}

/** Whole days from an ISO date to today (China Standard Time). */
export function daysSince(isoDate, now = new Date()) {
	const start = Date.parse(`${isoDate}T00:00:00Z`);
	const today = Date.parse(`${countyToday(now)}T00:00:00Z`);
	return Number.isFinite(start) ? Math.max(0, Math.round((today - start) / 86400000)) : 0;
}
