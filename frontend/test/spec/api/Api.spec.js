import {describe, expect, it} from 'vitest';
import {Api} from '../../../src/api/Api.js';
import {ApiError, isAbort} from '../../../src/api/ApiError.js';

function recordingApi(respond = () => ({status: 200, body: []})) {
	const calls = [];
	const api = new Api({
		fetch: async (url, init) => {
			calls.push({url, init});
			const {status, body} = respond(url);
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
});
