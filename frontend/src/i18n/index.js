export {I18n, MESSAGES, LOCALES, DEFAULT_LOCALE} from './I18n.js';
export {zh} from './zh.js';
export {en} from './en.js';
export {parcelsZh} from './parcels.zh.js';
export {parcelsEn} from './parcels.en.js';
export {riverZh} from './river.zh.js';
export {riverEn} from './river.en.js';
export {importsZh} from './imports.zh.js';
export {importsEn} from './imports.en.js';
