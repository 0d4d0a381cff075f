import {describe, expect, it} from 'vitest';
import {PARCEL_CATEGORY_COLORS, STATUS_COLORS} from '../../../../src/layers/Symbology.js';
import {cellOpacity, outlineWidth, paintTile} from '../../../../src/layers/tiles/paintTile.js';
import {adoptServerFixtures} from '../../../support/serverFixtures.js';

adoptServerFixtures();

/** A canvas whose 2D context records each fill and stroke with the style it was made with. */
function recordingCanvas() {
	const calls = [];
	const context = {
		setTransform: (...m) => calls.push({op: 'transform', m}),
		clearRect() {}, beginPath() {}, closePath() {}, moveTo() {}, lineTo() {},
		setLineDash(dash) {
			this.dash = dash;
		},
		fill() {
			calls.push({op: 'fill', color: this.fillStyle, alpha: this.globalAlpha});
		},
		stroke() {
			calls.push({op: 'stroke', color: this.strokeStyle, width: this.lineWidth, dash: this.dash});
		}
	};
	return {canvas: {width: 512, height: 512, getContext: () => context}, calls};
}

const square = [new Float32Array([0, 0, 100, 0, 100, 100, 0, 100, 0, 0])];

describe('paintTile', () => {
	it('fills a parcel with its category and outlines it in its status colour', () => {
		const {canvas, calls} = recordingCanvas();
		const tile = {extent: 4096, features: [{id: '1', type: 'Polygon', rings: square, area: 2000 * 2000, properties: {status: 'approved', category: 'idle'}}]};
		expect(paintTile(canvas, tile, {collection: 'land_parcel', pixelRatio: 2})).toBe(1);
		expect(calls).toContainEqual({op: 'transform', m: [2, 0, 0, 2, 0, 0]});
		expect(calls).toContainEqual({op: 'fill', color: PARCEL_CATEGORY_COLORS.idle, alpha: 0.55});
		expect(calls).toContainEqual({op: 'stroke', color: STATUS_COLORS.approved, width: 2.5, dash: []});
	});

	it('draws a large ditch wider than a small one, in its status colour, without a fill', () => {
		const {canvas, calls} = recordingCanvas();
		const line = (id, props) => ({id, type: 'LineString', rings: [new Float32Array([0, 0, 50, 50])], properties: props});
		const tile = {extent: 4096, features: [line('1', {status: 'completed', class: 'large'}), line('2', {status: 'planned', class: 'small'})]};
		paintTile(canvas, tile, {collection: 'ditch'});
		expect(calls.filter((c) => c.op === 'fill')).toEqual([]);
		expect(calls.filter((c) => c.op === 'stroke').map((c) => [c.color, c.width]))
			.toEqual([[STATUS_COLORS.completed, 2.5], [STATUS_COLORS.planned, 1.75]]);
	});

	it('shades a cell of a generalised tile by its count in its class colour, without an outline', () => {
		const {canvas, calls} = recordingCanvas();
		const cell = (count) => ({id: null, cell: true, type: 'Polygon', rings: square, area: 100 * 100,
			properties: {category: 'idle', cell_features: count}});
		const tile = {extent: 4096, features: [cell(1), cell(1000)]};
		expect(paintTile(canvas, tile, {collection: 'land_parcel', accepts: () => true})).toBe(2);
		expect(calls.filter((c) => c.op === 'stroke')).toEqual([]);
		expect(calls.filter((c) => c.op === 'fill')).toEqual([
			{op: 'fill', color: PARCEL_CATEGORY_COLORS.idle, alpha: cellOpacity(1)},
			{op: 'fill', color: PARCEL_CATEGORY_COLORS.idle, alpha: cellOpacity(1000)}
		]);
		expect(cellOpacity(1)).toBeLessThan(cellOpacity(10));
		expect(cellOpacity(1000)).toBeLessThanOrEqual(0.85);
	});

	it('leaves out what the filter does not accept', () => {
		const {canvas, calls} = recordingCanvas();
		const tile = {extent: 4096, features: [{id: '1', type: 'Polygon', rings: square, properties: {status: 'planned'}}]};
		expect(paintTile(canvas, tile, {collection: 'land_parcel', accepts: () => false})).toBe(0);
		expect(calls.filter((c) => c.op !== 'transform')).toEqual([]);
	});
});

describe('outlineWidth', () => {
	it('keeps the style\'s width for an area large on screen and thins it for a small one, down to a hairline', () => {
		expect(outlineWidth(2.5, 200)).toBe(2.5);
		expect(outlineWidth(2.5, 12)).toBe(1.5);
		expect(outlineWidth(2.5, 2)).toBe(0.75);
	});
});
