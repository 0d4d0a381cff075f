import {beforeEach, describe, expect, it} from 'vitest';
import {setCounty} from '../../../src/county/County.js';
import {I18n} from '../../../src/i18n/I18n.js';
import {messages} from '../../../src/parcels/messages.js';
import {defaultKpiYear, groupLabel, kpiYears, rateAxisMax, rateState} from '../../../src/parcels/DisposalRate.js';

describe('DisposalRate', () => {
	beforeEach(() => setCounty({timeZone: 'Asia/Shanghai', center: [116.3, 33.25], zoom: 10}));

	it('names the plans’ groups in both languages', () => {
		const zh = new I18n({locale: 'zh-CN'});
		const en = new I18n({locale: 'en'});
		zh.add(messages);
		en.add(messages);
		expect(groupLabel('批而未供和闲置土地', zh)).toBe('批而未供和闲置土地');
		expect(groupLabel('工业低效用地', en)).toBe('Inefficient industrial land');
		expect(groupLabel('其他', en)).toBe('其他');
	});

	it('offers this year back to 2020 and opens on last year', () => {
		const years = kpiYears(new Date(2026, 5, 1));
		expect(years[0]).toBe(2026);
		expect(years.at(-1)).toBe(2020);
		expect(defaultKpiYear(new Date(Date.UTC(2026, 5, 1)))).toBe(2026);
		expect(defaultKpiYear(new Date('2026-12-31T16:30:00Z')), 'half past midnight on 1 January in the county').toBe(2027);
	});

	it('leaves room on the axis for the highest rate and the target', () => {
		expect(rateAxisMax([5, 8], 20)).toBe(30);
		expect(rateAxisMax([37.1], 20)).toBe(50);
		expect(rateAxisMax([100], 20)).toBe(100);
	});

	it('tells met, close and behind', () => {
		expect(rateState(20, 20)).toBe('met');
		expect(rateState(17.3, 20)).toBe('close');
		expect(rateState(9, 20)).toBe('behind');
	});
});
