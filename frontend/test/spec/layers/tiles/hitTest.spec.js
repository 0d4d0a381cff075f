import {describe, expect, it} from 'vitest';
import {featureAt, insideRings, lineDistance, ringArea, segmentDistance} from '../../../../src/layers/tiles/hitTest.js';

const square = (x, y, size) => [x, y, x + size, y, x + size, y + size, x, y + size, x, y];
const area = (id, rings, props = {}) => ({id, type: 'Polygon', rings, properties: props, area: ringArea(rings[0])});
const line = (id, points, props = {}) => ({id, type: 'LineString', rings: [points], properties: props, area: 0});

describe('hitTest', () => {
	it('measures ring areas', () => {
		expect(ringArea(square(0, 0, 10))).toBe(100);
		expect(ringArea([0, 0, 4, 0, 0, 3])).toBe(6);
	});

	it('tells inside from outside, holes included', () => {
		const withHole = [square(0, 0, 100), square(40, 40, 20)];
		expect(insideRings(withHole, 10, 10)).toBe(true);
		expect(insideRings(withHole, 50, 50)).toBe(false);
		expect(insideRings(withHole, 150, 50)).toBe(false);
	});

	it('measures the distance to segments and lines', () => {
		expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
		expect(segmentDistance(-4, 3, 0, 0, 10, 0)).toBe(5);
		expect(segmentDistance(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
		expect(lineDistance([[0, 0, 10, 0, 10, 10]], 12, 5)).toBe(2);
	});

	it('finds the nearest line within the tolerance before any area', () => {
		const features = [area('1', [square(0, 0, 100)]), line('7', [0, 50, 100, 50]), line('8', [0, 60, 100, 60])];
		expect(featureAt(features, 30, 53, 6).id).toBe('7');
		expect(featureAt(features, 30, 57, 6).id).toBe('8');
		expect(featureAt(features, 30, 20, 6).id).toBe('1');
		expect(featureAt(features, 300, 20, 6)).toBeNull();
	});

	it('gives a finger more room than a mouse', () => {
		const features = [line('7', [0, 50, 100, 50])];
		expect(featureAt(features, 30, 62, 6)).toBeNull();
		expect(featureAt(features, 30, 62, 14).id).toBe('7');
	});

	it('answers the smaller, later drawn area where areas overlap', () => {
		const features = [area('big', [square(0, 0, 100)]), area('small', [square(10, 10, 20)])];
		expect(featureAt(features, 15, 15, 6).id).toBe('small');
		expect(featureAt(features, 50, 50, 6).id).toBe('big');
	});

	it('skips what is not drawn', () => {
		const features = [area('big', [square(0, 0, 100)], {status: 'planned'}), area('small', [square(10, 10, 20)], {status: 'completed'})];
		expect(featureAt(features, 15, 15, 6, (f) => f.properties.status !== 'completed').id).toBe('big');
		expect(featureAt(features, 15, 15, 6, () => false)).toBeNull();
	});
});
