import {describe, expect, it} from 'vitest';
import {editableFieldsOf} from '../../../src/catalog/Schema.js';
import {coerceValue, initialValues, inputValue, validateValues} from '../../../src/edit/FormValues.js';
import {adoptServerFixtures} from '../../support/serverFixtures.js';

adoptServerFixtures();

const field = (key, kind, extra = {}) => ({key, kind, ...extra});

describe('FormValues', () => {
	it('shows values in controls', () => {
		expect(inputValue(field('gate_count', 'count'), 6)).toBe('6');
		expect(inputValue(field('remarks', 'text'), null)).toBe('');
		expect(inputValue(field('treated', 'bool'), true)).toBe(true);
		expect(inputValue(field('appraised_on', 'date'), '2022-11-14T00:00:00Z')).toBe('2022-11-14');
	});

	it('reads typed values back: numbers, integers the server keeps for enumerations, yes/no, nothing', () => {
		expect(coerceValue(field('gate_count', 'count'), '7')).toBe(7);
		expect(coerceValue(field('investment_planned', 'money10k'), '1,200.5')).toBe(1200.5);
		expect(coerceValue(field('safety_class', 'enum', {enum: 'safety_class'}), '3', 'integer')).toBe(3);
		expect(coerceValue(field('scale', 'enum', {enum: 'sluice_scale'}), 'small', 'string')).toBe('small');
		expect(coerceValue(field('treated', 'bool'), false)).toBe(false);
		expect(coerceValue(field('remarks', 'text'), '   ')).toBeNull();
		expect(coerceValue(field('gate_count', 'count'), 'seven')).toBe('seven');
	});

	it('catches empty required fields and bad numbers before sending', () => {
		const fields = editableFieldsOf('sluice');
		const errors = validateValues(fields, {name: '', code: 'SZ-1', status: 'none', department: 'water', scale: null, gate_count: 'seven', treated: false},
			{gate_count: 'integer'});
		expect(errors).toEqual({name: 'form.required', scale: 'form.required', appraisal: 'form.required', standardization: 'form.required', gate_count: 'edit.notANumber'});
		expect(validateValues([field('gate_count', 'count')], {gate_count: 2.5})).toEqual({gate_count: 'edit.notAnInteger'});
	});

	it('starts a new record with the defaults, the user’s department and, for a project, this year', () => {
		const sluice = initialValues('sluice', editableFieldsOf('sluice'), {department: 'water'});
		expect(sluice).toMatchObject({status: 'none', department: 'water', appraisal: 'none', standardization: 'none', maintenance_planned: false});
		const project = initialValues('project', editableFieldsOf('project'), {today: new Date('2026-05-01T00:00:00Z')});
		expect(project).toMatchObject({year: 2026, target_measure: 'manual'});
		expect(project.status).toBeUndefined();
	});
});
