import {beforeEach, describe, expect, it} from 'vitest';
import {setCounty} from '../../../src/county/County.js';
import {complianceGrade, defaultBulletinMonth, formatCompliance, monthOf, monthParts, parseMonth, shiftMonth} from '../../../src/river/month.js';

describe('bulletin months', () => {
	beforeEach(() => setCounty({timeZone: 'Asia/Shanghai', center: [116.3, 33.25], zoom: 10}));

	it('reads yyyy-MM and nothing else', () => {
		expect(parseMonth('2026-10')).toBe('2026-10');
		expect(parseMonth(' 2026-01 ')).toBe('2026-01');
		expect(parseMonth('2026-13')).toBeNull();
		expect(parseMonth('2026-00')).toBeNull();
		expect(parseMonth('2026-1')).toBeNull();
		expect(parseMonth('202610')).toBeNull();
		expect(parseMonth(undefined)).toBeNull();
	});

	it('steps across years', () => {
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2026-12', 1)).toBe('2027-01');
		expect(shiftMonth('2026-10', -13)).toBe('2025-09');
		expect(monthParts('2026-03')).toEqual({year: 2026, month: 3});
	});

	it('cuts months at midnight county time', () => {
		expect(monthOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11');
		expect(monthOf(new Date('2026-10-31T15:59:00Z'))).toBe('2026-10');
		expect(defaultBulletinMonth(new Date('2026-11-27T05:00:00Z'))).toBe('2026-10');
		expect(defaultBulletinMonth(new Date('2026-01-05T05:00:00Z'))).toBe('2025-12');
	});

	it('formats and grades compliance', () => {
		expect(formatCompliance(87.5)).toBe('87.5%');
		expect(formatCompliance(100)).toBe('100.0%');
		expect(formatCompliance(0, 0)).toBe('—');
		expect(complianceGrade(100)).toBe('full');
		expect(complianceGrade(80)).toBe('short');
		expect(complianceGrade(79.9)).toBe('poor');
	});

	it('follows the time zone of the county the server serves', () => {
		setCounty({timeZone: 'Asia/Urumqi', center: [87.6, 43.8], zoom: 10});
		expect(monthOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-10');
		expect(monthOf(new Date('2026-10-31T18:00:00Z'))).toBe('2026-11');
	});
});
