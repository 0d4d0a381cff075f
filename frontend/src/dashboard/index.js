export {TILE_STATUSES, tilePercent, tileRatio, tileStatus, yearElapsed} from './TileStatus.js';
export {loadChart} from './loadChart.js';
