import {describe, expect, it} from 'vitest';
import {brokenRule, refusalMessage, validateValues} from '../../../src/edit/FormValues.js';

describe('the database rules served in the queryables', () => {
	const rules = {gate_count: {type: 'integer', exclusiveMinimum: 0}, safety_class: {minimum: 1, maximum: 4}, name: {maxLength: 3}};

	it('stop a value the database would refuse, with its limit', () => {
		const fields = [{key: 'gate_count', kind: 'count'}, {key: 'safety_class', kind: 'int'}, {key: 'name', kind: 'text'}];
		const errors = validateValues(fields, {gate_count: -3, safety_class: 5, name: '一二三四'}, {}, rules);
		expect(errors.gate_count).toEqual({key: 'edit.rule.too_small_exclusive', params: {limit: 0}});
		expect(errors.safety_class).toEqual({key: 'edit.rule.too_large', params: {limit: 4}});
		expect(errors.name).toEqual({key: 'edit.rule.too_long', params: {limit: 3}});
		expect(validateValues(fields, {gate_count: 2, safety_class: 1, name: '一二三'}, {}, rules)).toEqual({});
		expect(brokenRule(undefined, 5)).toBeNull();
	});

	it('word a refusal from the server by its code', () => {
		expect(refusalMessage({code: 'too_small', limit: 0, exclusive: true}))
			.toEqual({key: 'edit.rule.too_small_exclusive', params: {limit: 0}, fallback: 'edit.invalidValue'});
		expect(refusalMessage({})).toBe('edit.invalidValue');
	});
});
