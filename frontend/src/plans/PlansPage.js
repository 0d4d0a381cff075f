import '../styles/plans.css';
import {isAbort} from '../api/ApiError.js';
import {FarmlandTasksTile} from '../land/FarmlandTasksTile.js';
import {countyToday, formatNumber} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {saveBlob} from '../util/saveBlob.js';
import {PlanApi} from './PlanApi.js';
import {indicatorForm, linksForm, planForm, taskForm} from './PlanForms.js';

/**
 * The departments' annual work plans (工作谋划, #/plans?year=2026&department=water): each plan's numbered
 * tasks with their indicators, target, current figure and status against the deadline; a registry figure
 * opens the map view of the features behind it, a reported one shows its history and takes a new value
 * from the department's editors. A plan is copied to the next year, exported as a spreadsheet, or printed.
 * Administrators and the department's editors make plans and edit their tasks, links and indicators
 * (a closed year's plan only administrators, who also close a year).
 */
export class PlansPage {
	constructor(options) {
		const {container, i18n, api, session, departments = [], departmentName = (code) => code, toast, window: win = globalThis.window,
			layers = [], collectionTitle = (id) => id, onParams, onNavigate} = options;
		Object.assign(this, {container, i18n, api, session, departments, departmentName, toast, window: win, layers, collectionTitle,
			onParams, onNavigate});
		this.planApi = new PlanApi({api});
		this.params = {};
		this.plans = null;
		this.years = [];
		this.bar = el('div', {class: 'hetu-plans__bar hetu-plans-noprint'});
		this.body = el('div', {class: 'hetu-plans__body', 'aria-live': 'polite'});
		this.root = el('div', {class: 'hetu-plans'}, this.bar, this.body);
		container.append(this.root);
		this._unsubscribe = i18n.onChange(() => {
			this._drawBar();
			this._draw();
		});
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
	}

	async show(params = {}, options = {}) {
		const year = /^\d{4}$/.test(params.year || '') ? params.year : countyToday().slice(0, 4);
		const department = params.department || '';
		const same = this.params.year === year && this.params.department === department && this.plans;
		this.params = {year, department};
		this._drawBar();
		if (same && !options.reload) {
			return;
		}
		await this._load();
	}

	async _load() {
		this._abort?.abort();
		const controller = this._abort = new AbortController();
		delete this.root.dataset.ready;
		this.plans = null;
		replaceChildren(this.body, el('p', {class: 'hetu-hint'}, this.i18n.t('common.loading')));
		try {
			[this.plans, this.years] = await Promise.all([this.planApi.plans(this.params, {signal: controller.signal}),
				this.planApi.years({signal: controller.signal})]);
			this._drawBar();
			this._draw();
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.body, el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_drawBar() {
		const t = (key) => this.i18n.t(key);
		const thisYear = Number(countyToday().slice(0, 4));
		const years = [...new Set([...this.years, thisYear + 1, thisYear, Number(this.params.year)])].sort((a, b) => b - a).map(String);
		const go = (change) => this.onParams({...this.params, ...change});
		replaceChildren(this.bar,
			el('label', {}, t('plans.year'), el('select', {class: 'hetu-input', name: 'year', onchange: (e) => go({year: e.target.value})},
				years.map((y) => el('option', {value: y, selected: y === this.params.year}, y)))),
			el('label', {}, t('plans.department'), el('select', {class: 'hetu-input', name: 'department', onchange: (e) => go({department: e.target.value})},
				el('option', {value: ''}, t('plans.allDepartments')),
				this.departments.map((d) => el('option', {value: d.code, selected: d.code === this.params.department}, this.departmentName(d.code))))),
			el('span', {class: 'hetu-plans__spacer'}),
			this._mayMakePlans() ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'new-plan',
				onclick: () => this._newPlan()}, t('plans.newPlan')) : null,
			el('button', {type: 'button', class: 'hetu-button', 'data-action': 'print', onclick: () => this.window.print()}, t('plans.print')));
	}

	_mayMakePlans() {
		return this.session.isAdmin || (this.session.hasRole('editor') && Boolean(this.session.department));
	}

	/** Whether the user changes the plan: administrators any, a department's editors their own open plans. */
	_mayEdit(plan) {
		return this.session.isAdmin || (!plan.closed && this.session.hasRole('editor') && this.session.department === plan.department);
	}

