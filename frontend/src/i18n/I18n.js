import {zh} from './zh.js';
import {en} from './en.js';

export const MESSAGES = {'zh-CN': zh, en};
export const LOCALES = Object.keys(MESSAGES);
export const DEFAULT_LOCALE = 'zh-CN';

/**
 * Messages of the current locale, with `{name}` placeholders. Chinese is the default;
 * listeners are told when the locale changes so that every view can draw itself again.
 */
export class I18n {
	constructor(options = {}) {
		const {locale = DEFAULT_LOCALE, messages = MESSAGES} = options;
		// A copy per instance: the pages' messages added later stay with this application.
		this._messages = Object.fromEntries(Object.entries(messages).map(([name, dictionary]) => [name, {...dictionary}]));
		this._listeners = [];
		this.locale = messages[locale] ? locale : DEFAULT_LOCALE;
	}

	get messages() {
		return this._messages[this.locale];
	}

	/** True for the Chinese locale; data carry Chinese and English variants of some names. */
	get isChinese() {
		return this.locale.startsWith('zh');
	}

	/** Adds messages by locale ({'zh-CN': {...}, en: {...}}), such as the words of a collection the server describes. */
	addMessages(byLocale) {
		this._messages = Object.fromEntries(Object.entries(this._messages)
			.map(([locale, messages]) => [locale, {...messages, ...(byLocale[locale] || {})}]));
	}

	/** Adds words for keys a locale has none for, keeping the message files' own. */
	addMissingMessages(byLocale) {
		this._messages = Object.fromEntries(Object.entries(this._messages)
			.map(([locale, messages]) => [locale, {...(byLocale[locale] || {}), ...messages}]));
	}

	has(key) {
		return key in this.messages;
	}

	/** The message for `key` with its placeholders filled; the key itself when missing, so that gaps show. */
	t(key, params) {
		const text = this.has(key) ? this.messages[key] : key;
		if (!params) {
			return text;
		}
		return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
	}

	/** Picks the Chinese or English variant of a name that the data carry in both. */
	pick(zhText, enText) {
		return (this.isChinese ? zhText : enText) || zhText || enText || '';
	}

	/**
	 * Adds the messages a lazily loaded page brings ({'zh-CN': {...}, en: {...}}), so that they load with
	 * the page and not with the map.
	 */
	add(messagesByLocale) {
		for (const [locale, messages] of Object.entries(messagesByLocale)) {
			Object.assign(this._messages[locale] ||= {}, messages);
		}
	}

	setLocale(locale) {
		if (!this._messages[locale] || locale === this.locale) {
			return;
		}
		this.locale = locale;
		for (const listener of this._listeners) {
			listener(locale);
		}
	}

	onChange(listener) {
		this._listeners.push(listener);
		return () => {
			this._listeners = this._listeners.filter((l) => l !== listener);
		};
	}
}
