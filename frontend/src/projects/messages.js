import {projectsEn} from '../i18n/projects.en.js';
import {projectsZh} from '../i18n/projects.zh.js';

/** The messages of the key projects’ pages (#/projects, #/projects/12), loaded with the pages rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': projectsZh, en: projectsEn};
