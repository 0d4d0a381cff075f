import '../styles/river.css';
import '../styles/field.css';
import {GeoJSON, LayerGroup, Polyline, latLngBounds} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {countyTimeZone} from '../county/County.js';
import {RiverApi, STATUSES} from '../river/RiverApi.js';
import {localName} from '../river/FieldTypes.js';
import {RiverMap} from '../river/RiverMap.js';
import {issueMarker} from '../river/issueMap.js';
import {formatDistance} from '../river/track.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {HeatLayer} from './HeatLayer.js';
import {FIELD_FILTERS, fieldFilters, monthInterval, shownIssues, shownPatrols, typeIds, typeOf, zoneOffsetMinutes} from './fieldWork.js';

const TRACK = {color: '#6A3D9A', weight: 3, opacity: 0.55};
const TRACK_SELECTED = {color: '#6A3D9A', weight: 6, opacity: 1};
const COVERED = {color: '#F0E442', weight: 9, opacity: 0.9, lineCap: 'round'};

/**
 * The office's map of field work (#/field): the issues and the patrols of every patrol type,
 * filtered by type, town, status, overdue and month; the issues also as a heat map; a patrol's
 * track with the segments (or grids) it covered; an issue opens on the issues page.
 */
export class FieldMapPage {
	constructor(options) {
		const {container, api, i18n, county, onParams, goTo} = options;
		Object.assign(this, {container, api, i18n, county, onParams, goTo});
		this.riverApi = new RiverApi({api});
		this.params = {};
		this.types = ['river'];
		this.towns = [];
		this.chiefs = new Map();
		this.filtersBox = el('form', {class: 'hetu-river-filters', 'data-role': 'field-filters', onsubmit: (e) => e.preventDefault()});
		this.summary = el('p', {class: 'hetu-field__summary', 'data-role': 'field-summary', 'aria-live': 'polite'});
		this.card = el('aside', {class: 'hetu-field__card', 'data-role': 'field-card', hidden: true});
		this.mapBox = el('div', {class: 'hetu-field__map'});
		this.root = el('div', {class: 'hetu-field'}, this.filtersBox, this.summary, el('div', {class: 'hetu-field__body'}, this.mapBox, this.card));
		container.append(this.root);
		this.map = new RiverMap({container: this.mapBox, api, i18n, county, className: 'hetu-field__leaflet', label: i18n.t('fieldmap.mapLabel')});
		this.heat = new HeatLayer([], {pane: 'hetu-river-segments'});
		this.tracks = new LayerGroup().addTo(this.map.map);
		this.covered = new LayerGroup().addTo(this.map.map);
		this.dots = new LayerGroup().addTo(this.map.map);
		this.showHeat = true;
		this._unsubscribe = i18n.onChange(() => {
			this._drawFilters();
			this._draw();
		});
		this._ready = this._loadLists();
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
		this.map.destroy();
	}

	async show(params = {}) {
		await this._ready;
		const before = this.params;
		this.params = {...params};
		this.filters = fieldFilters(params, this.types);
		this._drawFilters();
		const changed = FIELD_FILTERS.some((key) => (params[key] || '') !== (before[key] || '')) || !this.issues;
		if (changed) {
			await this._load();
		} else {
			this._draw();
		}
		await this._select(params.patrol);
	}

