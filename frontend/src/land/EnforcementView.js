import {MiniMap} from '../map/MiniMap.js';
import {el, replaceChildren} from '../util/dom.js';
import {periodKind} from './periods.js';

const number = (value, digits = 2) => Number(value || 0).toLocaleString('zh-CN', {minimumFractionDigits: digits, maximumFractionDigits: digits});

/** The next move of an illegal patch's rectification (the river issues' workflow). */
const NEXT = {reported: 'assigned', assigned: 'rectifying', rectifying: 'rectified', rectified: 'closed'};

/**
 * Satellite enforcement patches: the batches, a batch's patches (flagged when in farmland, overdue in red), a
 * patch with its map, judgement and rectification steps, and the cadence's printable report of a period.
 */
export class EnforcementView {
	constructor({container, i18n, constraints, api, county, session, toast, onParams}) {
		this.i18n = i18n;
		this.api = constraints;
		this.mapApi = api;
		this.county = county;
		this.toast = toast;
		this.onParams = onParams;
		this.canEdit = Boolean(session?.isAdmin || session?.editableCollections?.includes('enforcement_patch'));
		this.element = el('section', {class: 'hetu-land-enforcement'});
		container.append(this.element);
	}

	/** params: batch, patch (an id), period (a report). */
	async show({batch, patch, period} = {}) {
		const t = (key, params) => this.i18n.t(key, params);
		replaceChildren(this.element, el('p', {class: 'hetu-hint'}, t('constraints.loading')));
		try {
			if (period) {
				this._report(period, await this.api.figures(period));
			} else if (patch) {
				this._patch(await this.api.patch(patch));
			} else {
				const batches = await this.api.batches();
				const chosen = batch || batches[0]?.batch;
				this._batch(batches, chosen, chosen ? await this.api.patches(chosen) : []);
			}
		} catch (error) {
			replaceChildren(this.element, el('p', {class: 'hetu-hint'}, t('constraints.failed', {message: error?.detail || error?.message || ''})));
		}
	}

	_toolbar(batches, chosen) {
		const t = (key) => this.i18n.t(key);
		const select = el('select', {'aria-label': t('enf.batch'), 'data-field': 'batch'},
			...batches.map((b) => el('option', {value: b.batch, selected: b.batch === chosen}, `${b.batch}（${b.closed}/${b.patches}）`)));
		select.addEventListener('change', () => this.onParams({batch: select.value}));
		const period = el('input', {type: 'text', value: chosen || '', placeholder: '2026-09 / 2026-Q3 / 2026-H2 / 2026', 'aria-label': t('enf.period'), size: '12'});
		return el('div', {class: 'hetu-land-toolbar'}, el('label', {}, t('enf.batch'), ' ', select),
			el('form', {class: 'hetu-land-toolbar', onsubmit: (e) => (e.preventDefault(), this.onParams({period: period.value.trim()}))},
				el('label', {}, t('enf.period'), ' ', period), el('button', {type: 'submit', class: 'hetu-button hetu-button--secondary', 'data-action': 'report'}, t('enf.report'))));
	}

