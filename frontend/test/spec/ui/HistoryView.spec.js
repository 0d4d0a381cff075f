import {describe, expect, it} from 'vitest';
import {changedFieldsOf, rowGeometry} from '../../../src/ui/HistoryView.js';
import {adoptServerFixtures} from '../../support/serverFixtures.js';

adoptServerFixtures();

describe('history helpers', () => {
	it('drop the legacy crs member from a row image geometry', () => {
		const row = {geom: {crs: {type: 'name', properties: {name: 'EPSG:4490'}}, type: 'Point', coordinates: [116.28, 33.27]}};
		expect(rowGeometry(row)).toEqual({type: 'Point', coordinates: [116.28, 33.27]});
		expect(rowGeometry({geom: null})).toBeNull();
		expect(rowGeometry(null)).toBeNull();
	});

	it('list the changed fields a reader cares about, geometry and name first, in the order of the schema', () => {
		const change = {changedFields: ['version', 'updated_at', 'status', 'safety_class', 'geom', 'name', 'code', 'remarks', 'updated_by']};
		expect(changedFieldsOf(change, 'sluice')).toEqual(['geom', 'name', 'code', 'status', 'safety_class', 'remarks']);
		expect(changedFieldsOf({}, 'sluice')).toEqual([]);
	});
});
