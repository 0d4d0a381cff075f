/*
 * Measuring a patrol track and deciding which GPS fixes go into it. Positions are [lon, lat]
 * in degrees; fixes are {lon, lat, accuracy, at} with `at` in milliseconds.
 */

/** Fixes less accurate than this (metres) are dropped: they would zigzag the track across the river. */
export const MAX_ACCURACY_M = 50;

/** A fix is recorded once the walker moved this far (metres) or this long passed since the last one. */
export const MIN_STEP_M = 5;
export const MIN_INTERVAL_MS = 5000;

const EARTH_RADIUS_M = 6371008.8;
const rad = (deg) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two [lon, lat] positions. */
export function distanceM(a, b) {
	const dLat = rad(b[1] - a[1]);
	const dLon = rad(b[0] - a[0]);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a track given as fixes or [lon, lat] positions. */
export function trackLengthM(points) {
	let total = 0;
	for (let i = 1; i < points.length; i++) {
		total += distanceM(position(points[i - 1]), position(points[i]));
	}
	return total;
}

function position(point) {
	return Array.isArray(point) ? point : [point.lon, point.lat];
}

/** True when a fix is precise enough to record. */
export function isAccurate(fix) {
	return Number.isFinite(fix?.lon) && Number.isFinite(fix?.lat) && Number.isFinite(fix?.accuracy) && fix.accuracy <= MAX_ACCURACY_M;
}

/** True when `fix` should be added after `last` (the last recorded fix, or null). */
export function shouldRecord(fix, last) {
	if (!isAccurate(fix)) {
		return false;
	}
	if (!last) {
		return true;
	}
	return distanceM(position(last), position(fix)) >= MIN_STEP_M || fix.at - last.at >= MIN_INTERVAL_MS;
}

/** A GeoJSON LineString of the fixes, or null when there are fewer than two distinct positions. */
export function trackLine(points) {
	const coordinates = points.map((p) => [round(p.lon), round(p.lat)])
		.filter((c, i, all) => i === 0 || c[0] !== all[i - 1][0] || c[1] !== all[i - 1][1]);
	return coordinates.length >= 2 ? {type: 'LineString', coordinates} : null;
}

const round = (deg) => Math.round(deg * 1e7) / 1e7;

/** "850 m" or "1.25 km". */
export function formatDistance(metres) {
	const m = Math.max(0, Number(metres) || 0);
	return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(2)} km`;
}

/** "mm:ss", or "h:mm:ss" from an hour on. */
export function formatDuration(ms) {
	const total = Math.max(0, Math.floor((Number(ms) || 0) / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const two = (n) => String(n).padStart(2, '0');
	return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
