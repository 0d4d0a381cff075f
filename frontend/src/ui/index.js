export {LayerPanel} from './LayerPanel.js';
export {DetailPanel} from './DetailPanel.js';
export {SearchBox} from './SearchBox.js';
export {Toast} from './Toast.js';
