/*
 * How features are drawn. Colour always means work status (Okabe–Ito palette, safe for
 * the common forms of colour blindness); shape means the collection; a heavy black outline
 * means unsafe (class 3–4 sluices, dangerous bridges); the digit in a sluice is its safety
 * class; a parcel's fill is its land category. Pure functions: styles and SVG text only.
 */
import {WORK_STATUSES} from '../catalog/Schema.js';

/*
 * The description itself comes from the server (GET /api/v1/symbology: symbology/symbology.json with the symbol
 * each collection added as data carries), taken up at start by adoptSymbology; the objects below are filled in
 * place so that importers keep their references. A collection without a symbol is a circle or the default line.
 */
export const STATUS_COLORS = {};

export const PARCEL_CATEGORY_COLORS = {};

/** Marker shape of each point collection (and of point footprints of projects). */
export const MARKER_SHAPES = {};

/** Line look of each line collection; colour comes from the status. */
export const LINE_STYLES = {default: {weight: 3, dashArray: null}};

/** Line widths chosen by a column's value, the unsafe rules and the column written inside a marker, by collection. */
const LINE_WEIGHT_BY = {};
const UNSAFE = {};
const MARKER_LABEL = {};

export let UNSAFE_COLOR = '#111111';
/** The ring around a project with overdue milestones, and the casing of its line or area. */
export const OVERDUE_COLOR = '#C8102E';
let HALO = '#FFFFFF';
const NEUTRAL = '#4A5560';

function replace(target, source = {}) {
	for (const key of Object.keys(target)) {
		if (key !== 'default') {
			delete target[key];
		}
	}
	Object.assign(target, source);
}

/** Takes up the server's symbology (the answer of GET /api/v1/symbology). */
export function adoptSymbology(description) {
	replace(STATUS_COLORS, description.statusColors);
	replace(PARCEL_CATEGORY_COLORS, description.parcelCategoryColors);
	replace(MARKER_SHAPES, description.markerShapes);
	replace(LINE_STYLES, Object.fromEntries(Object.entries(description.lineStyles || {})
		.map(([collection, line]) => [collection, {dashArray: null, ...line}])));
	replace(LINE_WEIGHT_BY, description.lineWeightBy);
	replace(UNSAFE, description.unsafe);
	replace(MARKER_LABEL, description.markerLabel);
	UNSAFE_COLOR = description.unsafeColor || UNSAFE_COLOR;
	HALO = description.haloColor || HALO;
}

export function statusColor(status) {
	return STATUS_COLORS[status] || STATUS_COLORS.none || NEUTRAL;
}

export function isKnownStatus(status) {
	return WORK_STATUSES.includes(status);
}

