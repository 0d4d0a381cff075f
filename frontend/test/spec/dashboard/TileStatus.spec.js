import {describe, expect, it} from 'vitest';
import {tilePercent, tileRatio, tileStatus, yearElapsed} from '../../../src/dashboard/TileStatus.js';

const JULY = new Date('2026-07-02T04:00:00Z');

describe('TileStatus', () => {
	it('measures the year in China Standard Time', () => {
		expect(yearElapsed(new Date('2025-12-31T16:30:00Z'))).toBeLessThan(0.001);
		expect(yearElapsed(JULY)).toBeCloseTo(0.5, 1);
	});

	it('is done when the target is met', () => {
		expect(tileStatus({value: 20, target: 20, unit: '%'}, {now: JULY})).toBe('done');
		expect(tileStatus({value: 7, target: 6, unit: '座'}, {now: JULY})).toBe('done');
	});

	it('is behind when less of the target is done than of the year has passed', () => {
		expect(tileStatus({value: 40, target: 95, unit: '条'}, {now: JULY})).toBe('behind');
		expect(tileStatus({value: 60, target: 95, unit: '条'}, {now: JULY})).toBe('on_track');
		expect(tileStatus({value: 16.1, target: 20, unit: '%'}, {now: new Date('2026-11-27T03:00:00Z')})).toBe('behind');
		expect(tileStatus({value: 0, target: 36, unit: '座'}, {now: new Date('2025-12-31T16:00:00Z')})).toBe('on_track');
	});

	it('has no status without a target', () => {
		expect(tileStatus({value: 12, target: null}, {now: JULY})).toBe('none');
		expect(tileStatus({value: 12, target: 0}, {now: JULY})).toBe('none');
		expect(tileRatio({value: 'x', target: 3})).toBeNull();
		expect(tileStatus({value: null, target: 20, unit: '%'}, {now: JULY}), 'a rate without its baseline is not 0').toBe('none');
	});

	it('draws the share of the target, capped at 100', () => {
		expect(tilePercent({value: 135, target: 544})).toBeCloseTo(24.8, 1);
		expect(tilePercent({value: 30, target: 20})).toBe(100);
		expect(tilePercent({value: 5, target: null})).toBe(0);
	});
});
