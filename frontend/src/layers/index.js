export * from './Symbology.js';
export {FeatureFilter} from './FeatureFilter.js';
export {PointLayer, featureMarker, MARKER_SIZE} from './PointLayer.js';
export {ExtentLayer} from './ExtentLayer.js';
export {Highlight} from './Highlight.js';
export {HISTORY_COLOR, HistoryOverlay} from './HistoryOverlay.js';
export {textContent} from './textContent.js';
export {ProjectLayer} from './ProjectLayer.js';
