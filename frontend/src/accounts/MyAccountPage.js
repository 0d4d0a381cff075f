import {isAbort} from '../api/ApiError.js';
import {formatDateTime} from '../format/Units.js';
import {el, replaceChildren} from '../util/dom.js';
import {formField} from '../ui/formField.js';
import {oneTimeSecret} from './oneTimeSecret.js';
import {problemText} from '../ui/problemText.js';

/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 10;

/** The end of a chosen day in China Standard Time, as the instant the server expects. */
export function endOfDay(date) {
	return /^\d{4}-\d{2}-\d{2}$/.test(date || '') ? new Date(`${date}T23:59:59+08:00`).toISOString() : null;
}

/** A token's state: active, expired or revoked. */
export function tokenState(token, now = Date.now()) {
	if (token.revokedAt) {
		return 'revoked';
	}
	return token.expiresAt && new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}

/**
 * What every signed-in user manages for themselves: who they are, their password, and the
 * personal API tokens with which QGIS and scripts read the OGC API in their name.
 */
export class MyAccountPage {
	constructor(options) {
		const {container, i18n, api, session, roleName, departmentName, ogcUrl} = options;
		Object.assign(this, {container, i18n, api, session, roleName, departmentName, ogcUrl});
		this.titleKey = 'account.title';
		this.tokens = [];
		this.tokenState = 'idle';
		this.created = null;
		this.passwordNote = null;
		this.tokenNote = null;
		this._confirmRevoke = null;
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._controller?.abort();
	}

	show() {
		this.created = null;
		this.passwordNote = null;
		this.tokenNote = null;
		this._loadTokens();
		this.render();
	}

	async _loadTokens() {
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this.tokenState = 'loading';
		try {
			const tokens = await this.api.tokens({signal: controller.signal});
			this.tokens = Array.isArray(tokens) ? tokens : [];
			this.tokenState = 'loaded';
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this.tokenState = 'error';
			this._tokenError = error;
		}
		this._renderTokens();
	}

