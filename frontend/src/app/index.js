export {HetuApp} from './HetuApp.js';
