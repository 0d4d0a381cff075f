import {dashboardEn} from '../i18n/dashboard.en.js';
import {dashboardZh} from '../i18n/dashboard.zh.js';
import {plansEn} from '../i18n/plans.en.js';
import {plansZh} from '../i18n/plans.zh.js';

/** The work plans page's messages (it shows indicator states in the dashboard's words), loaded with the page (see app/pages.js). */
export const messages = {'zh-CN': {...dashboardZh, ...plansZh}, en: {...dashboardEn, ...plansEn}};
