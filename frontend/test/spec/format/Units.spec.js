import {beforeEach, describe, expect, it} from 'vitest';
import {setCounty} from '../../../src/county/County.js';
import {I18n} from '../../../src/i18n/I18n.js';
import {
	MU_M2, formatAmount, formatArea, formatCapacity, formatDate, formatDateTime, formatLength, formatMetres, formatMoney10k, formatPercent, unitText
} from '../../../src/format/Units.js';

const zh = new I18n({locale: 'zh-CN'});
const en = new I18n({locale: 'en'});

describe('units', () => {
	beforeEach(() => setCounty({timeZone: 'Asia/Shanghai', center: [116.3, 33.25], zoom: 10}));

	it('defines one mu as 666.67 m²', () => {
		expect(MU_M2).toBeCloseTo(666.67, 2);
	});

	it('writes lengths in metres below a kilometre and in kilometres above', () => {
		expect(formatLength(790, zh)).toBe('790 m');
		expect(formatLength(12530, zh)).toBe('12.53 km');
		expect(formatLength(24670.4, en)).toBe('24.67 km');
		expect(formatLength(1000, en)).toBe('1.00 km');
	});

	it('writes areas in m², hectares and mu', () => {
		expect(formatArea(6666.7, zh)).toBe('6,667 m² · 0.67 ha · 10.00 亩');
		expect(formatArea(20000, en)).toBe('20,000 m² · 2.00 ha · 30.00 mu');
	});

	it('writes money in 万元 for Chinese and CNY millions for English', () => {
		expect(formatMoney10k(1200, zh)).toBe('1,200.00 万元');
		expect(formatMoney10k(1200, en)).toBe('CNY 12.00 million');
	});

	it('writes percentages, spans and capacities', () => {
		expect(formatPercent(40, zh)).toBe('40%');
		expect(formatPercent(33.333, en)).toBe('33.3%');
		expect(formatMetres(12.5, zh)).toBe('12.5 m');
		expect(formatCapacity(50000, zh)).toBe('50,000 立方米/日');
		expect(formatCapacity(50000, en)).toBe('50,000 m³/day');
	});

	it('writes dates as ISO dates and timestamps in China Standard Time', () => {
		expect(formatDate('2023-12-31')).toBe('2023-12-31');
		expect(formatDate('2023-12-31T00:00:00Z')).toBe('2023-12-31');
		expect(formatDateTime('2023-12-31T16:30:00Z')).toBe('2024-01-01 00:30');
		expect(formatDateTime('not a date')).toBe('not a date');
	});

	it('writes units from the data in the reader’s language', () => {
		expect(unitText('座', zh)).toBe('座');
		expect(unitText('座', en)).toBe('');
		expect(unitText('亩', en)).toBe(en.t('unit.mu'));
		expect(unitText('公里', en)).toBe('km');
		expect(unitText('km', zh)).toBe('km');
		expect(formatAmount(12, '座', zh)).toBe('12 座');
		expect(formatAmount(12, '座', en)).toBe('12');
		expect(formatAmount(16.1, '%', en)).toBe('16.1%');
		expect(formatAmount(3.5, 'km', en)).toBe('3.5 km');
	});
});

