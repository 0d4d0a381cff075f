import '../styles/invest.css';
import {circleMarker, featureGroup} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {RiverMap} from '../river/RiverMap.js';
import {STAGES, byStage} from './pipeline.js';

/** A land demand's area range in m², either bound open: "3000–8000 m²", "≥ 3000 m²", "≤ 8000 m²"; null for none. */
function areaRange(min, max) {
	if (min && max) {
		return `${Math.round(min)}–${Math.round(max)} m²`;
	}
	return min ? `≥ ${Math.round(min)} m²` : max ? `≤ ${Math.round(max)} m²` : null;
}

/**
 * The commerce bureau's pipeline (#/investments): the projects by stage, one project's steps, its next step
 * (a skipped stage or a step back asks why), making it a key project, and the parcels that fit its land
 * demand on a map, one of which it picks.
 */
export class InvestmentsPage {
	constructor(options) {
		const {container, api, i18n, county, toast, onParams} = options;
		Object.assign(this, {container, api, i18n, county, toast, onParams});
		this.board = el('div', {class: 'hetu-invest__board', 'data-role': 'pipeline'});
		this.detail = el('div', {class: 'hetu-invest__detail', 'data-role': 'investment'});
		this.mapBox = el('div', {class: 'hetu-invest__map'});
		this.root = el('div', {class: 'hetu-invest'}, this.board, el('div', {class: 'hetu-invest__side'}, this.detail, this.mapBox));
		container.append(this.root);
		this.map = new RiverMap({container: this.mapBox, api, i18n, county, label: i18n.t('invest.map')});
		this.markers = featureGroup().addTo(this.map.map);
		this._unsubscribe = i18n.onChange(() => this._redraw());
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
		this.map.destroy();
	}

	async show(params = {}) {
		this._abort?.abort();
		this._abort = new AbortController();
		this.selected = params.id ? Number(params.id) : null;
		await this._load();
	}

