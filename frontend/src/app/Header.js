import {LOGO_SVG} from '../ui/logo.js';
import {UserMenu} from '../ui/UserMenu.js';
import {el} from '../util/dom.js';
import {PAGES, offers, pageNamed} from './pages.js';

const MENU_ICON = '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>';

/**
 * The workspace's header: the panel button, the brand (back to the map), the links to the map and
 * the pages leaders use most (those with `nav` in the registry), a slot for the search, the
 * language switch and the account menu (the registry's pages this user may use).
 */
export class Header {
	constructor(options) {
		const {i18n, session, names, onGo, onMap, onTogglePanel, onToggleLocale, onSignIn, onSignOut} = options;
		Object.assign(this, {i18n, session});
		this.menuButton = el('button', {
			type: 'button', class: 'hetu-icon-button hetu-header__menu', 'aria-controls': 'hetu-panel', 'aria-expanded': 'false',
			html: MENU_ICON, onclick: () => onTogglePanel()
		});
		this.brandTitle = el('h1', {class: 'hetu-brand__title'});
		this.brandSubtitle = el('p', {class: 'hetu-brand__subtitle'});
		const offered = PAGES.filter((page) => offers(page, session));
		this.links = [['map', 'nav.map'], ...offered.filter((page) => page.nav).map((page) => [page.name, page.nav])];
		this.navLinks = new Map(this.links.map(([page]) => [page, el('a', {
			class: 'hetu-nav__link', href: page === 'map' ? '#' : `#/${page}`, 'data-nav': page,
			onclick: (e) => {
				e.preventDefault();
				if (page === 'map') {
					onMap();
				} else {
					onGo(page);
				}
			}
		})]));
		this.nav = el('nav', {class: 'hetu-nav'}, [...this.navLinks.values()]);
		this.searchSlot = el('div', {class: 'hetu-header__search'});
		this.langButton = el('button', {type: 'button', class: 'hetu-lang', 'data-action': 'language', onclick: () => onToggleLocale()});
		this.userSlot = el('div', {class: 'hetu-header__user'});
		this.element = el('header', {class: 'hetu-header'},
			this.menuButton,
			el('a', {class: 'hetu-brand', href: '#', html: LOGO_SVG, onclick: (e) => {
				e.preventDefault();
				onMap();
			}}, el('div', {class: 'hetu-brand__text'}, this.brandTitle, this.brandSubtitle)),
			session.authenticated ? this.nav : null,
			this.searchSlot, this.langButton, this.userSlot);
		this.userMenu = new UserMenu({
			container: this.userSlot,
			i18n,
			session,
			roleName: names.roleName,
			departmentName: names.departmentName,
			pages: () => offered.filter((page) => page.menu),
			onNavigate: (page) => (page === 'map' ? onMap() : onGo(page)),
			onSignIn,
			onSignOut
		});
	}

	destroy() {
		this.userMenu.destroy();
	}

	translate() {
		const t = (key) => this.i18n.t(key);
		this.brandTitle.textContent = t('app.title');
		this.brandSubtitle.textContent = t('app.subtitle');
		this.langButton.textContent = t('lang.switchTo');
		this.langButton.title = t('lang.switchTitle');
		this.langButton.setAttribute('aria-label', t('lang.switchTitle'));
		this.langButton.lang = this.i18n.isChinese ? 'en' : 'zh-CN';
		this.menuButton.title = t('panel.open');
		this.menuButton.setAttribute('aria-label', t('panel.open'));
		this.nav.setAttribute('aria-label', t('nav.label'));
		for (const [page, key] of this.links) {
			this.navLinks.get(page).textContent = t(key);
		}
	}

	/** Marks the header link of what is on show (the map, or a page and its relatives). */
	markNav(name) {
		const page = pageNamed(name);
		const current = page?.under || name || 'map';
		for (const [link, element] of this.navLinks) {
			if (link === current) {
				element.setAttribute('aria-current', 'page');
			} else {
				element.removeAttribute('aria-current');
			}
		}
	}
}
