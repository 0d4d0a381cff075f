import {investEn} from '../i18n/invest.en.js';
import {investZh} from '../i18n/invest.zh.js';
import {projectsEn} from '../i18n/projects.en.js';
import {projectsZh} from '../i18n/projects.zh.js';

/**
 * The messages of the key projects' pages (#/projects, #/projects/12), with those of the approval timeline the
 * project page shows, loaded with the pages rather than with the map (see app/pages.js).
 */
export const messages = {'zh-CN': {...projectsZh, ...investZh}, en: {...projectsEn, ...investEn}};
