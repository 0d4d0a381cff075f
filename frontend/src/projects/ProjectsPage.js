import {ENUMS, PROJECT_STATUSES, editableFieldsOf} from '../catalog/Schema.js';
import {initialValues, validateValues} from '../edit/FormValues.js';
import {formatDate, formatMoney10k, formatNumber} from '../format/Units.js';
import {statusColor} from '../layers/Symbology.js';
import {PAGE_SIZE, SORT_KEYS, isFiltered, listFilters, nextSort, pageCount, sortState, withParam} from './ProjectQuery.js';
import {debounce} from '../util/debounce.js';
import {el, replaceChildren} from '../util/dom.js';
import {saveBlob} from '../util/saveBlob.js';
import {attributeForm} from '../edit/AttributeForm.js';
import {loadPage} from '../ui/loadPage.js';
import {problemText} from '../ui/problemText.js';
import {overdueBadge, projectProgress, statusChip} from '../ui/statusChip.js';

/** Fields of the form for a new project; the rest (actual dates, money spent, progress) come later. */
const NEW_PROJECT_FIELDS = ['name', 'code', 'department', 'category', 'year', 'town', 'lead_unit', 'planned_start', 'planned_end',
	'investment_planned', 'target_value', 'target_unit', 'target_description', 'target_measure', 'remarks'];


/**
 * The key projects as a list: filters (department, status, category, year, text, overdue
 * only, within the map's view), sortable columns, pages, overdue milestones as red badges and
 * progress as bars, the current filter exported as CSV or Excel, and — for users who may edit
 * projects — a form for a new one. The filters live in the URL hash; a row opens the project.
 */
export class ProjectsPage {
	constructor(options) {
		const {container, i18n, api, session, departments, departmentName, mapBbox, onParams, onOpen, pageSize = PAGE_SIZE} = options;
		Object.assign(this, {container, i18n, api, session, departments, departmentName, mapBbox, onParams, onOpen, pageSize});
		this.titleKey = 'projects.title';
		this.params = {};
		this.state = 'idle';
		this.result = null;
		this.creating = false;
		this.exporting = null;
		this._typing = debounce((q) => this.onParams(withParam(this.params, 'q', q)), 450);
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._typing.cancel();
		this._controller?.abort();
	}

	show(params = {}, options = {}) {
		const {reload = false} = options;
		const changed = reload || JSON.stringify(params) !== JSON.stringify(this.params) || this.state === 'idle';
		this.params = {...params};
		if (changed) {
			this._load();
		} else {
			this.render();
		}
	}

	get canCreate() {
		return this.session.canEdit('project');
	}

	filters() {
		return listFilters(this.params, {bbox: this.mapBbox?.() || null, size: this.pageSize});
	}

