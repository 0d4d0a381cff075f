import {fieldEn} from '../i18n/field.en.js';
import {fieldZh} from '../i18n/field.zh.js';
import {riverEn} from '../i18n/river.en.js';
import {riverZh} from '../i18n/river.zh.js';

/** The field map's messages with the river pages' (statuses, categories), loaded with the page (see app/pages.js). */
export const messages = {'zh-CN': {...riverZh, ...fieldZh}, en: {...riverEn, ...fieldEn}};