	_batch(batches, chosen, patches) {
		const t = (key, params) => this.i18n.t(key, params);
		const columns = ['patch_no', 'change_type', 'town', 'area_m2', 'farmland_m2', 'judgement', 'rectification', 'assigned_town', 'deadline'];
		const rows = patches.map((p) => el('tr', {'data-patch': p.patch_no, class: p.overdue ? 'hetu-land-low' : ''},
			el('td', {}, el('button', {type: 'button', class: 'hetu-link', onclick: () => this.onParams({patch: String(p.id)})}, p.patch_no)),
			el('td', {}, p.change_type), el('td', {}, p.town || '—'), el('td', {class: 'hetu-land-num'}, number(p.area_m2)),
			el('td', {class: `hetu-land-num${p.in_farmland ? ' hetu-land-flag' : ''}`}, p.in_farmland ? `⚑ ${number(p.farmland_m2)}` : '0'),
			el('td', {}, p.judgement ? t(`enf.judgement.${p.judgement}`) : '—'), el('td', {}, t(`enf.status.${p.rectification}`)),
			el('td', {}, p.assigned_town || '—'), el('td', {}, p.deadline ? `${p.deadline}${p.overdue ? ` ${t('enf.overdue')}` : ''}` : '—')));
		replaceChildren(this.element, this._toolbar(batches, chosen),
			patches.length ? el('div', {class: 'hetu-table-wrap'}, el('table', {class: 'hetu-table hetu-land-patches'},
				el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', {scope: 'col'}, t(`enf.col.${c}`))))), el('tbody', {}, ...rows)))
				: el('p', {class: 'hetu-hint'}, t('enf.empty')));
	}

	_patch(patch) {
		const t = (key, params) => this.i18n.t(key, params);
		const facts = [['patch_no', patch.patch_no], ['batch', patch.batch], ['detected_on', patch.detected_on], ['change_type', patch.change_type],
			['town', patch.town], ['area_m2', `${number(patch.area_m2)} m²`],
			['farmland_m2', patch.in_farmland ? `⚑ ${number(patch.farmland_m2)} m²（${number(patch.farmland_m2 / 666.67)} 亩）` : '0'],
			['judgement', patch.judgement ? `${t(`enf.judgement.${patch.judgement}`)}：${patch.justification}` : '—'],
			['rectification', t(`enf.status.${patch.rectification}`)], ['assigned_town', patch.assigned_town],
			['deadline', patch.deadline ? `${patch.deadline}${patch.overdue ? ` ${t('enf.overdue')}` : ''}` : null],
			['image_before', patch.image_before], ['image_after', patch.image_after]];
		const events = (patch.events || []).map((e) => el('li', {}, `${e.at?.slice(0, 16).replace('T', ' ')} ${e.by_user}：`,
			e.kind === 'judged' ? e.note : `${t(`enf.status.${e.from_status}`)} → ${t(`enf.status.${e.to_status}`)}${e.note ? `（${e.note}）` : ''}`));
		const slot = el('div', {class: 'hetu-land-patch__map'});
		replaceChildren(this.element,
			el('div', {class: 'hetu-land-toolbar'}, el('button', {type: 'button', class: 'hetu-link', onclick: () => this.onParams({batch: patch.batch})}, `← ${t('enf.backToBatch', {batch: patch.batch})}`)),
			el('div', {class: 'hetu-land-patch', 'data-patch': patch.patch_no},
				el('div', {}, el('dl', {class: 'hetu-land-facts'}, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, t(`enf.col.${k}`)), el('dd', {}, String(v))])),
					this.canEdit ? this._actions(patch) : null,
					el('h3', {}, t('enf.events')), events.length ? el('ol', {}, ...events) : el('p', {class: 'hetu-hint'}, '—')),
				slot));
		this._mini?.destroy();
		this._mini = new MiniMap({container: slot, county: this.county, api: this.mapApi, i18n: this.i18n});
		this._mini.show([{collection: 'enforcement_patch', feature: {type: 'Feature', properties: {}, geometry: patch.geometry}}], {label: patch.patch_no});
	}

	_actions(patch) {
		const t = (key) => this.i18n.t(key);
		const act = (call) => call().then(() => this.show({patch: String(patch.id)}))
			.catch((error) => this.toast?.show(t('constraints.failed').replace('{message}', error?.detail || error?.message || '')));
		if (!patch.judgement) {
			const judgement = el('select', {name: 'judgement'}, ...['illegal', 'legal', 'other'].map((j) => el('option', {value: j}, t(`enf.judgement.${j}`))));
			const justification = el('input', {type: 'text', name: 'justification', required: true, maxlength: '500', placeholder: t('enf.justificationHint')});
			return el('form', {class: 'hetu-land-form', 'data-action': 'judge', onsubmit: (e) => (e.preventDefault(),
				act(() => this.api.judge(patch.id, {judgement: judgement.value, justification: justification.value, version: patch.version})))},
			el('label', {}, t('enf.col.judgement'), judgement), el('label', {}, t('enf.justification'), justification),
			el('button', {type: 'submit', class: 'hetu-button'}, t('enf.judge')));
		}
		const next = patch.judgement === 'illegal' ? NEXT[patch.rectification] : null;
		if (!next) {
			return null;
		}
		const town = el('input', {type: 'text', name: 'town', value: patch.assigned_town || patch.town || '', required: next === 'assigned'});
		const deadline = el('input', {type: 'date', name: 'deadline', value: patch.deadline || '', required: next === 'assigned'});
		const note = el('input', {type: 'text', name: 'note', maxlength: '500'});
		return el('form', {class: 'hetu-land-form', 'data-action': 'transition', onsubmit: (e) => (e.preventDefault(),
			act(() => this.api.move(patch.id, {to: next, town: next === 'assigned' ? town.value : null,
				deadline: next === 'assigned' ? deadline.value : null, note: note.value || null, version: patch.version})))},
		next === 'assigned' ? el('label', {}, t('enf.col.assigned_town'), town) : null,
		next === 'assigned' ? el('label', {}, t('enf.col.deadline'), deadline) : null,
		el('label', {}, t('enf.note'), note),
		el('button', {type: 'submit', class: 'hetu-button'}, t(`enf.to.${next}`)));
	}

	_report(period, figures) {
		const t = (key, params) => this.i18n.t(key, params);
		const columns = ['town', 'changeType', 'patches', 'judged', 'illegal', 'closed', 'overdue', 'inFarmland', 'farmlandM2', 'clearedPct'];
		const sum = (key) => figures.rows.reduce((s, r) => s + r[key], 0);
		const cell = (r, c) => (c === 'clearedPct' ? `${number(r[c], 1)}%` : c === 'farmlandM2' ? number(r[c]) : String(r[c] ?? '—'));
		const total = {town: t('tasks.total'), changeType: '', ...Object.fromEntries(['patches', 'judged', 'illegal', 'closed', 'overdue', 'inFarmland', 'farmlandM2'].map((k) => [k, sum(k)]))};
		total.clearedPct = total.patches ? Math.round(1000 * total.closed / total.patches) / 10 : 0;
		replaceChildren(this.element,
			el('div', {class: 'hetu-land-toolbar'},
				el('button', {type: 'button', class: 'hetu-link', onclick: () => this.onParams({})}, `← ${t('enf.batches')}`),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'print', onclick: () => globalThis.print?.()}, t('tasks.print'))),
			el('article', {class: 'hetu-land-report', 'data-period': period},
				el('h2', {}, t(`enf.reportTitle.${periodKind(period)}`, {period})),
				el('p', {}, t('enf.reportRange', {from: figures.from, to: figures.to}),
					figures.complete ? '' : ` ${t('enf.underWay', {asOf: String(figures.asOf).slice(0, 16).replace('T', ' ')})}`),
				el('table', {class: 'hetu-table'}, el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', {scope: 'col'}, t(`enf.fig.${c}`))))),
					el('tbody', {}, ...[...figures.rows, total].map((r) => el('tr', {}, ...columns.map((c) => el('td', {class: c === 'town' || c === 'changeType' ? '' : 'hetu-land-num'}, cell(r, c)))))))));
	}

	destroy() {
		this._mini?.destroy();
		this.element.remove();
	}
}
