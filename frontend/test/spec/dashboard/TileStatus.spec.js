import {describe, expect, it} from 'vitest';
import {tilePercent, tileRatio, tileStatus} from '../../../src/dashboard/TileStatus.js';

describe('TileStatus', () => {
	it('draws the status the server judged', () => {
		expect(tileStatus({value: 7, target: 7, status: 'done'})).toBe('done');
		expect(tileStatus({value: 0, target: 95, status: 'missed'})).toBe('missed');
		expect(tileStatus({value: 40, target: 95, status: 'behind'})).toBe('behind');
	});

	it('shows a figure it cannot place as unavailable, never as 0', () => {
		expect(tileStatus({target: 20, status: 'unavailable'})).toBe('unavailable');
		expect(tileStatus({value: 3, target: 5})).toBe('unavailable');
		expect(tileStatus({value: 3, target: 5, status: 'bogus'})).toBe('unavailable');
		expect(tileRatio({value: null, target: 20})).toBeNull();
		expect(tileRatio({value: 'x', target: 3})).toBeNull();
	});

	it('draws the share of the target, capped at 100', () => {
		expect(tilePercent({value: 135, target: 544})).toBeCloseTo(24.8, 1);
		expect(tilePercent({value: 30, target: 20})).toBe(100);
		expect(tilePercent({value: 5, target: null})).toBe(0);
	});
});
