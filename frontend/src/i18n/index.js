export {I18n, MESSAGES, LOCALES, DEFAULT_LOCALE} from './I18n.js';
export {zh} from './zh.js';
export {en} from './en.js';
