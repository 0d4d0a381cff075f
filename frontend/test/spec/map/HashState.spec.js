import {describe, expect, it} from 'vitest';
import {formatHash, formatView, parseHash, precisionFor} from '../../../src/map/HashState.js';

describe('parseHash', () => {
	it('reads a feature', () => {
		expect(parseHash('#/sluice/12')).toEqual({feature: {collection: 'sluice', id: '12'}, view: null});
	});

	it('reads a view', () => {
		expect(parseHash('#map=14/33.25/116.3')).toEqual({feature: null, view: {zoom: 14, lat: 33.25, lon: 116.3}});
	});

	it('reads a feature and a view together, with ? or &', () => {
		const expected = {feature: {collection: 'land_parcel', id: '3'}, view: {zoom: 15.5, lat: 33.1, lon: 116.2}};
		expect(parseHash('#/land_parcel/3?map=15.5/33.1/116.2')).toEqual(expected);
		expect(parseHash('#/land_parcel/3&map=15.5/33.1/116.2')).toEqual(expected);
	});

	it('accepts no hash at all', () => {
		expect(parseHash('')).toEqual({feature: null, view: null});
		expect(parseHash(undefined)).toEqual({feature: null, view: null});
		expect(parseHash('#')).toEqual({feature: null, view: null});
	});

	it('ignores malformed parts and keeps the rest', () => {
		expect(parseHash('#/Sluice/12?map=14/33/116').feature).toBeNull();
		expect(parseHash('#/sluice/abc').feature).toBeNull();
		expect(parseHash('#/sluice/0').feature).toBeNull();
		expect(parseHash('#/sluice/12/x').feature).toBeNull();
		expect(parseHash('#/sluice/12?map=30/33/116').view).toBeNull();
		expect(parseHash('#map=10/95/116').view).toBeNull();
		expect(parseHash('#map=10/33').view).toBeNull();
		expect(parseHash('#map=10//116').view).toBeNull();
		expect(parseHash('#map=a/b/c').view).toBeNull();
		expect(parseHash('#/sluice/12?map=bad').feature).toEqual({collection: 'sluice', id: '12'});
	});
});

describe('formatHash', () => {
	it('writes a feature, a view or both', () => {
		const feature = {collection: 'sluice', id: '12'};
		const view = {zoom: 14, lat: 33.25, lon: 116.3};
		expect(formatHash({feature})).toBe('#/sluice/12');
		expect(formatHash({view})).toBe('#map=14/33.25000/116.30000');
		expect(formatHash({feature, view})).toBe('#/sluice/12?map=14/33.25000/116.30000');
		expect(formatHash({})).toBe('');
	});

	it('round-trips through parseHash', () => {
		const state = {feature: {collection: 'bridge', id: '4'}, view: {zoom: 12.5, lat: 33.123456, lon: 116.654321}};
		const parsed = parseHash(formatHash(state));
		expect(parsed.feature).toEqual(state.feature);
		expect(parsed.view.zoom).toBe(12.5);
		expect(parsed.view.lat).toBeCloseTo(state.view.lat, 4);
		expect(parsed.view.lon).toBeCloseTo(state.view.lon, 4);
	});

	it('uses more decimals at higher zooms', () => {
		expect(precisionFor(18)).toBeGreaterThan(precisionFor(5));
		expect(formatView({zoom: 5, lat: 33.123456, lon: 116.1})).toBe('5/33.1235/116.1000');
	});
});
