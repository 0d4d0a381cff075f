import {describe, expect, it} from 'vitest';
import {AREA_UNITS, SQUARE_METRES, convertArea, fromSquareMetres, roundArea, toSquareMetres} from '../../../src/parcels/AreaUnits.js';

describe('AreaUnits', () => {
	it('counts 亩 as 666.67 m², as the plans and the server do', () => {
		expect(AREA_UNITS).toEqual(['m2', 'ha', 'mu']);
		expect(SQUARE_METRES.mu).toBe(666.67);
		expect(toSquareMetres(1, 'mu')).toBe(666.67);
		expect(toSquareMetres(2, 'ha')).toBe(20000);
		expect(toSquareMetres(350, 'm2')).toBe(350);
		expect(fromSquareMetres(666.67, 'mu')).toBe(1);
		expect(fromSquareMetres(25000, 'ha')).toBe(2.5);
	});

	it('converts a typed value between units, rounded for typing', () => {
		expect(convertArea(2, 'ha', 'mu')).toBe(30);
		expect(convertArea(30, 'mu', 'ha')).toBe(2);
		expect(convertArea(15, 'mu', 'm2')).toBe(10000.1);
		expect(convertArea(1, 'ha', 'm2')).toBe(10000);
		expect(convertArea(10000, 'm2', 'ha')).toBe(1);
		expect(convertArea('4.5', 'ha', 'ha')).toBe(4.5);
	});

	it('keeps an open end of a range open', () => {
		for (const empty of [null, undefined, '', 'abc']) {
			expect(convertArea(empty, 'ha', 'mu')).toBeNull();
		}
	});

	it('rounds to the decimals each unit deserves', () => {
		expect(roundArea(29.999850, 'mu')).toBe(30);
		expect(roundArea(1.234567, 'ha')).toBe(1.2346);
		expect(roundArea(1234.56, 'm2')).toBe(1234.6);
	});

	it('refuses a unit it does not know', () => {
		expect(() => toSquareMetres(1, 'acre')).toThrow(RangeError);
		expect(() => fromSquareMetres(1, 'km2')).toThrow(RangeError);
	});
});
