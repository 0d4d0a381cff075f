/*
 * How far a figure of the plans is from its target (the dashboard's tiles). The server judges the status
 * against the indicator's own period and deadline in the county's time (done, on track, behind, missed, or
 * unavailable when the figure cannot be measured); the page only draws it.
 */

export const TILE_STATUSES = ['done', 'on_track', 'behind', 'missed', 'unavailable'];

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

/** The status the server gave the tile, 'unavailable' when it gave none the page knows. */
export function tileStatus(tile) {
	return TILE_STATUSES.includes(tile?.status) ? tile.status : 'unavailable';
}

/** The share of the target reached as a percentage for a ring or bar, 0–100. */
export function tilePercent(tile) {
	const ratio = tileRatio(tile);
	return ratio === null ? 0 : Math.max(0, Math.min(100, ratio * 100));
}
