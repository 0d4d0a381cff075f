import {describe, expect, it} from 'vitest';
import {I18n} from '../../../src/i18n/I18n.js';
import {AttributeFormatter} from '../../../src/format/AttributeFormatter.js';

const formatter = (locale) => new AttributeFormatter({
	i18n: new I18n({locale}),
	departmentName: (code) => (code === 'water' ? (locale === 'en' ? 'County Water Resources Bureau' : '县水利局') : code)
});

describe('AttributeFormatter', () => {
	it('labels enumeration values in the current language', () => {
		const field = {key: 'safety_class', kind: 'enum', enum: 'safety_class'};
		expect(formatter('zh-CN').format(field, 3)).toBe('三类闸');
		expect(formatter('en').format(field, 3)).toBe('Class 3');
		expect(formatter('en').format({key: 'status', kind: 'enum', enum: 'work_status'}, 'planned')).toBe('Planned');
	});

	it('shows an unknown enumeration value as it is', () => {
		expect(formatter('zh-CN').format({kind: 'enum', enum: 'bank'}, 'middle')).toBe('middle');
	});

	it('returns null for empty values', () => {
		const f = formatter('zh-CN');
		expect(f.format({kind: 'text'}, null)).toBeNull();
		expect(f.format({kind: 'text'}, '')).toBeNull();
		expect(f.format({kind: 'length'}, undefined)).toBeNull();
	});

	it('writes booleans, departments and measures', () => {
		const f = formatter('zh-CN');
		expect(f.format({kind: 'bool'}, true)).toBe('是');
		expect(f.format({kind: 'bool'}, false)).toBe('否');
		expect(f.format({kind: 'department'}, 'water')).toBe('县水利局');
		expect(f.format({kind: 'length'}, 12530)).toBe('12.53 km');
		expect(f.format({kind: 'area'}, 6666.7)).toContain('10.00 亩');
		expect(f.format({kind: 'money10k'}, '350.5')).toBe('350.50 万元');
		expect(f.format({kind: 'count'}, 5)).toBe('5 孔');
	});

	it('writes a target with its unit', () => {
		expect(formatter('zh-CN').format({kind: 'target'}, 95, {target_unit: '条'})).toBe('95 条');
	});

	it('writes a figure per year for an object value', () => {
		const field = {key: 'achieved_pct', kind: 'percent'};
		expect(formatter('zh-CN').format(field, {2024: 23.7, 2025: 22.8})).toBe('2024: 23.7%；2025: 22.8%');
		expect(formatter('en').format(field, {2024: 23.7})).toBe('2024: 23.7%');
	});

	it('writes tax per mu in 万元/亩, and in CNY per mu in English', () => {
		const field = {key: 'tax_per_mu_10k_cny', kind: 'money10kPerMu'};
		expect(formatter('zh-CN').format(field, 1.1)).toBe('1.1 万元/亩');
		expect(formatter('en').format(field, 1.1)).toBe('CNY 11,000 per mu');
	});

	it('joins list values', () => {
		expect(formatter('zh-CN').format({kind: 'text'}, ['甲', '乙'])).toBe('甲、乙');
	});
});
