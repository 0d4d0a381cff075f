import {el, replaceChildren} from '../util/dom.js';
import {LOGO_SVG} from '../ui/logo.js';

/** A quiet drawing of rivers over a survey grid, behind the system's name. No photographs, no clip art. */
const BACKDROP = '<svg viewBox="0 0 1440 900" preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">'
	+ '<defs><pattern id="hetu-grid" width="48" height="48" patternUnits="userSpaceOnUse">'
	+ '<path d="M48 0H0V48" fill="none" stroke="#FFFFFF" stroke-opacity="0.05" stroke-width="1"/></pattern></defs>'
	+ '<rect width="1440" height="900" fill="url(#hetu-grid)"/>'
	+ '<path d="M-40 700C200 610 320 760 560 680S900 440 1120 520 1340 380 1480 330" fill="none" stroke="#7FD1F5" stroke-opacity="0.22" stroke-width="9" stroke-linecap="round"/>'
	+ '<path d="M-40 790C240 750 400 850 620 770S1000 650 1480 700" fill="none" stroke="#7FD1F5" stroke-opacity="0.12" stroke-width="4" stroke-linecap="round"/>'
	+ '<path d="M300 -20C360 160 280 320 400 470S520 640 500 920" fill="none" stroke="#7FD1F5" stroke-opacity="0.1" stroke-width="3" stroke-linecap="round"/>'
	+ '</svg>';

/**
 * The sign-in screen: the system's name, a form for user name and password, and the
 * language switch. It says clearly when the name or password is wrong without telling
 * which, and why the user is here again when a session expired.
 */
export class SignInPage {
	constructor(options) {
		const {container, i18n, onSubmit, onLanguage, onBrowse = null} = options;
		Object.assign(this, {container, i18n, onSubmit, onLanguage, onBrowse});
		this._notice = null;
		this._error = null;
		this._busy = false;
		this._visible = false;
		this._unsubscribe = i18n.onChange(() => this._visible && this.render());
	}

	/** Shows the page; `notice` explains why (expired, signed out), `canBrowse` offers the public map. */
	show(options = {}) {
		const {notice = null, canBrowse = false} = options;
		this._notice = notice;
		this._error = null;
		this._busy = false;
		this._canBrowse = canBrowse;
		this._visible = true;
		this.render();
		requestAnimationFrame(() => this.username?.focus({preventScroll: true}));
	}

	/** Stops drawing: the container now belongs to the workspace. */
	hide() {
		this._visible = false;
		this.username = null;
	}

	destroy() {
		this._unsubscribe();
	}

