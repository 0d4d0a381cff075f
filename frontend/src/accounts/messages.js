import {accountsEn} from '../i18n/accounts.en.js';
import {accountsZh} from '../i18n/accounts.zh.js';

/** The messages of my account and account administration (#/account, #/accounts), loaded with the pages rather than with the map (see app/pages.js). */
export const messages = {'zh-CN': accountsZh, en: accountsEn};
