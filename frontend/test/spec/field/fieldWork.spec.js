import {describe, expect, it} from 'vitest';
import {fieldFilters, monthInterval, shownIssues, shownPatrols, typeIds, typeOf, zoneOffsetMinutes} from '../../../src/field/fieldWork.js';

const issue = (over) => ({lon: 116.1, lat: 33.4, town: '龙山镇', status: 'reported', overdue: false, ...over});
const patrol = (chief, over = {}) => ({type: 'Feature', geometry: {type: 'LineString', coordinates: [[116, 33], [116.1, 33.1]]}, properties: {chief_id: chief, ...over}});

describe('the field map', () => {
	it('treats items without a type as river patrols, and offers river alone while the server lists no types', () => {
		expect(typeOf({})).toBe('river');
		expect(typeOf({patrol_type: 'straw_burning'})).toBe('straw_burning');
		expect(typeOf(patrol(1, {patrol_type: 'works_inspection'}))).toBe('works_inspection');
		expect(typeIds(undefined)).toEqual(['river']);
		expect(typeIds([{id: 'river'}, {id: 'straw_burning'}])).toEqual(['river', 'straw_burning']);
	});

	it('cleans the filters of the hash', () => {
		expect(fieldFilters({type: 'fire', status: 'nonsense', overdue: 'yes', month: '2026-13', town: ''}))
			.toEqual({type: undefined, town: undefined, status: undefined, overdue: undefined, month: undefined});
		expect(fieldFilters({type: 'river', status: 'closed', overdue: 'true', month: '2026-10', town: '龙山镇'}))
			.toEqual({type: 'river', town: '龙山镇', status: 'closed', overdue: true, month: '2026-10'});
	});

	it('filters issues by type, town, status and overdue, and drops those without a position', () => {
		const issues = [issue({}), issue({town: '曹市镇'}), issue({status: 'closed'}), issue({overdue: true}), issue({patrol_type: 'straw_burning'}), issue({lon: null})];
		expect(shownIssues(issues, {}).length).toBe(5);
		expect(shownIssues(issues, {type: 'river'}).length).toBe(4);
		expect(shownIssues(issues, {type: 'straw_burning'}).length).toBe(1);
		expect(shownIssues(issues, {town: '曹市镇'}).length).toBe(1);
		expect(shownIssues(issues, {overdue: true}).length).toBe(1);
		expect(shownIssues(issues, {status: 'closed'}).length).toBe(1);
	});

	it('filters patrols by type and by their chief\'s town; an issue filter leaves none', () => {
		const towns = new Map([[1, '龙山镇'], [2, '曹市镇']]);
		const patrols = [patrol(1), patrol(2), patrol(1, {patrol_type: 'straw_burning'})];
		expect(shownPatrols(patrols, {}, towns).length).toBe(3);
		expect(shownPatrols(patrols, {town: '龙山镇'}, towns).length).toBe(2);
		expect(shownPatrols(patrols, {type: 'river', town: '龙山镇'}, towns).length).toBe(1);
		expect(shownPatrols(patrols, {status: 'closed'}, towns)).toEqual([]);
	});

	it('takes a month in the county\'s time, across the year\'s end', () => {
		expect(monthInterval('2026-12', 480)).toBe('2026-11-30T16:00:00.000Z/2026-12-31T16:00:00.000Z');
		expect(zoneOffsetMinutes('Asia/Shanghai', new Date('2026-07-01T00:00:00Z'))).toBe(480);
		expect(zoneOffsetMinutes('UTC')).toBe(0);
	});
});