	render() {
		const t = (key) => this.i18n.t(key);
		const {session} = this;
		const separator = this.i18n.isChinese ? '、' : ', ';
		const profile = el('section', {class: 'hetu-card', 'aria-labelledby': 'hetu-profile-title'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-profile-title'}, t('account.profile')),
			el('dl', {class: 'hetu-facts'},
				el('div', {}, el('dt', {}, t('accounts.username')), el('dd', {}, session.username)),
				el('div', {}, el('dt', {}, t('accounts.displayName')), el('dd', {}, session.displayName)),
				el('div', {}, el('dt', {}, t('accounts.roles')), el('dd', {}, session.roles.map((r) => this.roleName(r)).join(separator))),
				el('div', {}, el('dt', {}, t('accounts.department')),
					el('dd', {}, session.department ? this.departmentName(session.department) : t('accounts.noDepartment')))));

		this.tokensBody = el('div', {class: 'hetu-tokens'});
		replaceChildren(this.container,
			el('p', {class: 'hetu-page__lead'}, t('account.lead')),
			el('div', {class: 'hetu-page__grid'}, profile, this._passwordCard()),
			this._tokensCard());
		this._renderTokens();
	}

	_passwordCard() {
		const t = (key, params) => this.i18n.t(key, params);
		const current = formField({id: 'hetu-password-current', label: t('account.currentPassword'),
			input: el('input', {class: 'hetu-input', type: 'password', autocomplete: 'current-password', required: true})});
		const next = formField({id: 'hetu-password-next', label: t('account.newPassword'),
			hint: t('account.passwordRule', {n: MIN_PASSWORD_LENGTH}),
			input: el('input', {class: 'hetu-input', type: 'password', autocomplete: 'new-password', required: true, minlength: String(MIN_PASSWORD_LENGTH)})});
		const repeat = formField({id: 'hetu-password-repeat', label: t('account.repeatPassword'),
			input: el('input', {class: 'hetu-input', type: 'password', autocomplete: 'new-password', required: true})});
		const note = el('p', {class: 'hetu-form__note hetu-form__note--ok', role: 'status', hidden: !this.passwordNote}, this.passwordNote ? t(this.passwordNote) : '');
		const submit = el('button', {type: 'submit', class: 'hetu-button'}, t('account.changePassword'));
		const form = el('form', {class: 'hetu-form', novalidate: true, onsubmit: async (e) => {
			e.preventDefault();
			for (const field of [current, next, repeat]) {
				field.setError(null);
			}
			note.hidden = true;
			let invalid = false;
			if (!current.input.value) {
				current.setError(t('form.required'));
				invalid = true;
			}
			if (next.input.value.length < MIN_PASSWORD_LENGTH) {
				next.setError(t('account.passwordTooShort', {n: MIN_PASSWORD_LENGTH}));
				invalid = true;
			} else if (next.input.value !== repeat.input.value) {
				repeat.setError(t('account.passwordMismatch'));
				invalid = true;
			}
			if (invalid) {
				form.querySelector('[aria-invalid="true"]')?.focus();
				return;
			}
			submit.disabled = true;
			try {
				await this.api.changePassword(current.input.value, next.input.value);
				form.reset();
				this.passwordNote = 'account.passwordChanged';
				note.textContent = t(this.passwordNote);
				note.className = 'hetu-form__note hetu-form__note--ok';
				note.hidden = false;
			} catch (error) {
				if (error.status === 400 && error.parameter === 'current') {
					current.setError(t('account.currentWrong'));
					current.input.focus();
				} else if (error.status === 400 && (error.parameter === 'password' || error.parameter === 'next')) {
					next.setError(t('account.passwordWeak'));
					next.input.focus();
				} else {
					note.textContent = problemText(error, this.i18n);
					note.className = 'hetu-form__note hetu-form__note--error';
					note.hidden = false;
				}
			} finally {
				submit.disabled = false;
			}
		}}, current.element, next.element, repeat.element, el('div', {class: 'hetu-form__actions'}, submit), note);
		return el('section', {class: 'hetu-card', 'aria-labelledby': 'hetu-password-title'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-password-title'}, t('account.password')), form);
	}

	_tokensCard() {
		const t = (key) => this.i18n.t(key);
		const name = formField({id: 'hetu-token-name', label: t('tokens.name'), hint: t('tokens.nameHint'),
			input: el('input', {class: 'hetu-input', type: 'text', maxlength: '100', required: true, autocomplete: 'off'})});
		const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
		const expires = formField({id: 'hetu-token-expires', label: t('tokens.expires'), hint: t('tokens.expiresHint'),
			input: el('input', {class: 'hetu-input', type: 'date', min: tomorrow})});
		const submit = el('button', {type: 'submit', class: 'hetu-button'}, t('tokens.create'));
		const form = el('form', {class: 'hetu-form hetu-form--inline', novalidate: true, onsubmit: async (e) => {
			e.preventDefault();
			name.setError(null);
			expires.setError(null);
			const tokenName = name.input.value.trim();
			if (!tokenName) {
				name.setError(t('form.required'));
				name.input.focus();
				return;
			}
			const expiresAt = expires.input.value ? endOfDay(expires.input.value) : null;
			if (expires.input.value && (!expiresAt || new Date(expiresAt).getTime() <= Date.now())) {
				expires.setError(t('tokens.expiresPast'));
				expires.input.focus();
				return;
			}
			submit.disabled = true;
			try {
				this.created = await this.api.createToken({name: tokenName, expiresAt});
				this.tokenNote = null;
				form.reset();
				await this._loadTokens();
			} catch (error) {
				this.created = null;
				this.tokenNote = error;
				this._renderTokens();
			} finally {
				submit.disabled = false;
			}
		}}, name.element, expires.element, el('div', {class: 'hetu-form__actions'}, submit));
		return el('section', {class: 'hetu-card', 'aria-labelledby': 'hetu-tokens-title'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-tokens-title'}, t('tokens.title')),
			el('p', {class: 'hetu-card__lead'}, t('tokens.lead')),
			form, this.tokensBody);
	}

	_renderTokens() {
		if (!this.tokensBody) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const parts = [];
		if (this.created) {
			parts.push(oneTimeSecret({
				i18n: this.i18n, kind: 'token', value: this.created.token,
				title: t('tokens.created', {name: this.created.name}),
				hint: t('tokens.qgisHint', {url: this.ogcUrl, user: this.session.username})
			}));
		}
		if (this.tokenNote) {
			parts.push(el('p', {class: 'hetu-form__note hetu-form__note--error', role: 'alert'}, problemText(this.tokenNote, this.i18n)));
		}
		if (this.tokenState === 'loading' && !this.tokens.length) {
			parts.push(el('p', {class: 'hetu-hint'}, t('common.loading')));
		} else if (this.tokenState === 'error') {
			parts.push(el('p', {class: 'hetu-page__status--error', role: 'alert'}, problemText(this._tokenError, this.i18n)));
		} else if (!this.tokens.length) {
			parts.push(el('p', {class: 'hetu-hint'}, t('tokens.none')));
		} else {
			const when = (value) => (value ? formatDateTime(value) : t('value.empty'));
			parts.push(el('table', {class: 'hetu-table hetu-table--tokens'},
				el('thead', {}, el('tr', {}, ['tokens.name', 'tokens.createdAt', 'tokens.lastUsed', 'tokens.expires', 'tokens.state', 'common.actions']
					.map((key) => el('th', {scope: 'col'}, t(key))))),
				el('tbody', {}, this.tokens.map((token) => {
					const state = tokenState(token);
					return el('tr', {'data-token': String(token.id), class: state !== 'active' ? 'is-inactive' : null},
						el('td', {'data-label': t('tokens.name')}, token.name),
						el('td', {'data-label': t('tokens.createdAt')}, when(token.createdAt)),
						el('td', {'data-label': t('tokens.lastUsed')}, token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')),
						el('td', {'data-label': t('tokens.expires')}, token.expiresAt ? formatDateTime(token.expiresAt) : t('tokens.noExpiry')),
						el('td', {'data-label': t('tokens.state')}, el('span', {class: `hetu-tag hetu-tag--${state}`}, t(`tokens.state.${state}`))),
						el('td', {'data-label': t('common.actions')}, state === 'revoked' ? null : this._revokeControl(token)));
				}))));
		}
		replaceChildren(this.tokensBody, parts);
	}

	_revokeControl(token) {
		const t = (key) => this.i18n.t(key);
		if (this._confirmRevoke !== token.id) {
			return el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'revoke',
				onclick: () => {
					this._confirmRevoke = token.id;
					this._renderTokens();
				}}, t('tokens.revoke'));
		}
		return el('span', {class: 'hetu-inline-confirm'},
			el('span', {}, t('tokens.confirmRevoke')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--danger hetu-button--small', 'data-action': 'confirm-revoke',
				onclick: async () => {
					try {
						await this.api.revokeToken(token.id);
						this.tokenNote = null;
					} catch (error) {
						this.tokenNote = error;
					}
					this._confirmRevoke = null;
					this.created = null;
					await this._loadTokens();
				}}, t('tokens.revoke')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small',
				onclick: () => {
					this._confirmRevoke = null;
					this._renderTokens();
				}}, t('common.cancel')));
	}
}
