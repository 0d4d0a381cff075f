import {problemText} from '../ui/problemText.js';
import {el} from '../util/dom.js';

/*
 * The forms that edit a plan on its page: a new plan, a task, a task's links, an indicator. Each is a
 * <form> that sends what it holds and, when the server refuses, says why beside the field it names.
 */

/** The aggregate that measures each kind of target (the server refuses any other). */
const AGGREGATE = {count: 'count', length: 'sum_length', area: 'sum_area', percentage: 'disposal_rate'};

const UNITS = {count: ['条', '座', '个', '项', '处'], length: ['km', 'm'], area: ['亩', 'ha', 'm²'], percentage: ['%']};

function field(label, input) {
	return el('label', {class: 'hetu-plan-form__field'}, el('span', {}, label), input);
}

function select(name, options, value) {
	return el('select', {class: 'hetu-input', name}, options.map(([code, label]) => el('option', {value: code, selected: code === value}, label)));
}

/**
 * A form whose submit calls `save(values)`; a refusal shows the server's problem and marks the field it
 * names (the reason of a refused measurement, in the server's words, under it).
 */
function form({i18n, role, fields, submitKey, save, onCancel}) {
	const problem = el('p', {class: 'hetu-page__status--error', role: 'alert', hidden: true, 'data-role': 'problem'});
	const node = el('form', {class: 'hetu-plan-form', 'data-role': role, onsubmit: async (e) => {
		e.preventDefault();
		problem.hidden = true;
		node.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
		try {
			await save(new FormData(node));
		} catch (error) {
			const input = error.parameter ? node.elements.namedItem(error.parameter.replace(/\[.*$/, '')) : null;
			input?.setAttribute?.('aria-invalid', 'true');
			const label = input?.closest?.('label')?.firstChild?.textContent;
			problem.replaceChildren(problemText(error, i18n), label ? ` · ${label}` : '',
				error.detail ? el('small', {class: 'hetu-plan-form__detail', lang: 'en'}, error.detail) : '');
			problem.hidden = false;
		}
	}}, fields, el('div', {class: 'hetu-plan-form__actions'},
		el('button', {type: 'submit', class: 'hetu-button'}, i18n.t(submitKey)),
		onCancel ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: onCancel}, i18n.t('common.cancel')) : null),
	problem);
	return node;
}

const text = (data, name) => {
	const value = String(data.get(name) ?? '').trim();
	return value || null;
};

/** A department's new plan for the year shown. */
export function planForm({i18n, year, departments, departmentName, department, save}) {
	const t = (key, params) => i18n.t(key, params);
	return form({i18n, role: 'new-plan', submitKey: 'plans.create', save: (data) => save({
		department: data.get('department'), year: Number(data.get('year')), title: text(data, 'title')}),
	fields: [
		field(t('plans.department'), select('department', departments.map((d) => [d.code, departmentName(d.code)]), department)),
		field(t('plans.year'), el('input', {class: 'hetu-input', type: 'number', name: 'year', value: year, min: '2000', max: '2100', required: true})),
		field(t('plans.form.title'), el('input', {class: 'hetu-input', name: 'title', required: true, maxlength: '200',
			value: t('plans.form.defaultTitle', {year})}))
	]});
}

/** A task's number-less fields; a task given is edited (with its version), none is added. */
export function taskForm({i18n, task, departments, departmentName, responsible, save, onCancel}) {
	const t = (key) => i18n.t(key);
	return form({i18n, role: 'task', submitKey: 'plans.save', onCancel, save: (data) => save({
		section: text(data, 'section'), title: text(data, 'title'), body: text(data, 'body'),
		responsible: data.get('responsible'), version: task?.version}),
	fields: [
		field(t('plans.form.section'), el('input', {class: 'hetu-input', name: 'section', maxlength: '200', value: task?.section || ''})),
		field(t('plans.form.taskTitle'), el('input', {class: 'hetu-input', name: 'title', required: true, maxlength: '200', value: task?.title || ''})),
		field(t('plans.form.body'), el('textarea', {class: 'hetu-input', name: 'body', rows: '3', maxlength: '4000'}, task?.body || '')),
		field(t('plans.form.responsible'), select('responsible', departments.map((d) => [d.code, departmentName(d.code)]), task?.responsible || responsible))
	]});
}

/**
 * The key projects (chosen among the department's) and assets (collection and number) a task is linked to.
 * `projects` is the list offered: [{id, code, name}].
 */
