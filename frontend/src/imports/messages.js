import {importsEn} from '../i18n/imports.en.js';
import {importsZh} from '../i18n/imports.zh.js';

/** The import and export page’s messages, loaded with the page rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': importsZh, en: importsEn};
