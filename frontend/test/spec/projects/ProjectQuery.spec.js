import {describe, expect, it} from 'vitest';
import {isFiltered, listFilters, nextSort, pageCount, sortState, withParam} from '../../../src/projects/ProjectQuery.js';

describe('ProjectQuery', () => {
	it('turns the hash parameters into the API filters', () => {
		expect(listFilters({q: ' 闸 ', department: 'water,natres', status: 'approved', year: '2023', overdue: 'true', sort: '-progress', page: '3'}, {size: 20}))
			.toEqual({q: '闸', department: ['water', 'natres'], status: ['approved'], category: [], year: 2023, overdue: true, bbox: undefined, sort: '-progress', page: 2, size: 20});
	});

	it('drops what the API would refuse', () => {
		const filters = listFilters({year: 'abc', sort: 'drop table', page: '-4', overdue: 'yes'});
		expect(filters.year).toBeUndefined();
		expect(filters.sort).toBeUndefined();
		expect(filters.page).toBe(0);
		expect(filters.overdue).toBeUndefined();
	});

	it('adds the map view only when the list is limited to it', () => {
		const bbox = [116, 33, 116.5, 33.5];
		expect(listFilters({inView: 'true'}, {bbox}).bbox).toEqual(bbox);
		expect(listFilters({}, {bbox}).bbox).toBeUndefined();
		expect(listFilters({inView: 'true'}, {bbox: null}).bbox).toBeUndefined();
	});

	it('goes back to the first page when a filter changes, not when the page does', () => {
		expect(withParam({status: 'approved', page: '3'}, 'department', 'water')).toEqual({status: 'approved', department: 'water'});
		expect(withParam({status: 'approved'}, 'page', 2)).toEqual({status: 'approved', page: '2'});
		expect(withParam({status: 'approved', page: '2'}, 'status', [])).toEqual({});
		expect(withParam({q: 'x'}, 'status', ['planned', 'approved'])).toEqual({q: 'x', status: 'planned,approved'});
	});

	it('sorts by a column ascending, then descending', () => {
		expect(nextSort('', 'progress')).toBe('progress');
		expect(nextSort('progress', 'progress')).toBe('-progress');
		expect(nextSort('-progress', 'progress')).toBe('progress');
		expect(nextSort('-progress', 'year')).toBe('year');
		expect(sortState('progress', 'progress')).toBe('ascending');
		expect(sortState('-progress', 'progress')).toBe('descending');
		expect(sortState('year', 'progress')).toBe('none');
	});

	it('tells a filtered list from a sorted or paged one, and counts pages', () => {
		expect(isFiltered({sort: 'year', page: '2'})).toBe(false);
		expect(isFiltered({overdue: 'true'})).toBe(true);
		expect(pageCount(45, 20)).toBe(3);
		expect(pageCount(0, 20)).toBe(1);
	});
});
