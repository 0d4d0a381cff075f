import {describe, expect, it} from 'vitest';
import {CELL_SIZE, aggregate, overlaps} from '../../../src/layers/pointGrid.js';

/** A repeatable pseudo-random sequence, so that a failure can be replayed. */
function random(seed) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function points(count, width, height, seed) {
	const next = random(seed);
	return Array.from({length: count}, (_, i) => ({id: i, x: next() * width, y: next() * height, size: 28}));
}

function overlapping(icons) {
	const pairs = [];
	for (let i = 0; i < icons.length; i++) {
		for (let j = i + 1; j < icons.length; j++) {
			if (overlaps(icons[i], icons[j])) {
				pairs.push([icons[i].key, icons[j].key]);
			}
		}
	}
	return pairs;
}

describe('aggregate', () => {
	it('draws 20,000 points over a county view as a few hundred icons, none overlapping, none lost', () => {
		const all = points(20000, 1440, 900, 7);
		const icons = aggregate(all, {clusterSize: (n) => (n < 10 ? 36 : n < 100 ? 42 : 50)});
		expect(icons.length).toBeLessThanOrEqual(Math.ceil(1440 / CELL_SIZE + 1) * Math.ceil(900 / CELL_SIZE + 1));
		expect(overlapping(icons)).toEqual([]);
		expect(icons.reduce((sum, icon) => sum + icon.members.length, 0)).toBe(20000);
	});

	it('keeps sparse markers where they are, and pulls apart only those that would touch', () => {
		const lonely = {id: 'a', x: 28, y: 28, size: 28};
		const pair = [{id: 'b', x: 300, y: 100, size: 28}, {id: 'c', x: 320, y: 100, size: 28}];
		const icons = aggregate([lonely, ...pair]);
		const a = icons.find((icon) => icon.members[0].id === 'a');
		expect([a.x, a.y, a.single]).toEqual([28, 28, true]);
		// 300 and 320 lie in cell 5 (of 56 px), their 28 px markers would touch: one cluster of two.
		expect(icons.filter((icon) => !icon.single).map((icon) => icon.members.length)).toEqual([2]);
		// Zoomed in, two points of one cell far enough apart stay two markers where they are.
		const apart = aggregate([{id: 'f', x: 115, y: 115, size: 28}, {id: 'g', x: 150, y: 150, size: 28}]);
		expect(apart.map((icon) => [icon.single, icon.x, icon.y])).toEqual([[true, 115, 115], [true, 150, 150]]);
		const across = aggregate([{id: 'd', x: 110, y: 20, size: 28}, {id: 'e', x: 114, y: 20, size: 28}]);
		expect(across.every((icon) => icon.single)).toBe(true);
		expect(overlapping(across)).toEqual([]);
	});

	it('never overlaps, whatever the density, over many random layouts', () => {
		for (let seed = 1; seed <= 30; seed++) {
			const icons = aggregate(points(50 + seed * 40, 375, 700, seed));
			expect(overlapping(icons)).toEqual([]);
		}
	});
});
