/*
 * Between a record's typed values and the text of form controls: what an input shows for a
 * value, what value a control's text means (by the field's kind and, where the server says
 * so, its JSON type), which required fields are empty, and the starting values of a new record.
 */
import {NUMERIC_KINDS} from '../catalog/Schema.js';

/** The text a control shows for a value. */
export function inputValue(field, value) {
	if (value === null || value === undefined) {
		return field.kind === 'bool' ? false : '';
	}
	if (field.kind === 'bool') {
		return value === true || value === 'true';
	}
	if (field.kind === 'date') {
		return String(value).slice(0, 10);
	}
	return String(value);
}

/**
 * The value that a control's text stands for: null when empty, a number for numeric kinds
 * and for enumerations the database keeps as integers (`jsonType` from the queryables), a
 * boolean for yes/no. A number that does not parse stays text, for `validateValues` to catch.
 */
export function coerceValue(field, raw, jsonType = null) {
	if (field.kind === 'bool') {
		return raw === true || raw === 'true';
	}
	const text = typeof raw === 'string' ? raw.trim() : raw;
	if (text === '' || text === null || text === undefined) {
		return null;
	}
	const numeric = NUMERIC_KINDS.has(field.kind) || jsonType === 'integer' || jsonType === 'number';
	if (numeric) {
		const number = Number(String(text).replace(/,/g, ''));
		return Number.isFinite(number) ? number : String(text);
	}
	return String(text);
}

/** Problems of the values before anything is sent: {field: messageKey}. */
export function validateValues(fields, values, jsonTypes = {}, rules = {}) {
	const errors = {};
	for (const field of fields) {
		const value = values[field.key];
		if (field.required && field.kind !== 'bool' && (value === null || value === undefined || value === '')) {
			errors[field.key] = 'form.required';
			continue;
		}
		const numeric = NUMERIC_KINDS.has(field.kind) || ['integer', 'number'].includes(jsonTypes[field.key]);
		if (numeric && value !== null && value !== undefined && typeof value !== 'number') {
			errors[field.key] = 'edit.notANumber';
		} else if (typeof value === 'number' && (field.kind === 'int' || field.kind === 'year' || field.kind === 'count' || jsonTypes[field.key] === 'integer')
			&& !Number.isInteger(value)) {
			errors[field.key] = 'edit.notAnInteger';
		} else if (value !== null && value !== undefined && !errors[field.key]) {
			const broken = brokenRule(rules[field.key], value);
			if (broken) {
				errors[field.key] = broken;
			}
		}
	}
	return errors;
}

/**
 * The rule of the database (from the collection's queryables: minimum, maximum, maxLength) that a
 * value breaks, as a message key with its limit, or null.
 */
export function brokenRule(rule, value) {
	if (!rule) {
		return null;
	}
	if (typeof value === 'number') {
		if (rule.exclusiveMinimum !== undefined && value <= rule.exclusiveMinimum) {
			return {key: 'edit.rule.too_small_exclusive', params: {limit: rule.exclusiveMinimum}};
		}
		if (rule.minimum !== undefined && value < rule.minimum) {
			return {key: 'edit.rule.too_small', params: {limit: rule.minimum}};
		}
		if (rule.exclusiveMaximum !== undefined && value >= rule.exclusiveMaximum) {
			return {key: 'edit.rule.too_large_exclusive', params: {limit: rule.exclusiveMaximum}};
		}
		if (rule.maximum !== undefined && value > rule.maximum) {
			return {key: 'edit.rule.too_large', params: {limit: rule.maximum}};
		}
	}
	if (typeof value === 'string' && rule.maxLength !== undefined && [...value].length > rule.maxLength) {
		return {key: 'edit.rule.too_long', params: {limit: rule.maxLength}};
	}
	return null;
}

/** The message for a field the server refused, from the problem's code and limit. */
export function refusalMessage(error) {
	const code = error?.code ? `${error.code}${error.exclusive ? '_exclusive' : ''}` : null;
	return code ? {key: `edit.rule.${code}`, params: {limit: error.limit}, fallback: 'edit.invalidValue'} : 'edit.invalidValue';
}

/** Starting values of a new record: each field's default, the user's department, this year for a project. */
export function initialValues(collection, fields, options = {}) {
	const {department = null, today = new Date()} = options;
	const values = {};
	for (const field of fields) {
		if ('default' in field) {
			values[field.key] = field.default;
		} else if (field.kind === 'bool') {
			values[field.key] = false;
		}
	}
	if (department) {
		values.department = department;
	}
	if (collection === 'project') {
		values.year = today.getFullYear();
	}
	return values;
}
