export {copyText} from './copyText.js';
export {debounce} from './debounce.js';
export {Preferences} from './Preferences.js';
export {el, replaceChildren} from './dom.js';
export {saveBlob} from './saveBlob.js';
