/*
 * Where point markers and cluster icons go on screen so that none overlaps another, at any zoom
 * and across every point layer at once (10,000 ditches' outlets, 5,000 sluices and 5,000 bridges
 * at the county view are a few hundred icons, not a wall).
 *
 * The screen is cut into square cells, aligned to the map's pixel grid at the zoom (so that the
 * cells stay put while the map pans). A cell holding one point draws that point's marker where it
 * is; a cell holding more draws one cluster icon with their count, inside the cell. A marker whose
 * box would touch a neighbour's is pulled inside its own cell. Every icon then lies inside its own
 * cell with a gap to the cell's edge, or touches nothing: no two overlap.
 */

/** The cell's side in CSS pixels: the largest cluster icon (50 px) and a gap fit in it. */
export const CELL_SIZE = 56;
const GAP = 2;

/**
 * Groups `points` ([{x, y, size, ...}], in the map's absolute pixels at the zoom; size is the
 * marker's side) into drawn icons: [{key, x, y, members, single}], where a single carries its one
 * point and a cluster its `clusterSize(count)` as `size`.
 */
export function aggregate(points, options = {}) {
	const {cellSize = CELL_SIZE, clusterSize = () => cellSize - 2 * GAP} = options;
	const cells = new Map();
	for (const point of points) {
		const cx = Math.floor(point.x / cellSize);
		const cy = Math.floor(point.y / cellSize);
		const key = `${cx},${cy}`;
		const cell = cells.get(key);
		if (cell) {
			cell.members.push(point);
		} else {
			cells.set(key, {key, cx, cy, members: [point]});
		}
	}
	const icons = new Map();
	for (const cell of cells.values()) {
		const single = cell.members.length === 1;
		const size = single ? cell.members[0].size : Math.min(clusterSize(cell.members.length), cellSize - 2 * GAP);
		const x = single ? cell.members[0].x : mean(cell.members, 'x');
		const y = single ? cell.members[0].y : mean(cell.members, 'y');
		const icon = {key: cell.key, cx: cell.cx, cy: cell.cy, x, y, size, single, members: cell.members};
		if (!single) {
			clampIntoCell(icon, cellSize);
		}
		icons.set(cell.key, icon);
	}
	// A marker that touches a neighbour's icon moves inside its own cell; again until none touches.
	let moved = true;
	while (moved) {
		moved = false;
		for (const icon of icons.values()) {
			if (icon.single && !icon.clamped && touchesNeighbour(icon, icons)) {
				clampIntoCell(icon, cellSize);
				moved = true;
			}
		}
	}
	return [...icons.values()].map(({key, x, y, size, single, members}) => ({key, x, y, size, single, members}));
}

function mean(points, axis) {
	return points.reduce((sum, point) => sum + point[axis], 0) / points.length;
}

function clampIntoCell(icon, cellSize) {
	const half = icon.size / 2 + GAP;
	const clamp = (value, cell) => Math.min(Math.max(value, cell * cellSize + half), (cell + 1) * cellSize - half);
	icon.x = clamp(icon.x, icon.cx);
	icon.y = clamp(icon.y, icon.cy);
	icon.clamped = true;
}

function touchesNeighbour(icon, icons) {
	for (let dx = -1; dx <= 1; dx++) {
		for (let dy = -1; dy <= 1; dy++) {
			const other = (dx || dy) ? icons.get(`${icon.cx + dx},${icon.cy + dy}`) : null;
			if (other && overlaps(icon, other)) {
				return true;
			}
		}
	}
	return false;
}

/** Whether two icons' boxes (centre x, y and side size) come closer than the gap. */
export function overlaps(a, b) {
	const reach = (a.size + b.size) / 2 + GAP;
	return Math.abs(a.x - b.x) < reach && Math.abs(a.y - b.y) < reach;
}
