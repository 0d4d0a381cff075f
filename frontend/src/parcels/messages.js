import {parcelsEn} from '../i18n/parcels.en.js';
import {parcelsZh} from '../i18n/parcels.zh.js';

/** The idle land page’s messages, loaded with the page rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': parcelsZh, en: parcelsEn};
