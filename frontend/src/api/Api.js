import {ApiError} from './ApiError.js';
import {readCookie} from './readCookie.js';

/** Largest page that the OGC API serves in one response. */
export const MAX_LIMIT = 10000;

/** The cookie in which the server hands out its CSRF token, and the header that sends it back. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/** The code of the server's 403 for a CSRF token that is missing or not the session's. */
const CSRF_REFUSED = 'csrf_refused';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function query(params, options = {}) {
	const {repeat = false} = options;
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') {
			continue;
		}
		if (Array.isArray(value) && repeat) {
			value.filter((v) => v !== undefined && v !== null && v !== '').forEach((v) => search.append(name, String(v)));
		} else {
			search.set(name, Array.isArray(value) ? value.join(',') : String(value));
		}
	}
	const text = search.toString();
	return text ? `?${text}` : '';
}

/** The version in an ETag header ("3", W/"3"), or null. */
export function versionOfEtag(etag) {
	const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(etag || '').trim());
	return match ? Number(match[1]) : null;
}

/** The filters of a project list as query parameters: several values repeat the parameter. */
export function projectQuery(filters = {}) {
	const {department, status, category, year, q, bbox, overdue, sort, page, size} = filters;
	return query({
		department, status, category, year, q,
		bbox: bbox ? bbox.map((v) => Number(v).toFixed(6)).join(',') : undefined,
		overdue: overdue === true || overdue === false ? String(overdue) : undefined,
		sort, page, size
	}, {repeat: true});
}

const part = (value) => encodeURIComponent(value);

/**
 * The back end as this application uses it: the registry's own JSON API (/api/v1) and
 * OGC API - Features (/ogc). Every call takes an optional AbortSignal.
 *
 * Every request says it comes from the application (`X-Requested-With`), so that a 401
 * carries no Basic challenge and the browser never shows its own password dialog, and
 * sends the session cookie (`credentials: 'same-origin'`). Requests that change something
 * send the CSRF token from the `XSRF-TOKEN` cookie; when there is none yet, the server is
 * asked for one first, and when the server refuses it (it belonged to a session that has
 * ended) the current one is fetched and the request sent once more. A 401 on any call but signing in is reported to the listeners of
 * `onUnauthorized` (the session may have expired) before the error is thrown.
 */
export class Api {
	constructor(options = {}) {
		const {
			baseUrl = '',
			fetch: fetchFn = (...args) => globalThis.fetch(...args),
			cookies = () => globalThis.document?.cookie || ''
		} = options;
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this._fetch = fetchFn;
		this._cookies = cookies;
		this._unauthorizedListeners = [];
	}

	/** Calls `listener(error)` on every 401 outside signing in; returns a function that stops it. */
	onUnauthorized(listener) {
		this._unauthorizedListeners.push(listener);
		return () => {
			this._unauthorizedListeners = this._unauthorizedListeners.filter((l) => l !== listener);
		};
	}

	/** The CSRF token the server set, or null. */
	csrfToken() {
		return readCookie(this._cookies(), CSRF_COOKIE);
	}

	/**
	 * One request. `body` is sent as JSON (as `contentType`, application/json unless told);
	 * `headers` adds headers (such as If-Match); `signIn` marks the sign-in call, whose 401
	 * means wrong credentials rather than an expired session. Answers the parsed JSON, or
	 * null for an empty answer (204); with `full`, {body, etag}; with `blob`, {blob, filename}; with
	 * `bytes`, an ArrayBuffer (null for 204).
	 */
	async request(method, path, options = {}) {
		const {signal, accept = 'application/json', body, signIn = false, contentType = 'application/json', headers: extra = {}, full = false, blob = false, bytes = false, retried = false} = options;
		const url = `${this.baseUrl}${path}`;
		const headers = {Accept: accept, 'X-Requested-With': 'XMLHttpRequest', ...extra};
		// A FormData body (a file upload) goes as multipart form data, whose boundary the browser sets.
		const form = typeof FormData !== 'undefined' && body instanceof FormData;
		if (body !== undefined && !form) {
			headers['Content-Type'] = contentType;
		}
		if (!SAFE_METHODS.has(method)) {
			let token = this.csrfToken();
			if (!token) {
				// The server sets the cookie on any answer; ask for the cheapest one.
				await this.me({signal});
				token = this.csrfToken();
			}
			if (token) {
				headers[CSRF_HEADER] = token;
			}
		}
		let response;
		try {
			response = await this._fetch(url, {
				method, signal, headers, credentials: 'same-origin',
				body: body === undefined || form ? body : JSON.stringify(body)
			});
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
			if (response.status === 403 && problem?.code === CSRF_REFUSED && !retried && !SAFE_METHODS.has(method)) {
				// The token belongs to a session that has ended (signing in again starts a new one): fetch the current one, once.
				await this.me({signal});
				return this.request(method, path, {...options, retried: true});
			}
			const error = ApiError.fromProblem(response.status, problem, url, Number(response.headers?.get?.('Retry-After')));
			if (response.status === 401 && !signIn) {
				for (const listener of [...this._unauthorizedListeners]) {
					listener(error);
				}
			}
			throw error;
		}
		if (blob) {
			const disposition = response.headers?.get?.('Content-Disposition') || '';
			const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
			const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
			return {blob: await response.blob(), filename: encoded ? decodeURIComponent(encoded) : plain || null};
		}
		if (bytes) {
			return response.status === 204 ? null : response.arrayBuffer();
		}
		let parsed;
		if (response.status === 204) {
			parsed = null;
		} else {
			const text = typeof response.text === 'function' ? await response.text() : null;
			parsed = text === null ? await response.json() : text ? JSON.parse(text) : null;
		}
		return full ? {body: parsed, etag: response.headers?.get?.('ETag') || null} : parsed;
	}

