/*
 * A map view of one layer narrowed by property values, as the dashboard's tiles link to it:
 *   #/layer/ditch?treated=true
 *   #/layer/sluice?standardization=in_progress&map=12/33.25/116.3
 * Every parameter but `map` is an equality filter that the OGC API items endpoint applies.
 */
import {formatView, parseHash} from './HashState.js';

const COLLECTION = /^[a-z][a-z0-9_]*$/;
const PROPERTY = /^[a-z][a-z0-9_]*$/;

/** Reads `#/layer/{collection}?{property}={value}...` into {collection, filter, view}, or null. */
export function parseLayerView(hash) {
	const text = String(hash || '').replace(/^#/, '');
	const match = /^\/layer\/([^/?&]+)\/?(?:[?&](.*))?$/.exec(text);
	if (!match || !COLLECTION.test(match[1])) {
		return null;
	}
	const search = new URLSearchParams(match[2] || '');
	const filter = {};
	for (const [key, value] of search) {
		if (key !== 'map' && PROPERTY.test(key) && value.trim() !== '') {
			filter[key] = value.trim();
		}
	}
	return {collection: match[1], filter, view: parseHash(`#map=${search.get('map') || ''}`).view};
}

/** Writes a layer view as a hash; `view` ({zoom, lat, lon}) is optional. */
export function formatLayerView(layerView, view = null) {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(layerView.filter || {})) {
		search.set(key, String(value));
	}
	const query = search.toString();
	const map = view ? `map=${formatView(view)}` : '';
	const params = [query, map].filter(Boolean).join('&');
	return `#/layer/${encodeURIComponent(layerView.collection)}${params ? `?${params}` : ''}`;
}
