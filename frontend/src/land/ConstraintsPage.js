import {el, replaceChildren} from '../util/dom.js';
import {ConstraintsApi} from './ConstraintsApi.js';

const number = (value, digits) => Number(value || 0).toLocaleString('zh-CN', {minimumFractionDigits: digits, maximumFractionDigits: digits});

/**
 * #/constraints: every key project and idle-land parcel that enters permanent basic farmland, the ecological red
 * line or cultivated land (current editions), with the area in each; a row opens the project or the parcel.
 */
export class ConstraintsPage {
	constructor({container, i18n, api, onOpenProject, onOpenParcel}) {
		this.container = container;
		this.i18n = i18n;
		this.api = new ConstraintsApi({api});
		this.onOpenProject = onOpenProject;
		this.onOpenParcel = onOpenParcel;
		this.element = el('div', {class: 'hetu-constraints'});
		container.append(this.element);
	}

	async show(params = {}, {reload = false} = {}) {
		if (this._entries && !reload) {
			return;
		}
		const t = (key) => this.i18n.t(key);
		replaceChildren(this.element, el('p', {class: 'hetu-hint'}, t('constraints.loading')));
		try {
			this._entries = await this.api.report();
		} catch (error) {
			replaceChildren(this.element, el('p', {class: 'hetu-hint'}, this.i18n.t('constraints.failed', {message: error?.detail || error?.message || ''})));
			return;
		}
		this._render();
	}

	_render() {
		const t = (key) => this.i18n.t(key);
		if (!this._entries.length) {
			replaceChildren(this.element, el('p', {}, t('constraints.report.intro')), el('p', {class: 'hetu-hint'}, t('constraints.report.empty')));
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
		replaceChildren(this.element, el('p', {}, t('constraints.report.intro')),
			el('table', {class: 'hetu-table hetu-constraints__table'},
				el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', {scope: 'col'}, t(`constraints.report.${c}`))))),
				el('tbody', {}, ...rows)),
			el('p', {class: 'hetu-hint'}, t('constraints.muNote')));
	}
}