	get(path, options = {}) {
		return this.request('GET', path, options);
	}

	send(method, path, body, options = {}) {
		return this.request(method, path, {...options, body});
	}

	// ---- signing in

	/** Who is signed in: {authenticated, username, displayName, roles, department, editableCollections}. */
	me(options) {
		return this.get('/api/v1/auth/me', options);
	}

	/**
	 * Signs in. The CSRF token lives in the session, which may have ended since the cookie was read,
	 * so the current one is asked for first (a 401 there is no expired session either).
	 */
	async login(username, password, options) {
		await this.request('GET', '/api/v1/auth/me', {...options, signIn: true});
		return this.send('POST', '/api/v1/auth/login', {username, password}, {...options, signIn: true});
	}

	logout(options) {
		return this.send('POST', '/api/v1/auth/logout', undefined, options);
	}

	// ---- the map

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

	/** Counts per status of one collection under equality filters on its properties, e.g. {treated: true}. */
	collectionCounts(collection, filters = {}, options) {
		return this.get(`/api/v1/stats/counts/${part(collection)}${query(filters)}`, options);
	}

	/** A FeatureCollection of one collection; `bbox` is [minLon, minLat, maxLon, maxLat]. */
	items(collection, params = {}, options) {
		const {bbox, limit = MAX_LIMIT, ...filters} = params;
		const bboxText = bbox ? bbox.map((v) => Number(v).toFixed(6)).join(',') : undefined;
		return this.get(`/ogc/collections/${part(collection)}/items${query({bbox: bboxText, limit, ...filters})}`,
			{...options, accept: 'application/geo+json, application/json'});
	}

	/**
	 * One vector tile's bytes (an ArrayBuffer), or null for an empty tile (204). `url` comes from
	 * tileUrl(). A plain GET in the default cache mode, so the browser revalidates with the ETag.
	 */
	tile(url, options) {
		return this.get(url, {...options, accept: 'application/vnd.mapbox-vector-tile', bytes: true});
	}

	item(collection, id, options) {
		return this.get(`/ogc/collections/${part(collection)}/items/${part(id)}`,
			{...options, accept: 'application/geo+json, application/json'});
	}

	search(q, params = {}, options) {
		const {limit = 20} = params;
		return this.get(`/api/v1/search${query({q, limit})}`, options);
	}

	linkedProjects(collection, id, options) {
		return this.get(`/api/v1/features/${part(collection)}/${part(id)}/projects`, options);
	}

	/** One of the offline base map's data sets: county, towns or roads. */
	basemap(name, options) {
		return this.get(`/api/v1/basemap/${part(name)}.geojson`,
			{...options, accept: 'application/geo+json, application/json'});
	}

	/** What a collection's properties are and their JSON types (OGC API - Features queryables). */
	queryables(collection, options) {
		return this.get(`/ogc/collections/${part(collection)}/queryables`, {...options, accept: 'application/schema+json, application/json'});
	}

	// ---- editing features (OGC API - Features Part 4)

	/** One feature with its ETag: {feature, etag}. */
	async itemForEdit(collection, id, options) {
		const {body, etag} = await this.get(`/ogc/collections/${part(collection)}/items/${part(id)}`,
			{...options, accept: 'application/geo+json, application/json', full: true});
		return {feature: body, etag};
	}

	/** A new feature (a GeoJSON Feature in lon/lat); answers {feature, etag}. */
	async createItem(collection, feature, options) {
		const {body, etag} = await this.request('POST', `/ogc/collections/${part(collection)}/items`,
			{...options, body: feature, contentType: 'application/geo+json', accept: 'application/geo+json, application/json', full: true});
		return {feature: body, etag};
	}

	/** A JSON merge patch of {properties, geometry}, based on the version in `etag`; answers {feature, etag}. */
	async patchItem(collection, id, patch, etag, options) {
		const {body, etag: next} = await this.request('PATCH', `/ogc/collections/${part(collection)}/items/${part(id)}`, {
			...options, body: patch, contentType: 'application/merge-patch+json', accept: 'application/geo+json, application/json',
			headers: etag ? {'If-Match': etag} : {}, full: true
		});
		return {feature: body, etag: next};
	}

	deleteItem(collection, id, etag, options) {
		return this.request('DELETE', `/ogc/collections/${part(collection)}/items/${part(id)}`,
			{...options, headers: etag ? {'If-Match': etag} : {}});
	}

	// ---- key projects