	/** The types (river alone while the server lists none) and the chiefs with their towns. */
	async _loadLists() {
		const [types, chiefs] = await Promise.all([
			this.api.get('/api/v1/patrol-types').catch(() => null),
			this.riverApi.chiefs().catch(() => [])
		]);
		this.typeList = Array.isArray(types) ? types : [];
		this.types = typeIds(this.typeList);
		this.chiefs = new Map((chiefs || []).map((chief) => [chief.id, chief]));
		this.towns = [...new Set((chiefs || []).map((chief) => chief.town).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
	}

	async _load() {
		this._abort?.abort();
		const controller = this._abort = new AbortController();
		const {town, status, overdue, month} = this.filters;
		this.summary.textContent = this.i18n.t('common.loading');
		try {
			const datetime = month ? monthInterval(month, zoneOffsetMinutes(countyTimeZone())) : undefined;
			const [issues, patrols] = await Promise.all([
				this.riverApi.issues({town, status, overdue, month}, {signal: controller.signal}),
				this.api.items('patrol', datetime ? {datetime} : {}, {signal: controller.signal})
			]);
			this.issues = issues || [];
			this.patrols = patrols?.features || [];
			this.problem = null;
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this.issues = [];
			this.patrols = [];
			this.problem = problemText(error, this.i18n);
		}
		this._draw({fit: true});
	}

	_draw({fit = false} = {}) {
		if (!this.issues) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const chiefTowns = new Map([...this.chiefs.values()].map((chief) => [chief.id, chief.town]));
		const issues = shownIssues(this.issues, this.filters);
		const patrols = shownPatrols(this.patrols, this.filters, chiefTowns);
		this.shown = {issues, patrols};
		this.tracks.clearLayers();
		this.dots.clearLayers();
		for (const patrol of patrols) {
			const line = new GeoJSON(patrol, {pane: 'hetu-river-track', style: TRACK, interactive: true});
			line.on('click', () => this.onParams({...this.params, patrol: String(patrol.id)}));
			this.tracks.addLayer(line);
		}
		for (const issue of issues) {
			const dot = issueMarker(issue);
			dot.bindTooltip(`${t(`river.category.${issue.category}`)} · ${t(`river.status.${issue.status}`)}`, {className: 'hetu-tooltip'});
			dot.on('click', () => this._showIssue(issue));
			dot.on('add', () => dot.getElement()?.setAttribute('data-issue', issue.id));
			this.dots.addLayer(dot);
		}
		this.heat.setLatLngs(issues.map((issue) => [issue.lat, issue.lon]));
		this._toggleHeat(this.showHeat);
		const counts = {issues: issues.length, patrols: patrols.length, overdue: issues.filter((issue) => issue.overdue).length};
		this.summary.dataset.issues = String(counts.issues);
		this.summary.dataset.patrols = String(counts.patrols);
		replaceChildren(this.summary,
			this.problem ? el('span', {class: 'hetu-river-problem', role: 'alert'}, this.problem) : t('fieldmap.summary', counts),
			el('label', {class: 'hetu-field__toggle'},
				el('input', {type: 'checkbox', checked: this.showHeat, 'data-role': 'heat-toggle', onchange: (e) => this._toggleHeat(e.target.checked)}),
				t('fieldmap.heat')));
		if (fit) {
			const points = [...issues.map((issue) => [issue.lat, issue.lon]), ...patrols.flatMap((patrol) => patrol.geometry.coordinates.map(([lon, lat]) => [lat, lon]))];
			if (points.length) {
				this.map.fit(latLngBounds(points));
			} else {
				this.map.fitCounty();
			}
		}
	}

	_toggleHeat(on) {
		this.showHeat = on;
		if (on) {
			this.heat.addTo(this.map.map);
		} else {
			this.heat.remove();
		}
	}

	/** A patrol picked on the map (or in the hash): its track stands out, with the segments or grids it covered. */
	async _select(id) {
		this.covered.clearLayers();
		this.tracks.eachLayer((line) => line.setStyle(TRACK));
		if (!id) {
			if (this.card.dataset.kind === 'patrol') {
				this.card.hidden = true;
			}
			return;
		}
		const feature = this.patrols?.find((patrol) => String(patrol.id) === String(id));
		this.tracks.eachLayer((line) => {
			if (line.getLayers().some((layer) => String(layer.feature?.id) === String(id))) {
				line.setStyle(TRACK_SELECTED);
				line.bringToFront();
			}
		});
		try {
			const patrol = await this.riverApi.patrol(id);
			const segments = await Promise.all((patrol.coverage || []).map((c) => this.api.item(c.collection, c.assetId).catch(() => null)));
			for (const segment of segments.filter(Boolean)) {
				this.covered.addLayer(new GeoJSON(segment, {pane: 'hetu-river-segments', style: COVERED, interactive: false}));
			}
			if (feature) {
				this.covered.addLayer(new Polyline(feature.geometry.coordinates.map(([lon, lat]) => [lat, lon]), {pane: 'hetu-river-track', ...TRACK_SELECTED, interactive: false}));
			}
			this._showPatrol(patrol, feature);
		} catch (error) {
			if (!isAbort(error)) {
				this._card('patrol', el('p', {class: 'hetu-river-problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_showPatrol(patrol, feature) {
		const t = (key, params) => this.i18n.t(key, params);
		const time = (value) => new Date(value).toLocaleString(this.i18n.locale, {dateStyle: 'medium', timeStyle: 'short', timeZone: countyTimeZone()});
		const type = typeOf(feature || patrol);
		this._card('patrol',
			el('h3', {}, t('fieldmap.patrol', {chief: patrol.chief || ''})),
			el('dl', {class: 'hetu-river-facts'},
				el('dt', {}, t('fieldmap.type')), el('dd', {'data-role': 'patrol-type'}, this._typeName(type)),
				el('dt', {}, t('fieldmap.when')), el('dd', {}, `${time(patrol.startedAt)} – ${time(patrol.endedAt)}`),
				el('dt', {}, t('fieldmap.distance')), el('dd', {'data-role': 'patrol-distance'}, formatDistance(patrol.distanceM))),
			el('h4', {}, t('fieldmap.covered', {count: (patrol.coverage || []).length})),
			el('ul', {class: 'hetu-field__covered', 'data-role': 'covered'}, (patrol.coverage || []).map((c) => el('li', {}, `${c.name || c.assetId} · ${formatDistance(c.coveredM)}`))));
		const bounds = this.covered.getLayers().length ? latLngBounds([]) : null;
		this.covered.eachLayer((layer) => bounds.extend(layer.getBounds()));
		if (bounds?.isValid()) {
			this.map.fit(bounds);
		}
	}

	_showIssue(issue) {
		const t = (key, params) => this.i18n.t(key, params);
		this._card('issue',
			el('h3', {}, t(`river.category.${issue.category}`)),
			el('p', {}, issue.description),
			el('dl', {class: 'hetu-river-facts'},
				el('dt', {}, t('river.issues.segment')), el('dd', {}, [issue.segmentName, issue.town].filter(Boolean).join(' · ')),
				el('dt', {}, t('fieldmap.status')), el('dd', {}, t(`river.status.${issue.status}`) + (issue.overdue ? ` · ${t('river.issues.overdue')}` : ''))),
			el('button', {type: 'button', class: 'hetu-button', 'data-action': 'open-issue', onclick: () => this.goTo(`#/issues?issue=${encodeURIComponent(issue.id)}`)}, t('fieldmap.openIssue')));
	}

	_card(kind, ...children) {
		this.card.dataset.kind = kind;
		this.card.hidden = false;
		replaceChildren(this.card,
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-field__close', 'data-action': 'close-card', onclick: () => {
				this.card.hidden = true;
				if (kind === 'patrol') {
					this.onParams({...this.params, patrol: undefined});
				}
			}}, this.i18n.t('fieldmap.close')),
			...children);
	}

	_typeName(id) {
		const type = this.typeList?.find((candidate) => candidate.id === id);
		if (type) {
			return localName(type.name, this.i18n) || id;
		}
		return this.i18n.has(`fieldmap.type.${id}`) ? this.i18n.t(`fieldmap.type.${id}`) : id;
	}

	_drawFilters() {
		const t = (key, params) => this.i18n.t(key, params);
		const f = this.filters || {};
		const change = (name) => (e) => this.onParams({...this.params, [name]: e.target.type === 'checkbox' ? (e.target.checked ? 'true' : undefined) : (e.target.value || undefined), patrol: undefined});
		const select = (name, label, values, labelOf) => el('label', {class: 'hetu-river-field'},
			el('span', {class: 'hetu-river-field__label'}, label),
			el('select', {class: 'hetu-input', name, onchange: change(name)},
				el('option', {value: ''}, t('fieldmap.all')),
				values.map((value) => el('option', {value, selected: f[name] === value}, labelOf(value)))));
		replaceChildren(this.filtersBox,
			select('type', t('fieldmap.type'), this.types, (id) => this._typeName(id)),
			select('town', t('fieldmap.town'), this.towns, (town) => town),
			select('status', t('fieldmap.status'), STATUSES, (status) => t(`river.status.${status}`)),
			el('label', {class: 'hetu-river-field'},
				el('span', {class: 'hetu-river-field__label'}, t('fieldmap.month')),
				el('input', {class: 'hetu-input', type: 'month', name: 'month', value: f.month || '', onchange: change('month')})),
			el('label', {class: 'hetu-river-check'},
				el('input', {type: 'checkbox', name: 'overdue', checked: Boolean(f.overdue), onchange: change('overdue')}),
				t('river.issues.overdue')));
	}
}
