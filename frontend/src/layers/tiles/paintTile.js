import {pathStyle} from '../Symbology.js';

/** Leaflet's dash text ("10 6") as a canvas dash list. */
function dashList(dashArray) {
	return dashArray ? String(dashArray).split(/[\s,]+/).map(Number).filter((n) => Number.isFinite(n)) : [];
}

/**
 * The outline of an area `side` pixels across: its style's width when the area is large on
 * screen, thinner when it is small, so that a dense town's parcels still show their fill.
 */
export function outlineWidth(weight, side) {
	return Math.min(weight, Math.max(0.75, side / 8));
}

/**
 * How opaque a cell of a generalised tile is filled: by the number of features it counts, on a
 * log scale, so one parcel is a faint square and a thousand a nearly solid one.
 */
export function cellOpacity(count) {
	return Math.min(0.85, 0.2 + 0.22 * Math.log10(Math.max(1, count)));
}

/** Traces the rings (tile units) as one canvas path, scaled by `k` to CSS pixels. */
function trace(context, rings, k, close) {
	context.beginPath();
	for (const ring of rings) {
		context.moveTo(ring[0] * k, ring[1] * k);
		for (let i = 2; i < ring.length; i += 2) {
			context.lineTo(ring[i] * k, ring[i + 1] * k);
		}
		if (close) {
			context.closePath();
		}
	}
}

/**
 * Draws a decoded tile on its canvas with the map's symbology (Symbology.pathStyle: status
 * colour, a parcel's category fill, a ditch's class width). The canvas holds `pixelRatio`
 * device pixels per CSS pixel, so strokes stay crisp on high-DPI screens; geometry beyond the
 * tile's edge (the server's buffer) is clipped by the canvas, so strokes join across tiles.
 * A cell of a generalised tile is a square shaded by how many features it counts (cellOpacity).
 * `accepts(feature)` leaves out filtered and hidden features. Answers how many were drawn.
 */
export function paintTile(canvas, tile, options) {
	const {collection, size = 256, pixelRatio = 1, accepts = () => true} = options;
	const context = canvas.getContext('2d');
	context.setTransform(1, 0, 0, 1, 0, 0);
	context.clearRect(0, 0, canvas.width, canvas.height);
	context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
	const k = size / tile.extent;
	let drawn = 0;
	for (const feature of tile.features) {
		if (!accepts(feature)) {
			continue;
		}
		const style = pathStyle(collection, feature.properties, feature.type);
		const area = feature.type === 'Polygon';
		trace(context, feature.rings, k, area);
		if (feature.cell) {
			context.globalAlpha = cellOpacity(feature.properties.cell_features);
			context.fillStyle = style.fillColor || style.color;
			context.fill();
			drawn++;
			continue;
		}
		if (area && style.fill !== false) {
			context.globalAlpha = style.fillOpacity ?? 0.2;
			context.fillStyle = style.fillColor || style.color;
			context.fill('evenodd');
		}
		if (style.stroke !== false) {
			context.globalAlpha = style.opacity ?? 1;
			context.strokeStyle = style.color;
			context.lineWidth = area ? outlineWidth(style.weight ?? 3, Math.sqrt(feature.area) * k) : style.weight ?? 3;
			context.lineCap = style.lineCap || 'round';
			context.lineJoin = style.lineJoin || 'round';
			context.setLineDash(dashList(style.dashArray));
			context.stroke();
		}
		drawn++;
	}
	context.globalAlpha = 1;
	return drawn;
}
