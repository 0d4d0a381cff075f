import {ROLES} from '../auth/Session.js';
import {formatDateTime} from '../format/Units.js';
import {el, replaceChildren} from '../util/dom.js';
import {formField} from '../ui/formField.js';
import {loadPage} from '../ui/loadPage.js';
import {MIN_PASSWORD_LENGTH} from './MyAccountPage.js';
import {oneTimeSecret} from './oneTimeSecret.js';
import {problemText} from '../ui/problemText.js';

/** User names the server accepts. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,64}$/;

/**
 * Checks a new or changed account before it is sent; answers {field: messageKey}, empty
 * when the account may go. `password` is optional (the server then chooses one).
 */
export function validateAccount(account, options = {}) {
	const {isNew = true} = options;
	const errors = {};
	if (isNew && !USERNAME_PATTERN.test(account.username || '')) {
		errors.username = 'accounts.usernameRule';
	}
	if (!String(account.displayName || '').trim()) {
		errors.displayName = 'form.required';
	}
	if (!account.roles?.length) {
		errors.roles = 'accounts.rolesRequired';
	} else if (account.roles.includes('editor') && !account.department) {
		errors.department = 'accounts.editorNeedsDepartment';
	}
	if (isNew && account.password && account.password.length < MIN_PASSWORD_LENGTH) {
		errors.password = 'account.passwordTooShort';
	}
	return errors;
}

/**
 * Account administration, for administrators: the accounts with their roles and departments,
 * a form for a new one (the server's generated password is shown once), changes with a check
 * that nobody else changed the account meanwhile, password resets, and which collections
 * anonymous visitors may read.
 */
export class AccountsPage {
	constructor(options) {
		const {container, i18n, api, session, departments, roleName, departmentName, collectionTitle} = options;
		Object.assign(this, {container, i18n, api, session, departments, roleName, departmentName, collectionTitle});
		this.titleKey = 'accounts.title';
		this.accounts = [];
		this.layers = [];
		this.state = 'idle';
		this.creating = false;
		this.editing = null;
		this.confirmReset = null;
		this.secret = null;
		this.notice = null;
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._controller?.abort();
	}

	show() {
		this.secret = null;
		this.notice = null;
		this.creating = false;
		this.editing = null;
		this.confirmReset = null;
		if (!this.session.isAdmin) {
			this.state = 'forbidden';
			this.render();
			return;
		}
		this._load();
	}

