/*
 * A decoded tile (decodeTile) with the rings of all its features in one Float32Array, for sending
 * between threads, and back. A feature keeps its first ring's index and its number of rings.
 */

export function packRings(tile) {
	let length = 0;
	let ringCount = 0;
	for (const feature of tile.features) {
		ringCount += feature.rings.length;
		for (const ring of feature.rings) {
			length += ring.length;
		}
	}
	const coordinates = new Float32Array(length);
	const ringEnds = new Uint32Array(ringCount);
	let at = 0;
	let ring = 0;
	const features = tile.features.map(({rings, ...feature}) => {
		const firstRing = ring;
		for (const r of rings) {
			coordinates.set(r, at);
			at += r.length;
			ringEnds[ring++] = at;
		}
		return {...feature, firstRing, rings: rings.length};
	});
	return {extent: tile.extent, features, coordinates, ringEnds};
}

export function unpackRings({extent, features, coordinates, ringEnds}) {
	return {
		extent,
		features: features.map(({firstRing, rings, ...feature}) => {
			const views = [];
			for (let r = firstRing; r < firstRing + rings; r++) {
				views.push(coordinates.subarray(r === 0 ? 0 : ringEnds[r - 1], ringEnds[r]));
			}
			return {...feature, rings: views};
		})
	};
}
