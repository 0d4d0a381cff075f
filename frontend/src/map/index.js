export {parseHash, formatHash, formatView, precisionFor} from './HashState.js';
export {OfflineBasemap} from './OfflineBasemap.js';
export {CountyOutline} from './CountyOutline.js';
export {TiandituLayer} from './TiandituLayer.js';
export {tiandituUrl} from './tiandituUrl.js';
export {MapButtons} from './MapButtons.js';
export {createBasemaps, DEFAULT_BASEMAP} from './Basemaps.js';
