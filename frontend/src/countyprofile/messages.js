import {countyEn} from '../i18n/county.en.js';
import {countyZh} from '../i18n/county.zh.js';

/** The county profile page's messages, loaded with the page (see app/pages.js). */
export const messages = {'zh-CN': countyZh, en: countyEn};
