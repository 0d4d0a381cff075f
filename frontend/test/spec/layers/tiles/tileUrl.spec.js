import {describe, expect, it} from 'vitest';
import {tileUrl} from '../../../../src/layers/tiles/tileUrl.js';

describe('tileUrl', () => {
	it('names the collection and the tile', () => {
		expect(tileUrl('land_parcel', {z: 14, x: 13480, y: 6510})).toBe('/tiles/land_parcel/14/13480/6510.mvt');
	});

	it('sends the equality filters, sorted, so one filter is always one URL', () => {
		expect(tileUrl('ditch', {z: 12, x: 3370, y: 1627}, {treated: 'true', department: 'water'}))
			.toBe('/tiles/ditch/12/3370/1627.mvt?department=water&treated=true');
	});

	it('leaves out empty filter values and encodes the rest', () => {
		expect(tileUrl('ditch', {z: 1, x: 0, y: 1}, {name: '朱楼 沟', planned_year: '', status: null}))
			.toBe('/tiles/ditch/1/0/1.mvt?name=%E6%9C%B1%E6%A5%BC+%E6%B2%9F');
		expect(tileUrl('ditch', {z: 1, x: 0, y: 1}, null)).toBe('/tiles/ditch/1/0/1.mvt');
	});
});
