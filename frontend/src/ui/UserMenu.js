import {el, replaceChildren} from '../util/dom.js';

const USER_ICON = '<svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="2"/><path d="M4.5 20c1.2-4 4.2-6 7.5-6s6.3 2 7.5 6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

/**
 * The header's account control. Signed in: a button with the user's name that opens a menu
 * (map, key projects, dashboard, recent changes, the river chief pages for chiefs and the offices, my account,
 * account administration for administrators, the API documentation in a new tab, sign out).
 * Anonymous (public layers only): a sign-in button.
 */
export class UserMenu {
	constructor(options) {
		const {container, i18n, session, roleName, departmentName, riverPages = () => [], onNavigate, onSignIn, onSignOut} = options;
		Object.assign(this, {container, i18n, session, roleName, departmentName, riverPages, onNavigate, onSignIn, onSignOut});
		this._open = false;
		this._unsubscribe = i18n.onChange(() => this.render());
		this._onDocument = (e) => {
			if (this._open && !this.container.contains(e.target)) {
				this.setOpen(false);
			}
		};
		document.addEventListener('pointerdown', this._onDocument);
		this.render();
	}

	destroy() {
		this._unsubscribe();
		document.removeEventListener('pointerdown', this._onDocument);
	}

	render() {
		const t = (key) => this.i18n.t(key);
		const {session} = this;
		if (!session.authenticated) {
			replaceChildren(this.container, el('button', {
				type: 'button', class: 'hetu-user hetu-user--signin', 'data-action': 'sign-in', onclick: () => this.onSignIn()
			}, el('span', {class: 'hetu-user__icon', html: USER_ICON}), el('span', {class: 'hetu-user__label'}, t('user.signIn'))));
			return;
		}
		this.button = el('button', {
			type: 'button', class: 'hetu-user', id: 'hetu-user-button', 'data-action': 'user-menu',
			'aria-haspopup': 'menu', 'aria-expanded': String(this._open), 'aria-controls': 'hetu-user-menu',
			title: t('user.menu'), 'aria-label': `${t('user.menu')}: ${session.displayName}`,
			onclick: () => this.setOpen(!this._open),
			onkeydown: (e) => {
				if (e.key === 'ArrowDown') {
					e.preventDefault();
					this.setOpen(true);
					this._items()[0]?.focus();
				}
			}
		}, el('span', {class: 'hetu-user__icon', html: USER_ICON}), el('span', {class: 'hetu-user__label'}, session.displayName));

		const item = (page, key) => el('button', {
			type: 'button', role: 'menuitem', class: 'hetu-menu__item', 'data-page': page, tabindex: '-1',
			onclick: () => {
				this.setOpen(false);
				this.onNavigate(page);
			}
		}, t(key));
		const roles = session.roles.map((r) => this.roleName(r)).join(this.i18n.isChinese ? '、' : ', ');
		const department = session.department ? this.departmentName(session.department) : null;
		const river = this.riverPages();
		this.menu = el('div', {
			class: 'hetu-menu', id: 'hetu-user-menu', role: 'menu', 'aria-labelledby': 'hetu-user-button', hidden: !this._open,
			onkeydown: (e) => this._onMenuKey(e)
		},
		el('div', {class: 'hetu-menu__who'},
			el('strong', {class: 'hetu-menu__name'}, session.displayName),
			el('span', {class: 'hetu-menu__meta'}, session.username),
			el('span', {class: 'hetu-menu__meta'}, [roles, department].filter(Boolean).join(' · '))),
		el('div', {class: 'hetu-menu__group', role: 'none'},
			item('map', 'user.map'),
			item('projects', 'user.projects'),
			item('parcels', 'user.parcels'),
			item('constraints', 'user.constraints'),
			item('dashboard', 'user.dashboard'),
			item('imports', 'user.imports'),
			item('changes', 'user.changes'),
			item('account', 'user.account'),
			session.isAdmin ? item('accounts', 'user.accounts') : null,
			el('a', {
				role: 'menuitem', class: 'hetu-menu__item', 'data-action': 'api-docs', tabindex: '-1',
				href: 'swagger-ui/index.html', target: '_blank', rel: 'noopener', onclick: () => this.setOpen(false)
			}, t('user.apiDocs'))),
		river.length ? el('div', {class: 'hetu-menu__group', role: 'none'}, river.map((page) => item(page, `user.river.${page}`))) : null,
		el('div', {class: 'hetu-menu__group', role: 'none'},
			el('button', {
				type: 'button', role: 'menuitem', class: 'hetu-menu__item hetu-menu__item--danger', 'data-action': 'sign-out', tabindex: '-1',
				onclick: () => {
					this.setOpen(false);
					this.onSignOut();
				}
			}, t('user.signOut'))));
		replaceChildren(this.container, this.button, this.menu);
	}

	setOpen(open) {
		this._open = open;
		if (this.menu) {
			this.menu.hidden = !open;
			this.button.setAttribute('aria-expanded', String(open));
		}
	}

	_items() {
		return [...(this.menu?.querySelectorAll('[role="menuitem"]') || [])];
	}

	_onMenuKey(e) {
		const items = this._items();
		const index = items.indexOf(document.activeElement);
		if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
			e.preventDefault();
			const step = e.key === 'ArrowDown' ? 1 : -1;
			items[(index + step + items.length) % items.length]?.focus();
		} else if (e.key === 'Escape') {
			e.preventDefault();
			this.setOpen(false);
			this.button.focus();
		} else if (e.key === 'Tab') {
			this.setOpen(false);
		}
	}
}
