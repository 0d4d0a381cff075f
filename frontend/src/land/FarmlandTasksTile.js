import '../styles/land.css';
import {el, replaceChildren} from '../util/dom.js';
import {ConstraintsApi} from './ConstraintsApi.js';

const mu = (value) => Number(value || 0).toLocaleString('zh-CN', {maximumFractionDigits: 0});

/**
 * A self-contained tile of the farmland protection tasks for the dashboard or a plan page:
 * `new FarmlandTasksTile({container, i18n, api, onOpen}).show(year)` draws the county's basic farmland held
 * against its target and the towns still short of theirs; `onOpen` (optional) opens #/constraints?tab=tasks.
 */
export class FarmlandTasksTile {
	constructor({container, i18n, api, onOpen = null}) {
		this.i18n = i18n;
		this.api = new ConstraintsApi({api});
		this.onOpen = onOpen;
		this.element = el('section', {class: 'hetu-land-tile', 'data-tile': 'farmland-tasks'});
		container.append(this.element);
	}

	async show(year) {
		const t = (key, params) => this.i18n.t(key, params);
		let tasks;
		try {
			tasks = await this.api.farmlandTasks(year);
		} catch (error) {
			replaceChildren(this.element, el('p', {class: 'hetu-hint'}, t('constraints.failed', {message: error?.detail || error?.message || ''})));
			return;
		}
		const total = tasks.farmlandTotal;
		const short = tasks.towns.filter((town) => town.farmland.heldPct !== undefined && town.farmland.heldPct < 100);
		replaceChildren(this.element,
			el('h3', {}, this.onOpen ? el('button', {type: 'button', class: 'hetu-link', onclick: () => this.onOpen(tasks.year)}, t('tasks.tile.title'))
				: t('tasks.tile.title'), ` ${tasks.year}`),
			el('p', {}, t(total.heldPct === undefined ? 'tasks.tile.total' : 'tasks.tile.totalPct', {layer: t('constraints.layer.basic_farmland'),
				held: mu(total.heldMu), target: total.targetMu === undefined ? '—' : mu(total.targetMu), pct: total.heldPct})),
			short.length ? el('ul', {}, ...short.map((town) => el('li', {class: 'hetu-land-low'},
				t('tasks.tile.line', {town: this.i18n.pick(town.town, town.townEn), held: mu(town.farmland.heldMu), target: mu(town.farmland.targetMu)})))) : null);
	}

	destroy() {
		this.element.remove();
	}
}
