/** Above this many rows (the catalogue's large table) a collection is drawn from LARGE_MIN_ZOOM on. */
export const LARGE_COLLECTION = 100000;
export const LARGE_MIN_ZOOM = 14;

/**
 * The lowest map zoom at which a collection of `count` rows is drawn. A large one is left out
 * below LARGE_MIN_ZOOM: its tiles there would be cut at the server's cap (a misleading sample)
 * and take seconds each; at 14 a 512 px tile of a dense town holds a few thousand parcels.
 */
export function minZoomFor(count) {
	return Number(count) > LARGE_COLLECTION ? LARGE_MIN_ZOOM : 0;
}
