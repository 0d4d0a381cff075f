import {describe, expect, it} from 'vitest';
import {FeatureFilter} from '../../../src/layers/FeatureFilter.js';

describe('FeatureFilter', () => {
	it('accepts everything by default', () => {
		const filter = new FeatureFilter();
		expect(filter.isDefault).toBe(true);
		expect(filter.accepts({status: 'planned', department: 'water'})).toBe(true);
		expect(filter.accepts({})).toBe(true);
	});

	it('hides a status that was switched off, without changing the original', () => {
		const all = new FeatureFilter();
		const filter = all.withStatus('planned', false);
		expect(filter.accepts({status: 'planned'})).toBe(false);
		expect(filter.accepts({status: 'completed'})).toBe(true);
		expect(all.accepts({status: 'planned'})).toBe(true);
		expect(filter.withStatus('planned', true).isDefault).toBe(true);
	});

	it('keeps only the chosen department', () => {
		const filter = new FeatureFilter().withDepartment('natres');
		expect(filter.accepts({status: 'none', department: 'natres'})).toBe(true);
		expect(filter.accepts({status: 'none', department: 'water'})).toBe(false);
		expect(filter.isDefault).toBe(false);
		expect(filter.withDepartment('').isDefault).toBe(true);
	});

	it('counts the features of the shown statuses', () => {
		const filter = new FeatureFilter({statuses: ['planned', 'completed']});
		expect(filter.countOf({planned: 3, completed: 4, none: 30})).toBe(7);
		expect(filter.countOf(undefined)).toBe(0);
	});
});
