import {Api} from '../api/Api.js';
import {AuthGate} from '../auth/AuthGate.js';
import {Session} from '../auth/Session.js';
import {I18n, LOCALES} from '../i18n/I18n.js';
import {problemText} from '../ui/problemText.js';
import {Toast} from '../ui/Toast.js';
import {el, replaceChildren} from '../util/dom.js';
import {Preferences} from '../util/Preferences.js';
import {SignInPage} from './SignInPage.js';
import {LastVisit} from './LastVisit.js';
import {Workspace} from './Workspace.js';

/**
 * The application: asks the server who is signed in, then shows either the sign-in screen or
 * the map workspace. Anonymous visitors see the map only when an administrator opened some
 * collections to the public; otherwise they sign in first. Signing out, or a session that
 * expires (any 401 while signed in), takes the workspace down and shows the sign-in screen
 * again, keeping the URL hash so that the user comes back to the same view.
 */
export class HetuApp {
	constructor(options) {
		const {root, api = new Api(), preferences = new Preferences(), lastVisit = new LastVisit(), window: win = globalThis.window} = options;
		Object.assign(this, {root, api, preferences, lastVisit, window: win});
		this.workspace = null;
		this.publicLayers = [];
	}

	async start() {
		this.i18n = new I18n({locale: this._initialLocale()});
		this.session = new Session({api: this.api});
		this.gate = new AuthGate({
			api: this.api, session: this.session, window: this.window,
			onSignInRequired: ({reason}) => this._showSignIn({notice: reason === 'expired' ? 'signin.expired' : null})
		});
		this.view = el('div', {class: 'hetu-view'});
		this.root.classList.add('hetu');
		replaceChildren(this.root, this.view);
		this.toast = new Toast({container: this.root});
		this.signIn = new SignInPage({
			container: this.view,
			i18n: this.i18n,
			onSubmit: (username, password) => this._signIn(username, password),
			onLanguage: () => this.toggleLocale(),
			onBrowse: () => this._showWorkspace()
		});
		this.i18n.onChange(() => this._translateDocument());
		this._translateDocument();
		this._showStatus(this.i18n.t('app.loading'));
		try {
			// With no signal the app opens as the last visit's user; the server decides again once it answers.
			const me = await this.lastVisit.fetch('me', () => this.api.me());
			this.session.restore(me);
		} catch (error) {
			this._showStatus(this.i18n.t('app.loadFailed', {detail: problemText(error, this.i18n)}), {retry: true});
			return;
		}
		await this._enter();
	}

	// ---- language

	_initialLocale() {
		const param = new URLSearchParams(this.window.location.search).get('lang');
		const wanted = param === 'en' ? 'en' : param === 'zh' ? 'zh-CN' : this.preferences.get('locale');
		return LOCALES.includes(wanted) ? wanted : 'zh-CN';
	}

	toggleLocale() {
		const next = this.i18n.isChinese ? 'en' : 'zh-CN';
		this.preferences.set('locale', next);
		this.i18n.setLocale(next);
	}

	_translateDocument() {
		const doc = this.window.document;
		doc.documentElement.lang = this.i18n.locale;
		doc.title = this.i18n.t(this.root.dataset.screen === 'signin' ? 'signin.documentTitle' : 'app.documentTitle');
	}

	// ---- what to show

	/** The workspace for a signed-in user or, when some collections are public, for anyone; else the sign-in screen. */
	async _enter() {
		if (this.session.authenticated) {
			this._showWorkspace();
			return;
		}
		try {
			const layers = await this.api.layers();
			this.publicLayers = Array.isArray(layers) ? layers : [];
		} catch {
			this.publicLayers = [];
		}
		if (this.publicLayers.length && this.root.dataset.screen !== 'signin') {
			this._showWorkspace();
		} else {
			this._showSignIn();
		}
	}

	_showWorkspace() {
		this.workspace?.destroy();
		this.signIn.hide();
		this.root.dataset.screen = 'map';
		this.root.classList.remove('is-signin');
		this.view.replaceChildren();
		this._translateDocument();
		this.workspace = new Workspace({
			root: this.root,
			container: this.view,
			api: this.api,
			i18n: this.i18n,
			session: this.session,
			preferences: this.preferences,
			lastVisit: this.lastVisit,
			toast: this.toast,
			window: this.window,
			onSignIn: () => this._showSignIn({canBrowse: true}),
			onSignOut: () => this._signOut(),
			onToggleLocale: () => this.toggleLocale()
		});
		this.workspace.start();
	}

	/** The sign-in screen; `notice` is the key of a message saying why the user is here. */
	_showSignIn(options = {}) {
		const {notice = null, canBrowse = this.publicLayers.length > 0} = options;
		this.workspace?.destroy();
		this.workspace = null;
		this.root.dataset.screen = 'signin';
		this.root.classList.add('is-signin');
		this._translateDocument();
		this.signIn.show({notice: notice ? this.i18n.t(notice) : null, canBrowse});
	}

	async _signIn(username, password) {
		await this.session.signIn(username, password);
		this.gate.completed();
		this._showWorkspace();
	}

	async _signOut() {
		this.workspace?.destroy();
		this.workspace = null;
		this.lastVisit.forget();
		try {
			await this.session.signOut();
		} catch {
			// The server may already have ended the session; the user is signed out here either way.
		}
		try {
			this.publicLayers = await this.api.layers();
		} catch {
			this.publicLayers = [];
		}
		this._showSignIn({notice: 'signin.signedOut'});
	}

	_showStatus(text, options = {}) {
		const {retry = false} = options;
		this.root.dataset.screen = 'status';
		replaceChildren(this.view, el('div', {class: `hetu-startup hetu-startup--alone${retry ? ' is-error' : ''}`, role: 'status'},
			el('p', {}, text),
			retry ? el('button', {type: 'button', class: 'hetu-button', onclick: () => this.window.location.reload()}, this.i18n.t('app.reload')) : null));
	}
}
