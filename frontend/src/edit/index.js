export {SERVER_KEPT, applyMergePatch, buildMergePatch, changedProperties, conflictRows, featurePatch, normalizeGeometry, reapply, sameGeometry, sameJson} from './MergePatch.js';
export {geometryProblemKey, isGeometryProblem} from './GeometryProblem.js';
export {coerceValue, initialValues, inputValue, validateValues} from './FormValues.js';
export {MapEditor} from './MapEditor.js';
export {geomanFor, loadGeoman} from './loadGeoman.js';
