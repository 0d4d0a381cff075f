import {describe, expect, it} from 'vitest';
import {Api, versionOfEtag} from '../../../src/api/Api.js';
import {ApiError, isAbort} from '../../../src/api/ApiError.js';

function recordingApi(respond = () => ({status: 200, body: []}), options = {}) {
	const calls = [];
	const api = new Api({
		cookies: () => 'XSRF-TOKEN=token-1',
		...options,
		fetch: async (url, init) => {
			calls.push({url, init});
			const {status, body} = respond(url, init);
			return {ok: status < 400, status, json: async () => body};
		}
	});
	return {api, calls};
}

describe('Api', () => {
	it('asks for items in a bbox with the largest page', async () => {
		const {api, calls} = recordingApi(() => ({status: 200, body: {type: 'FeatureCollection', features: []}}));
		await api.items('river_segment', {bbox: [116, 33, 116.5, 33.5]});
		expect(calls[0].url).toBe('/ogc/collections/river_segment/items?bbox=116.000000%2C33.000000%2C116.500000%2C33.500000&limit=10000');
		expect(calls[0].init.headers.Accept).toContain('application/geo+json');
	});

	it('passes property filters and leaves empty ones out', async () => {
		const {api, calls} = recordingApi(() => ({status: 200, body: {}}));
		await api.items('sluice', {status: 'planned', department: '', limit: 5});
		expect(calls[0].url).toBe('/ogc/collections/sluice/items?limit=5&status=planned');
		await api.counts({department: 'water'});
		expect(calls[1].url).toBe('/api/v1/stats/counts?department=water');
	});

	it('encodes search text and names features by collection and id', async () => {
		const {api, calls} = recordingApi();
		await api.search('朱楼闸');
		await api.item('sluice', 7);
		await api.linkedProjects('bridge', 4);
		await api.basemap('towns');
		expect(calls.map((c) => c.url)).toEqual([
			`/api/v1/search?q=${encodeURIComponent('朱楼闸')}&limit=20`,
			'/ogc/collections/sluice/items/7',
			'/api/v1/features/bridge/4/projects',
			'/api/v1/basemap/towns.geojson'
		]);
	});

	it('turns a problem document into an ApiError', async () => {
		const {api} = recordingApi(() => ({status: 404, body: {title: 'Not Found', detail: 'no sluice 99'}}));
		const error = await api.item('sluice', 99).catch((e) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect(error.status).toBe(404);
		expect(error.message).toBe('no sluice 99');
	});

	it('tells how long a locked sign-in must wait (429 with Retry-After)', async () => {
		const api = new Api({
			cookies: () => 'XSRF-TOKEN=token-1',
			fetch: async (url) => (url === '/api/v1/auth/me' ? {ok: true, status: 200, json: async () => ({})}
				: {ok: false, status: 429, headers: new Headers({'Retry-After': '120'}), json: async () => ({title: 'Too many failed sign-ins'})})
		});
		const error = await api.login('zhangsan', 'guess').catch((e) => e);
		expect(error.status).toBe(429);
		expect(error.retryAfter).toBe(120);
		const plain = await recordingApi(() => ({status: 404, body: {}})).api.item('sluice', 1).catch((e) => e);
		expect(plain.retryAfter).toBeNull();
	});

	it('reports a network failure with status 0 and lets aborts through', async () => {
		const failing = new Api({fetch: async () => {
			throw new TypeError('Failed to fetch');
		}});
		expect((await failing.layers().catch((e) => e)).status).toBe(0);
		const aborting = new Api({fetch: async () => {
			throw new DOMException('aborted', 'AbortError');
		}});
		expect(isAbort(await aborting.layers().catch((e) => e))).toBe(true);
	});

	it('prefixes a base URL without doubling the slash', async () => {
		const calls = [];
		const api = new Api({baseUrl: 'http://127.0.0.1:8080/', fetch: async (url) => {
			calls.push(url);
			return {ok: true, status: 200, json: async () => ({})};
		}});
		await api.config();
		expect(calls[0]).toBe('http://127.0.0.1:8080/api/v1/config');
	});

	it('says every request comes from the application and sends the session cookie', async () => {
		const {api, calls} = recordingApi();
		await api.layers();
		await api.logout();
		for (const {init} of calls) {
			expect(init.headers['X-Requested-With']).toBe('XMLHttpRequest');
			expect(init.credentials).toBe('same-origin');
		}
	});
});

describe('Api and CSRF', () => {
	it('sends the token of the XSRF-TOKEN cookie with every change, and never with a read', async () => {
		const {api, calls} = recordingApi(() => ({status: 200, body: {}}), {cookies: () => 'other=1; XSRF-TOKEN=abc%2Fdef; SESSION=x'});
		await api.items('sluice');
		await api.restore('sluice', 3, 17);
		await api.updateAccount(4, {enabled: false, version: 2});
		await api.revokeToken(9);
		expect(calls[0].init.headers['X-XSRF-TOKEN']).toBeUndefined();
		expect(calls.slice(1).map((c) => [c.init.method, c.url, c.init.headers['X-XSRF-TOKEN']])).toEqual([
			['POST', '/api/v1/features/sluice/3/history/17/restore', 'abc/def'],
			['PATCH', '/api/v1/accounts/4', 'abc/def'],
			['DELETE', '/api/v1/me/tokens/9', 'abc/def']
		]);
		expect(JSON.parse(calls[2].init.body)).toEqual({enabled: false, version: 2});
		expect(calls[2].init.headers['Content-Type']).toBe('application/json');
	});

	it('asks the server for a token first when the browser has none', async () => {
		let cookie = '';
		const {api, calls} = recordingApi((url) => {
			if (url === '/api/v1/auth/me') {
				cookie = 'XSRF-TOKEN=fresh';
			}
			return {status: 200, body: {authenticated: true, username: 'admin'}};
		}, {cookies: () => cookie});
		await api.login('admin', 'secret-password');
		expect(calls.map((c) => [c.init.method, c.url])).toEqual([['GET', '/api/v1/auth/me'], ['POST', '/api/v1/auth/login']]);
		expect(calls[1].init.headers['X-XSRF-TOKEN']).toBe('fresh');
		expect(JSON.parse(calls[1].init.body)).toEqual({username: 'admin', password: 'secret-password'});
	});

	it('answers null for an empty answer (204)', async () => {
		const api = new Api({cookies: () => 'XSRF-TOKEN=t', fetch: async () => ({ok: true, status: 204, json: async () => {
			throw new SyntaxError('no body');
		}})});
		expect(await api.changePassword('old-password', 'new-password-1')).toBeNull();
	});

	it('keeps the name of a bad parameter from the problem document', async () => {
		const {api} = recordingApi(() => ({status: 400, body: {title: 'Invalid parameter', detail: 'The current password is wrong', parameter: 'current'}}));
		const error = await api.changePassword('wrong', 'new-password-1').catch((e) => e);
		expect([error.status, error.parameter]).toEqual([400, 'current']);
	});
});

describe('Api and 401', () => {
	it('tells the listeners of a 401 on a data call before throwing', async () => {
		const {api} = recordingApi(() => ({status: 401, body: {title: 'Sign in required'}}));
		const heard = [];
		const stop = api.onUnauthorized((error) => heard.push(error.url));
		const error = await api.items('sluice').catch((e) => e);
		expect(error.status).toBe(401);
		expect(heard).toEqual(['/ogc/collections/sluice/items?limit=10000']);
		stop();
		await api.layers().catch(() => {});
		expect(heard).toHaveLength(1);
	});

	it('fetches the session\'s token and tries once more when the server refuses a stale one', async () => {
		let cookie = 'XSRF-TOKEN=stale';
		const {api, calls} = recordingApi((url, init) => {
			if (url === '/api/v1/auth/me') {
				cookie = 'XSRF-TOKEN=fresh';
				return {status: 200, body: {authenticated: false}};
			}
			return init.headers['X-XSRF-TOKEN'] === 'fresh' ? {status: 200, body: {authenticated: true}}
				: {status: 403, body: {type: 'urn:hetu:problem:csrf_refused', code: 'csrf_refused', title: 'CSRF 令牌被拒绝'}};
		}, {cookies: () => cookie});
		expect((await api.send('POST', '/api/v1/me/tokens', {name: 'QGIS'})).authenticated).toBe(true);
		expect(calls.map((c) => c.url)).toEqual(['/api/v1/me/tokens', '/api/v1/auth/me', '/api/v1/me/tokens']);
		const refused = recordingApi((url) => (url === '/api/v1/auth/me' ? {status: 200, body: {}}
			: {status: 403, body: {type: 'urn:hetu:problem:csrf_refused', code: 'csrf_refused', title: 'CSRF 令牌被拒绝'}}));
		expect((await refused.api.send('POST', '/api/v1/me/tokens', {name: 'x'}).catch((e) => e)).status).toBe(403);
		expect(refused.calls).toHaveLength(3);
	});

	it('does not take a refused sign-in for an expired session', async () => {
		const {api} = recordingApi(() => ({status: 401, body: {title: 'Sign in required', detail: 'Wrong user name or password'}}));
		const heard = [];
		api.onUnauthorized(() => heard.push('401'));
		const error = await api.login('admin', 'wrong').catch((e) => e);
		expect(error.status).toBe(401);
		expect(heard).toEqual([]);
	});

	it('names the calls of history, changes, tokens and accounts', async () => {
		const {api, calls} = recordingApi();
		await api.history('land_parcel', 12);
		await api.changes({user: 'wang', collection: 'sluice', before: 900});
		await api.changes();
		await api.tokens();
		await api.createToken({name: 'QGIS'});
		await api.createToken({name: 'QGIS', expiresAt: '2027-01-01T15:59:59.000Z'});
		await api.accounts();
		await api.resetPassword(5);
		await api.setPublicRead('sluice', true);
		expect(calls.map((c) => `${c.init.method} ${c.url}${c.init.body ? ` ${c.init.body}` : ''}`)).toEqual([
			'GET /api/v1/features/land_parcel/12/history',
			'GET /api/v1/changes?user=wang&collection=sluice&before=900&limit=50',
			'GET /api/v1/changes?limit=50',
			'GET /api/v1/me/tokens',
			'POST /api/v1/me/tokens {"name":"QGIS"}',
			'POST /api/v1/me/tokens {"name":"QGIS","expiresAt":"2027-01-01T15:59:59.000Z"}',
			'GET /api/v1/accounts',
			'POST /api/v1/accounts/5/password-reset',
			'PATCH /api/v1/collections/sluice {"publicRead":true}'
		]);
	});
});

describe('Api for key projects and editing', () => {
	/** A fake back end that also answers headers, such as the ETag of a feature. */
	function fullApi(respond) {
		const calls = [];
		const api = new Api({
			cookies: () => 'XSRF-TOKEN=t',
			fetch: async (url, init) => {
				calls.push({url, init});
				const {status = 200, body = {}, headers = {}} = respond(url, init);
				return {
					ok: status < 400, status,
					json: async () => body,
					blob: async () => ({size: 3}),
					headers: {get: (name) => headers[name] ?? headers[name.toLowerCase()] ?? null}
				};
			}
		});
		return {api, calls};
	}

	it('repeats a project filter for several values and sends the view as a bbox', async () => {
		const {api, calls} = fullApi(() => ({body: {items: [], total: 0}}));
		await api.projects({department: ['water', 'natres'], status: ['approved'], category: [], year: 2023, q: '闸',
			bbox: [116, 33, 116.5, 33.5], overdue: true, sort: '-progress', page: 1, size: 20});
		const url = new URL(calls[0].url, 'http://x');
		expect(url.pathname).toBe('/api/v1/projects');
		expect(url.searchParams.getAll('department')).toEqual(['water', 'natres']);
		expect(url.searchParams.getAll('status')).toEqual(['approved']);
		expect(url.searchParams.has('category')).toBe(false);
		expect(Object.fromEntries([...url.searchParams].filter(([k]) => !['department', 'status'].includes(k)))).toEqual({
			year: '2023', q: '闸', bbox: '116.000000,33.000000,116.500000,33.500000', overdue: 'true', sort: '-progress', page: '1', size: '20'
		});
	});

	it('exports the same filters, without sort and paging', async () => {
		const {api, calls} = fullApi(() => ({headers: {'Content-Disposition': 'attachment; filename="projects.csv"; filename*=UTF-8\'\'%E9%87%8D%E7%82%B9%E9%A1%B9%E7%9B%AE.csv'}}));
		expect(api.projectExportPath('xlsx', {status: ['approved', 'planned'], overdue: true, page: 3, size: 20, sort: 'year'}))
			.toBe('/api/v1/projects/export?format=xlsx&status=approved&status=planned&overdue=true');
		const file = await api.exportProjects('csv', {});
		expect(calls[0].url).toBe('/api/v1/projects/export?format=csv');
		expect(file.filename).toBe('重点项目.csv');
		expect(file.blob.size).toBe(3);
	});

	it('sends a feature’s changes as a merge patch against the version it read', async () => {
		const {api, calls} = fullApi((url, init) => ({body: {type: 'Feature', id: 7}, headers: {ETag: init.method === 'GET' ? '"3"' : '"4"'}}));
		const read = await api.itemForEdit('sluice', 7);
		expect(read.etag).toBe('"3"');
		const saved = await api.patchItem('sluice', 7, {properties: {gate_count: 6}}, read.etag);
		expect(saved).toEqual({feature: {type: 'Feature', id: 7}, etag: '"4"'});
		const {init} = calls[1];
		expect([init.method, calls[1].url]).toEqual(['PATCH', '/ogc/collections/sluice/items/7']);
		expect(init.headers['Content-Type']).toBe('application/merge-patch+json');
		expect(init.headers['If-Match']).toBe('"3"');
		expect(init.headers['X-XSRF-TOKEN']).toBe('t');
		expect(JSON.parse(init.body)).toEqual({properties: {gate_count: 6}});
	});

	it('creates features as GeoJSON and deletes them with If-Match', async () => {
		const {api, calls} = fullApi(() => ({status: 201, body: {type: 'Feature', id: 9}, headers: {ETag: '"0"'}}));
		const created = await api.createItem('land_parcel', {type: 'Feature', properties: {}, geometry: null});
		expect(created.etag).toBe('"0"');
		expect(calls[0].init.headers['Content-Type']).toBe('application/geo+json');
		await api.deleteItem('land_parcel', 9, '"0"');
		expect([calls[1].init.method, calls[1].init.headers['If-Match']]).toEqual(['DELETE', '"0"']);
	});

	it('keeps the spot of a refused shape and the current version of a stale edit', async () => {
		const refused = fullApi(() => ({status: 400, body: {code: 'invalid_geometry', title: '图形无效', detail: 'Self-intersection at (116.2, 33.2)', parameter: 'geometry', location: [116.2, 33.2]}}));
		const error = await refused.api.createItem('land_parcel', {}).catch((e) => e);
		expect([error.status, error.code, error.parameter, error.location, error.isStale]).toEqual([400, 'invalid_geometry', 'geometry', [116.2, 33.2], false]);
		const current = {type: 'Feature', properties: {version: 5}};
		const stale = fullApi(() => ({status: 412, body: {title: 'Edit conflict', current}}));
		const conflict = await stale.api.patchItem('sluice', 7, {}, '"3"').catch((e) => e);
		expect([conflict.status, conflict.isStale, conflict.current]).toEqual([412, true, current]);
	});

	it('names the calls of a project’s lifecycle, milestones, links and footprint', async () => {
		const {api, calls} = fullApi(() => ({body: {}}));
		await api.project(12);
		await api.createProject({properties: {code: 'X'}, footprint: null});
		await api.updateProject(12, {properties: {version: 2, town: '城关镇'}});
		await api.transitionProject(12, {to: 'approved', reason: '已批复', version: 2});
		await api.updateMilestone(12, 51, {doneOn: '2026-11-27', version: 0});
		await api.linkAsset(12, 'sluice', '18');
		await api.unlinkAsset(12, 'sluice', 18);
		await api.deriveFootprint(12);
		await api.deleteProject(12, 4);
		await api.overview();
		expect(calls.map((c) => `${c.init.method} ${c.url}${c.init.body ? ` ${c.init.body}` : ''}`)).toEqual([
			'GET /api/v1/projects/12',
			'POST /api/v1/projects {"properties":{"code":"X"},"footprint":null}',
			'PATCH /api/v1/projects/12 {"properties":{"version":2,"town":"城关镇"}}',
			'POST /api/v1/projects/12/transitions {"to":"approved","reason":"已批复","version":2}',
			'PUT /api/v1/projects/12/milestones/51 {"dueOn":null,"doneOn":"2026-11-27","remarks":null,"version":0}',
			'POST /api/v1/projects/12/links {"collection":"sluice","assetId":18}',
			'DELETE /api/v1/projects/12/links/sluice/18',
			'POST /api/v1/projects/12/footprint/derive',
			'DELETE /api/v1/projects/12?version=4',
			'GET /api/v1/stats/overview'
		]);
	});

	it('reads versions from ETags', () => {
		expect(versionOfEtag('"3"')).toBe(3);
		expect(versionOfEtag('W/"12"')).toBe(12);
		expect(versionOfEtag(null)).toBeNull();
		expect(versionOfEtag('"abc"')).toBeNull();
	});
});
