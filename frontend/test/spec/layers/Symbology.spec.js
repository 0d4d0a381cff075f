import {describe, expect, it} from 'vitest';
import {WORK_STATUSES} from '../../../src/catalog/Schema.js';
import {
	LINE_STYLES, MARKER_SHAPES, bboxArea, PARCEL_CATEGORY_COLORS, STATUS_COLORS, clusterSvg, isUnsafe, legendSampleSvg,
	OVERDUE_COLOR, luminance, markerHtml, markerSpec, markerSvg, pathStyle, statusColor, textColorOn
} from '../../../src/layers/Symbology.js';
import {adoptSymbology} from '../../../src/layers/Symbology.js';
import {SYMBOLOGY, adoptServerFixtures} from '../../support/serverFixtures.js';

adoptServerFixtures();

const contrast = (a, b) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
};

describe('status colours', () => {
	it('give every work status its own colour', () => {
		expect(Object.keys(STATUS_COLORS).sort()).toEqual([...WORK_STATUSES].sort());
		expect(new Set(Object.values(STATUS_COLORS)).size).toBe(WORK_STATUSES.length);
	});

	it('draw an unknown status like "none"', () => {
		expect(statusColor('bogus')).toBe(STATUS_COLORS.none);
		expect(statusColor(undefined)).toBe(STATUS_COLORS.none);
	});

	it('put text on every status colour with at least 4.5:1 contrast', () => {
		for (const color of Object.values(STATUS_COLORS)) {
			expect(contrast(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
		}
	});
});

describe('markerSpec', () => {
	it('fills a marker with its status colour and shapes it by collection', () => {
		const spec = markerSpec('bridge', {status: 'under_construction', condition: 'sound'});
		expect(spec.fill).toBe(STATUS_COLORS.under_construction);
		expect(spec.shape).toBe(MARKER_SHAPES.bridge);
		expect(spec.unsafe).toBe(false);
		expect(spec.label).toBe('');
	});

	it('writes the safety class into a sluice and marks classes 3 and 4 unsafe', () => {
		for (const [cls, unsafe] of [[1, false], [2, false], [3, true], [4, true]]) {
			const spec = markerSpec('sluice', {status: 'planned', safety_class: cls});
			expect(spec.label).toBe(String(cls));
			expect(spec.unsafe).toBe(unsafe);
		}
		expect(markerSpec('sluice', {status: 'planned', safety_class: null}).label).toBe('');
	});

	it('marks a dangerous bridge unsafe with an exclamation mark', () => {
		const spec = markerSpec('bridge', {status: 'none', condition: 'dangerous'});
		expect(spec).toMatchObject({unsafe: true, label: '!'});
		expect(isUnsafe('bridge', {condition: 'sound'})).toBe(false);
		expect(isUnsafe('road_node', {condition: 'dangerous'})).toBe(false);
	});

	it('draws unsafe markers with a heavy black outline', () => {
		const svg = markerSvg(markerSpec('sluice', {status: 'completed', safety_class: 4}));
		expect(svg).toContain('stroke="#111111" stroke-width="3"');
		expect(markerSvg(markerSpec('sluice', {status: 'completed', safety_class: 1}))).not.toContain('#111111" stroke-width="3"');
	});

	it('names the feature and its status in the marker HTML, escaped', () => {
		const html = markerHtml('sluice', {id: 7, properties: {status: 'planned', name: 'a"b'}});
		expect(html).toContain('data-key="sluice/7"');
		expect(html).toContain('data-status="planned"');
	});
});

describe('pathStyle', () => {
	it('fills a parcel by its category and outlines it by its status', () => {
		const style = pathStyle('land_parcel', {status: 'approved', category: 'idle'}, 'MultiPolygon');
		expect(style.fillColor).toBe(PARCEL_CATEGORY_COLORS.idle);
		expect(style.color).toBe(STATUS_COLORS.approved);
	});

	it('gives the three parcel categories three different fills', () => {
		expect(new Set(Object.values(PARCEL_CATEGORY_COLORS)).size).toBe(3);
	});

	it('colours lines by status and tells collections apart by dash and weight', () => {
		const dike = pathStyle('dike', {status: 'completed'});
		const pipeline = pathStyle('pipeline', {status: 'completed'});
		expect(dike.color).toBe(STATUS_COLORS.completed);
		expect(dike.dashArray).toBe(LINE_STYLES.dike.dashArray);
		expect(pipeline.dashArray).not.toBe(dike.dashArray);
		expect(pathStyle('river_segment', {level: 'county'}).weight).toBeGreaterThan(pathStyle('river_segment', {level: 'village'}).weight);
		expect(pathStyle('ditch', {class: 'large'}).weight).toBeGreaterThan(pathStyle('ditch', {class: 'medium'}).weight);
	});

	it('draws a large area as an outline only', () => {
		const style = pathStyle('project', {status: 'completed'}, 'Polygon', {large: true});
		expect(style.fill).toBe(false);
		expect(style.color).toBe(STATUS_COLORS.completed);
	});

	it('measures the bounding box of any geometry', () => {
		expect(bboxArea({type: 'Point', coordinates: [116, 33]})).toBe(0);
		expect(bboxArea({type: 'MultiPolygon', coordinates: [[[[116, 33], [116.5, 33], [116.5, 33.2], [116, 33]]]]})).toBeCloseTo(0.1);
		expect(bboxArea(null)).toBe(0);
	});

	it('draws project areas with a light fill of their status colour', () => {
		const style = pathStyle('project', {status: 'under_construction'}, 'Polygon');
		expect(style.fillColor).toBe(STATUS_COLORS.under_construction);
		expect(style.fillOpacity).toBeLessThan(0.3);
	});
});

describe('clusterSvg', () => {
	it('shows the total and one arc per status present', () => {
		const svg = clusterSvg({planned: 2, completed: 3, none: 0});
		expect(svg).toContain('>5</text>');
		expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
		expect(svg).toContain(STATUS_COLORS.planned);
		expect(svg).not.toContain(STATUS_COLORS.none);
	});

	it('grows with the count', () => {
		const width = (svg) => Number(/width="(\d+)"/.exec(svg)[1]);
		expect(width(clusterSvg({none: 150}))).toBeGreaterThan(width(clusterSvg({none: 5})));
	});
});

describe('legendSampleSvg', () => {
	it('draws a marker for points, a line for lines and a box for areas', () => {
		expect(legendSampleSvg('sluice', 'Point')).toContain('<rect');
		expect(legendSampleSvg('dike', 'LineString')).toContain(`stroke-dasharray="${LINE_STYLES.dike.dashArray}"`);
		expect(legendSampleSvg('land_parcel', 'MultiPolygon')).toContain('fill-opacity');
	});

	it('rings a project with overdue milestones in red, and no other', () => {
		const overdue = markerHtml('project', {id: 4, properties: {status: 'under_construction'}}, 36, {overdue: true});
		expect(overdue).toContain('data-overdue="true"');
		expect(overdue).toContain(`stroke="${OVERDUE_COLOR}"`);
		const plain = markerHtml('project', {id: 4, properties: {status: 'under_construction'}}, 36);
		expect(plain).not.toContain(OVERDUE_COLOR);
		expect(plain).not.toContain('data-overdue');
	});
});


describe('the server\'s symbology', () => {
	it('draws a collection added as data with the symbol its migration gave it, and one without any as a circle', () => {
		adoptSymbology({...SYMBOLOGY, markerShapes: {...SYMBOLOGY.markerShapes, pumping_station: 'pentagon'}});
		expect(markerSpec('pumping_station', {status: 'completed'}).shape).toBe('pentagon');
		expect(markerSvg(markerSpec('pumping_station', {}))).toContain('<polygon');
		expect(legendSampleSvg('pumping_station', 'Point')).toContain('<polygon');
		expect(markerSpec('no_symbol_yet', {}).shape).toBe('circle');
		expect(pathStyle('no_symbol_yet', {status: 'planned'}, 'LineString').weight).toBe(LINE_STYLES.default.weight);
		adoptSymbology(SYMBOLOGY);
		expect(MARKER_SHAPES.pumping_station).toBeUndefined();
	});
});
