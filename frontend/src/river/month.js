import {countyDateParts} from '../county/County.js';

/* Months as the bulletin names them (yyyy-MM) and compliance rates as the office reads them. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month written yyyy-MM, or null when `text` is not one. */
export function parseMonth(text) {
	const match = MONTH.exec(String(text ?? '').trim());
	return match ? `${match[1]}-${match[2]}` : null;
}

/** The month of a date, in the county's time. */
export function monthOf(date) {
	const {year, month} = countyDateParts(date);
	return `${year}-${String(month).padStart(2, '0')}`;
}

/** The bulletin a visitor sees first: last month's, since the current one is not over. */
export function defaultBulletinMonth(now = new Date()) {
	return shiftMonth(monthOf(now), -1);
}

/** The month `delta` months after `month` (before when negative). */
export function shiftMonth(month, delta) {
	const [year, mon] = month.split('-').map(Number);
	const index = year * 12 + (mon - 1) + delta;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** {year, month} numbers of a yyyy-MM month. */
export function monthParts(month) {
	const [year, mon] = month.split('-').map(Number);
	return {year, month: mon};
}

/** A compliance percentage with one decimal, as "87.5%"; "—" when nothing was required. */
export function formatCompliance(pct, required = 1) {
	if (!required || !Number.isFinite(Number(pct))) {
		return '—';
	}
	return `${Number(pct).toFixed(1)}%`;
}

/** How a compliance rate is marked: full, short (at least 80%), or poor. */
export function complianceGrade(pct) {
	const value = Number(pct) || 0;
	return value >= 100 ? 'full' : value >= 80 ? 'short' : 'poor';
}
