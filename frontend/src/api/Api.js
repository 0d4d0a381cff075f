import {ApiError} from './ApiError.js';

/** Largest page that the OGC API serves in one response. */
export const MAX_LIMIT = 10000;

function query(params) {
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) {
		if (value !== undefined && value !== null && value !== '') {
			search.set(name, Array.isArray(value) ? value.join(',') : String(value));
		}
	}
	const text = search.toString();
	return text ? `?${text}` : '';
}

/**
 * The back end as this application uses it: the registry's own JSON API (/api/v1) and
 * OGC API - Features (/ogc). Every call takes an optional AbortSignal.
 */
export class Api {
	constructor(options = {}) {
		const {baseUrl = '', fetch: fetchFn = (...args) => globalThis.fetch(...args)} = options;
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this._fetch = fetchFn;
	}

	async get(path, options = {}) {
		const {signal, accept = 'application/json'} = options;
		const url = `${this.baseUrl}${path}`;
		let response;
		try {
			response = await this._fetch(url, {signal, headers: {Accept: accept}});
		} catch (error) {
			if (error?.name === 'AbortError') {
				throw error;
			}
			throw new ApiError({status: 0, detail: error?.message || '', url});
		}
		if (!response.ok) {
			let problem = {};
			try {
				problem = await response.json();
			} catch {
				// Not a problem document; the status alone will do.
			}
			throw new ApiError({status: response.status, title: problem.title, detail: problem.detail, url});
		}
		return response.json();
	}

	config(options) {
		return this.get('/api/v1/config', options);
	}

	layers(options) {
		return this.get('/api/v1/layers', options);
	}

	departments(options) {
		return this.get('/api/v1/departments', options);
	}

	/** Counts per collection and status, honouring `department` (and `status`) filters. */
	counts(filters = {}, options) {
		return this.get(`/api/v1/stats/counts${query(filters)}`, options);
	}

	/** A FeatureCollection of one collection; `bbox` is [minLon, minLat, maxLon, maxLat]. */
	items(collection, params = {}, options) {
		const {bbox, limit = MAX_LIMIT, ...filters} = params;
		const bboxText = bbox ? bbox.map((v) => Number(v).toFixed(6)).join(',') : undefined;
		return this.get(`/ogc/collections/${encodeURIComponent(collection)}/items${query({bbox: bboxText, limit, ...filters})}`,
			{...options, accept: 'application/geo+json, application/json'});
	}

	item(collection, id, options) {
		return this.get(`/ogc/collections/${encodeURIComponent(collection)}/items/${encodeURIComponent(id)}`,
			{...options, accept: 'application/geo+json, application/json'});
	}

	search(q, params = {}, options) {
		const {limit = 20} = params;
		return this.get(`/api/v1/search${query({q, limit})}`, options);
	}

	linkedProjects(collection, id, options) {
		return this.get(`/api/v1/features/${encodeURIComponent(collection)}/${encodeURIComponent(id)}/projects`, options);
	}

	/** One of the offline base map's data sets: county, towns or roads. */
	basemap(name, options) {
		return this.get(`/api/v1/basemap/${encodeURIComponent(name)}.geojson`,
			{...options, accept: 'application/geo+json, application/json'});
	}
}
