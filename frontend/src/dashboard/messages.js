import {dashboardEn} from '../i18n/dashboard.en.js';
import {dashboardZh} from '../i18n/dashboard.zh.js';

/** The messages of the dashboard (#/dashboard), loaded with the pages rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': dashboardZh, en: dashboardEn};
