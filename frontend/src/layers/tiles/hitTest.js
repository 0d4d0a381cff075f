/*
 * Which decoded tile feature lies under a point. Pure geometry on flat [x0, y0, x1, y1, ...]
 * rings, in whatever units the caller uses for the point and the tolerance (tile units here).
 */

/** Absolute area of a ring (shoelace formula). */
export function ringArea(ring) {
	let sum = 0;
	for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
		sum += (ring[j] - ring[i]) * (ring[j + 1] + ring[i + 1]);
	}
	return Math.abs(sum / 2);
}

/** Whether (x, y) lies inside the area the rings enclose; holes are rings inside rings (even-odd rule). */
export function insideRings(rings, x, y) {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
			const xi = ring[i];
			const yi = ring[i + 1];
			const xj = ring[j];
			const yj = ring[j + 1];
			if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
				inside = !inside;
			}
		}
	}
	return inside;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
export function segmentDistance(x, y, ax, ay, bx, by) {
	const dx = bx - ax;
	const dy = by - ay;
	const lengthSquared = dx * dx + dy * dy;
	const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
	return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Shortest distance from (x, y) to any of the lines. */
export function lineDistance(lines, x, y) {
	let best = Infinity;
	for (const line of lines) {
		if (line.length === 2) {
			best = Math.min(best, Math.hypot(x - line[0], y - line[1]));
		}
		for (let i = 2; i < line.length; i += 2) {
			best = Math.min(best, segmentDistance(x, y, line[i - 2], line[i - 1], line[i], line[i + 1]));
		}
	}
	return best;
}

/**
 * The feature at (x, y): the nearest line or point within `tolerance`, else the topmost area
 * containing the point (the last drawn, as areas are drawn largest first). `accepts(feature)`
 * leaves out what is not drawn (filtered or hidden).
 */
export function featureAt(features, x, y, tolerance, accepts = () => true) {
	let nearest = null;
	let nearestDistance = tolerance;
	for (const feature of features) {
		if (feature.type === 'Polygon' || !accepts(feature)) {
			continue;
		}
		const distance = lineDistance(feature.rings, x, y);
		if (distance <= nearestDistance) {
			nearest = feature;
			nearestDistance = distance;
		}
	}
	if (nearest) {
		return nearest;
	}
	for (let i = features.length - 1; i >= 0; i--) {
		const feature = features[i];
		if (feature.type === 'Polygon' && accepts(feature) && insideRings(feature.rings, x, y)) {
			return feature;
		}
	}
	return null;
}
