import {CSRF_HEADER} from '../api/Api.js';
import {ApiError} from '../api/ApiError.js';

/** CRSs offered for an upload's override and an export, by EPSG code. */
/** The CRSs every county is offered in; the county's Gauss-Krüger zones follow (crsChoices). */
export const WORLDWIDE_CRS = ['4490', '4326', '3857'];

/**
 * EPSG codes a user picks a file's CRS from: the worldwide ones, then the CGCS2000 3-degree zones of the
 * county and its neighbours, each with the zone number in X (4513 + zone - 25) and without it (4534 + ...).
 */
export function crsChoices(gkZones) {
	const zones = [...new Set(gkZones.flatMap((zone) => [zone, zone - 1, zone + 1]))].filter((zone) => zone >= 25 && zone <= 45);
	return [...WORLDWIDE_CRS, ...zones.flatMap((zone) => [String(4513 + zone - 25), String(4534 + zone - 25)])];
}

/** A CRS's name for people: a worldwide one by its own message, a Gauss-Krüger zone by its number or meridian. */
export function crsName(code, t) {
	const epsg = Number(code);
	if (epsg >= 4513 && epsg <= 4533) {
		return t('imports.crsName.gkZone', {zone: epsg - 4513 + 25, code});
	}
	if (epsg >= 4534 && epsg <= 4554) {
		return t('imports.crsName.gkMeridian', {meridian: (epsg - 4534 + 25) * 3, code});
	}
	return t(`imports.crsName.${code}`);
}

export const EXPORT_FORMATS = ['geojson', 'shp', 'gpkg', 'kml', 'csv', 'xlsx'];

/**
 * The import and export endpoints. Uploads go as multipart forms, which the JSON client does
 * not send, with the same CSRF token and cookie the rest of the application uses.
 */
export class ImportApi {
	constructor({api, fetch: fetchFn = (...args) => globalThis.fetch(...args)}) {
		this.api = api;
		this._fetch = fetchFn;
	}

	/** Starts an import: the file, then collection or newLayer (+ title), encoding, crs. */
	async upload(file, fields, options = {}) {
		const form = new FormData();
		for (const [key, value] of Object.entries(fields)) {
			if (value) {
				form.append(key, value);
			}
		}
		form.append('file', file, file.name);
		let token = this.api.csrfToken();
		if (!token) {
			await this.api.me(options);
			token = this.api.csrfToken();
		}
		const url = `${this.api.baseUrl}/api/v1/imports`;
		const response = await this._fetch(url, {
			method: 'POST', body: form, credentials: 'same-origin', signal: options.signal,
			headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(token ? {[CSRF_HEADER]: token} : {})}
		});
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw ApiError.fromProblem(response.status, body, url);
		}
		return body;
	}

	job(id, options) {
		return this.api.get(`/api/v1/imports/${encodeURIComponent(id)}`, options);
	}

	recent(options) {
		return this.api.get('/api/v1/imports', options);
	}

	check(id, decision, options) {
		return this.api.send('POST', `/api/v1/imports/${encodeURIComponent(id)}/check`, decision, options);
	}

	commit(id, decision, options) {
		return this.api.send('POST', `/api/v1/imports/${encodeURIComponent(id)}/commit`, decision, options);
	}

	cancel(id, options) {
		return this.api.send('POST', `/api/v1/imports/${encodeURIComponent(id)}/cancel`, undefined, options);
	}

	/** A collection as a file: {blob, filename}. */
	exportCollection(collection, params, options = {}) {
		const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
		return this.api.request('GET', `/api/v1/collections/${encodeURIComponent(collection)}/export?${query}`,
			{...options, accept: '*/*', blob: true});
	}
}

/** Whether a job is still working and its page should keep asking. */
export function isRunning(job) {
	return job?.state === 'loading' || job?.state === 'committing';
}
