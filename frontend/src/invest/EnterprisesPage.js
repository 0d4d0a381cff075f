import '../styles/invest.css';
import {circleMarker, featureGroup} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {RiverMap} from '../river/RiverMap.js';

const FLAGS = ['specialized', 'highTech', 'foreignTrade'];

/** The next states of a visit's problems, as the server allows them (issue_transition_allowed). */
const NEXT = {reported: ['assigned', 'closed'], assigned: ['rectifying'], rectifying: ['rectified'], rectified: ['closed', 'rectifying']};

/**
 * The enterprises (#/enterprises): filtered by chain, scale (规上/规下), flags (专精特新, 高新技术, 外贸) and the
 * 停减产 watch list, on a map and in a list; one enterprise's details with its service officer and chain leader,
 * its contacts (the server shows them only to the commerce bureau's staff and administrators) and its visits,
 * whose problems are followed up as other issues are.
 */
export class EnterprisesPage {
	constructor(options) {
		const {container, api, i18n, county, toast, onParams} = options;
		Object.assign(this, {container, api, i18n, county, toast, onParams});
		this.filters = el('form', {class: 'hetu-invest__filters', 'data-role': 'filters', onsubmit: (e) => e.preventDefault()});
		this.list = el('div', {class: 'hetu-invest__list', 'data-role': 'enterprises'});
		this.detail = el('div', {class: 'hetu-invest__detail', 'data-role': 'enterprise'});
		this.mapBox = el('div', {class: 'hetu-invest__map'});
		this.root = el('div', {class: 'hetu-invest'}, el('div', {}, this.filters, this.list),
			el('div', {class: 'hetu-invest__side'}, this.mapBox, this.detail));
		container.append(this.root);
		this.map = new RiverMap({container: this.mapBox, api, i18n, county, label: i18n.t('enterprises.map')});
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
		this.params = params;
		const signal = this._abort.signal;
		try {
			this.chains ??= await this.api.get('/api/v1/enterprises/chains', {signal});
			const query = new URLSearchParams();
			for (const name of ['chain', 'scale', 'watch', ...FLAGS]) {
				if (params[name]) {
					query.set(name, params[name]);
				}
			}
			this.page = await this.api.get(`/api/v1/enterprises?${query}`, {signal});
			this.current = params.id ? await this._loadDetail(Number(params.id), signal) : null;
			this._redraw();
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.list, el('p', {class: 'hetu-invest__problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	/** The enterprise, and its contacts and visits or the server's refusal to show them (403 for other departments). */
	async _loadDetail(id, signal) {
		const personal = (path) => this.api.get(path, {signal}).catch((error) => {
			if (error.status === 403) {
				return null;
			}
			throw error;
		});
		const [summary, contacts, visits] = await Promise.all([
			this.api.get(`/api/v1/enterprises/${id}`, {signal}),
			personal(`/api/v1/enterprises/${id}/contacts`),
			personal(`/api/v1/enterprises/${id}/visits`)
		]);
		return {summary, contacts, visits};
	}

	_redraw() {
		if (!this.page) {
			return;
		}
		this._drawFilters();
		this._drawList();
		this._drawMap();
		this._drawDetail();
	}

	_set(name, value) {
		this.onParams({...this.params, [name]: value || undefined, id: undefined});
	}

	_drawFilters() {
		const t = (key, params) => this.i18n.t(key, params);
		const p = this.params;
		replaceChildren(this.filters,
			el('select', {'data-filter': 'chain', 'aria-label': t('enterprises.chain'), onchange: (e) => this._set('chain', e.target.value)},
				el('option', {value: ''}, t('enterprises.allChains')),
				this.chains.map((c) => el('option', {value: c.code, selected: c.code === p.chain},
					`${this.i18n.locale === 'en' ? c.nameEn : c.nameZh} (${c.enterprises})`))),
			el('select', {'data-filter': 'scale', 'aria-label': t('enterprises.scale'), onchange: (e) => this._set('scale', e.target.value)},
				['', 'above', 'below'].map((s) => el('option', {value: s, selected: s === (p.scale || '')}, t(`enterprises.scale.${s || 'all'}`)))),
			[...FLAGS, 'watch'].map((flag) => el('label', {},
				el('input', {type: 'checkbox', 'data-filter': flag, checked: p[flag] === 'true', onchange: (e) => this._set(flag, e.target.checked ? 'true' : '')}),
				' ', t(`enterprises.flag.${flag}`))));
	}

	_drawList() {
		const t = (key, params) => this.i18n.t(key, params);
		replaceChildren(this.list,
			el('p', {class: 'hetu-hint', 'data-role': 'count'}, t('enterprises.count', {n: this.page.total})),
			el('ul', {class: 'hetu-invest__rows'}, this.page.items.map((e) => el('li', {},
				el('button', {type: 'button', class: 'hetu-invest__card', 'data-id': e.id, 'aria-pressed': String(e.id === this.current?.summary.id),
					onclick: () => this.onParams({...this.params, id: String(e.id)})},
				el('strong', {}, e.name),
				el('span', {}, [e.chainName, t(`enterprises.scale.${e.scale}`), ...FLAGS.filter((f) => e[f]).map((f) => t(`enterprises.flag.${f}`))].filter(Boolean).join(' · ')),
				e.watched ? el('span', {class: 'hetu-invest__stalled'}, t(`enterprises.production.${e.production}`)) : null,
				e.openProblems ? el('span', {class: 'hetu-invest__stalled'}, t('enterprises.openProblems', {n: e.openProblems})) : null)))));
	}

	_drawMap() {
		this.markers.clearLayers();
		for (const e of this.page.items) {
			const chosen = e.id === this.current?.summary.id;
			circleMarker([e.lat, e.lon], {radius: chosen ? 9 : 6, color: e.watched ? '#C92A2A' : chosen ? '#2F9E44' : '#1971C2'})
				.bindTooltip(e.name)
				.on('click', () => this.onParams({...this.params, id: String(e.id)}))
				.addTo(this.markers);
		}
		if (this.page.items.length && !this._fitted) {
			this._fitted = true;
			this.map.fit(this.markers.getBounds());
		}
	}

	_drawDetail() {
		const t = (key, params) => this.i18n.t(key, params);
		if (!this.current) {
			replaceChildren(this.detail, el('p', {class: 'hetu-hint'}, t('enterprises.pick')));
			return;
		}
		const {summary: e, contacts, visits} = this.current;
		const field = (label, value) => [el('dt', {}, t(label)), el('dd', {}, value ?? '—')];
		replaceChildren(this.detail,
			el('h2', {}, e.name),
			el('dl', {class: 'hetu-invest__fields'},
				field('enterprises.creditCode', e.creditCode),
				field('enterprises.chain', e.chainName),
				field('enterprises.chainLeader', e.chainLeader),
				field('enterprises.scaleLabel', t(`enterprises.scale.${e.scale}`)),
				field('enterprises.flags', FLAGS.filter((f) => e[f]).map((f) => t(`enterprises.flag.${f}`)).join('、') || null),
				field('enterprises.productionLabel', t(`enterprises.production.${e.production}`)),
				field('enterprises.officer', e.serviceOfficer),
				field('enterprises.employees', e.employees)),
			el('h3', {}, t('enterprises.contacts')),
			contacts === null
				? el('p', {class: 'hetu-hint', 'data-role': 'contacts-hidden'}, t('enterprises.personalHidden'))
				: el('ul', {'data-role': 'contacts'}, contacts.map((c) => el('li', {}, [c.name, c.position, c.phone].filter(Boolean).join(' · ')))),
			el('h3', {}, t('enterprises.visits')),
			visits === null ? null : this._visits(e, visits));
	}

	_visits(enterprise, visits) {
		const t = (key, params) => this.i18n.t(key, params);
		const date = el('input', {type: 'date', 'data-role': 'visit-date', 'aria-label': t('enterprises.visitedOn')});
		const officer = el('input', {type: 'text', 'data-role': 'visit-officer', placeholder: t('enterprises.officer'), value: enterprise.serviceOfficer || ''});
		const problems = el('input', {type: 'text', 'data-role': 'visit-problems', placeholder: t('enterprises.problems')});
		return el('div', {},
			el('ol', {class: 'hetu-invest__steps', 'data-role': 'visits'}, visits.map((v) => el('li', {'data-status': v.status},
				`${v.visitedOn} · ${v.officer} · `, v.problems || t('enterprises.noProblems'), ` · ${t(`enterprises.status.${v.status}`)}`,
				v.followUp ? el('div', {class: 'hetu-hint'}, v.followUp) : null,
				NEXT[v.status] ? this._followUp(enterprise, v) : null))),
			el('div', {class: 'hetu-invest__actions'}, date, officer, problems,
				el('button', {type: 'button', 'data-action': 'add-visit', onclick: () => this._write(() => this.api.send('POST',
					`/api/v1/enterprises/${enterprise.id}/visits`, {visitedOn: date.value || null, officer: officer.value, problems: problems.value || null}))},
				t('enterprises.addVisit'))));
	}

	_followUp(enterprise, visit) {
		const t = (key, params) => this.i18n.t(key, params);
		const to = el('select', {'aria-label': t('enterprises.followUpTo')}, NEXT[visit.status].map((s) => el('option', {value: s}, t(`enterprises.status.${s}`))));
		const text = el('input', {type: 'text', placeholder: t('enterprises.followUp'), 'aria-label': t('enterprises.followUp')});
		return el('div', {class: 'hetu-invest__actions'}, to, text, el('button', {type: 'button', 'data-action': 'follow-up',
			onclick: () => this._write(() => this.api.send('PATCH', `/api/v1/enterprises/${enterprise.id}/visits/${visit.id}`,
				{to: to.value, followUp: text.value, version: visit.version}))}, t('enterprises.save')));
	}

	async _write(request) {
		try {
			await request();
			this.toast?.show(this.i18n.t('invest.saved'), {kind: 'ok'});
			await this.show(this.params);
		} catch (error) {
			this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
		}
	}
}
