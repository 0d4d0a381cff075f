import {describe, expect, it} from 'vitest';
import {formatLayerView, parseLayerView} from '../../../src/map/LayerView.js';
import {formatView, parseHash} from '../../../src/map/HashState.js';

describe('LayerView', () => {
	it('reads the dashboard tiles’ map views', () => {
		expect(parseLayerView('#/layer/ditch?treated=true')).toEqual({collection: 'ditch', filter: {treated: 'true'}, view: null});
		expect(parseLayerView('#/layer/sluice?standardization=in_progress&scale=small'))
			.toEqual({collection: 'sluice', filter: {standardization: 'in_progress', scale: 'small'}, view: null});
		expect(parseLayerView('#/layer/land_parcel')).toEqual({collection: 'land_parcel', filter: {}, view: null});
	});

	it('keeps the view apart from the filter', () => {
		expect(parseLayerView('#/layer/ditch?planned_year=2023&map=12/33.25/116.3'))
			.toEqual({collection: 'ditch', filter: {planned_year: '2023'}, view: {zoom: 12, lat: 33.25, lon: 116.3}});
	});

	it('ignores what is not a layer view or not a property', () => {
		for (const hash of ['', '#map=12/33/116', '#/sluice/12', '#/layer/', '#/layer/Bad-Name', '#/projects']) {
			expect(parseLayerView(hash), hash).toBeNull();
		}
		expect(parseLayerView('#/layer/ditch?treated=true&x-y=1&empty=').filter).toEqual({treated: 'true'});
	});

	it('writes views that read back the same and that the map does not take for a feature', () => {
		const view = {zoom: 12, lat: 33.25, lon: 116.3};
		const hash = formatLayerView({collection: 'ditch', filter: {treated: 'true'}}, view);
		expect(hash).toBe(`#/layer/ditch?treated=true&map=${formatView(view)}`);
		expect(parseLayerView(hash)).toEqual({collection: 'ditch', filter: {treated: 'true'}, view: {zoom: 12, lat: 33.25, lon: 116.3}});
		expect(parseHash(hash).feature).toBeNull();
		expect(formatLayerView({collection: 'land_parcel', filter: {}})).toBe('#/layer/land_parcel');
	});
});
