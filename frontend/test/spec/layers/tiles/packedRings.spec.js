import {describe, expect, it} from 'vitest';
import {packRings, unpackRings} from '../../../../src/layers/tiles/packedRings.js';

const rings = (...lists) => lists.map((list) => Float32Array.from(list));

describe('packRings', () => {
	it('puts every ring of every feature in one buffer and gives the same tile back', () => {
		const tile = {extent: 4096, features: [
			{id: '1', properties: {category: 'idle'}, type: 'Polygon', area: 9, cell: false, rings: rings([0, 0, 3, 0, 3, 3, 0, 0], [1, 1, 2, 1, 1, 1])},
			{id: null, properties: {cell_features: 12}, type: 'Polygon', area: 4, cell: true, rings: rings([5, 5, 7, 5, 7, 7, 5, 5])},
			{id: '3', properties: {}, type: 'LineString', area: 0, cell: false, rings: rings([9, 9, 10, 10], [11, 11, 12, 12, 13, 13])}
		]};
		const packed = packRings(tile);
		expect(packed.coordinates).toHaveLength(32);
		expect([...packed.ringEnds]).toEqual([8, 14, 22, 26, 32]);
		const back = unpackRings(structuredClone(packed));
		expect(back.extent).toBe(4096);
		expect(back.features.map((f) => ({...f, rings: f.rings.map((r) => [...r])})))
			.toEqual(tile.features.map((f) => ({...f, rings: f.rings.map((r) => [...r])})));
	});

	it('packs a tile without features', () => {
		const back = unpackRings(packRings({extent: 512, features: []}));
		expect(back).toEqual({extent: 512, features: []});
	});
});