export function linksForm({i18n, task, projects, layers, collectionTitle, save, onCancel}) {
	const t = (key) => i18n.t(key);
	const chosen = new Set(task.projects.map((p) => p.id));
	const offered = [...task.projects, ...projects.filter((p) => !chosen.has(p.id))];
	const assets = el('ul', {class: 'hetu-plan-form__assets', 'data-role': 'assets'});
	const addAsset = (asset) => assets.append(el('li', {'data-collection': asset.collection, 'data-id': String(asset.id)},
		`${collectionTitle(asset.collection)} ${asset.name || asset.code || asset.id} `,
		el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'aria-label': t('plans.form.unlink'),
			onclick: (e) => e.target.closest('li').remove()}, '×')));
	task.assets.forEach(addAsset);
	const collection = select('collection', layers.map((l) => [l.id, collectionTitle(l.id)]), layers[0]?.id);
	const assetId = el('input', {class: 'hetu-input', type: 'number', name: 'assetId', min: '1', placeholder: t('plans.form.assetId')});
	return form({i18n, role: 'links', submitKey: 'plans.save', onCancel, save: (data) => save({
		projects: data.getAll('projects').map(Number),
		assets: [...assets.children].map((li) => ({collection: li.dataset.collection, id: Number(li.dataset.id)}))}),
	fields: [
		field(t('plans.projects'), el('select', {class: 'hetu-input', name: 'projects', multiple: true, size: '5'},
			offered.map((p) => el('option', {value: String(p.id), selected: chosen.has(p.id)}, `${p.code} ${p.name}`)))),
		el('div', {class: 'hetu-plan-form__field'}, el('span', {}, t('plans.assets')), assets,
			el('div', {class: 'hetu-plan-form__row'}, collection, assetId, el('button', {type: 'button', class: 'hetu-button hetu-button--secondary',
				onclick: () => {
					if (assetId.value) {
						addAsset({collection: collection.value, id: Number(assetId.value)});
						assetId.value = '';
					}
				}}, t('plans.form.addAsset'))))
	]});
}

/** An indicator; the aggregate follows from the kind. */
export function indicatorForm({i18n, indicator, year, layers, collectionTitle, save, onCancel}) {
	const t = (key) => i18n.t(key);
	const i = indicator || {kind: 'count', unit: '条', comparison: 'at_least', measurement: 'reported',
		periodStart: `${year}-01-01`, deadline: `${year}-12-31`, target: ''};
	const units = el('datalist', {id: `hetu-plan-units-${i.id || 'new'}`}, Object.values(UNITS).flat().map((u) => el('option', {value: u})));
	return form({i18n, role: 'indicator', submitKey: 'plans.save', onCancel, save: (data) => {
		const kind = data.get('kind');
		const registry = data.get('measurement') === 'registry';
		return save({
			nameZh: text(data, 'nameZh'), nameEn: text(data, 'nameEn'), kind, unit: text(data, 'unit'),
			comparison: data.get('comparison'), target: data.get('target') === '' ? null : Number(data.get('target')),
			periodStart: data.get('periodStart') || null, deadline: data.get('deadline') || null, measurement: data.get('measurement'),
			collection: registry ? data.get('collection') : null, filter: registry ? text(data, 'filter') : null,
			aggregate: registry ? AGGREGATE[kind] : null, onDashboard: data.get('onDashboard') === 'on', version: indicator?.version
		});
	}, fields: [
		field(t('plans.form.nameZh'), el('input', {class: 'hetu-input', name: 'nameZh', required: true, value: i.nameZh || ''})),
		field(t('plans.form.nameEn'), el('input', {class: 'hetu-input', name: 'nameEn', value: i.nameEn || ''})),
		field(t('plans.form.kind'), select('kind', Object.keys(AGGREGATE).map((k) => [k, t(`plans.kind.${k}`)]), i.kind)),
		field(t('plans.form.unit'), el('input', {class: 'hetu-input', name: 'unit', required: true, maxlength: '8', value: i.unit, list: units.id})),
		units,
		field(t('plans.form.comparison'), select('comparison', ['at_least', 'no_more_than'].map((c) => [c, t(`plans.comparison.${c}`)]), i.comparison)),
		field(t('plans.col.target'), el('input', {class: 'hetu-input', type: 'number', name: 'target', min: '0', step: 'any', required: true, value: String(i.target)})),
		field(t('plans.form.periodStart'), el('input', {class: 'hetu-input', type: 'date', name: 'periodStart', required: true, value: i.periodStart})),
		field(t('plans.col.deadline'), el('input', {class: 'hetu-input', type: 'date', name: 'deadline', required: true, value: i.deadline})),
		field(t('plans.col.measured'), select('measurement', [['reported', t('plans.reported')], ['registry', t('plans.form.registry')]], i.measurement)),
		field(t('plans.form.collection'), select('collection', layers.map((l) => [l.id, collectionTitle(l.id)]), i.collection || layers[0]?.id)),
		field(t('plans.form.filter'), el('input', {class: 'hetu-input', name: 'filter', value: i.filter || '', placeholder: 'treated = true'})),
		el('label', {class: 'hetu-plan-form__check'}, el('input', {type: 'checkbox', name: 'onDashboard', checked: Boolean(i.onDashboard)}), t('plans.form.onDashboard'))
	]});
}
