/**
 * The address of one vector tile of a collection: `/tiles/ditch/14/13480/6510.mvt?treated=true`.
 * `filter` holds the equality filters the server applies (a dashboard tile's map view); its
 * keys are sorted so that the same filter always gives the same URL, and so the same cache entry.
 */
export function tileUrl(collection, coords, filter = null) {
	const search = new URLSearchParams();
	for (const key of Object.keys(filter || {}).sort()) {
		const value = filter[key];
		if (value !== undefined && value !== null && value !== '') {
			search.set(key, String(value));
		}
	}
	const query = search.toString();
	const path = [coords.z, coords.x, coords.y].map((n) => encodeURIComponent(n)).join('/');
	return `/tiles/${encodeURIComponent(collection)}/${path}.mvt${query ? `?${query}` : ''}`;
}
