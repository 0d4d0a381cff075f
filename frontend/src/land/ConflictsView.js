import {GeoJSON} from 'leaflet';
import {MiniMap} from '../map/MiniMap.js';
import {el, replaceChildren} from '../util/dom.js';
import {ConstraintsApi, LAYER_COLORS} from './ConstraintsApi.js';

const number = (value, digits) => Number(value).toLocaleString('zh-CN', {minimumFractionDigits: digits, maximumFractionDigits: digits});

/**
 * What a project's footprint or a parcel enters of the control lines: a table per line (m², ha, 亩, share) and
 * a small map of the shape with the overlapping pieces in each line's colour.
 */
export class ConflictsView {
	constructor({container, api, i18n, county = null}) {
		this.i18n = i18n;
		this.api = new ConstraintsApi({api});
		this.mapApi = api;
		this.county = county;
		this.element = el('section', {class: 'hetu-conflicts', 'data-conflicts': 'loading'});
		container.append(this.element);
	}

	/** Loads and shows the conflicts of a stored project or parcel; `geometry` is its shape for the map. */
	async show(collection, id, geometry) {
		const t = (key, params) => this.i18n.t(key, params);
		this.element.dataset.conflicts = 'loading';
		replaceChildren(this.element, el('h3', {}, t('constraints.heading')), el('p', {class: 'hetu-hint'}, t('constraints.loading')));
		let answer;
		try {
			answer = await this.api.footprint(collection, id);
		} catch (error) {
			this.element.dataset.conflicts = 'failed';
			replaceChildren(this.element, el('h3', {}, t('constraints.heading')),
				el('p', {class: 'hetu-hint'}, t('constraints.failed', {message: error?.detail || error?.message || ''})));
			return;
		}
		if (!answer.hasFootprint) {
			this.element.dataset.conflicts = 'none';
			replaceChildren(this.element, el('h3', {}, t('constraints.heading')), el('p', {class: 'hetu-hint'}, t('constraints.noFootprint')));
			return;
		}
		this.render(answer.report, geometry);
	}

	/** Draws a check report. */
	render(report, geometry = null) {
		const t = (key, params) => this.i18n.t(key, params);
		const conflicts = report.conflicts || [];
		this.element.dataset.conflicts = conflicts.length ? 'yes' : 'no';
		const summary = conflicts.length
			? el('p', {class: 'hetu-conflicts__summary is-conflict', role: 'alert'},
				t('constraints.conflict', {layers: conflicts.map((l) => t(`constraints.layer.${l}`)).join('、')}))
			: el('p', {class: 'hetu-conflicts__summary'}, t('constraints.clear'));
		const head = el('tr', {}, ...['layer', 'edition', 'features', 'm2', 'ha', 'mu', 'share'].map((c) => el('th', {scope: 'col'}, t(`constraints.col.${c}`))));
		const rows = report.layers.map((l) => el('tr', {'data-layer': l.layer, class: l.restrictive && l.features > 0 ? 'is-conflict' : ''},
			el('th', {scope: 'row'}, el('span', {class: 'hetu-conflicts__swatch', style: {background: LAYER_COLORS[l.layer]}}), t(`constraints.layer.${l.layer}`)),
			el('td', {}, l.edition || '—'), el('td', {}, String(l.features)), el('td', {'data-unit': 'm2'}, number(l.areaM2, 2)),
			el('td', {'data-unit': 'ha'}, number(l.areaHa, 4)), el('td', {'data-unit': 'mu'}, number(l.areaMu, 2)), el('td', {}, `${number(l.sharePct, 2)}%`)));
		const slot = el('div', {class: 'hetu-conflicts__map'});
		replaceChildren(this.element, el('h3', {}, t('constraints.heading')), summary,
			el('table', {class: 'hetu-table hetu-conflicts__table'}, el('thead', {}, head), el('tbody', {}, ...rows)),
			el('p', {class: 'hetu-hint'}, t('constraints.muNote')), slot);
		this._drawMap(slot, report, geometry);
	}

	_drawMap(slot, report, geometry) {
		this._mini?.destroy();
		this._mini = new MiniMap({container: slot, county: this.county, api: this.mapApi, i18n: this.i18n});
		this._mini.show(geometry ? [{collection: 'project', feature: {type: 'Feature', properties: {}, geometry}}] : [],
			{label: this.i18n.t('constraints.heading')});
		for (const layer of report.layers) {
			if (layer.pieces?.features?.length) {
				const color = LAYER_COLORS[layer.layer];
				new GeoJSON(layer.pieces, {interactive: false, style: {color, weight: 1, fillColor: color, fillOpacity: 0.55}})
					.eachLayer((piece) => this._mini.shapes.addLayer(piece));
			}
		}
		this._mini._fit();
	}

	destroy() {
		this._mini?.destroy();
		this.element.remove();
	}
}