	_newPlan() {
		const departments = this.session.isAdmin ? this.departments : this.departments.filter((d) => d.code === this.session.department);
		const slot = el('div', {class: 'hetu-card hetu-plans-noprint'});
		slot.append(planForm({i18n: this.i18n, year: this.params.year, departments, departmentName: this.departmentName,
			department: this.params.department || this.session.department || departments[0]?.code,
			save: async (plan) => {
				await this.planApi.createPlan(plan);
				this._saved();
				this.onParams({year: String(plan.year), department: plan.department});
			}}));
		this.body.prepend(slot);
	}

	/** After a change: the toast, and the plans as they are now. */
	async _saved() {
		this.toast?.show(this.i18n.t('plans.changed'), {kind: 'ok'});
		await this._load();
	}

	/** Shows a form in the slot, or closes it when the same form is asked again. */
	_open(slot, role, make) {
		if (slot.firstChild?.dataset?.role === role) {
			slot.replaceChildren();
			return;
		}
		slot.replaceChildren(make(() => slot.replaceChildren()));
	}

	async _remove(confirmKey, remove) {
		if (!this.window.confirm(this.i18n.t(confirmKey))) {
			return;
		}
		try {
			await remove();
			await this._saved();
		} catch (error) {
			this.window.alert(problemText(error, this.i18n));
		}
	}

	_draw() {
		const t = (key, params) => this.i18n.t(key, params);
		if (!this.plans) {
			return;
		}
		if (!this.plans.length) {
			replaceChildren(this.body, el('p', {class: 'hetu-hint', 'data-role': 'no-plans'}, t('plans.none', {year: this.params.year})));
			return;
		}
		replaceChildren(this.body,
			el('header', {class: 'hetu-plans-printonly'}, el('h2', {}, t('plans.printTitle', {year: this.params.year})),
				el('p', {}, t('plans.printedOn', {day: countyToday()}))),
			this.plans.map((plan) => this._plan(plan)));
	}

