import {
	formatAmount, formatArea, formatCapacity, formatDate, formatDateTime, formatLength, formatMetres,
	formatMillimetres, formatMoney10k, formatMoney10kPerMu, formatNumber, formatPercent
} from './Units.js';

function isEmpty(value) {
	return value === null || value === undefined || value === '';
}

/**
 * Turns a column value into the text a reader expects, from the field's kind
 * (see catalog/Schema.js). Returns null for an empty value.
 */
export class AttributeFormatter {
	constructor(options) {
		const {i18n, departmentName = (code) => code} = options;
		this.i18n = i18n;
		this.departmentName = departmentName;
	}

	format(field, value, properties = {}) {
		if (isEmpty(value)) {
			return null;
		}
		const {i18n} = this;
		if (typeof value === 'object' && !Array.isArray(value) && field.kind !== 'json') {
			// A figure per key, such as a rate per year: {"2024": 23.7, "2025": 22.8}.
			const parts = Object.entries(value).map(([key, v]) => `${key}: ${this.format(field, v, properties) ?? i18n.t('value.empty')}`);
			return parts.join(i18n.isChinese ? '；' : '; ');
		}
		if (Array.isArray(value)) {
			return value.map((v) => this.format(field, v, properties)).filter((v) => v !== null).join(i18n.isChinese ? '、' : ', ');
		}
		switch (field.kind) {
		case 'enum': {
			const key = `enum.${field.enum}.${value}`;
			return i18n.has(key) ? i18n.t(key) : String(value);
		}
		case 'department':
			return this.departmentName(value);
		case 'bool':
			return i18n.t(value === true || value === 'true' ? 'value.yes' : 'value.no');
		case 'int':
			return formatNumber(Number(value), i18n);
		case 'year':
			return String(value);
		case 'decimal':
			return formatNumber(Number(value), i18n, {digits: 2});
		case 'money10kPerMu':
			return formatMoney10kPerMu(Number(value), i18n);
		case 'count':
			return i18n.t('unit.count', {value: formatNumber(Number(value), i18n)});
		case 'date':
			return formatDate(value);
		case 'datetime':
			return formatDateTime(value);
		case 'length':
			return formatLength(Number(value), i18n);
		case 'metres':
			return formatMetres(Number(value), i18n);
		case 'millimetres':
			return formatMillimetres(Number(value), i18n);
		case 'area':
			return formatArea(Number(value), i18n);
		case 'capacity':
			return formatCapacity(Number(value), i18n);
		case 'money10k':
			return formatMoney10k(Number(value), i18n);
		case 'percent':
			return formatPercent(Number(value), i18n);
		case 'target':
			return formatAmount(value, properties.target_unit, i18n);
		case 'json':
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
		default:
			return typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	}
}
