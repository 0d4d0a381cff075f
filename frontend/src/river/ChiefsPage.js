import '../styles/river.css';
import {GeoJSON} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {RiverApi} from './RiverApi.js';
import {RiverMap} from './RiverMap.js';

const ASSIGNED = {color: '#1971C2', weight: 2.5, opacity: 0.75};
const UNASSIGNED = {color: '#E03131', weight: 5, opacity: 1, dashArray: '8 6'};
const SELECTED = {color: '#F59F00', weight: 8, opacity: 1, dashArray: null};

/** Segments and ditches that no chief is in charge of, river segments first, by name. */
export function unassignedOf(features) {
	return features.filter((f) => f.properties?.unassigned)
		.sort((a, b) => (a.properties.collection === b.properties.collection ? 0 : a.properties.collection === 'river_segment' ? -1 : 1)
			|| String(a.properties.name || '').localeCompare(String(b.properties.name || ''), 'zh-CN'));
}

/**
 * Who is responsible (#/chiefs): every river segment and ditch on a map, coloured by whether a
 * chief is in charge (unassigned ones in red); a tap names the chiefs with level and phone; the
 * unassigned ones are listed beside the map.
 */
export class ChiefsPage {
	constructor(options) {
		const {container, api, i18n, county} = options;
		Object.assign(this, {container, api, i18n, county});
		this.riverApi = new RiverApi({api});
		this.summary = el('p', {class: 'hetu-hint', 'data-role': 'summary', 'aria-live': 'polite'});
		this.mapBox = el('div', {class: 'hetu-river-chiefs__map'});
		this.listBox = el('div', {class: 'hetu-river-chiefs__list', 'data-role': 'unassigned'});
		this.root = el('div', {class: 'hetu-river-chiefs'}, this.summary, el('div', {class: 'hetu-river-chiefs__body'}, this.mapBox, this.listBox));
		container.append(this.root);
		this.map = new RiverMap({container: this.mapBox, api, i18n, county, label: i18n.t('river.chiefs.map')});
		this.layer = new GeoJSON(null, {
			pane: 'hetu-river-segments',
			style: (f) => (f.properties.unassigned ? UNASSIGNED : ASSIGNED),
			onEachFeature: (feature, layer) => layer.bindPopup(() => this._popup(feature), {maxWidth: 280})
		}).addTo(this.map.map);
		this.layer.on('popupclose', (e) => this.layer.resetStyle(e.layer));
		this.phones = new Map();
		this._unsubscribe = i18n.onChange(() => this._drawList());
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
		this.map.destroy();
	}

	async show() {
		if (this.features) {
			return;
		}
		this._abort = new AbortController();
		const signal = this._abort.signal;
		replaceChildren(this.listBox, el('p', {class: 'hetu-hint'}, this.i18n.t('common.loading')));
		try {
			const [collection, chiefs] = await Promise.all([this.riverApi.responsibility({signal}), this.riverApi.chiefs({signal})]);
			this.features = collection?.features || [];
			this.chiefs = new Map(chiefs.map((c) => [c.id, c]));
			this.layer.clearLayers();
			this.layer.addData(this.features);
			this.layer.eachLayer((layer) => layer.feature.properties.unassigned && layer.bringToFront());
			this.map.fit(this.layer.getBounds());
			this._drawList();
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.listBox, el('p', {class: 'hetu-river-problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_popup(feature) {
		const t = (key, params) => this.i18n.t(key, params);
		const p = feature.properties;
		const chiefs = p.chiefs || [];
		return el('div', {class: 'hetu-river-popup', 'data-role': 'segment-popup'},
			el('strong', {}, p.name || `${t(`river.collection.${p.collection}`)} ${p.id}`),
			el('span', {class: 'hetu-hint'}, [t(`river.collection.${p.collection}`), p.town].filter(Boolean).join(' · ')),
			chiefs.length
				? el('ul', {}, chiefs.map((c) => {
					const phone = this.chiefs.get(c.id)?.phone;
					return el('li', {}, `${c.name} · ${t(`river.level.${c.level}`)}`, phone ? el('a', {href: `tel:${phone}`}, ` ${phone}`) : null);
				}))
				: el('p', {class: 'hetu-river-warning'}, t('river.chiefs.nobody')));
	}

	_drawList() {
		const t = (key, params) => this.i18n.t(key, params);
		if (!this.features) {
			return;
		}
		const unassigned = unassignedOf(this.features);
		this.summary.textContent = t('river.chiefs.summary', {total: this.features.length, unassigned: unassigned.length});
		replaceChildren(this.listBox,
			el('h3', {}, t('river.chiefs.unassigned', {count: unassigned.length})),
			unassigned.length ? el('ul', {class: 'hetu-river-unassigned'}, unassigned.map((f) => el('li', {},
				el('button', {type: 'button', class: 'hetu-river-unassigned__item', 'data-collection': f.properties.collection, 'data-id': String(f.properties.id),
					onclick: () => this._focus(f)},
				el('strong', {}, f.properties.name || String(f.properties.id)),
				el('span', {}, [t(`river.collection.${f.properties.collection}`), f.properties.town].filter(Boolean).join(' · '))))))
				: el('p', {class: 'hetu-hint'}, t('river.chiefs.allAssigned')));
	}

	_focus(feature) {
		this.layer.eachLayer((layer) => {
			if (layer.feature === feature) {
				layer.setStyle(SELECTED);
				this.map.fit(layer.getBounds(), {maxZoom: 15});
				layer.openPopup();
			}
		});
	}
}
