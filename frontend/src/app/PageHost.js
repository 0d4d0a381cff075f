import {el} from '../util/dom.js';
import {pageNamed} from './pages.js';

/**
 * The area where pages show over the map: its title bar and back button, and the pages of the
 * registry (app/pages.js), each made the first time it opens (its messages and module loaded
 * then) and kept for the next time. A page that fails to load says so, with a way to try again.
 */
export class PageHost {
	constructor(options) {
		const {i18n, window: win, contextFor, errorText, onBack} = options;
		Object.assign(this, {i18n, window: win, contextFor, errorText});
		this.pages = new Map();
		this.lastParams = new Map();
		this.current = null;
		this.title = el('h2', {class: 'hetu-page__title', id: 'hetu-page-title'});
		this.back = el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-page__back', 'data-action': 'back-to-map',
			onclick: () => onBack()});
		this.body = el('div', {class: 'hetu-page__body'});
		this.element = el('section', {class: 'hetu-page', id: 'hetu-page', hidden: true, 'aria-labelledby': 'hetu-page-title', tabindex: '-1'},
			el('div', {class: 'hetu-page__inner'},
				el('div', {class: 'hetu-page__bar'}, this.title, this.back),
				this.body));
	}

	destroy() {
		this._destroyed = true;
		for (const page of this.pages.values()) {
			page.destroy?.();
		}
	}

	translate() {
		this.back.textContent = this.i18n.t('page.backToMap');
		this._drawTitle();
	}

	/** Shows the page `name` with `params`; `options` go to its show(). */
	open(name, params, options = {}) {
		const changed = this.current?.name !== name || (pageNamed(name).under && this.current?.params.id !== params.id);
		this.current = {name, params};
		this.lastParams.set(name, params);
		this.element.hidden = false;
		this.element.dataset.page = name;
		this._drawTitle();
		if (changed) {
			this.body.replaceChildren(el('p', {class: 'hetu-hint hetu-page__status'}, this.i18n.t('common.loading')));
			this.element.scrollTop = 0;
		}
		const token = this._token = {};
		this._page(name).then((page) => {
			if (!page || this._destroyed || token !== this._token) {
				return;
			}
			this._drawTitle();
			if (this.body.firstChild !== page.container || this.body.childNodes.length !== 1) {
				this.body.replaceChildren(page.container);
			}
			page.show(params, {reload: changed, ...options});
			if (changed) {
				this.element.focus({preventScroll: true});
			}
		}, (error) => {
			if (!this._destroyed && token === this._token) {
				this.body.replaceChildren(
					el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert', 'data-state': 'load-failed'}, this.errorText(error)),
					el('button', {type: 'button', class: 'hetu-button', onclick: () => this.window.location.reload()}, this.i18n.t('app.reload')));
			}
		});
	}

	close() {
		this.current = null;
		this._token = null;
		this.element.hidden = true;
		this.body.replaceChildren();
	}

	/** Data changed elsewhere (a project, say): pages that keep figures draw them afresh next time. */
	invalidate() {
		for (const page of this.pages.values()) {
			page.invalidate?.();
		}
	}

	/** The title once the page's messages are there (a page's own messages come with it). */
	_drawTitle() {
		const key = this.current && pageNamed(this.current.name).titleKey;
		this.title.textContent = key && this.i18n.has(key) ? this.i18n.t(key) : '';
	}

	/** The page, made (its messages and module loaded) the first time it opens. */
	async _page(name) {
		if (this.pages.has(name)) {
			return this.pages.get(name);
		}
		const entry = pageNamed(name);
		if (entry.messages) {
			this.i18n.add((await entry.messages()).messages);
		}
		// Each page draws into its own element, so that an answer arriving after the user moved
		// on draws into a page that is no longer on show, never over the one that is.
		const container = el('div', {class: 'hetu-page__view', 'data-view': name});
		const page = await entry.create(this.contextFor(name, container));
		if (this._destroyed) {
			page.destroy?.();
			return null;
		}
		if (this.pages.has(name)) {
			page.destroy?.();
			return this.pages.get(name);
		}
		this.pages.set(name, page);
		return page;
	}
}
