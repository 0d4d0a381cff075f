import {describe, expect, it} from 'vitest';
import {LARGE_MIN_ZOOM, minZoomFor} from '../../../../src/layers/tiles/minZoom.js';

describe('minZoomFor', () => {
	it('draws a collection of the demo county\'s size at every zoom', () => {
		expect(minZoomFor(340)).toBe(0);
		expect(minZoomFor(100000)).toBe(0);
		expect(minZoomFor(undefined)).toBe(0);
	});

	it('draws a million parcels only from a town\'s scale on', () => {
		expect(minZoomFor(1000000)).toBe(LARGE_MIN_ZOOM);
		expect(LARGE_MIN_ZOOM).toBe(14);
	});
});