	render() {
		const t = (key) => this.i18n.t(key);
		const keepName = this.username?.value || '';
		this.username = el('input', {
			id: 'hetu-signin-username', name: 'username', class: 'hetu-input', type: 'text', autocomplete: 'username',
			autocapitalize: 'none', spellcheck: 'false', required: true, maxlength: '64', 'aria-describedby': 'hetu-signin-message'
		});
		this.username.value = keepName;
		this.password = el('input', {
			id: 'hetu-signin-password', name: 'password', class: 'hetu-input', type: 'password', autocomplete: 'current-password',
			required: true, 'aria-describedby': 'hetu-signin-message'
		});
		const reveal = el('button', {
			type: 'button', class: 'hetu-signin__reveal', 'aria-pressed': 'false', 'aria-controls': 'hetu-signin-password',
			onclick: () => {
				const shown = this.password.type === 'text';
				this.password.type = shown ? 'password' : 'text';
				reveal.setAttribute('aria-pressed', String(!shown));
				reveal.textContent = t(shown ? 'signin.showPassword' : 'signin.hidePassword');
			}
		}, t('signin.showPassword'));
		this.submit = el('button', {type: 'submit', class: 'hetu-button hetu-signin__submit', disabled: this._busy},
			t(this._busy ? 'signin.submitting' : 'signin.submit'));
		const message = this._error || this._notice;
		this.message = el('div', {
			id: 'hetu-signin-message', class: `hetu-signin__message${message ? ` hetu-signin__message--${this._error ? 'error' : 'info'}` : ''}`,
			role: this._error ? 'alert' : 'status', 'aria-live': 'polite'
		}, message || '');

		const form = el('form', {class: 'hetu-signin__card', novalidate: true, 'aria-labelledby': 'hetu-signin-title', onsubmit: (e) => this._submit(e)},
			el('h2', {class: 'hetu-signin__title', id: 'hetu-signin-title'}, t('signin.title')),
			el('p', {class: 'hetu-signin__lead'}, t('signin.lead')),
			this.message,
			el('label', {class: 'hetu-field-label', for: 'hetu-signin-username'}, t('signin.username')),
			this.username,
			el('label', {class: 'hetu-field-label', for: 'hetu-signin-password'}, t('signin.password')),
			el('div', {class: 'hetu-signin__password'}, this.password, reveal),
			this.submit,
			el('p', {class: 'hetu-signin__help'}, t('signin.help')),
			this._canBrowse && this.onBrowse
				? el('button', {type: 'button', class: 'hetu-link-button hetu-signin__browse', onclick: () => this.onBrowse()}, t('signin.browse'))
				: null);

		const top = el('header', {class: 'hetu-signin__top'},
			el('div', {class: 'hetu-brand', html: LOGO_SVG},
				el('div', {class: 'hetu-brand__text'},
					el('span', {class: 'hetu-brand__title'}, t('app.title')),
					el('span', {class: 'hetu-brand__subtitle'}, t('app.subtitle')))),
			el('button', {
				type: 'button', class: 'hetu-lang', 'data-action': 'language', lang: this.i18n.isChinese ? 'en' : 'zh-CN',
				title: t('lang.switchTitle'), 'aria-label': t('lang.switchTitle'), onclick: () => this.onLanguage()
			}, t('lang.switchTo')));

		const intro = el('section', {class: 'hetu-signin__intro', 'aria-hidden': 'false'},
			el('div', {class: 'hetu-signin__backdrop', html: BACKDROP}),
			el('div', {class: 'hetu-signin__intro-text'},
				el('p', {class: 'hetu-signin__system'}, t('app.title')),
				el('h1', {class: 'hetu-signin__name'}, t('app.subtitle')),
				el('p', {class: 'hetu-signin__tagline'}, t('signin.tagline')),
				el('ul', {class: 'hetu-signin__scope'},
					['signin.scopeWater', 'signin.scopeLand', 'signin.scopeTransport', 'signin.scopeProjects'].map((key) => el('li', {}, t(key))))));

		replaceChildren(this.container,
			el('div', {class: 'hetu-signin', 'data-page': 'signin'},
				top,
				el('main', {class: 'hetu-signin__main'}, intro, el('div', {class: 'hetu-signin__panel'}, form)),
				el('footer', {class: 'hetu-signin__footer'}, t('signin.footer'))));
	}

	async _submit(event) {
		event.preventDefault();
		if (this._busy) {
			return;
		}
		const t = (key) => this.i18n.t(key);
		const username = this.username.value.trim();
		const password = this.password.value;
		if (!username || !password) {
			this._showError(t('signin.missing'), username ? this.password : this.username);
			return;
		}
		this._setBusy(true);
		try {
			await this.onSubmit(username, password);
		} catch (error) {
			this._setBusy(false);
			let text;
			if (error?.status === 401 || error?.status === 400) {
				text = t('signin.wrong');
			} else if (error?.status === 429) {
				text = this.i18n.t('signin.locked', {minutes: Math.max(1, Math.ceil((error.retryAfter || 60) / 60))});
			} else if (error?.status === 0) {
				text = t('signin.network');
			} else {
				text = t('signin.failed');
			}
			this.password.value = '';
			this._showError(text, this.password);
		}
	}

	_setBusy(busy) {
		this._busy = busy;
		this.submit.disabled = busy;
		this.submit.textContent = this.i18n.t(busy ? 'signin.submitting' : 'signin.submit');
	}

	_showError(text, focus) {
		this._error = text;
		this.message.textContent = text;
		this.message.className = 'hetu-signin__message hetu-signin__message--error';
		this.message.setAttribute('role', 'alert');
		for (const input of [this.username, this.password]) {
			input.setAttribute('aria-invalid', String(input === focus || (input === this.password && text === this.i18n.t('signin.wrong'))));
		}
		focus?.focus();
	}
}