	_plan(plan) {
		const t = (key, params) => this.i18n.t(key, params);
		const mayCopy = this.session.isAdmin || (this.session.hasRole('editor') && this.session.department === plan.department);
		return el('section', {class: 'hetu-card hetu-plan', 'data-plan': String(plan.id), 'data-department': plan.department},
			el('header', {class: 'hetu-plan__header'},
				el('h3', {class: 'hetu-card__title'}, plan.title),
				el('span', {class: 'hetu-hint'}, this.i18n.pick(plan.departmentZh, plan.departmentEn)),
				plan.closed ? el('span', {class: 'hetu-plan__closed', 'data-role': 'closed'}, t('plans.closed')) : null,
				el('span', {class: 'hetu-plans__spacer'}),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-plans-noprint', 'data-action': 'export',
					onclick: () => this._export(plan)}, t('plans.export')),
				mayCopy ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-plans-noprint', 'data-action': 'copy',
					onclick: () => this._copy(plan)}, t('plans.copy', {year: plan.year + 1})) : null,
				this.session.isAdmin && !plan.closed ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-plans-noprint',
					'data-action': 'close', onclick: () => this._close(plan)}, t('plans.closeYear')) : null),
			el('ol', {class: 'hetu-plan__tasks'}, plan.tasks.map((task) => this._task(plan, task))),
			this._farmlandTasks(plan),
			this._mayEdit(plan) ? this._addTask(plan) : null);
	}

	/** The farmland protection tasks of the year, under the plan of the department whose farmland layer it is. */
	_farmlandTasks(plan) {
		const farmland = this.layers.find((layer) => layer.id === 'basic_farmland');
		if (!farmland || farmland.ownerDepartment !== plan.department) {
			return null;
		}
		const container = el('div', {class: 'hetu-plan__farmland', 'data-role': 'farmland-tasks'});
		new FarmlandTasksTile({container, i18n: this.i18n, api: this.api,
			onOpen: (year) => this.onNavigate(`#/constraints?tab=tasks&year=${year}`)}).show(plan.year);
		return container;
	}

	_addTask(plan) {
		const slot = el('div', {class: 'hetu-plans-noprint'});
		return el('div', {class: 'hetu-plans-noprint'},
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'add-task', onclick: () => this._open(slot, 'task',
				(close) => taskForm({i18n: this.i18n, departments: this.departments, departmentName: this.departmentName, responsible: plan.department,
					onCancel: close, save: async (task) => {
						await this.planApi.saveTask(plan.id, null, task);
						await this._saved();
					}}))}, this.i18n.t('plans.addTask')),
			slot);
	}

	/** The buttons that change a task, and the slot their forms open in. */
	_taskTools(plan, task) {
		const t = (key) => this.i18n.t(key);
		const slot = el('div', {class: 'hetu-plan__form-slot'});
		const button = (action, key, onclick) => el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': action, onclick}, t(key));
		const common = {i18n: this.i18n, layers: this.layers, collectionTitle: this.collectionTitle};
		return el('div', {class: 'hetu-plan__tools hetu-plans-noprint'},
			button('edit-task', 'plans.editTask', () => this._open(slot, 'task', (close) => taskForm({...common, task, departments: this.departments,
				departmentName: this.departmentName, onCancel: close, save: async (changed) => {
					await this.planApi.saveTask(plan.id, task.id, changed);
					await this._saved();
				}}))),
			button('links', 'plans.editLinks', async () => {
				const projects = await this.api.projects({department: plan.department, size: 200}).then((page) => page.items).catch(() => []);
				this._open(slot, 'links', (close) => linksForm({...common, task, projects, onCancel: close, save: async (links) => {
					await this.planApi.link(task.id, links);
					await this._saved();
				}}));
			}),
			button('add-indicator', 'plans.addIndicator', () => this._open(slot, 'indicator', (close) => indicatorForm({...common, year: plan.year,
				onCancel: close, save: async (indicator) => {
					await this.planApi.saveIndicator(task.id, null, indicator);
					await this._saved();
				}}))),
			button('delete-task', 'plans.deleteTask', () => this._remove('plans.deleteTaskConfirm', () => this.planApi.deleteTask(task.id))),
			slot);
	}

	async _close(plan) {
		if (!this.window.confirm(this.i18n.t('plans.closeConfirm', {year: plan.year}))) {
			return;
		}
		try {
			await this.planApi.close(plan.id);
			await this._saved();
		} catch (error) {
			this.window.alert(problemText(error, this.i18n));
		}
	}

	_task(plan, task) {
		const t = (key, params) => this.i18n.t(key, params);
		return el('li', {class: 'hetu-plan__task', 'data-task': String(task.seq), value: String(task.seq)},
			task.section ? el('div', {class: 'hetu-hint'}, task.section) : null,
			el('div', {class: 'hetu-plan__task-title'}, task.title),
			task.body ? el('details', {class: 'hetu-plans-noprint'}, el('summary', {}, t('plans.text')), el('p', {}, task.body)) : null,
			task.projects.length ? el('div', {class: 'hetu-plan__links'}, t('plans.projects'), ' ',
				task.projects.map((p) => el('a', {href: `#/projects/${p.id}`, class: 'hetu-plan__link', onclick: (e) => {
					e.preventDefault();
					this.onNavigate(`#/projects/${p.id}`);
				}}, p.name))) : null,
			task.assets.length ? el('div', {class: 'hetu-plan__links'}, t('plans.assets'), ' ',
				task.assets.map((a) => el('a', {href: `#/${a.collection}/${a.id}`, class: 'hetu-plan__link', onclick: (e) => {
					e.preventDefault();
					this.onNavigate(`#/${a.collection}/${a.id}`);
				}}, a.name || a.code || a.id))) : null,
			this._mayEdit(plan) ? this._taskTools(plan, task) : null,
			el('table', {class: 'hetu-plan__indicators'},
				el('thead', {}, el('tr', {}, ['plans.col.indicator', 'plans.col.target', 'plans.col.value', 'plans.col.status', 'plans.col.deadline', 'plans.col.measured']
					.map((key) => el('th', {scope: 'col'}, t(key))))),
				el('tbody', {}, task.indicators.map((indicator) => this._indicator(plan, task, indicator)))));
	}

	_indicator(plan, task, i) {
		const t = (key, params) => this.i18n.t(key, params);
		const amount = (value) => `${formatNumber(value, this.i18n, {digits: i.kind === 'count' ? 0 : 2})} ${i.unit}`;
		const measured = i.value !== null && i.value !== undefined;
		const row = el('tr', {'data-indicator': String(i.id), 'data-status': i.status},
			el('td', {}, this.i18n.pick(i.nameZh, i.nameEn || i.nameZh)),
			el('td', {}, t(`plans.comparison.${i.comparison}`), ' ', amount(i.target)),
			el('td', {'data-role': 'value', title: i.problem || null}, measured ? amount(i.value) : t('plans.unavailable')),
			el('td', {}, el('span', {class: `hetu-plan__status hetu-plan__status--${i.status}`}, t(`dashboard.tileStatus.${i.status}`))),
			el('td', {}, i.deadline),
			el('td', {}, i.measurement === 'registry'
				? (i.mapView ? el('a', {href: i.mapView, 'data-action': 'map-view', onclick: (e) => {
					e.preventDefault();
					this.onNavigate(i.mapView);
				}}, t('plans.registry'), ' →') : t('plans.registry'))
				: this._reported(plan, task, i),
			this._mayEdit(plan) ? this._indicatorTools(i) : null));
		return row;
	}

	_indicatorTools(i) {
		const t = (key) => this.i18n.t(key);
		const slot = el('div', {class: 'hetu-plan__form-slot'});
		return el('div', {class: 'hetu-plan__tools hetu-plans-noprint'},
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'edit-indicator',
				onclick: () => this._open(slot, 'indicator', (close) => indicatorForm({i18n: this.i18n, indicator: i, year: i.deadline.slice(0, 4),
					layers: this.layers, collectionTitle: this.collectionTitle, onCancel: close, save: async (changed) => {
						await this.planApi.saveIndicator(null, i.id, changed);
						await this._saved();
					}}))}, t('plans.editIndicator')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'delete-indicator',
				onclick: () => this._remove('plans.deleteIndicatorConfirm', () => this.planApi.deleteIndicator(i.id))}, t('plans.deleteIndicator')),
			slot);
	}

	_reported(plan, task, i) {
		const t = (key) => this.i18n.t(key);
		const mayReport = this.session.isAdmin || (!plan.closed && this.session.hasRole('editor')
			&& [plan.department, task.responsible].includes(this.session.department));
		const history = el('details', {class: 'hetu-plan__history'}, el('summary', {}, t('plans.reported'), ` (${i.reports.length})`),
			el('ul', {}, i.reports.map((r) => el('li', {},
				`${r.reportedOn} · ${formatNumber(r.value, this.i18n, {digits: 2})} ${i.unit}`, r.note ? ` · ${r.note}` : '',
				r.evidenceUrl ? el('a', {href: r.evidenceUrl, target: '_blank', rel: 'noopener'}, ` · ${t('plans.evidence')}`) : null,
				el('span', {class: 'hetu-hint'}, ` · ${r.reportedBy}`)))),
			mayReport ? this._reportForm(i) : null);
		return history;
	}

	_reportForm(i) {
		const t = (key) => this.i18n.t(key);
		const value = el('input', {class: 'hetu-input', type: 'number', name: 'value', min: '0', max: i.kind === 'percentage' ? '100' : null,
			step: i.kind === 'count' ? '1' : 'any', required: true, 'aria-label': t('plans.value')});
		const day = el('input', {class: 'hetu-input', type: 'date', name: 'reportedOn', value: countyToday(), max: countyToday(), required: true,
			'aria-label': t('plans.reportedOn')});
		const note = el('input', {class: 'hetu-input', type: 'text', name: 'note', maxlength: '500', placeholder: t('plans.note')});
		const file = el('input', {type: 'file', name: 'file', accept: 'image/jpeg,image/png,application/pdf', 'aria-label': t('plans.evidence')});
		const problem = el('p', {class: 'hetu-page__status--error', role: 'alert', hidden: true});
		return el('form', {class: 'hetu-plan__report', 'data-role': 'report', onsubmit: async (e) => {
			e.preventDefault();
			problem.hidden = true;
			try {
				await this.planApi.report(i.id, {value: Number(value.value), reportedOn: day.value, note: note.value || null, file: file.files?.[0]});
				this.toast?.show(t('plans.saved'), {kind: 'ok'});
				await this._load();
			} catch (error) {
				problem.textContent = problemText(error, this.i18n);
				problem.hidden = false;
			}
		}}, value, el('span', {}, i.unit), day, note, file, el('button', {type: 'submit', class: 'hetu-button'}, t('plans.report')), problem);
	}

	async _copy(plan) {
		const t = (key, params) => this.i18n.t(key, params);
		if (!this.window.confirm(t('plans.copyConfirm', {year: plan.year + 1}))) {
			return;
		}
		try {
			await this.planApi.copy(plan.id, plan.year + 1);
			this.toast?.show(t('plans.copied', {year: plan.year + 1}), {kind: 'ok'});
			this.onParams({...this.params, year: String(plan.year + 1)});
		} catch (error) {
			this.window.alert(problemText(error, this.i18n));
		}
	}

	async _export(plan) {
		try {
			const {blob, filename} = await this.planApi.progressReport(plan.id);
			saveBlob(blob, filename || `plan-${plan.year}-${plan.department}.xlsx`);
		} catch (error) {
			this.window.alert(problemText(error, this.i18n));
		}
	}
}
