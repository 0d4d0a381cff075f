export {HetuApp} from './HetuApp.js';
export {MapWorkspace} from './MapWorkspace.js';
export {PAGES, formatPage, parsePage} from './PageRoute.js';