	_load() {
		return loadPage(this, (signal) => this.api.projects(this.filters(), {signal}), (result) => {
			this.result = result;
		});
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		const toolbar = el('div', {class: 'hetu-page__toolbar'},
			el('p', {class: 'hetu-page__lead'}, t('projects.lead')),
			el('div', {class: 'hetu-page__actions'},
				this.canCreate && !this.creating ? el('button', {type: 'button', class: 'hetu-button', 'data-action': 'new-project', onclick: () => {
					this.creating = true;
					this._newValues = null;
					this.render();
					this.container.querySelector('#hetu-project-new-name')?.focus();
				}}, t('projects.new')) : null,
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'export-csv', disabled: Boolean(this.exporting),
					onclick: () => this._export('csv')}, t(this.exporting === 'csv' ? 'projects.exporting' : 'projects.exportCsv')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'export-xlsx', disabled: Boolean(this.exporting),
					onclick: () => this._export('xlsx')}, t(this.exporting === 'xlsx' ? 'projects.exporting' : 'projects.exportXlsx'))));
		replaceChildren(this.container,
			toolbar,
			this.creating ? this._newProjectCard() : null,
			this._filters(),
			this._results());
	}

	// ---- filters

	_filters() {
		const t = (key, params) => this.i18n.t(key, params);
		const p = this.params;
		const set = (key, value) => this.onParams(withParam(this.params, key, value));
		const q = el('input', {
			type: 'search', class: 'hetu-input', id: 'hetu-projects-q', name: 'q', placeholder: t('projects.searchPlaceholder'),
			autocomplete: 'off', enterkeyhint: 'search', oninput: (e) => this._typing(e.target.value.trim())
		});
		q.value = p.q || '';
		const select = (id, key, none, options) => {
			const input = el('select', {class: 'hetu-select', id, name: key, onchange: (e) => set(key, e.target.value)},
				el('option', {value: ''}, none), options.map(([value, label]) => el('option', {value}, label)));
			input.value = p[key] || '';
			return input;
		};
		const thisYear = new Date().getFullYear();
		const years = [];
		for (let y = thisYear + 1; y >= Math.min(2020, thisYear - 6); y--) {
			years.push([String(y), String(y)]);
		}
		const statuses = new Set(String(p.status || '').split(',').filter(Boolean));
		const statusChips = el('div', {class: 'hetu-chips', role: 'group', 'aria-label': t('projects.status')},
			PROJECT_STATUSES.map((status) => {
				const on = statuses.has(status);
				return el('button', {
					type: 'button', class: `hetu-chip-toggle${on ? ' is-on' : ''}`, 'data-status': status, 'aria-pressed': String(on),
					onclick: () => {
						const next = new Set(statuses);
						if (on) {
							next.delete(status);
						} else {
							next.add(status);
						}
						set('status', PROJECT_STATUSES.filter((s) => next.has(s)));
					}
				}, el('span', {class: 'hetu-chip-toggle__dot', 'aria-hidden': 'true', style: {background: statusColor(status)}}), t(`enum.work_status.${status}`));
			}));
		const sortLabels = {code: 'field.code', name: 'field.name', status: 'projects.col.status', department: 'projects.col.department', year: 'projects.col.year',
			investment: 'projects.col.investment', progress: 'projects.col.progress', overdue: 'projects.col.overdue', planned_end: 'projects.col.plannedEnd'};
		const sort = el('select', {class: 'hetu-select', id: 'hetu-projects-sort', name: 'sort', onchange: (e) => set('sort', e.target.value)},
			el('option', {value: ''}, t('projects.sortDefault')),
			SORT_KEYS.flatMap((key) => [
				el('option', {value: key}, t('projects.sortAscending', {column: t(sortLabels[key])})),
				el('option', {value: `-${key}`}, t('projects.sortDescending', {column: t(sortLabels[key])}))
			]));
		sort.value = p.sort || '';
		const check = (id, key, label) => el('label', {class: 'hetu-check', for: id},
			el('input', {type: 'checkbox', class: 'hetu-checkbox', id, name: key, checked: Boolean(p[key]), onchange: (e) => set(key, e.target.checked ? 'true' : '')}),
			el('span', {}, label));
		const field = (id, label, input) => el('div', {class: 'hetu-form__field'}, el('label', {class: 'hetu-field-label', for: id}, label), input);
		return el('form', {class: 'hetu-card hetu-project-filters', role: 'search', 'aria-label': t('projects.filters'), onsubmit: (e) => {
			e.preventDefault();
			this._typing.cancel();
			set('q', q.value.trim());
		}},
		el('div', {class: 'hetu-project-filters__grid'},
			field('hetu-projects-q', t('projects.search'), q),
			field('hetu-projects-department', t('projects.department'),
				select('hetu-projects-department', 'department', t('projects.anyDepartment'), this.departments.map((d) => [d.code, this.departmentName(d.code)]))),
			field('hetu-projects-category', t('projects.category'),
				select('hetu-projects-category', 'category', t('projects.anyCategory'), ENUMS.project_category.map((c) => [c, t(`enum.project_category.${c}`)]))),
			field('hetu-projects-year', t('projects.year'), select('hetu-projects-year', 'year', t('projects.anyYear'), years)),
			el('div', {class: 'hetu-form__field hetu-project-filters__sort'},
				el('label', {class: 'hetu-field-label', for: 'hetu-projects-sort'}, t('projects.sort')), sort)),
		el('div', {class: 'hetu-project-filters__row'},
			el('span', {class: 'hetu-field-label hetu-project-filters__label'}, t('projects.status')),
			statusChips),
		el('div', {class: 'hetu-project-filters__row'},
			check('hetu-projects-overdue', 'overdue', t('projects.overdueOnly')),
			check('hetu-projects-in-view', 'inView', t('projects.inView')),
			isFiltered(p) ? el('button', {type: 'button', class: 'hetu-link-button hetu-project-filters__clear', 'data-action': 'clear-filters',
				onclick: () => this.onParams(p.sort ? {sort: p.sort} : {})}, t('projects.clear')) : null));
	}

	// ---- the list

	_results() {
		const t = (key, params) => this.i18n.t(key, params);
		if (this.state === 'loading' && !this.result) {
			return el('p', {class: 'hetu-hint hetu-page__status'}, t('common.loading'));
		}
		if (this.state === 'error') {
			return el('div', {}, el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(this._error, this.i18n)),
				el('button', {type: 'button', class: 'hetu-button', onclick: () => this._load()}, t('common.retry')));
		}
		const {items = [], total = 0} = this.result || {};
		const page = Number(this.params.page) > 1 ? Number(this.params.page) : 1;
		const pages = pageCount(total, this.pageSize);
		const summary = el('div', {class: 'hetu-results__summary'},
			el('span', {'data-total': String(total)}, t('projects.total', {n: formatNumber(total, this.i18n)})),
			this.params.inView ? el('span', {class: 'hetu-tag'}, t('projects.inViewTag')) : null);
		if (!items.length) {
			return el('div', {class: 'hetu-results', 'aria-busy': String(this.state === 'loading')}, summary,
				el('p', {class: 'hetu-hint hetu-page__status', 'data-state': 'empty'}, t('projects.empty')));
		}
		const sort = this.params.sort || '';
		const head = (key, labelKey, className = '') => {
			if (!key) {
				return el('th', {scope: 'col', class: className || null}, t(labelKey));
			}
			const state = sortState(sort, key);
			return el('th', {scope: 'col', class: className || null, 'aria-sort': state},
				el('button', {type: 'button', class: 'hetu-sort', 'data-sort': key, onclick: () => this.onParams(withParam(this.params, 'sort', nextSort(sort, key)))},
					t(labelKey), el('span', {class: `hetu-sort__icon hetu-sort__icon--${state}`, 'aria-hidden': 'true'})));
		};
		const table = el('table', {class: 'hetu-table hetu-table--projects'},
			el('caption', {class: 'hetu-visually-hidden'}, t('projects.title')),
			el('thead', {}, el('tr', {},
				head('code', 'projects.col.project'),
				head('status', 'projects.col.status'),
				head('department', 'projects.col.department'),
				head('year', 'projects.col.year', 'is-number'),
				head('investment', 'projects.col.investment', 'is-number'),
				head('progress', 'projects.col.progress'),
				head('overdue', 'projects.col.milestones'),
				head('planned_end', 'projects.col.plannedEnd'))),
			el('tbody', {}, items.map((p) => this._row(p))));
		const pager = pages > 1 ? el('nav', {class: 'hetu-pager', 'aria-label': t('projects.pages')},
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'previous-page', disabled: page <= 1,
				onclick: () => this.onParams(withParam(this.params, 'page', page - 1 > 1 ? page - 1 : ''))}, t('projects.previous')),
			el('span', {class: 'hetu-pager__text', 'data-page': String(page)}, t('projects.page', {page, pages})),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'next-page', disabled: page >= pages,
				onclick: () => this.onParams(withParam(this.params, 'page', page + 1))}, t('projects.next'))) : null;
		return el('div', {class: 'hetu-results', 'aria-busy': String(this.state === 'loading')}, summary,
			el('div', {class: 'hetu-table-wrap hetu-card hetu-card--flush'}, table), pager);
	}

	_row(p) {
		const t = (key, params) => this.i18n.t(key, params);
		const href = `#/projects/${p.id}`;
		const open = (e) => {
			if (e.target.closest('a, button')) {
				return;
			}
			this.onOpen(p.id);
		};
		const investment = p.investmentPlanned === null || p.investmentPlanned === undefined ? t('value.empty')
			: formatMoney10k(Number(p.investmentPlanned), this.i18n);
		const next = p.nextMilestone
			? el('span', {class: 'hetu-next'}, el('span', {}, p.nextMilestone), p.nextMilestoneDue ? el('span', {class: 'hetu-next__due'}, formatDate(p.nextMilestoneDue)) : null)
			: el('span', {class: 'hetu-hint'}, t('projects.noNextMilestone'));
		return el('tr', {class: 'hetu-project-row', 'data-project': String(p.id), 'data-status': p.status, onclick: open},
			el('td', {'data-label': t('projects.col.project'), class: 'hetu-project-row__name'},
				el('a', {href, onclick: (e) => {
					e.preventDefault();
					this.onOpen(p.id);
				}}, p.name),
				el('span', {class: 'hetu-mono hetu-project-row__code'}, p.code)),
			el('td', {'data-label': t('projects.col.status')}, statusChip(p.status, this.i18n, {small: true})),
			el('td', {'data-label': t('projects.col.department')}, this.departmentName(p.department) || p.departmentName || ''),
			el('td', {'data-label': t('projects.col.year'), class: 'is-number is-secondary'}, String(p.year ?? '')),
			el('td', {'data-label': t('projects.col.investment'), class: 'is-number'}, investment),
			el('td', {'data-label': t('projects.col.progress'), class: 'hetu-project-row__progress'},
				projectProgress(p.progress, this.i18n, {color: statusColor(p.status), label: t('projects.col.progress')})),
			el('td', {'data-label': t('projects.col.milestones'), class: 'hetu-project-row__milestones'},
				overdueBadge(p.overdueMilestones, this.i18n), next),
			el('td', {'data-label': t('projects.col.plannedEnd'), class: 'is-secondary'}, p.plannedEnd ? el('time', {datetime: p.plannedEnd}, formatDate(p.plannedEnd)) : t('value.empty')));
	}

	async _export(format) {
		this.exporting = format;
		this.render();
		try {
			const {blob} = await this.api.exportProjects(format, this.filters());
			saveBlob(blob, `${this.i18n.t('projects.fileName')}.${format}`);
		} catch (error) {
			this._exportError = error;
			this.exporting = null;
			this.render();
			this.container.prepend(el('p', {class: 'hetu-notice hetu-notice--error', role: 'alert'}, this.i18n.t('projects.exportFailed', {detail: problemText(error, this.i18n)})));
			return;
		}
		this.exporting = null;
		this.render();
	}

	// ---- a new project

	_newProjectCard() {
		const t = (key, params) => this.i18n.t(key, params);
		const all = editableFieldsOf('project');
		const fields = NEW_PROJECT_FIELDS.map((key) => all.find((f) => f.key === key)).filter(Boolean);
		const values = this._newValues || initialValues('project', fields, {department: this.session.department});
		const form = attributeForm({
			fields, values, collection: 'project', i18n: this.i18n, departments: this.departments,
			departmentName: this.departmentName, idPrefix: 'hetu-project-new'
		});
		const message = el('p', {class: 'hetu-form__note hetu-form__note--error', role: 'alert', hidden: true});
		const submit = el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'create-project'}, t('projects.create'));
		const card = el('section', {class: 'hetu-card hetu-project-new', 'aria-labelledby': 'hetu-project-new-title'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-new-title'}, t('projects.newTitle')),
			el('p', {class: 'hetu-card__lead'}, t('projects.newLead')),
			el('form', {novalidate: true, onsubmit: async (e) => {
				e.preventDefault();
				const read = form.read();
				this._newValues = read;
				const errors = validateValues(fields, read);
				if (read.planned_start && read.planned_end && read.planned_end < read.planned_start) {
					errors.planned_end = 'projects.endBeforeStart';
				}
				form.setErrors(errors);
				if (Object.keys(errors).length) {
					form.focusFirstError();
					return;
				}
				submit.disabled = true;
				submit.textContent = t('projects.creating');
				message.hidden = true;
				try {
					const properties = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== null && v !== ''));
					const detail = await this.api.createProject({properties: {...properties, status: 'planned'}, footprint: null});
					this.creating = false;
					this._newValues = null;
					this.onOpen(detail.summary.id, {created: true});
				} catch (error) {
					submit.disabled = false;
					submit.textContent = t('projects.create');
					if (error.status === 400 && error.parameter && fields.some((f) => f.key === error.parameter)) {
						form.setErrors({[error.parameter]: 'edit.invalidValue'});
						form.focusFirstError();
					}
					message.textContent = error.status === 409 ? t('projects.codeTaken')
						: error.status === 403 ? t('edit.forbidden')
							: error.status === 400 ? t('edit.refused') : problemText(error, this.i18n);
					message.hidden = false;
				}
			}},
			form.element,
			message,
			el('div', {class: 'hetu-form__actions'}, submit,
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => {
					this.creating = false;
					this._newValues = null;
					this.render();
				}}, t('common.cancel')))));
		return card;
	}
}
