import '../styles/invest.css';
import {circle, circleMarker, featureGroup} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {RiverMap} from '../river/RiverMap.js';

const SERVICES = ['gov', 'supply', 'finance', 'postal'];
const DISTANCES = [1000, 2000, 3000, 5000];

/**
 * The village service stations (#/stations): the stations on a map with the reach asked for (2 km by default,
 * 就近办) drawn around each, every village green when a station lies within it and red when none does; a
 * station's services, hours and staff, and its door-to-door visits (上门服务), which the approval bureau logs.
 */
export class StationsPage {
	constructor(options) {
		const {container, api, i18n, county, toast, onParams} = options;
		Object.assign(this, {container, api, i18n, county, toast, onParams});
		this.side = el('div', {class: 'hetu-invest__list', 'data-role': 'stations'});
		this.detail = el('div', {class: 'hetu-invest__detail', 'data-role': 'station'});
		this.mapBox = el('div', {class: 'hetu-invest__map hetu-invest__map--tall'});
		this.root = el('div', {class: 'hetu-invest'}, el('div', {}, this.mapBox), el('div', {class: 'hetu-invest__side'}, this.side, this.detail));
		container.append(this.root);
		this.map = new RiverMap({container: this.mapBox, api, i18n, county, label: i18n.t('stations.map')});
		this.layer = featureGroup().addTo(this.map.map);
		this._unsubscribe = i18n.onChange(() => this._draw());
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
		this.distance = Number(params.distance) || 2000;
		try {
			[this.stations, this.coverage] = await Promise.all([
				this.api.items('service_station', {limit: 1000}, {signal}),
				this.api.get(`/api/v1/service-stations/coverage?distance=${this.distance}`, {signal})
			]);
			this.visits = params.id ? await this.api.get(`/api/v1/service-stations/${encodeURIComponent(params.id)}/visits`, {signal}) : null;
			this._draw();
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.side, el('p', {class: 'hetu-invest__problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_draw() {
		if (!this.coverage) {
			return;
		}
		this._drawMap();
		this._drawSide();
		this._drawDetail();
	}

	_drawMap() {
		const t = (key, params) => this.i18n.t(key, params);
		this.layer.clearLayers();
		for (const s of this.stations.features) {
			const [lon, lat] = s.geometry.coordinates;
			circle([lat, lon], {radius: this.distance, color: '#1971C2', weight: 1, fillOpacity: 0.05, interactive: false}).addTo(this.layer);
			circleMarker([lat, lon], {radius: 8, color: '#1971C2', fillOpacity: 0.8})
				.bindTooltip(s.properties.name)
				.on('click', () => this.onParams({...this.params, id: String(s.id)}))
				.addTo(this.layer);
		}
		for (const v of this.coverage.items) {
			circleMarker([v.lat, v.lon], {radius: 5, color: v.covered ? '#2F9E44' : '#C92A2A', fillOpacity: 0.9})
				.bindTooltip(`${v.town} ${v.name} · ${v.covered ? t('stations.covered') : t('stations.uncovered')}`)
				.addTo(this.layer);
		}
		if (!this._fitted && this.layer.getLayers().length) {
			this._fitted = true;
			this.map.fit(this.layer.getBounds());
		}
	}

	_drawSide() {
		const t = (key, params) => this.i18n.t(key, params);
		const c = this.coverage;
		const uncovered = c.items.filter((v) => !v.covered);
		replaceChildren(this.side,
			el('label', {}, t('stations.distance'), ' ', el('select', {'data-filter': 'distance', onchange: (e) => this.onParams({...this.params, distance: e.target.value})},
				DISTANCES.map((d) => el('option', {value: d, selected: d === this.distance}, `${d / 1000} km`)))),
			el('p', {'data-role': 'coverage'}, t('stations.coverage', {covered: c.covered, villages: c.villages, km: c.distanceM / 1000})),
			uncovered.length ? el('p', {class: 'hetu-invest__stalled', 'data-role': 'uncovered'},
				t('stations.uncoveredList'), uncovered.map((v) => `${v.town}${v.name}（${(v.distanceM / 1000).toFixed(1)} km）`).join('、')) : null,
			el('ul', {class: 'hetu-invest__rows'}, this.stations.features.map((s) => el('li', {},
				el('button', {type: 'button', class: 'hetu-invest__card', 'data-id': s.id, 'aria-pressed': String(String(s.id) === this.params.id),
					onclick: () => this.onParams({...this.params, id: String(s.id)})},
				el('strong', {}, s.properties.name),
				el('span', {}, SERVICES.filter((x) => s.properties[`${x}_service`]).map((x) => t(`stations.service.${x}`)).join('、')))))));
	}

	_drawDetail() {
		const t = (key, params) => this.i18n.t(key, params);
		const station = this.stations.features.find((s) => String(s.id) === this.params.id);
		if (!station || !this.visits) {
			replaceChildren(this.detail, el('p', {class: 'hetu-hint'}, t('stations.pick')));
			return;
		}
		const p = station.properties;
		const date = el('input', {type: 'date', 'data-role': 'visit-date', 'aria-label': t('stations.visitedOn')});
		const service = el('select', {'data-role': 'visit-service', 'aria-label': t('stations.serviceLabel')},
			SERVICES.map((x) => el('option', {value: x}, t(`stations.service.${x}`))));
		const matter = el('input', {type: 'text', 'data-role': 'visit-matter', placeholder: t('stations.matter')});
		const staff = el('input', {type: 'text', 'data-role': 'visit-staff', placeholder: t('stations.staffName')});
		replaceChildren(this.detail,
			el('h2', {}, p.name),
			el('p', {}, [p.village, p.opening_hours, p.staff == null ? null : t('stations.staff', {n: p.staff})].filter(Boolean).join(' · ')),
			el('h3', {}, t('stations.visits')),
			el('ol', {class: 'hetu-invest__steps', 'data-role': 'visits'}, this.visits.map((v) => el('li', {},
				`${v.visitedOn} · ${t(`stations.service.${v.service}`)} · ${v.matter} · ${v.staffName}`))),
			el('div', {class: 'hetu-invest__actions'}, date, service, matter, staff,
				el('button', {type: 'button', 'data-action': 'add-visit', onclick: () => this._addVisit(station.id,
					{visitedOn: date.value || null, service: service.value, matter: matter.value, staffName: staff.value})}, t('stations.addVisit'))));
	}

	async _addVisit(id, visit) {
		try {
			await this.api.send('POST', `/api/v1/service-stations/${id}/visits`, visit);
			this.toast?.show(this.i18n.t('invest.saved'), {kind: 'ok'});
			await this.show(this.params);
		} catch (error) {
			this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
		}
	}
}
