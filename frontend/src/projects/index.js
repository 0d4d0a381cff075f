export {LIFECYCLE, allowedTransitions, canTransition, isFinished, lifecycleStep} from './Lifecycle.js';
export {PAGE_SIZE, SORT_KEYS, isFiltered, listFilters, nextSort, pageCount, sortState, withParam} from './ProjectQuery.js';
export {daysSince, projectProperties} from './ProjectDetail.js';
