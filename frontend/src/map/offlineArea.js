import {GeoJSON, latLngBounds} from 'leaflet';

/** Around a chief's own segments: 2 km, down to the street (z17). */
const OWN_MARGIN_M = 2000;
const OWN_MAX_ZOOM = 17;
/** Anyone else: the county, to the zoom where a town fills the screen. */
const COUNTY_MAX_ZOOM = 13;

/**
 * Tells the service worker (src/sw.js) which base map tiles to keep for use with no signal: those
 * around the segments of the signed-in river chief, or the county at coarser zooms for everyone
 * else. Without a service worker, or when the segments cannot be read, nothing is kept.
 */
export async function keepAreaOffline({api, county, win = globalThis.window}) {
	const worker = win?.navigator?.serviceWorker;
	if (!worker?.controller) {
		return;
	}
	const area = await ownArea(api).catch(() => null);
	const bounds = area || (county?.isValid() ? county : null);
	if (bounds) {
		worker.controller.postMessage({
			type: 'hetu-area', maxZoom: area ? OWN_MAX_ZOOM : COUNTY_MAX_ZOOM,
			bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
		});
	}
}

/** The bounds of the signed-in chief's segments with the margin, or null for anyone who is no chief. */
async function ownArea(api) {
	const chief = await api.get('/api/v1/me/chief');
	const assignments = chief?.assignments || [];
	if (!assignments.length) {
		return null;
	}
	const segments = await Promise.all(assignments.map((a) => api.item(a.collection, a.assetId).catch(() => null)));
	const bounds = latLngBounds([]);
	for (const segment of segments.filter(Boolean)) {
		bounds.extend(new GeoJSON(segment).getBounds());
	}
	return bounds.isValid() ? grow(bounds) : null;
}

function grow(bounds) {
	const sw = bounds.getSouthWest().toBounds(OWN_MARGIN_M * 2).getSouthWest();
	const ne = bounds.getNorthEast().toBounds(OWN_MARGIN_M * 2).getNorthEast();
	return latLngBounds(sw, ne);
}
