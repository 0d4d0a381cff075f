import {PbfWriter} from 'pbf';
import {describe, expect, it} from 'vitest';
import {decodeTile} from '../../../../src/layers/tiles/decodeTile.js';

const zigzag = (n) => (n << 1) ^ (n >> 31);

/** MVT geometry commands for rings of [x, y] points: MoveTo, LineTo, and ClosePath for areas. */
function commands(rings, close) {
	const out = [];
	let cx = 0;
	let cy = 0;
	const step = ([x, y]) => {
		out.push(zigzag(x - cx), zigzag(y - cy));
		cx = x;
		cy = y;
	};
	for (const ring of rings) {
		out.push(1 | (1 << 3));
		step(ring[0]);
		out.push(2 | ((ring.length - 1) << 3));
		ring.slice(1).forEach(step);
		if (close) {
			out.push(7 | (1 << 3));
		}
	}
	return out;
}

/** A one-layer tile, written by hand after the MVT 2.1 schema, as PostGIS's ST_AsMVT writes it. */
function encodeTile(name, features, extent = 4096) {
	const keys = [];
	const values = [];
	const index = (list, value) => (list.includes(value) ? list.indexOf(value) : list.push(value) - 1);
	const encoded = features.map((f) => ({
		...f,
		tags: Object.entries(f.properties).flatMap(([key, value]) => [index(keys, key), index(values, value)])
	}));
	const pbf = new PbfWriter();
	pbf.writeMessage(3, (layer, p) => {
		p.writeVarintField(15, 2);
		p.writeStringField(1, name);
		for (const f of layer.features) {
			p.writeMessage(2, (feature, q) => {
				if (feature.id !== undefined) {
					q.writeVarintField(1, feature.id);
				}
				q.writePackedVarint(2, feature.tags);
				q.writeVarintField(3, feature.type);
				q.writePackedVarint(4, commands(feature.rings, feature.type === 3));
			}, f);
		}
		keys.forEach((key) => p.writeStringField(3, key));
		values.forEach((value) => p.writeMessage(4, (v, q) => (typeof v === 'boolean' ? q.writeBooleanField(7, v) : q.writeStringField(1, v)), value));
		p.writeVarintField(5, extent);
	}, {features: encoded});
	return pbf.finish();
}

describe('decodeTile', () => {
	it('reads ids, attributes and rings of a collection\'s layer, largest area first', () => {
		const bytes = encodeTile('land_parcel', [
			{id: 5, type: 3, properties: {status: 'planned', category: 'idle'}, rings: [[[10, 10], [20, 10], [20, 20], [10, 20]]]},
			{id: 9, type: 3, properties: {status: 'completed', category: 'idle'}, rings: [[[0, 0], [100, 0], [100, 100], [0, 100]]]}
		]);
		const tile = decodeTile(bytes, 'land_parcel');
		expect(tile.extent).toBe(4096);
		expect(tile.features.map((f) => f.id)).toEqual(['9', '5']);
		expect(tile.features[1]).toMatchObject({type: 'Polygon', properties: {status: 'planned', category: 'idle'}, area: 100});
		expect(Array.from(tile.features[1].rings[0])).toEqual([10, 10, 20, 10, 20, 20, 10, 20, 10, 10]);
	});

	it('reads lines with boolean attributes', () => {
		const tile = decodeTile(encodeTile('ditch', [
			{id: 3, type: 2, properties: {class: 'large', treated: true}, rings: [[[0, 0], [50, 50], [100, 0]]]}
		]), 'ditch');
		expect(tile.features).toHaveLength(1);
		expect(tile.features[0]).toMatchObject({id: '3', type: 'LineString', properties: {class: 'large', treated: true}});
		expect(Array.from(tile.features[0].rings[0])).toEqual([0, 0, 50, 50, 100, 0]);
	});

	it('tells a generalised tile\'s cells, which count features and have no id, from features', () => {
		const tile = decodeTile(encodeTile('land_parcel', [
			{id: 4, type: 3, properties: {category: 'idle'}, rings: [[[0, 0], [9, 0], [9, 9], [0, 9]]]},
			{type: 3, properties: {category: 'idle', cell_features: '12'}, rings: [[[0, 0], [128, 0], [128, 128], [0, 128]]]}
		]), 'land_parcel');
		expect(tile.features.map((f) => [f.id, f.cell])).toEqual([[null, true], ['4', false]]);
	});

	it('gives no features for an empty tile (204) or another layer', () => {
		expect(decodeTile(null, 'ditch').features).toEqual([]);
		expect(decodeTile(new ArrayBuffer(0), 'ditch').features).toEqual([]);
		expect(decodeTile(encodeTile('ditch', [{id: 1, type: 2, properties: {}, rings: [[[0, 0], [1, 1]]]}]), 'land_parcel').features).toEqual([]);
	});
});
