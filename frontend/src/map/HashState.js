/*
 * The part of the state that a link carries, in the URL hash:
 *   #/sluice/12                         a feature
 *   #map=14/33.2500/116.3000            a view (zoom/latitude/longitude)
 *   #/sluice/12?map=14/33.2500/116.3000 both
 * Anything malformed is ignored part by part rather than rejected whole.
 */

const COLLECTION = /^[a-z][a-z0-9_]*$/;
const ID = /^[1-9][0-9]{0,17}$/;

function parseFeature(path) {
	const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
	if (parts.length !== 2 || !COLLECTION.test(parts[0]) || !ID.test(parts[1])) {
		return null;
	}
	return {collection: parts[0], id: parts[1]};
}

function parseView(text) {
	if (!text) {
		return null;
	}
	const parts = text.split('/');
	if (parts.length !== 3 || parts.some((p) => p.trim() === '')) {
		return null;
	}
	const [zoom, lat, lon] = parts.map(Number);
	const valid = Number.isFinite(zoom) && zoom >= 0 && zoom <= 22
		&& Number.isFinite(lat) && Math.abs(lat) <= 90
		&& Number.isFinite(lon) && Math.abs(lon) <= 180;
	return valid ? {zoom, lat, lon} : null;
}

/** Reads a hash ("#..." or without the sign) into {feature, view}; either may be null. */
export function parseHash(hash) {
	const text = String(hash || '').replace(/^#/, '');
	let path = '';
	let query = text;
	if (text.startsWith('/')) {
		const cut = text.search(/[?&]/);
		path = cut < 0 ? text : text.slice(0, cut);
		query = cut < 0 ? '' : text.slice(cut + 1);
	}
	const params = new URLSearchParams(query);
	return {
		feature: path ? parseFeature(path) : null,
		view: parseView(params.get('map'))
	};
}

/** Decimal places that keep a view stable to about a pixel at this zoom. */
export function precisionFor(zoom) {
	return Math.max(2, Math.min(6, Math.ceil(Math.log2(Math.max(zoom, 1)) + 1)));
}

export function formatView(view) {
	const zoom = Math.round(view.zoom * 100) / 100;
	const digits = precisionFor(zoom);
	return `${zoom}/${view.lat.toFixed(digits)}/${view.lon.toFixed(digits)}`;
}

/** Writes {feature, view} as a hash, starting with "#"; an empty state gives "". */
export function formatHash(state) {
	const {feature = null, view = null} = state || {};
	const path = feature ? `/${encodeURIComponent(feature.collection)}/${encodeURIComponent(feature.id)}` : '';
	const map = view ? `map=${formatView(view)}` : '';
	if (path && map) {
		return `#${path}?${map}`;
	}
	return path || map ? `#${path || map}` : '';
}