	_load() {
		return loadPage(this,
			(signal) => Promise.all([this.api.accounts({signal}), this.api.layers({signal})]),
			([accounts, layers]) => {
				this.accounts = [...accounts].sort((a, b) => a.username.localeCompare(b.username));
				this.layers = layers;
			},
			{failedState: (error) => (error.status === 403 ? 'forbidden' : 'error')});
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		if (this.state === 'forbidden') {
			replaceChildren(this.container, el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert', 'data-state': 'forbidden'}, t('accounts.forbidden')));
			return;
		}
		if (this.state === 'loading' || this.state === 'idle') {
			replaceChildren(this.container, el('p', {class: 'hetu-hint hetu-page__status'}, t('common.loading')));
			return;
		}
		if (this.state === 'error') {
			replaceChildren(this.container, el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(this._error, this.i18n)),
				el('button', {type: 'button', class: 'hetu-button', onclick: () => this._load()}, t('common.retry')));
			return;
		}
		const toolbar = el('div', {class: 'hetu-toolbar'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-accounts-title'}, t('accounts.list', {n: this.accounts.length})),
			this.creating ? null : el('button', {
				type: 'button', class: 'hetu-button', 'data-action': 'new-account', onclick: () => {
					this.creating = true;
					this.secret = null;
					this.notice = null;
					this.render();
					this.container.querySelector('#hetu-new-username')?.focus();
				}
			}, t('accounts.new')));
		replaceChildren(this.container,
			el('p', {class: 'hetu-page__lead'}, t('accounts.lead')),
			this.notice ? el('p', {class: `hetu-notice hetu-notice--${this.notice.kind}`, role: this.notice.kind === 'error' ? 'alert' : 'status'}, this._noticeText()) : null,
			this.secret ? oneTimeSecret({i18n: this.i18n, title: t(this.secret.key, this.secret.params), value: this.secret.value, kind: 'password'}) : null,
			el('section', {class: 'hetu-card', 'aria-labelledby': 'hetu-accounts-title'},
				toolbar,
				this.creating ? this._newForm() : null,
				this._table()),
			this._publicCard());
	}

	_roleChecks(prefix, selected, locked = new Set()) {
		const boxes = ROLES.map((role) => el('label', {class: 'hetu-check'},
			el('input', {type: 'checkbox', class: 'hetu-checkbox', name: `${prefix}-roles`, value: role, checked: selected.includes(role), disabled: locked.has(role)}),
			el('span', {}, this.roleName(role))));
		const group = el('fieldset', {class: 'hetu-checks', id: `${prefix}-roles`},
			el('legend', {class: 'hetu-field-label'}, this.i18n.t('accounts.roles')), boxes);
		const error = el('p', {class: 'hetu-form__error', role: 'alert', hidden: true});
		return {
			element: el('div', {class: 'hetu-form__field hetu-form__field--wide'}, group, error),
			value: () => [...group.querySelectorAll('input:checked')].map((i) => i.value),
			setError: (text) => {
				error.textContent = text || '';
				error.hidden = !text;
			},
			focus: () => group.querySelector('input:not(:disabled)')?.focus()
		};
	}

	_departmentSelect(id, value) {
		const select = el('select', {class: 'hetu-select'},
			el('option', {value: ''}, this.i18n.t('accounts.noDepartment')),
			this.departments.map((d) => el('option', {value: d.code}, this.departmentName(d.code))));
		select.value = value || '';
		return formField({id, label: this.i18n.t('accounts.department'), input: select, hint: this.i18n.t('accounts.departmentHint')});
	}

	_newForm() {
		const t = (key, params) => this.i18n.t(key, params);
		const username = formField({id: 'hetu-new-username', label: t('accounts.username'), hint: t('accounts.usernameRule'),
			input: el('input', {class: 'hetu-input', type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: '64', required: true})});
		const displayName = formField({id: 'hetu-new-display-name', label: t('accounts.displayName'),
			input: el('input', {class: 'hetu-input', type: 'text', autocomplete: 'off', maxlength: '100', required: true})});
		const roles = this._roleChecks('hetu-new', ['viewer']);
		const department = this._departmentSelect('hetu-new-department', '');
		const password = formField({id: 'hetu-new-password', label: t('accounts.initialPassword'), hint: t('accounts.initialPasswordHint', {n: MIN_PASSWORD_LENGTH}),
			input: el('input', {class: 'hetu-input', type: 'password', autocomplete: 'new-password'})});
		const general = el('p', {class: 'hetu-form__note hetu-form__note--error', role: 'alert', hidden: true});
		const submit = el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'create-account'}, t('accounts.create'));
		const fields = {username, displayName, department, password, roles};
		const form = el('form', {class: 'hetu-form hetu-form--grid', novalidate: true, 'aria-label': t('accounts.new'), onsubmit: async (e) => {
			e.preventDefault();
			const account = {
				username: username.input.value.trim(), displayName: displayName.input.value.trim(),
				roles: roles.value(), department: department.input.value || null, password: password.input.value
			};
			Object.values(fields).forEach((f) => f.setError(null));
			general.hidden = true;
			const errors = validateAccount(account);
			if (Object.keys(errors).length) {
				for (const [field, key] of Object.entries(errors)) {
					fields[field].setError(t(key, {n: MIN_PASSWORD_LENGTH}));
				}
				const first = fields[Object.keys(errors)[0]];
				(first.input || first).focus?.();
				return;
			}
			submit.disabled = true;
			try {
				const body = {username: account.username, displayName: account.displayName, roles: account.roles, department: account.department};
				if (account.password) {
					body.password = account.password;
				}
				const created = await this.api.createAccount(body);
				this.creating = false;
				const user = created.account.username;
				this.secret = created.password ? {key: 'accounts.createdWithPassword', params: {user}, value: created.password} : null;
				this.notice = created.password ? null : {kind: 'ok', key: 'accounts.created', params: {user}};
				await this._load();
			} catch (error) {
				submit.disabled = false;
				if (error.status === 409) {
					username.setError(t('accounts.usernameTaken'));
					username.input.focus();
				} else if (error.status === 400 && error.parameter === 'password') {
					password.setError(t('account.passwordWeak'));
					password.input.focus();
				} else if (error.status === 400 && error.parameter === 'username') {
					username.setError(t('accounts.usernameRule'));
					username.input.focus();
				} else {
					general.textContent = error.status === 400 ? t('accounts.refused') : problemText(error, this.i18n);
					general.hidden = false;
				}
			}
		}},
		username.element, displayName.element, roles.element, department.element, password.element,
		el('div', {class: 'hetu-form__actions hetu-form__field--wide'}, submit,
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => {
				this.creating = false;
				this.render();
			}}, t('common.cancel'))),
		general);
		return el('div', {class: 'hetu-subcard'}, el('h4', {class: 'hetu-subcard__title'}, t('accounts.new')), form);
	}

	_table() {
		const t = (key) => this.i18n.t(key);
		const separator = this.i18n.isChinese ? '、' : ', ';
		const rows = [];
		for (const account of this.accounts) {
			const self = account.username === this.session.username;
			rows.push(el('tr', {'data-account': account.username, class: account.enabled ? null : 'is-inactive'},
				el('td', {'data-label': t('accounts.username')}, el('span', {class: 'hetu-mono'}, account.username),
					self ? el('span', {class: 'hetu-tag hetu-tag--current'}, t('accounts.you')) : null),
				el('td', {'data-label': t('accounts.displayName')}, account.displayName),
				el('td', {'data-label': t('accounts.roles')}, ROLES.filter((r) => (account.roles || []).includes(r)).map((r) => this.roleName(r)).join(separator)),
				el('td', {'data-label': t('accounts.department')}, account.department ? this.departmentName(account.department) : t('value.empty')),
				el('td', {'data-label': t('accounts.status')}, el('span', {class: `hetu-tag hetu-tag--${account.enabled ? 'active' : 'revoked'}`},
					t(account.enabled ? 'accounts.enabled' : 'accounts.disabled'))),
				el('td', {'data-label': t('accounts.createdAt')}, account.createdAt ? formatDateTime(account.createdAt) : t('value.empty')),
				el('td', {'data-label': t('common.actions'), class: 'hetu-table__actions'}, this._rowActions(account))));
			if (this.editing === account.id) {
				rows.push(el('tr', {class: 'hetu-table__editor'}, el('td', {colspan: '7'}, this._editForm(account))));
			}
		}
		return el('div', {class: 'hetu-table-wrap'}, el('table', {class: 'hetu-table hetu-table--accounts'},
			el('thead', {}, el('tr', {}, ['accounts.username', 'accounts.displayName', 'accounts.roles', 'accounts.department', 'accounts.status', 'accounts.createdAt', 'common.actions']
				.map((key) => el('th', {scope: 'col'}, t(key))))),
			el('tbody', {}, rows)));
	}

	_rowActions(account) {
		const t = (key) => this.i18n.t(key);
		if (this.confirmReset === account.id) {
			return el('span', {class: 'hetu-inline-confirm'},
				el('span', {}, t('accounts.confirmReset')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--danger hetu-button--small', 'data-action': 'confirm-reset',
					onclick: () => this._reset(account)}, t('accounts.reset')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', onclick: () => {
					this.confirmReset = null;
					this.render();
				}}, t('common.cancel')));
		}
		return [
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'edit',
				'aria-expanded': String(this.editing === account.id), onclick: () => {
					this.editing = this.editing === account.id ? null : account.id;
					this.confirmReset = null;
					this.render();
				}}, t('accounts.edit')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'reset', onclick: () => {
				this.confirmReset = account.id;
				this.editing = null;
				this.render();
			}}, t('accounts.reset'))
		];
	}

	_editForm(account) {
		const t = (key, params) => this.i18n.t(key, params);
		const self = account.username === this.session.username;
		const prefix = `hetu-edit-${account.id}`;
		const displayName = formField({id: `${prefix}-display-name`, label: t('accounts.displayName'),
			input: el('input', {class: 'hetu-input', type: 'text', maxlength: '100', required: true})});
		displayName.input.value = account.displayName || '';
		const roles = this._roleChecks(prefix, account.roles || [], self ? new Set(['admin']) : new Set());
		const department = this._departmentSelect(`${prefix}-department`, account.department);
		const enabled = el('input', {type: 'checkbox', class: 'hetu-checkbox', id: `${prefix}-enabled`, checked: account.enabled, disabled: self});
		const general = el('p', {class: 'hetu-form__note hetu-form__note--error', role: 'alert', hidden: true});
		const submit = el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save-account'}, t('common.save'));
		const fields = {displayName, roles, department};
		return el('form', {class: 'hetu-form hetu-form--grid', novalidate: true, 'aria-label': t('accounts.editTitle', {user: account.username}), onsubmit: async (e) => {
			e.preventDefault();
			const change = {
				displayName: displayName.input.value.trim(), roles: roles.value(),
				department: department.input.value || '', enabled: enabled.checked, version: account.version
			};
			Object.values(fields).forEach((f) => f.setError(null));
			general.hidden = true;
			const errors = validateAccount({...change, department: change.department || null}, {isNew: false});
			if (Object.keys(errors).length) {
				for (const [field, key] of Object.entries(errors)) {
					fields[field].setError(t(key));
				}
				return;
			}
			submit.disabled = true;
			try {
				const saved = await this.api.updateAccount(account.id, change);
				this.accounts = this.accounts.map((a) => (a.id === saved.id ? saved : a));
				this.editing = null;
				this.notice = {kind: 'ok', key: 'accounts.saved', params: {user: saved.username}};
				this.render();
			} catch (error) {
				submit.disabled = false;
				if (error.status === 409) {
					this.editing = null;
					this.notice = {kind: 'error', key: 'accounts.stale', params: {user: account.username}};
					await this._load();
				} else {
					general.textContent = error.status === 400 ? t('accounts.refused') : problemText(error, this.i18n);
					general.hidden = false;
				}
			}
		}},
		displayName.element, department.element, roles.element,
		el('div', {class: 'hetu-form__field hetu-form__field--wide'},
			el('label', {class: 'hetu-check', for: `${prefix}-enabled`}, enabled, el('span', {}, t('accounts.enabledLabel'))),
			self ? el('p', {class: 'hetu-form__hint'}, t('accounts.selfHint')) : null),
		el('div', {class: 'hetu-form__actions hetu-form__field--wide'}, submit,
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => {
				this.editing = null;
				this.render();
			}}, t('common.cancel'))),
		general);
	}

	async _reset(account) {
		const t = (key, params) => this.i18n.t(key, params);
		this.confirmReset = null;
		try {
			const result = await this.api.resetPassword(account.id);
			this.secret = {key: 'accounts.resetDone', params: {user: account.username}, value: result.password};
			this.notice = null;
			if (result.account) {
				this.accounts = this.accounts.map((a) => (a.id === result.account.id ? result.account : a));
			}
		} catch (error) {
			this.secret = null;
			this.notice = {kind: 'error', error};
		}
		this.render();
		this.container.closest('.hetu-page')?.scrollTo?.({top: 0});
	}

	_noticeText() {
		const {key, params, error} = this.notice;
		return error ? problemText(error, this.i18n) : this.i18n.t(key, params);
	}

	_publicCard() {
		const t = (key) => this.i18n.t(key);
		return el('section', {class: 'hetu-card', 'aria-labelledby': 'hetu-public-title'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-public-title'}, t('public.title')),
			el('p', {class: 'hetu-card__lead'}, t('public.lead')),
			el('ul', {class: 'hetu-switches'}, this.layers.map((layer) => {
				const box = el('input', {type: 'checkbox', class: 'hetu-switch', role: 'switch', id: `hetu-public-${layer.id}`,
					'data-collection': layer.id, checked: Boolean(layer.publicRead)});
				box.addEventListener('change', async () => {
					box.disabled = true;
					try {
						const result = await this.api.setPublicRead(layer.id, box.checked);
						layer.publicRead = Boolean(result?.publicRead);
						this.notice = null;
					} catch (error) {
						this.notice = {kind: 'error', error};
						this.render();
						return;
					}
					box.checked = layer.publicRead;
					box.disabled = false;
				});
				return el('li', {class: 'hetu-switches__item'},
					el('label', {for: `hetu-public-${layer.id}`}, this.collectionTitle(layer.id)), box);
			})));
	}
}
