import '../styles/county.css';
import {isAbort} from '../api/ApiError.js';
import {formatDateTime} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {setCounty} from '../county/County.js';

const TOWN_KINDS = ['county_seat', 'town', 'township', 'subdistrict'];

/** Villages are written one a line or separated by 、 or commas. */
const villageList = (text) => text.split(/[\n、,，]+/).map((v) => v.trim()).filter(Boolean);

const numbers = (text) => text.split(/[\s,，]+/).filter(Boolean).map(Number);

/**
 * The county profile (#/county), for administrators: the county's names, time zone, Gauss-Krüger zones,
 * the map's first view, its departments (added or renamed, never removed) and its towns with their
 * villages. Saving sends the whole profile (PUT /api/v1/county); a refused field is marked and named.
 * A profile file (the JSON the server serves) replaces it all at once.
 */
export class CountyProfilePage {
	constructor(options) {
		const {container, i18n, api, toast} = options;
		Object.assign(this, {container, i18n, api, toast});
		this.profile = null;
		this.root = el('div', {class: 'hetu-county'});
		container.append(this.root);
		this._unsubscribe = i18n.onChange(() => this._draw());
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
	}

	async show() {
		this._abort?.abort();
		const controller = this._abort = new AbortController();
		delete this.root.dataset.ready;
		replaceChildren(this.root, el('p', {class: 'hetu-hint'}, this.i18n.t('common.loading')));
		try {
			this.profile = await this.api.get('/api/v1/county', {signal: controller.signal});
			this._draw();
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.root, el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_draw() {
		if (!this.profile) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const p = this.profile;
		const input = (field, value, attrs = {}) => el('input', {class: 'hetu-input', name: field, 'data-field': field, value: value ?? '', ...attrs});
		const labelled = (key, control) => el('label', {class: 'hetu-county__field'}, el('span', {}, t(key)), control);
		this.problem = el('p', {class: 'hetu-page__status--error', role: 'alert', hidden: true, 'data-role': 'problem'});
		this.departments = el('tbody', {}, p.departments.map((d) => this._department(d, false)));
		this.towns = el('div', {class: 'hetu-county__towns'}, p.towns.map((town) => this._town(town)));
		this.form = el('form', {class: 'hetu-county__form', onsubmit: (e) => {
			e.preventDefault();
			this._save();
		}},
		el('fieldset', {}, el('legend', {}, t('county.basics')),
			labelled('county.code', input('code', p.code, {required: true, pattern: '\\d{6}'})),
			labelled('county.nameZh', input('nameZh', p.nameZh, {required: true})),
			labelled('county.nameEn', input('nameEn', p.nameEn, {required: true})),
			labelled('county.timeZone', input('timeZone', p.timeZone, {required: true, list: 'hetu-county-zones'})),
			el('datalist', {id: 'hetu-county-zones'}, (Intl.supportedValuesOf?.('timeZone') || []).map((z) => el('option', {value: z}))),
			labelled('county.gkZones', input('gkZones', p.gkZones.join(', '), {required: true})),
			el('p', {class: 'hetu-hint'}, t('county.gkZonesHint'))),
		el('fieldset', {}, el('legend', {}, t('county.view')),
			labelled('county.centerLon', input('view.center', p.view.center[0], {type: 'number', step: 'any'})),
			labelled('county.centerLat', input('view.center.lat', p.view.center[1], {type: 'number', step: 'any', 'data-field': 'view.center'})),
			labelled('county.zoom', input('view.zoom', p.view.zoom, {type: 'number', min: '3', max: '18'})),
			labelled('county.extent', input('extent', p.extent.join(', '))),
			el('p', {class: 'hetu-hint'}, t('county.extentHint'))),
		el('fieldset', {}, el('legend', {}, t('county.departments')),
			el('table', {class: 'hetu-county__table'},
				el('thead', {}, el('tr', {}, el('th', {}, t('county.departmentCode')), el('th', {}, t('county.nameZh')), el('th', {}, t('county.nameEn')))),
				this.departments),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'add-department',
				onclick: () => this.departments.append(this._department({code: '', nameZh: '', nameEn: ''}, true))}, t('county.addDepartment')),
			el('p', {class: 'hetu-hint'}, t('county.departmentsHint'))),
		el('fieldset', {}, el('legend', {}, t('county.towns')), this.towns,
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'add-town',
				onclick: () => this.towns.append(this._town({nameZh: '', nameEn: '', kind: 'town', seat: p.view.center, villages: []}))}, t('county.addTown'))),
		el('div', {class: 'hetu-county__actions'},
			el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save'}, t('county.save')),
			el('label', {class: 'hetu-button hetu-button--secondary'}, t('county.importFile'),
				el('input', {type: 'file', accept: 'application/json,.json', hidden: true, 'data-action': 'import', onchange: (e) => this._import(e.target.files?.[0])})),
			p.updatedAt ? el('span', {class: 'hetu-hint'}, t('county.updated', {at: formatDateTime(p.updatedAt), by: p.updatedBy || ''})) : null),
		this.problem);
		replaceChildren(this.root, el('p', {class: 'hetu-page__lead'}, t('county.lead')), this.form);
	}

	_department(d, isNew) {
		const cell = (name, value, attrs) => el('td', {}, el('input', {class: 'hetu-input', name, value, required: true, ...attrs}));
		return el('tr', {'data-department': d.code || 'new'},
			cell('code', d.code, {readonly: !isNew, pattern: '[a-z][a-z0-9_]{0,39}'}), cell('nameZh', d.nameZh), cell('nameEn', d.nameEn));
	}

	_town(town) {
		const t = (key) => this.i18n.t(key);
		const field = (key, control) => el('label', {class: 'hetu-county__field'}, el('span', {}, t(key)), control);
		const node = el('div', {class: 'hetu-county__town', 'data-town': town.nameZh || 'new'},
			field('county.nameZh', el('input', {class: 'hetu-input', name: 'nameZh', value: town.nameZh, required: true})),
			field('county.nameEn', el('input', {class: 'hetu-input', name: 'nameEn', value: town.nameEn, required: true})),
			field('county.townKind', el('select', {class: 'hetu-input', name: 'kind'},
				TOWN_KINDS.map((k) => el('option', {value: k, selected: k === town.kind}, t(`county.kind.${k}`))))),
			field('county.seat', el('input', {class: 'hetu-input', name: 'seat', value: town.seat.join(', ')})),
			field('county.villages', el('textarea', {class: 'hetu-input', name: 'villages', rows: '2'}, town.villages.join('、'))),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'remove-town',
				onclick: () => node.remove()}, t('county.removeTown')));
		return node;
	}

	/** The profile as the form holds it; the boundary is kept as loaded. */
	_read() {
		// Departments and towns have fields of the same names: the profile's own carry data-field.
		const value = (name) => this.form.querySelector(`[name="${name}"][data-field]`).value.trim();
		const rows = (container, read) => [...container.children].map(read);
		return {
			...this.profile,
			code: value('code'), nameZh: value('nameZh'), nameEn: value('nameEn'), timeZone: value('timeZone'),
			gkZones: numbers(value('gkZones')), extent: numbers(value('extent')),
			view: {center: [Number(value('view.center')), Number(value('view.center.lat'))], zoom: Number(value('view.zoom'))},
			departments: rows(this.departments, (row) => {
				const [code, nameZh, nameEn] = [...row.querySelectorAll('input')].map((i) => i.value.trim());
				return {code, nameZh, nameEn};
			}),
			towns: rows(this.towns, (node) => {
				const get = (name) => node.querySelector(`[name="${name}"]`).value.trim();
				return {nameZh: get('nameZh'), nameEn: get('nameEn'), kind: get('kind'), seat: numbers(get('seat')), villages: villageList(get('villages'))};
			})
		};
	}

	async _save(profile = this._read()) {
		this.problem.hidden = true;
		this.root.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
		try {
			this.profile = await this.api.send('PUT', '/api/v1/county', profile);
			setCounty({timeZone: this.profile.timeZone, center: this.profile.view.center, zoom: this.profile.view.zoom, gkZones: this.profile.gkZones});
			this._draw();
			this.toast?.show(this.i18n.t('county.saved'), {kind: 'ok'});
		} catch (error) {
			this._refused(error);
		}
	}

	async _import(file) {
		if (!file) {
			return;
		}
		let profile;
		try {
			profile = JSON.parse(await file.text());
		} catch {
			this._refused({detail: this.i18n.t('county.notJson')});
			return;
		}
		await this._save(profile);
	}

	/** Marks the field the server named (towns[2].seat: the third town's seat) and says what was refused. */
	_refused(error) {
		const field = error.parameter || '';
		const town = /^towns\[(\d+)]\.(\w+)/.exec(field);
		const department = /^departments\[(\d+)]\.(\w+)/.exec(field);
		const input = town ? this.towns.children[Number(town[1])]?.querySelector(`[name="${town[2]}"]`)
			: department ? this.departments.children[Number(department[1])]?.querySelector(`[name="${department[2]}"]`)
				: this.form.querySelector(`[data-field="${CSS.escape(field)}"]`);
		input?.setAttribute('aria-invalid', 'true');
		input?.focus();
		this.problem.replaceChildren(error.status ? problemText(error, this.i18n) : '', field ? ` · ${field}` : '',
			error.detail ? el('small', {class: 'hetu-county__detail'}, error.detail) : '');
		this.problem.hidden = false;
	}
}
