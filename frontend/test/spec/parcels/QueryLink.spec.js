import {describe, expect, it} from 'vitest';
import {formatPage, parsePage} from '../../../src/app/PageRoute.js';
import {parseHash} from '../../../src/map/HashState.js';
import {normalizeQuery} from '../../../src/parcels/ParcelQuery.js';
import {decodeQuery, encodeQuery, isSavedId, queryParams, readQueryParams, shareUrl} from '../../../src/parcels/QueryLink.js';

const QUERY = normalizeQuery({
	categories: ['idle', 'approved_unsupplied'], areaMin: 2, areaUnit: 'ha', idleYearsAtLeast: 3, towns: ['城关镇', '龙山镇'],
	holder: '德润包装', disposalStatus: ['pending'], disposalMethods: ['swap'],
	near: {collection: 'river_segment', where: {river: '包河'}, distance: 1000}, project: 12,
	polygon: {type: 'Polygon', coordinates: [[[116.123456789, 33.2], [116.4, 33.2], [116.4, 33.3], [116.123456789, 33.2]]]},
	polygonRelation: 'within'
});

describe('QueryLink', () => {
	it('puts a query in a link and reads it back', () => {
		const q = encodeQuery(QUERY);
		expect(q).toMatch(/^[A-Za-z0-9_-]+$/);
		const back = decodeQuery(q);
		expect(back.polygon.coordinates[0][0]).toEqual([116.123457, 33.2]);
		expect({...back, polygon: null}).toEqual({...QUERY, polygon: null});
	});

	it('keeps Chinese names whole through the page link', () => {
		const hash = formatPage('parcels', {...queryParams(QUERY), parcel: '7'});
		const page = parsePage(hash);
		expect(page.name).toBe('parcels');
		expect(page.params.parcel).toBe('7');
		const query = readQueryParams(page.params).query;
		expect(query.towns).toEqual(['城关镇', '龙山镇']);
		expect(query.near.where.river).toBe('包河');
		expect(query.holder).toBe('德润包装');
		expect(parseHash(hash)).toEqual({feature: null, view: null});
	});

	it('links an empty query as the bare page', () => {
		expect(encodeQuery(normalizeQuery({}))).toBe('');
		expect(queryParams({})).toEqual({});
		expect(formatPage('parcels', queryParams({}))).toBe('#/parcels');
		expect(readQueryParams({})).toEqual({});
	});

	it('links a saved query by its id', () => {
		expect(formatPage('parcels', {saved: '12'})).toBe('#/parcels?saved=12');
		expect(readQueryParams(parsePage('#/parcels?saved=12').params)).toEqual({saved: '12'});
		expect(readQueryParams({saved: '12', q: encodeQuery(QUERY)})).toEqual({saved: '12'});
		expect(isSavedId('0')).toBe(false);
		expect(readQueryParams({saved: '1; drop'})).toEqual({invalid: true});
	});

	it('says so when a link was cut short or edited by hand', () => {
		const q = encodeQuery(QUERY);
		expect(decodeQuery(q.slice(0, 17))).toBeNull();
		expect(decodeQuery('not base64!')).toBeNull();
		expect(decodeQuery('WzEsMl0')).toBeNull();
		expect(readQueryParams({q: 'x%y'})).toEqual({invalid: true});
	});

	it('makes the whole address to copy', () => {
		expect(shareUrl({origin: 'http://hetu.local', pathname: '/'}, '#/parcels?saved=3')).toBe('http://hetu.local/#/parcels?saved=3');
	});
});
