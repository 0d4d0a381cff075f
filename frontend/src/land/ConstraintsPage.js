import '../styles/land.css';
import {el, replaceChildren} from '../util/dom.js';
import {ConstraintsApi} from './ConstraintsApi.js';
import {EnforcementView} from './EnforcementView.js';
import {FarmlandTasksView} from './FarmlandTasksView.js';

const number = (value, digits) => Number(value || 0).toLocaleString('zh-CN', {minimumFractionDigits: digits, maximumFractionDigits: digits});

const TABS = ['conflicts', 'tasks', 'enforcement'];

/**
 * #/constraints, land protection in three tabs: the conflicts (every key project and idle-land parcel entering
 * permanent basic farmland, the ecological red line or cultivated land, with the area in each; a row opens it),
 * the farmland protection tasks per town, and the satellite enforcement patches with their cadence's reports.
 */
export class ConstraintsPage {
	constructor(context) {
		const {container, i18n, api, onOpenProject, onOpenParcel, onParams} = context;
		this.context = context;
		this.container = container;
		this.i18n = i18n;
		this.api = new ConstraintsApi({api});
		this.onOpenProject = onOpenProject;
		this.onOpenParcel = onOpenParcel;
		this.onParams = onParams;
		this.tabs = el('div', {class: 'hetu-land-tabs', role: 'tablist'});
		this.body = el('div', {class: 'hetu-land-body'});
		this.element = el('div', {class: 'hetu-constraints'}, this.tabs, this.body);
		container.append(this.element);
	}

	async show(params = {}, {reload = false} = {}) {
		const tab = TABS.includes(params.tab) ? params.tab : 'conflicts';
		this._tabs(tab, params);
		if (tab !== this._tab) {
			this._view?.destroy?.();
			this._view = null;
			replaceChildren(this.body);
			this._tab = tab;
		}
		if (tab === 'tasks') {
			this._view = this._view || new FarmlandTasksView({...this.context, container: this.body, constraints: this.api,
				onYear: (year) => this.onParams({tab, year})});
			await this._view.show(params.year);
		} else if (tab === 'enforcement') {
			this._view = this._view || new EnforcementView({...this.context, container: this.body, constraints: this.api,
				onParams: (p) => this.onParams({tab, ...p})});
			await this._view.show(params);
		} else {
			await this._conflicts(reload);
		}
	}

	_tabs(current, params) {
		const t = (key) => this.i18n.t(key);
		replaceChildren(this.tabs, ...TABS.map((tab) => el('button', {type: 'button', role: 'tab', 'data-tab': tab,
			'aria-selected': String(tab === current), onclick: () => tab !== current && this.onParams(tab === 'conflicts' ? {} : {tab, year: params.year})},
		t(`constraints.tab.${tab}`))));
	}

	async _conflicts(reload) {
		if (this._entries && !reload && this.body.firstChild) {
			return;
		}
		const t = (key) => this.i18n.t(key);
		replaceChildren(this.body, el('p', {class: 'hetu-hint'}, t('constraints.loading')));
		try {
			this._entries = await this.api.report();
		} catch (error) {
			replaceChildren(this.body, el('p', {class: 'hetu-hint'}, this.i18n.t('constraints.failed', {message: error?.detail || error?.message || ''})));
			return;
		}
		this._render();
	}

	_render() {
		const t = (key) => this.i18n.t(key);
		if (!this._entries.length) {
			replaceChildren(this.body, el('p', {}, t('constraints.report.intro')), el('p', {class: 'hetu-hint'}, t('constraints.report.empty')));
			return;
		}
		const columns = ['kind', 'code', 'name', 'town', 'farmlandMu', 'redlineM2', 'cultivatedM2'];
		const rows = this._entries.map((e) => {
			const open = () => (e.kind === 'project' ? this.onOpenProject?.(e.id) : this.onOpenParcel?.(e.id));
			return el('tr', {'data-kind': e.kind, 'data-code': e.code},
				el('td', {}, t(`constraints.report.kind.${e.kind}`)),
				el('td', {}, el('button', {type: 'button', class: 'hetu-link', onclick: open}, e.code)),
				el('td', {}, e.name), el('td', {}, e.town || '—'),
				el('td', {'data-unit': 'mu'}, number(e.farmlandMu, 2)),
				el('td', {}, number(e.areaM2ByLayer.ecological_redline, 2)),
				el('td', {}, number(e.areaM2ByLayer.cultivated_land, 2)));
		});
		replaceChildren(this.body, el('p', {}, t('constraints.report.intro')),
			el('table', {class: 'hetu-table hetu-constraints__table'},
				el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', {scope: 'col'}, t(`constraints.report.${c}`))))),
				el('tbody', {}, ...rows)),
			el('p', {class: 'hetu-hint'}, t('constraints.muNote')));
	}

	destroy() {
		this._view?.destroy?.();
		this.element.remove();
	}
}
