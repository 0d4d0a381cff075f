import {describe, expect, it} from 'vitest';
import {conditionCount, emptyQuery, nextSort, normalizeQuery, sameQuery, searchBody, sortState} from '../../../src/parcels/ParcelQuery.js';

const G205 = {
	categories: ['idle'], areaMin: 2, areaUnit: 'ha',
	near: {collection: 'road_node', where: {road: 'G205'}, distance: 1000}
};

describe('ParcelQuery', () => {
	it('sends nothing for an empty panel', () => {
		expect(searchBody(emptyQuery())).toEqual({});
		expect(conditionCount(emptyQuery())).toBe(0);
	});

	it('sends only the conditions that are set, in the server’s words', () => {
		expect(searchBody(G205, {page: 2, size: 20, sort: '-area'})).toEqual({
			categories: ['idle'], areaMin: 2, areaUnit: 'ha',
			near: {collection: 'road_node', where: {road: 'G205'}, distance: 1000},
			sort: '-area', page: 2, size: 20
		});
		expect(conditionCount(G205)).toBe(3);
	});

	it('counts an area range once and leaves the unit out of an open range', () => {
		expect(searchBody({areaUnit: 'mu'})).toEqual({});
		expect(searchBody({areaMax: 30, areaUnit: 'mu'})).toEqual({areaMax: 30, areaUnit: 'mu'});
		expect(conditionCount({areaMin: 1, areaMax: 30})).toBe(1);
		expect(conditionCount({areaMax: 30})).toBe(1);
	});

	it('cleans what a link or a saved query holds', () => {
		const query = normalizeQuery({
			categories: ['idle', 'idle', 'wasteland'], towns: [' 城关镇 ', ''], disposalStatus: 'pending',
			areaMin: -3, areaMax: '12.5', areaUnit: 'acre', idleYearsAtLeast: 2.7, idleSinceBefore: '2020-13',
			holder: '  德润 ', polygonRelation: 'crosses', project: '7', near: {collection: 'road_node; drop', distance: 10}, extra: 1
		});
		expect(query).toEqual({
			...emptyQuery(), categories: ['idle'], towns: ['城关镇'], disposalStatus: ['pending'], areaMax: 12.5, areaUnit: 'mu',
			idleYearsAtLeast: 2, holder: '德润', project: 7
		});
	});

	it('keeps a distance condition without its distance off the search', () => {
		expect(searchBody({near: {collection: 'river_segment', where: {river: '包河'}}})).toEqual({});
		expect(searchBody({near: {collection: 'river_segment', where: {river: '包河', level: ''}, distance: 0}}))
			.toEqual({near: {collection: 'river_segment', where: {river: '包河'}, distance: 0}});
		expect(searchBody({near: {collection: 'road_node', ids: ['3', 3, 'x'], distance: 500}}))
			.toEqual({near: {collection: 'road_node', ids: [3], distance: 500}});
	});

	it('sends a drawn polygon with how parcels must relate to it', () => {
		const polygon = {type: 'Polygon', coordinates: [[[116.2, 33.2], [116.3, 33.2], [116.3, 33.3], [116.2, 33.2]]]};
		expect(searchBody({polygon})).toEqual({polygon, polygonRelation: 'intersects'});
		expect(searchBody({polygon, polygonRelation: 'within'}).polygonRelation).toBe('within');
		expect(searchBody({polygon: {type: 'Point', coordinates: [116, 33]}})).toEqual({});
	});

	it('tells queries that ask the same question', () => {
		expect(sameQuery(G205, {...G205, areaMax: ''})).toBe(true);
		expect(sameQuery(G205, {...G205, areaMin: 3})).toBe(false);
	});

	it('sorts ascending, then descending', () => {
		expect(nextSort('code', 'area')).toBe('area');
		expect(nextSort('area', 'area')).toBe('-area');
		expect(nextSort('-area', 'area')).toBe('area');
		expect(sortState('-area', 'area')).toBe('descending');
		expect(sortState('area', 'area')).toBe('ascending');
		expect(sortState('code', 'area')).toBe('none');
	});
});
