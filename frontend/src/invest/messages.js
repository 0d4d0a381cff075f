import {investEn} from '../i18n/invest.en.js';
import {investZh} from '../i18n/invest.zh.js';

/** The investment pages' messages, also the approval timeline's on the project page, loaded with those pages (see app/pages.js). */
export const messages = {'zh-CN': investZh, en: investEn};
