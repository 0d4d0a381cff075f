import {ENUMS, fieldLabelKey} from '../catalog/Schema.js';
import {coerceValue, inputValue} from './FormValues.js';
import {el} from '../util/dom.js';
import {formField} from '../ui/formField.js';

/** The unit shown after a numeric field's label, as a message key or as text. */
const UNITS = {
	metres: 'm', millimetres: 'mm', percent: '%', length: 'm', area: 'm²',
	capacity: 'edit.unit.capacity', money10k: 'edit.unit.money10k'
};

const LONG_TEXT = new Set(['remarks', 'target_description', 'improvement', 'idle_cause']);

/** The database's bounds and length on the control, so the browser stops a wrong value early. */
function applyRule(input, rule) {
	if (!rule) {
		return;
	}
	const min = rule.minimum ?? rule.exclusiveMinimum;
	const max = rule.maximum ?? rule.exclusiveMaximum;
	if (input.type === 'number' && min !== undefined) {
		input.min = String(rule.exclusiveMinimum !== undefined && input.step === '1' ? min + 1 : min);
	}
	if (input.type === 'number' && max !== undefined) {
		input.max = String(rule.exclusiveMaximum !== undefined && input.step === '1' ? max - 1 : max);
	}
	if ((input.tagName === 'TEXTAREA' || input.type === 'text') && rule.maxLength !== undefined) {
		input.maxLength = rule.maxLength;
	}
}

/** An optional coded field's empty choice: the enumeration's own word for it (`auto`: 默认顺序…) or 无. */
function noneKey(field, i18n) {
	const own = `enum.${field.enum}.auto`;
	return field.kind === 'enum' && i18n.has(own) ? own : 'form.none';
}

/** A field's error: a message key, a key with parameters ({key, params, fallback}), or text. */
function errorText(error, i18n) {
	if (!error) {
		return null;
	}
	if (typeof error === 'object') {
		return i18n.has(error.key) ? i18n.t(error.key, error.params) : i18n.t(error.fallback || 'edit.invalidValue');
	}
	return i18n.has(error) ? i18n.t(error) : error;
}

/**
 * The controls of a record's fields under their labels (in the user's language): text,
 * numbers, dates, enumerations as selects with their labels, departments, yes/no as a
 * switch. `read()` answers the typed values; `setErrors` puts messages under fields.
 * Answers {element, read, setErrors, focusFirstError, input(key)}.
 */
export function attributeForm(options) {
	const {
		fields, values = {}, collection, i18n, departments = [], departmentName = (code) => code,
		idPrefix = 'hetu-attr', jsonTypes = {}, rules = {}, className = ''
	} = options;
	const t = (key, params) => i18n.t(key, params);
	const controls = new Map();
	const elements = fields.map((field) => {
		const id = `${idPrefix}-${field.key}`;
		const value = values[field.key];
		let input;
		if (field.kind === 'enum' || field.kind === 'department') {
			const choices = field.kind === 'department'
				? departments.map((d) => [d.code, departmentName(d.code)])
				: (ENUMS[field.enum] || []).map((v) => [v, i18n.has(`enum.${field.enum}.${v}`) ? t(`enum.${field.enum}.${v}`) : v]);
			input = el('select', {class: 'hetu-select', name: field.key, 'data-field': field.key},
				field.required && value !== null && value !== undefined ? null : el('option', {value: ''}, field.required ? t('form.choose') : t(noneKey(field, i18n))),
				choices.map(([code, label]) => el('option', {value: code}, label)));
			input.value = inputValue(field, value);
		} else if (field.kind === 'bool') {
			input = el('input', {type: 'checkbox', class: 'hetu-switch', name: field.key, 'data-field': field.key, role: 'switch'});
			input.checked = inputValue(field, value);
		} else if (LONG_TEXT.has(field.key)) {
			input = el('textarea', {class: 'hetu-input hetu-textarea', name: field.key, 'data-field': field.key, rows: '2'});
			input.value = inputValue(field, value);
		} else {
			const type = field.kind === 'date' ? 'date' : field.kind === 'text' ? 'text' : 'number';
			input = el('input', {
				type, class: 'hetu-input', name: field.key, 'data-field': field.key, autocomplete: 'off',
				step: type === 'number' ? (['int', 'year', 'count'].includes(field.kind) || jsonTypes[field.key] === 'integer' ? '1' : 'any') : null,
				inputmode: type === 'number' ? 'decimal' : null
			});
			input.value = inputValue(field, value);
		}
		if (field.required) {
			input.setAttribute('aria-required', 'true');
		}
		applyRule(input, rules[field.key]);
		const labelKey = fieldLabelKey(collection, field.key, i18n.messages);
		const unit = UNITS[field.kind];
		const label = [
			i18n.has(labelKey) ? t(labelKey) : field.key,
			unit ? el('span', {class: 'hetu-form__unit'}, ` (${unit.startsWith('edit.') ? t(unit) : unit})`) : null,
			field.required && field.kind !== 'bool' ? el('span', {class: 'hetu-form__required', 'aria-hidden': 'true'}, ' *') : null
		];
		const control = formField({id, label, input, className: [
			field.kind === 'bool' ? 'hetu-form__field--switch' : '',
			LONG_TEXT.has(field.key) ? 'hetu-form__field--wide' : ''
		].join(' ').trim()});
		controls.set(field.key, {field, ...control});
		return control.element;
	});
	const element = el('div', {class: `hetu-form--grid hetu-attribute-form ${className}`.trim()}, elements);

	const read = () => {
		const result = {};
		for (const [key, {field, input}] of controls) {
			result[key] = coerceValue(field, field.kind === 'bool' ? input.checked : input.value, jsonTypes[key]);
		}
		return result;
	};
	const setErrors = (errors = {}) => {
		for (const [key, control] of controls) {
			control.setError(errorText(errors[key], i18n));
		}
	};
	const focusFirstError = () => {
		for (const control of controls.values()) {
			if (control.input.getAttribute('aria-invalid') === 'true') {
				control.input.focus();
				return;
			}
		}
	};
	return {element, read, setErrors, focusFirstError, input: (key) => controls.get(key)?.input || null};
}
