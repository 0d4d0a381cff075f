import {changesEn} from '../i18n/changes.en.js';
import {changesZh} from '../i18n/changes.zh.js';

/** The messages of the recent changes (#/changes), loaded with the pages rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': changesZh, en: changesEn};
