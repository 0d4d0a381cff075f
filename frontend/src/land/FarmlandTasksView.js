import {el, replaceChildren} from '../util/dom.js';

const number = (value, digits = 2) => (value === null || value === undefined ? '—'
	: Number(value).toLocaleString('zh-CN', {minimumFractionDigits: digits, maximumFractionDigits: digits}));
const signed = (value) => (value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${number(value)}`);

/**
 * Farmland protection tasks of a year per town: target, held now (from the control lines), change since the
 * previous edition and share held, for permanent basic farmland and cultivated land; the towns' responsibility
 * letters to download, and for the bureau the targets to set and letters to attach.
 */
export class FarmlandTasksView {
	constructor({container, i18n, constraints, session, toast, onYear}) {
		this.i18n = i18n;
		this.api = constraints;
		this.toast = toast;
		this.onYear = onYear;
		this.canEdit = Boolean(session?.isAdmin || session?.editableCollections?.includes('basic_farmland'));
		this.element = el('section', {class: 'hetu-land-tasks'});
		container.append(this.element);
	}

	async show(year) {
		const t = (key, params) => this.i18n.t(key, params);
		replaceChildren(this.element, el('p', {class: 'hetu-hint'}, t('constraints.loading')));
		try {
			this.tasks = await this.api.farmlandTasks(year);
		} catch (error) {
			replaceChildren(this.element, el('p', {class: 'hetu-hint'}, t('constraints.failed', {message: error?.detail || error?.message || ''})));
			return;
		}
		this._render();
	}

	_render() {
		const t = (key, params) => this.i18n.t(key, params);
		const {year, editions, towns} = this.tasks;
		const yearInput = el('input', {type: 'number', min: '2000', max: '2100', value: String(year), 'aria-label': t('tasks.year'), class: 'hetu-land-year'});
		yearInput.addEventListener('change', () => this.onYear?.(yearInput.value));
		const figureCells = (f) => [el('td', {class: 'hetu-land-num'}, number(f.targetMu)), el('td', {class: 'hetu-land-num'}, number(f.heldMu)),
			el('td', {class: 'hetu-land-num'}, signed(f.changeMu)),
			el('td', {class: `hetu-land-num${f.heldPct !== undefined && f.heldPct < 100 ? ' hetu-land-low' : ''}`}, f.heldPct === undefined ? '—' : `${number(f.heldPct, 1)}%`)];
		const rows = towns.map((town) => el('tr', {'data-town': town.town},
			el('th', {scope: 'row'}, this.i18n.pick(town.town, town.townEn)), ...figureCells(town.farmland), ...figureCells(town.cultivated),
			el('td', {}, this._letters(town)),
			this.canEdit ? el('td', {class: 'hetu-land-noprint'}, el('button', {type: 'button', class: 'hetu-link', 'data-action': 'edit-task',
				onclick: () => this._edit(town)}, t('tasks.edit'))) : null));
		const totals = el('tr', {class: 'hetu-land-total'}, el('th', {scope: 'row'}, t('tasks.total')),
			...figureCells(this.tasks.farmlandTotal), ...figureCells(this.tasks.cultivatedTotal), el('td', {}), this.canEdit ? el('td', {}) : null);
		const sub = ['target', 'held', 'change', 'pct'].map((c) => t(`tasks.col.${c}`));
		replaceChildren(this.element,
			el('div', {class: 'hetu-land-toolbar'}, el('label', {}, t('tasks.year'), ' ', yearInput),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => globalThis.print?.()}, t('tasks.print'))),
			el('p', {}, t('tasks.intro', {farmland: editions.farmland || '—', cultivated: editions.cultivated || '—',
				previous: editions.farmlandPrevious || t('tasks.noPrevious')})),
			this.form = el('div', {class: 'hetu-land-form-slot'}),
			el('div', {class: 'hetu-table-wrap'}, el('table', {class: 'hetu-table hetu-land-tasks__table'},
				el('thead', {},
					el('tr', {}, el('th', {rowspan: '2', scope: 'col'}, t('tasks.col.town')),
						el('th', {colspan: '4', scope: 'colgroup'}, t('constraints.layer.basic_farmland')),
						el('th', {colspan: '4', scope: 'colgroup'}, t('constraints.layer.cultivated_land')),
						el('th', {rowspan: '2', scope: 'col'}, t('tasks.col.letters')), this.canEdit ? el('th', {rowspan: '2', class: 'hetu-land-noprint'}) : null),
					el('tr', {}, ...[...sub, ...sub].map((s) => el('th', {scope: 'col'}, s)))),
				el('tbody', {}, ...rows, totals))),
			el('p', {class: 'hetu-hint'}, t('tasks.note')));
	}

	_letters(town) {
		const t = (key) => this.i18n.t(key);
		const links = town.letters.map((l) => el('span', {class: 'hetu-land-letter', 'data-letter': String(l.id)},
			el('a', {href: this.api.letterUrl(l.id), download: l.name}, l.name),
			this.canEdit ? el('button', {type: 'button', class: 'hetu-link hetu-land-noprint', 'aria-label': t('tasks.removeLetter'),
				onclick: () => this._run(() => this.api.removeLetter(l.id))}, '×') : null));
		if (this.canEdit && town.taskId) {
			const file = el('input', {type: 'file', accept: 'application/pdf,image/jpeg,image/png', class: 'hetu-land-noprint',
				'aria-label': `${town.town} ${t('tasks.attach')}`});
			file.addEventListener('change', () => file.files[0] && this._run(() => this.api.attachLetter(this.tasks.year, town.town, file.files[0])));
			links.push(file);
		}
		return links.length ? links : '—';
	}

	_edit(town) {
		const t = (key) => this.i18n.t(key);
		const field = (name, value) => el('input', {type: 'number', min: '0', step: '0.01', name, value: value ?? '', required: true});
		const farmland = field('farmlandTargetMu', town.farmland.targetMu);
		const cultivated = field('cultivatedTargetMu', town.cultivated.targetMu);
		const note = el('input', {type: 'text', name: 'note', maxlength: '2000', value: town.note || ''});
		const save = () => this._run(() => this.api.saveFarmlandTask(this.tasks.year, town.town, {
			farmlandTargetMu: farmland.value === '' ? null : Number(farmland.value),
			cultivatedTargetMu: cultivated.value === '' ? null : Number(cultivated.value),
			note: note.value, version: town.version ?? null
		}));
		replaceChildren(this.form, el('form', {class: 'hetu-land-form', 'data-town': town.town, onsubmit: (e) => (e.preventDefault(), save())},
			el('strong', {}, `${this.i18n.pick(town.town, town.townEn)} ${this.tasks.year}`),
			el('label', {}, t('tasks.farmlandTarget'), farmland), el('label', {}, t('tasks.cultivatedTarget'), cultivated),
			el('label', {}, t('tasks.noteField'), note),
			el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save-task'}, t('tasks.save')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => replaceChildren(this.form)}, t('tasks.cancel'))));
		farmland.focus();
	}

	async _run(action) {
		try {
			await action();
			await this.show(this.tasks.year);
		} catch (error) {
			this.toast?.show(this.i18n.t('constraints.failed', {message: error?.detail || error?.message || ''}));
		}
	}

	destroy() {
		this.element.remove();
	}
}
