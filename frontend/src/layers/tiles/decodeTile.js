import {VectorTile} from '@mapbox/vector-tile';
import {PbfReader} from 'pbf';
import {ringArea} from './hitTest.js';

const GEOMETRY_TYPES = {1: 'Point', 2: 'LineString', 3: 'Polygon'};

/**
 * The features of one collection's layer in an MVT tile, in tile units (0..extent, y down):
 * {extent, features: [{id, properties, type, rings, area, cell}]}. `rings` are flat [x0, y0, x1, y1, ...]
 * arrays: a line's parts, or all rings of an area (outer and holes, told apart by the even-odd
 * rule when hit-testing). Areas come largest first, so smaller ones are drawn over them.
 * An empty answer (null: the server's 204) gives no features.
 */
export function decodeTile(buffer, layerName) {
	if (!buffer || buffer.byteLength === 0) {
		return {extent: 4096, features: []};
	}
	const layer = new VectorTile(new PbfReader(buffer)).layers[layerName];
	if (!layer) {
		return {extent: 4096, features: []};
	}
	const features = [];
	for (let i = 0; i < layer.length; i++) {
		const feature = layer.feature(i);
		const type = GEOMETRY_TYPES[feature.type];
		if (!type) {
			continue;
		}
		const rings = feature.loadGeometry().map((ring) => {
			const flat = new Float32Array(ring.length * 2);
			ring.forEach((point, j) => {
				flat[2 * j] = point.x;
				flat[2 * j + 1] = point.y;
			});
			return flat;
		});
		// A cell of a generalised low-zoom tile stands for `cell_features` features too small to draw there.
		const cell = 'cell_features' in feature.properties;
		const id = cell ? null : String(feature.id ?? feature.properties.id);
		const area = type === 'Polygon' ? rings.reduce((sum, ring) => sum + ringArea(ring), 0) : 0;
		features.push({id, properties: feature.properties, type, rings, area, cell});
	}
	features.sort((a, b) => b.area - a.area);
	return {extent: layer.extent, features};
}
