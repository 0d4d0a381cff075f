export {HetuApp} from './HetuApp.js';
export {Workspace} from './Workspace.js';
export {PAGES, offers, pageNamed} from './pages.js';
export {formatPage, parsePage} from './PageRoute.js';
