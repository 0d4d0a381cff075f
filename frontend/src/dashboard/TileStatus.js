/*
 * How far a figure of the plans is from its target (the dashboard's tiles). A yearly target
 * is expected to be reached evenly over the year: a tile is behind (red) when its share of the
 * target is below the share of the year that has passed, on track otherwise, done when the
 * target is met. A tile without a target only shows its value.
 */

export const TILE_STATUSES = ['done', 'on_track', 'behind', 'none'];

/** The share (0–1) of the calendar year that has passed at `now`, in China Standard Time. */
export function yearElapsed(now = new Date()) {
	const shifted = new Date(now.getTime() + 8 * 3600 * 1000);
	const year = shifted.getUTCFullYear();
	const start = Date.UTC(year, 0, 1);
	const end = Date.UTC(year + 1, 0, 1);
	return (shifted.getTime() - start) / (end - start);
}

/** The share (0–1, not capped) of the target reached, or null without a target or without a value. */
export function tileRatio(tile) {
	if (tile?.value === null || tile?.value === undefined) {
		return null;
	}
	const target = Number(tile?.target);
	const value = Number(tile?.value);
	if (!Number.isFinite(target) || target <= 0 || !Number.isFinite(value)) {
		return null;
	}
	return value / target;
}

/** 'done', 'on_track', 'behind' or 'none' (no target). */
export function tileStatus(tile, options = {}) {
	const {now = new Date()} = options;
	const ratio = tileRatio(tile);
	if (ratio === null) {
		return 'none';
	}
	if (ratio >= 1) {
		return 'done';
	}
	return ratio < yearElapsed(now) ? 'behind' : 'on_track';
}

/** The share of the target reached as a percentage for a ring or bar, 0–100. */
export function tilePercent(tile) {
	const ratio = tileRatio(tile);
	return ratio === null ? 0 : Math.max(0, Math.min(100, ratio * 100));
}
