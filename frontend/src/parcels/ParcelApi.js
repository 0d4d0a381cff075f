/*
 * The land planners' part of the back end (/api/v1/parcels), through the application's Api
 * (its headers, CSRF token and 401 handling). Every call takes an optional AbortSignal.
 */
const part = (value) => encodeURIComponent(value);

export const EXPORT_FORMATS = ['geojson', 'csv', 'shp', 'gpkg', 'kml', 'xlsx'];
export const EXPORT_CRS = ['4326', '4490'];

export class ParcelApi {
	constructor(options) {
		const {api} = options;
		this.api = api;
	}

	/** A page of matching parcels: a FeatureCollection with numberMatched, totals, byCategory and byTown. */
	search(body, options = {}) {
		return this.api.send('POST', '/api/v1/parcels/search', body, {...options, accept: 'application/geo+json, application/json'});
	}

	/** Every matching parcel as a file, headed and worded in `lang` (zh or en): {blob, filename}. */
	export(body, format, crs, options = {}, lang = 'zh') {
		return this.api.request('POST', `/api/v1/parcels/export?format=${part(format)}&crs=${part(crs)}&lang=${part(lang)}`,
			{...options, body, accept: '*/*', blob: true});
	}

	plan(id, options) {
		return this.api.get(`/api/v1/parcels/${part(id)}/plan`, options);
	}

	savePlan(id, body, options) {
		return this.api.send('PUT', `/api/v1/parcels/${part(id)}/plan`, body, options);
	}

	disposalRate(year, options) {
		return this.api.get(`/api/v1/parcels/disposal-rate?year=${part(year)}`, options);
	}

	saveIndicator(year, indicator, options) {
		const {gdp100mCny, constructionLandHa} = indicator;
		return this.api.send('PUT', `/api/v1/parcels/indicators/${part(year)}`, {gdp100mCny, constructionLandHa}, options);
	}

	savedQueries(options) {
		return this.api.get('/api/v1/parcels/queries', options);
	}

	savedQuery(id, options) {
		return this.api.get(`/api/v1/parcels/queries/${part(id)}`, options);
	}

	saveQuery(name, query, options) {
		return this.api.send('POST', '/api/v1/parcels/queries', {name, query}, options);
	}

	deleteQuery(id, options) {
		return this.api.send('DELETE', `/api/v1/parcels/queries/${part(id)}`, undefined, options);
	}

	/** Projects for the footprint condition: {items: [{id, code, name, hasFootprint}]}. */
	projects(q, options) {
		return this.api.get(`/api/v1/projects?q=${part(q || '')}&size=20`, options);
	}

	project(id, options) {
		return this.api.get(`/api/v1/projects/${part(id)}`, options);
	}

	towns(options) {
		return this.api.basemap('towns', options);
	}

	/** Features by name or code in every collection: [{collection, id, code, name, bbox}]. */
	findFeatures(q, options) {
		return this.api.search(q, {limit: 12}, options);
	}

	/** The features a near condition measures from: the listed ids, or those whose properties match. */
	async nearFeatures(near, options) {
		if (near.ids?.length) {
			const features = await Promise.all(near.ids.slice(0, 20).map((id) => this.api.item(near.collection, id, options).catch(() => null)));
			return {type: 'FeatureCollection', features: features.filter(Boolean)};
		}
		return this.api.items(near.collection, {...(near.where || {})}, options);
	}
}
