import {describe, expect, it} from 'vitest';
import {MAX_ACCURACY_M, distanceM, formatDistance, formatDuration, isAccurate, shouldRecord, trackLengthM, trackLine} from '../../../src/river/track.js';

describe('a patrol track', () => {
	it('measures great-circle distances in metres', () => {
		// One thousandth of a degree of latitude is about 111 m anywhere.
		expect(distanceM([116.3, 33.2], [116.3, 33.201])).toBeCloseTo(111.2, 0);
		// A degree of longitude at 33° N is cos(33°) of one at the equator.
		expect(distanceM([116.3, 33], [116.301, 33])).toBeCloseTo(93.3, 0);
		expect(distanceM([116.3, 33], [116.3, 33])).toBe(0);
	});

	it('adds up the length of fixes and of positions', () => {
		const fixes = [{lon: 116.3, lat: 33.2}, {lon: 116.3, lat: 33.201}, {lon: 116.3, lat: 33.202}];
		expect(trackLengthM(fixes)).toBeCloseTo(222.4, 0);
		expect(trackLengthM(fixes.map((f) => [f.lon, f.lat]))).toBeCloseTo(222.4, 0);
		expect(trackLengthM([fixes[0]])).toBe(0);
		expect(trackLengthM([])).toBe(0);
	});

	it('drops fixes less accurate than 50 m', () => {
		expect(isAccurate({lon: 116.3, lat: 33.2, accuracy: 12})).toBe(true);
		expect(isAccurate({lon: 116.3, lat: 33.2, accuracy: MAX_ACCURACY_M})).toBe(true);
		expect(isAccurate({lon: 116.3, lat: 33.2, accuracy: 51})).toBe(false);
		expect(isAccurate({lon: 116.3, lat: 33.2})).toBe(false);
		expect(isAccurate({lon: Number.NaN, lat: 33.2, accuracy: 5})).toBe(false);
	});

	it('records a fix when the walker moved 5 m or 5 s passed', () => {
		const last = {lon: 116.3, lat: 33.2, accuracy: 10, at: 0};
		expect(shouldRecord({...last, at: 1000}, null)).toBe(true);
		expect(shouldRecord({...last, at: 1000}, last)).toBe(false);
		expect(shouldRecord({...last, at: 5000}, last)).toBe(true);
		expect(shouldRecord({...last, lat: 33.2001, at: 1000}, last)).toBe(true);
		expect(shouldRecord({...last, lat: 33.2001, at: 1000, accuracy: 80}, last)).toBe(false);
	});

	it('becomes a GeoJSON LineString of distinct positions, or nothing under two', () => {
		const a = {lon: 116.30000001, lat: 33.2};
		const b = {lon: 116.301, lat: 33.2};
		expect(trackLine([a, b])).toEqual({type: 'LineString', coordinates: [[116.3, 33.2], [116.301, 33.2]]});
		expect(trackLine([a, a])).toBeNull();
		expect(trackLine([a, a, b]).coordinates).toHaveLength(2);
		expect(trackLine([])).toBeNull();
	});

	it('formats distance and duration for the live display', () => {
		expect(formatDistance(0)).toBe('0 m');
		expect(formatDistance(849.6)).toBe('850 m');
		expect(formatDistance(1250)).toBe('1.25 km');
		expect(formatDuration(0)).toBe('00:00');
		expect(formatDuration(65_000)).toBe('01:05');
		expect(formatDuration(3_723_000)).toBe('1:02:03');
	});
});
