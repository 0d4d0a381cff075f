import {CSRF_HEADER} from '../api/Api.js';
import {ApiError} from '../api/ApiError.js';

/*
 * The river chief system's part of the back end (/api/v1/chiefs, patrols, issues, bulletins),
 * through the application's Api (its headers, CSRF token and 401 handling). Photos go as
 * multipart forms, which the Api does not send, so they are posted here with the same headers.
 */
const part = (value) => encodeURIComponent(value);

/** The issue categories the back end knows, in the bulletin's order (四乱 first). */
export const CATEGORIES = ['occupation', 'mining', 'dumping', 'building', 'pollution', 'other'];

/** The issue workflow's statuses in order. */
export const STATUSES = ['reported', 'assigned', 'rectifying', 'rectified', 'closed'];

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTOS = 9;

function search(params) {
	const query = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) {
		if (value !== undefined && value !== null && value !== '') {
			query.set(name, String(value));
		}
	}
	const text = query.toString();
	return text ? `?${text}` : '';
}

export class RiverApi {
	constructor(options) {
		const {api, fetch: fetchFn = (...args) => globalThis.fetch(...args)} = options;
		this.api = api;
		this._fetch = fetchFn;
	}

	chiefs(options) {
		return this.api.get('/api/v1/chiefs', options);
	}

	/** The signed-in account's chief record with its segments; null (204) when the account is no chief. */
	myChief(options) {
		return this.api.get('/api/v1/me/chief', options);
	}

	/** The kinds of field work (river, straw burning, works inspection, warning stations, and any an administrator added). */
	patrolTypes(options) {
		return this.api.get('/api/v1/patrol-types', options);
	}

	/** What the signed-in account patrols: {chiefId, types, duties}. */
	fieldWork(options) {
		return this.api.get('/api/v1/me/field-work', options);
	}

	/** The GeoJSON feature of a grid or asset in one's charge (a duty of GET /api/v1/me/field-work). */
	dutyShape(duty, options) {
		return this.api.get(`/ogc/collections/${part(duty.collection)}/items/${part(duty.assetId)}?f=json`, options);
	}

	/** River segments and ditches with their chiefs: a FeatureCollection. */
	responsibility(options) {
		return this.api.get('/api/v1/chiefs/responsibility', {...options, accept: 'application/geo+json, application/json'});
	}

	uploadPatrol(patrol, options) {
		return this.api.send('POST', '/api/v1/patrols', patrol, options);
	}

	patrol(id, options) {
		return this.api.get(`/api/v1/patrols/${part(id)}`, options);
	}

	reportIssue(report, options) {
		return this.api.send('POST', '/api/v1/issues', report, options);
	}

	/** Issues filtered by status, overdue, month (yyyy-MM), town, category and chiefId. */
	issues(filters = {}, options) {
		const {status, overdue, month, town, category, chiefId} = filters;
		return this.api.get(`/api/v1/issues${search({status, overdue, month, town, category, chiefId})}`, options);
	}

	issue(id, options) {
		return this.api.get(`/api/v1/issues/${part(id)}`, options);
	}

	transition(id, transition, options) {
		const {to, note = null, assignee = null, deadline = null, version} = transition;
		return this.api.send('POST', `/api/v1/issues/${part(id)}/transitions`, {to, note, assignee, deadline, version}, options);
	}

	/** Uploads a photo of an issue (kind before or after) under the phone's own id, so that a retry is harmless. */
	async uploadPhoto(issueId, photo, options = {}) {
		const {id, kind, blob, name} = photo;
		const form = new FormData();
		form.append('file', blob, name || 'photo');
		if (id) {
			form.append('id', id);
		}
		form.append('kind', kind);
		const url = `${this.api.baseUrl}/api/v1/issues/${part(issueId)}/photos`;
		let token = this.api.csrfToken();
		if (!token) {
			await this.api.me(options);
			token = this.api.csrfToken();
		}
		let response;
		try {
			response = await this._fetch(url, {
				method: 'POST', body: form, credentials: 'same-origin', signal: options.signal,
				headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(token ? {[CSRF_HEADER]: token} : {})}
			});
		} catch (error) {
			if (error?.name === 'AbortError') {
				throw error;
			}
			throw new ApiError({status: 0, detail: error?.message || '', url});
		}
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw ApiError.fromProblem(response.status, body, url);
		}
		return body;
	}

	bulletin(month, options) {
		return this.api.get(`/api/v1/bulletins/${part(month)}`, options);
	}

	/** The bulletin as a spreadsheet (csv or xlsx): {blob, filename}. */
	bulletinFile(month, format, options) {
		return this.api.request('GET', `/api/v1/bulletins/${part(month)}.${format}`, {...options, accept: '*/*', blob: true});
	}
}