	async _load() {
		const signal = this._abort.signal;
		try {
			this.page = await this.api.get('/api/v1/investments', {signal});
			this._drawBoard();
			if (this.selected) {
				await this._open(this.selected);
			} else {
				replaceChildren(this.detail, el('p', {class: 'hetu-hint'}, this.i18n.t('invest.pick')));
			}
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.board, el('p', {class: 'hetu-invest__problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_redraw() {
		if (this.page) {
			this._drawBoard();
		}
		if (this.current) {
			this._drawDetail();
		}
	}

	_drawBoard() {
		const t = (key, params) => this.i18n.t(key, params);
		const columns = [];
		for (const [stage, items] of byStage(this.page.items)) {
			const total = items.reduce((sum, i) => sum + Number(i.amountWan || 0), 0);
			columns.push(el('section', {class: 'hetu-invest__stage', 'data-stage': stage},
				el('h3', {}, t(`invest.stage.${stage}`), ' ', el('span', {class: 'hetu-hint'}, t('invest.count', {n: items.length, amount: total.toLocaleString()}))),
				items.map((i) => el('button', {
					type: 'button', class: 'hetu-invest__card', 'data-id': i.id, 'aria-pressed': String(i.id === this.selected),
					onclick: () => this.onParams({id: String(i.id)})
				}, el('strong', {}, i.name), el('span', {}, i.investor), el('span', {}, t('invest.amount', {amount: Number(i.amountWan || 0).toLocaleString()})),
				i.stalled ? el('span', {class: 'hetu-invest__stalled'}, t('invest.stalled', {days: i.daysInStage})) : null))));
		}
		replaceChildren(this.board, el('p', {class: 'hetu-hint'}, t('invest.stalledRule', {days: this.page.stalledDays})), columns);
	}

	async _open(id) {
		const signal = this._abort.signal;
		const [detail, matches] = await Promise.all([
			this.api.get(`/api/v1/investments/${id}`, {signal}),
			this.api.get(`/api/v1/investments/${id}/land-matches`, {signal})
		]);
		this.current = detail;
		this.matches = matches;
		this._drawDetail();
		this._drawMatches();
	}

	_drawDetail() {
		const t = (key, params) => this.i18n.t(key, params);
		const s = this.current.summary;
		const index = STAGES.indexOf(s.stage);
		const next = STAGES[index + 1];
		const target = el('select', {'data-role': 'step-to', 'aria-label': t('invest.stepTo')},
			STAGES.filter((x) => x !== s.stage).map((x) => el('option', {value: x, selected: x === next}, t(`invest.stage.${x}`))));
		const reason = el('input', {type: 'text', 'data-role': 'step-reason', placeholder: t('invest.reason'), 'aria-label': t('invest.reason')});
		const stepButton = el('button', {type: 'button', 'data-action': 'step', onclick: () => this._step(target.value, reason.value)}, t('invest.step'));
		const keyButton = index >= STAGES.indexOf('signed') && !s.keyProjectId
			? el('button', {type: 'button', 'data-action': 'key-project', onclick: () => this._keyProject()}, t('invest.makeKey'))
			: null;
		replaceChildren(this.detail,
			el('h2', {}, s.name),
			el('dl', {class: 'hetu-invest__fields'},
				el('dt', {}, t('invest.stageLabel')), el('dd', {'data-role': 'stage'}, t(`invest.stage.${s.stage}`)),
				el('dt', {}, t('invest.investor')), el('dd', {}, s.investor),
				el('dt', {}, t('invest.amountLabel')), el('dd', {}, t('invest.amount', {amount: Number(s.amountWan || 0).toLocaleString()})),
				el('dt', {}, t('invest.source')), el('dd', {}, s.source ? t(`invest.sourceName.${s.source}`) : '—'),
				el('dt', {}, t('invest.demand')), el('dd', {}, [s.landUse, areaRange(s.landAreaMinM2, s.landAreaMaxM2), s.preferredTown].filter(Boolean).join(' · ') || '—'),
				el('dt', {}, t('invest.person')), el('dd', {}, s.personInCharge || '—'),
				el('dt', {}, t('invest.parcel')), el('dd', {'data-role': 'parcel'}, s.parcelNo || '—'),
				el('dt', {}, t('invest.keyProject')), el('dd', {}, s.keyProjectId ? el('a', {href: `#/projects/${s.keyProjectId}`}, `#${s.keyProjectId}`) : '—')),
			s.stage === 'producing' ? null : el('div', {class: 'hetu-invest__actions'}, target, reason, stepButton),
			keyButton,
			el('h3', {}, t('invest.steps')),
			el('ol', {class: 'hetu-invest__steps', 'data-role': 'steps'}, this.current.steps.map((step) => el('li', {},
				`${new Date(step.changedAt).toLocaleDateString()} ${t(`invest.stage.${step.toStage}`)} · ${step.changedBy}`,
				step.reason ? ` · ${step.reason}` : ''))),
			el('h3', {}, t('invest.matches')),
			el('p', {class: 'hetu-hint'}, t('invest.scoring')),
			el('ol', {class: 'hetu-invest__matches', 'data-role': 'matches'}, this.matches.items.map((m) => el('li', {'data-parcel': m.parcelId},
				`${m.parcelNo} ${m.name} · ${Math.round(m.areaM2).toLocaleString()} m² · ${m.town} · ${t('invest.score', {score: m.score})} `,
				m.parcelId === s.parcelId ? el('strong', {}, t('invest.chosen'))
					: m.conflicts.length ? el('span', {class: 'hetu-invest__stalled', 'data-role': 'conflicts'}, t('invest.conflicts', {layers: m.conflicts.join('、')}))
						: el('button', {type: 'button', 'data-action': 'choose', onclick: () => this._choose(m.parcelId)}, t('invest.choose'))))));
	}

	_drawMatches() {
		this.markers.clearLayers();
		for (const m of this.matches.items) {
			const color = m.parcelId === this.current.summary.parcelId ? '#2F9E44' : m.conflicts.length ? '#C92A2A' : '#1971C2';
			circleMarker([m.lat, m.lon], {radius: 7, color})
				.bindTooltip(`${m.parcelNo} · ${m.score}`)
				.addTo(this.markers);
		}
		if (this.matches.items.length) {
			this.map.fit(this.markers.getBounds());
		}
	}

	async _step(to, reason) {
		const s = this.current.summary;
		await this._write(() => this.api.send('POST', `/api/v1/investments/${s.id}/steps`, {to, reason: reason || null, version: s.version}));
	}

	async _keyProject() {
		const s = this.current.summary;
		await this._write(() => this.api.send('POST', `/api/v1/investments/${s.id}/key-project`, {version: s.version}));
	}

	async _choose(parcelId) {
		const s = this.current.summary;
		await this._write(() => this.api.send('PUT', `/api/v1/investments/${s.id}/parcel`, {parcelId, version: s.version}));
	}

	async _write(request) {
		try {
			await request();
			this.toast?.show(this.i18n.t('invest.saved'), {kind: 'ok'});
			await this._load();
		} catch (error) {
			this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
		}
	}
}