	/** A page of projects: {items, total, page, size}. See `projectQuery` for the filters. */
	projects(filters = {}, options) {
		return this.get(`/api/v1/projects${projectQuery(filters)}`, options);
	}

	/** The address of the list as a spreadsheet (csv or xlsx), under the same filters. */
	projectExportPath(format, filters = {}) {
		const {page, size, sort, ...rest} = filters;
		const text = projectQuery(rest);
		return `/api/v1/projects/export?format=${part(format)}${text ? `&${text.slice(1)}` : ''}`;
	}

	/** The list as a file: {blob, filename}. */
	exportProjects(format, filters = {}, options) {
		return this.request('GET', this.projectExportPath(format, filters), {...options, accept: '*/*', blob: true});
	}

	/** One project: {summary, leadUnit, footprint, progress, milestones, history, links, ...}. */
	project(id, options) {
		return this.get(`/api/v1/projects/${part(id)}`, options);
	}

	/** A new project: {properties, footprint}; answers its detail. */
	createProject(project, options) {
		return this.send('POST', '/api/v1/projects', project, options);
	}

	/** A merge patch {properties: {..., version}, geometry}; answers the detail. */
	updateProject(id, patch, options) {
		return this.send('PATCH', `/api/v1/projects/${part(id)}`, patch, options);
	}

	deleteProject(id, version, options) {
		return this.send('DELETE', `/api/v1/projects/${part(id)}?version=${part(version)}`, undefined, options);
	}

	/** Moves a project to status `to`, saying why; answers the detail. */
	transitionProject(id, transition, options) {
		const {to, reason, version} = transition;
		return this.send('POST', `/api/v1/projects/${part(id)}/transitions`, {to, reason, version}, options);
	}

	updateMilestone(id, milestoneId, change, options) {
		const {dueOn = null, doneOn = null, remarks = null, version} = change;
		return this.send('PUT', `/api/v1/projects/${part(id)}/milestones/${part(milestoneId)}`, {dueOn, doneOn, remarks, version}, options);
	}

	linkAsset(id, collection, assetId, options) {
		return this.send('POST', `/api/v1/projects/${part(id)}/links`, {collection, assetId: Number(assetId)}, options);
	}

	unlinkAsset(id, collection, assetId, options) {
		return this.send('DELETE', `/api/v1/projects/${part(id)}/links/${part(collection)}/${part(assetId)}`, undefined, options);
	}

	/** Makes the footprint the union of the linked assets' shapes; answers the detail. */
	deriveFootprint(id, options) {
		return this.send('POST', `/api/v1/projects/${part(id)}/footprint/derive`, undefined, options);
	}

	/** The dashboard's figures: projects by status and department, investment, overdue milestones, the year's plan tiles. */
	overview(options = {}) {
		const {year, ...rest} = options;
		return this.get(`/api/v1/stats/overview${year ? `?year=${part(year)}` : ''}`, rest);
	}

	// ---- history

	/** The changes of one feature, newest first, with whole rows before and after. */
	history(collection, id, options) {
		return this.get(`/api/v1/features/${part(collection)}/${part(id)}/history`, options);
	}

	/** Makes a feature what it was right after change `changeId`; answers the new change. */
	restore(collection, id, changeId, options) {
		return this.send('POST', `/api/v1/features/${part(collection)}/${part(id)}/history/${part(changeId)}/restore`, undefined, options);
	}

	/** Recent changes, newest first: `user`, `collection`, `before` (a change id) and `limit` narrow them. */
	changes(filters = {}, options) {
		const {user, collection, before, limit = 50} = filters;
		return this.get(`/api/v1/changes${query({user, collection, before, limit})}`, options);
	}

	// ---- my account

	changePassword(current, next, options) {
		return this.send('POST', '/api/v1/me/password', {current, next}, options);
	}

	tokens(options) {
		return this.get('/api/v1/me/tokens', options);
	}

	/** A new API token: {id, name, token}; the token is shown this once. */
	createToken(token, options) {
		const {name, expiresAt} = token;
		return this.send('POST', '/api/v1/me/tokens', expiresAt ? {name, expiresAt} : {name}, options);
	}

	revokeToken(id, options) {
		return this.send('DELETE', `/api/v1/me/tokens/${part(id)}`, undefined, options);
	}

	// ---- administration

	accounts(options) {
		return this.get('/api/v1/accounts', options);
	}

	/** A new account: {account, password}; the password is there when the server chose it. */
	createAccount(account, options) {
		return this.send('POST', '/api/v1/accounts', account, options);
	}

	/** Changes some fields of an account; `change.version` is the version the user saw. */
	updateAccount(id, change, options) {
		return this.send('PATCH', `/api/v1/accounts/${part(id)}`, change, options);
	}

	/** A new password chosen by the server: {account, password}. */
	resetPassword(id, options) {
		return this.send('POST', `/api/v1/accounts/${part(id)}/password-reset`, undefined, options);
	}

	/** Opens a collection to anonymous reading, or closes it. */
	setPublicRead(collection, publicRead, options) {
		return this.send('PATCH', `/api/v1/collections/${part(collection)}`, {publicRead}, options);
	}
}
