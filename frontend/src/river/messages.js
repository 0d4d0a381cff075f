import {riverEn} from '../i18n/river.en.js';
import {riverZh} from '../i18n/river.zh.js';

/** The river chief pages’ messages, loaded with the page rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': riverZh, en: riverEn};
