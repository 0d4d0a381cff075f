/*
 * Where point markers and cluster icons go on screen so that none overlaps another, at any zoom
 * and across every point layer at once (10,000 ditches' outlets, 5,000 sluices and 5,000 bridges
 * at the county view are a few hundred icons, not a wall).
 *
 * The screen is cut into square cells, aligned to the map's pixel grid at the zoom (so that the
 * cells stay put while the map pans). A cell draws its points' markers where they are when they are
 * few and none touches another (zoomed in), else one cluster icon with their count, inside the cell.
 * A lone marker whose box would touch a neighbour cell's icon is pulled inside its own cell; a cell of
 * several such markers becomes a cluster. Every icon then lies inside its own cell with a gap to the
 * cell's edge, or touches nothing: no two overlap.
 */

/** The cell's side in CSS pixels: the largest cluster icon (50 px) and a gap fit in it. */
export const CELL_SIZE = 56;
const GAP = 2;
/** A cell shows up to this many markers of its own when none touches another (zoomed in, points far apart). */
const SPREAD_MAX = 6;

/**
 * Groups `points` ([{x, y, size, ...}], in the map's absolute pixels at the zoom; size is the
 * marker's side) into drawn icons: [{key, x, y, size, single, members}], a single carrying its one
 * point, a cluster its points and `clusterSize(count)` as its side.
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
	const cluster = (cell) => {
		const icon = {key: cell.key, cx: cell.cx, cy: cell.cy, x: mean(cell.members, 'x'), y: mean(cell.members, 'y'),
			size: Math.min(clusterSize(cell.members.length), cellSize - 2 * GAP), single: false, members: cell.members};
		clampIntoCell(icon, cellSize);
		cell.icons = [icon];
	};
	for (const cell of cells.values()) {
		const singles = cell.members.map((point, i) => ({key: `${cell.key}:${i}`, cx: cell.cx, cy: cell.cy, x: point.x, y: point.y, size: point.size, single: true, members: [point]}));
		if (singles.length <= SPREAD_MAX && !singles.some((a, i) => singles.some((b, j) => j > i && overlaps(a, b)))) {
			cell.icons = singles;
		} else {
			cluster(cell);
		}
	}
	// Icons that touch a neighbour cell's: a lone marker moves inside its own cell, a cell of several
	// markers becomes a cluster; again until none touches.
	let moved = true;
	while (moved) {
		moved = false;
		for (const cell of cells.values()) {
			const touching = cell.icons.filter((icon) => icon.single && !icon.clamped && touchesNeighbour(icon, cells));
			if (!touching.length) {
				continue;
			}
			if (cell.icons.length === 1) {
				clampIntoCell(cell.icons[0], cellSize);
			} else {
				cluster(cell);
			}
			moved = true;
		}
	}
	return [...cells.values()].flatMap((cell) => cell.icons).map(({key, x, y, size, single, members}) => ({key, x, y, size, single, members}));
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

function touchesNeighbour(icon, cells) {
	for (let dx = -1; dx <= 1; dx++) {
		for (let dy = -1; dy <= 1; dy++) {
			const other = (dx || dy) ? cells.get(`${icon.cx + dx},${icon.cy + dy}`) : null;
			if (other && other.icons.some((neighbour) => overlaps(icon, neighbour))) {
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