/** Relative luminance (WCAG) of a #RRGGBB colour. */
export function luminance(hex) {
	const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
		.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/** Black or white, whichever reads better on the given fill. */
export function textColorOn(hex) {
	const l = luminance(hex);
	return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#111111' : '#FFFFFF';
}

/** Whether an asset is unsafe by its collection's rule: a column at least a number (a class 3 or 4 sluice) or equal to a code (a dangerous bridge). */
export function isUnsafe(collection, props = {}) {
	const rule = UNSAFE[collection];
	if (!rule) {
		return false;
	}
	const value = props[rule.column];
	return rule.atLeast !== undefined ? value !== null && value !== undefined && value !== '' && Number(value) >= rule.atLeast
		: value === rule.equals;
}

/** What a point looks like: shape, fill, outline and the text inside. */
export function markerSpec(collection, props = {}) {
	const fill = statusColor(props.status);
	const unsafe = isUnsafe(collection, props);
	const labelColumn = MARKER_LABEL[collection];
	// The column written inside the marker (a sluice's safety class); an unsafe marker without one says "!".
	let label = '';
	if (labelColumn && props[labelColumn] !== null && props[labelColumn] !== undefined && props[labelColumn] !== '') {
		label = String(props[labelColumn]);
	} else if (unsafe) {
		label = '!';
	}
	return {
		shape: MARKER_SHAPES[collection] || 'circle',
		fill,
		label,
		labelColor: textColorOn(fill),
		unsafe
	};
}

function starPoints(cx, cy, outer, inner) {
	const points = [];
	for (let i = 0; i < 10; i++) {
		const r = i % 2 === 0 ? outer : inner;
		const a = -Math.PI / 2 + (i * Math.PI) / 5;
		points.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
	}
	return points.join(' ');
}

function polygonPoints(cx, cy, r, sides, start) {
	const points = [];
	for (let i = 0; i < sides; i++) {
		const a = start + (i * 2 * Math.PI) / sides;
		points.push(`${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`);
	}
	return points.join(' ');
}

/** The SVG element (as text) for a shape in a 32×32 box. */
export function shapeSvg(shape, attrs) {
	switch (shape) {
	case 'square':
		return `<rect x="6" y="6" width="20" height="20" rx="3" ${attrs}/>`;
	case 'diamond':
		return `<polygon points="16,3.5 28.5,16 16,28.5 3.5,16" ${attrs}/>`;
	case 'triangle':
		return `<polygon points="16,4 28.5,26.5 3.5,26.5" ${attrs}/>`;
	case 'drop':
		return `<path d="M16 3.5C16 3.5 25.5 13.5 25.5 19.5A9.5 9.5 0 0 1 6.5 19.5C6.5 13.5 16 3.5 16 3.5Z" ${attrs}/>`;
	case 'hexagon':
		return `<polygon points="${polygonPoints(16, 16, 12.5, 6, Math.PI / 6)}" ${attrs}/>`;
	case 'pentagon':
		return `<polygon points="${polygonPoints(16, 17, 13, 5, -Math.PI / 2)}" ${attrs}/>`;
	case 'star':
		return `<polygon points="${starPoints(16, 16.5, 14, 6.5)}" ${attrs}/>`;
	default:
		return `<circle cx="16" cy="16" r="11" ${attrs}/>`;
	}
}

/** A marker as an SVG document of `size` pixels; an overdue project gets a red ring around its shape. */
export function markerSvg(spec, size = 28) {
	const ring = spec.overdue
		? `<circle cx="16" cy="16" r="18.5" fill="${HALO}" fill-opacity="0.9" stroke="${OVERDUE_COLOR}" stroke-width="3.5"/>`
		: '';
	const layers = ring + (spec.unsafe
		? shapeSvg(spec.shape, `fill="${HALO}" stroke="${HALO}" stroke-width="6" stroke-linejoin="round"`)
			+ shapeSvg(spec.shape, `fill="${spec.fill}" stroke="${UNSAFE_COLOR}" stroke-width="3" stroke-linejoin="round"`)
		: shapeSvg(spec.shape, `fill="${spec.fill}" stroke="${HALO}" stroke-width="2" stroke-linejoin="round"`));
	const textY = spec.shape === 'triangle' ? 23 : spec.shape === 'drop' ? 23 : 20.5;
	const text = spec.label
		? `<text x="16" y="${textY}" text-anchor="middle" font-size="12" font-weight="700" fill="${spec.labelColor}" font-family="Arial, sans-serif">${spec.label}</text>`
		: '';
	const viewBox = spec.overdue ? '-6 -6 44 44' : '0 0 32 32';
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${viewBox}" aria-hidden="true">${layers}${text}</svg>`;
}

function escapeAttr(text) {
	return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The HTML of a point marker; data attributes name the feature for tests and styling. */
export function markerHtml(collection, feature, size = 28, options = {}) {
	const {overdue = false} = options;
	const props = feature.properties || {};
	const spec = {...markerSpec(collection, props), overdue};
	return `<div class="hetu-marker${overdue ? ' is-overdue' : ''}" data-key="${escapeAttr(`${collection}/${feature.id}`)}" data-status="${escapeAttr(props.status || '')}"${overdue ? ' data-overdue="true"' : ''}>${markerSvg(spec, size)}</div>`;
}

/**
 * Leaflet path options for a line or polygon feature. A `large` area (such as a county-wide
 * plan) is drawn as an outline only, so that it neither hides nor captures clicks meant for
 * what lies inside it.
 */
export function pathStyle(collection, props = {}, geometryType = 'LineString', options = {}) {
	const {large = false} = options;
	const color = statusColor(props.status);
	const polygon = /Polygon/.test(geometryType);
	if (polygon && large) {
		return {color, weight: 3, opacity: 1, dashArray: '10 6', fill: false};
	}
	if (collection === 'land_parcel') {
		return {
			color, weight: 2.5, opacity: 1,
			fillColor: PARCEL_CATEGORY_COLORS[props.category] || '#BBBBBB', fillOpacity: 0.55
		};
	}
	if (polygon) {
		return {color, weight: 2.5, opacity: 1, dashArray: '6 4', fillColor: color, fillOpacity: 0.16};
	}
	const line = LINE_STYLES[collection] || LINE_STYLES.default;
	const by = LINE_WEIGHT_BY[collection];
	const weight = by ? by.weights[props[by.column]] ?? by.otherwise ?? line.weight : line.weight;
	return {
		color, weight, opacity: props.status === 'none' ? 0.8 : 1,
		dashArray: line.dashArray, lineCap: line.lineCap || 'round', lineJoin: 'round', fill: false
	};
}

/** A cluster icon: a ring whose arcs are the shares of each status, the count inside. */
export function clusterSvg(statusCounts) {
	const total = Object.values(statusCounts).reduce((a, b) => a + b, 0);
	const size = total < 10 ? 36 : total < 100 ? 42 : 50;
	const r = size / 2 - 5;
	const circumference = 2 * Math.PI * r;
	let offset = 0;
	const arcs = WORK_STATUSES.filter((s) => statusCounts[s] > 0).map((s) => {
		const length = (statusCounts[s] / total) * circumference;
		const arc = `<circle cx="${size / 2}" cy="${size / 2}" r="${r}" fill="none" stroke="${STATUS_COLORS[s]}" stroke-width="7" `
			+ `stroke-dasharray="${length.toFixed(2)} ${(circumference - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" `
			+ `transform="rotate(-90 ${size / 2} ${size / 2})"/>`;
		offset += length;
		return arc;
	}).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true">`
		+ `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 2 - 1}" fill="${HALO}"/>${arcs}`
		+ `<text x="${size / 2}" y="${size / 2 + 4.5}" text-anchor="middle" font-size="13" font-weight="700" fill="#1F2933" font-family="Arial, sans-serif">${total}</text></svg>`;
}

/** A small legend sample of a collection's symbol, in a neutral colour. */
export function legendSampleSvg(collection, geometryType) {
	if (MARKER_SHAPES[collection]) {
		return markerSvg({shape: MARKER_SHAPES[collection], fill: NEUTRAL, label: '', unsafe: false}, 20);
	}
	if (/Polygon/.test(geometryType)) {
		return `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><rect x="2.5" y="4.5" width="15" height="11" rx="1" fill="${NEUTRAL}" fill-opacity="0.3" stroke="${NEUTRAL}" stroke-width="2"/></svg>`;
	}
	const line = LINE_STYLES[collection] || LINE_STYLES.default;
	const dash = line.dashArray ? ` stroke-dasharray="${line.dashArray}"` : '';
	return `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><path d="M2 14 C7 4 13 16 18 6" fill="none" stroke="${NEUTRAL}" stroke-width="${Math.min(line.weight, 4)}" stroke-linecap="${line.lineCap || 'round'}"${dash}/></svg>`;
}

/** A legend swatch of one colour, filled (areas, statuses) or as a line. */
export function swatchSvg(color, options = {}) {
	const {outline = color, size = 14} = options;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 14 14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" rx="3" fill="${color}" stroke="${outline}" stroke-width="1.5"/></svg>`;
}

/** Area of a geometry's bounding box in square degrees; a cheap measure of how much of the map it covers. */
export function bboxArea(geometry) {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	const walk = (coordinates) => {
		if (typeof coordinates[0] === 'number') {
			minX = Math.min(minX, coordinates[0]);
			maxX = Math.max(maxX, coordinates[0]);
			minY = Math.min(minY, coordinates[1]);
			maxY = Math.max(maxY, coordinates[1]);
		} else {
			coordinates.forEach(walk);
		}
	};
	if (geometry?.coordinates) {
		walk(geometry.coordinates);
	}
	return maxX >= minX ? (maxX - minX) * (maxY - minY) : 0;
}
