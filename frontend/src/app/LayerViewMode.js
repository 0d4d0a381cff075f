import {DomEvent} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {fieldsOf} from '../catalog/Schema.js';
import {el, replaceChildren} from '../util/dom.js';

/**
 * One layer on its own, narrowed to features with some property values (the dashboard's map views,
 * #/layer/<collection>?…), with the bar over the map that says so and leads back to all layers.
 * Part of the MapController.
 */
export class LayerViewMode {
	constructor(options) {
		const {controller} = options;
		this.c = controller;
		this.current = null;
		this.bar = el('div', {class: 'hetu-layer-view', hidden: true, role: 'status'});
		controller.elements.map.append(this.bar);
		DomEvent.disableClickPropagation(this.bar);
		this.drawBar();
	}

	destroy() {
		this._controller?.abort();
	}

	get active() {
		return Boolean(this.current);
	}

	get collection() {
		return this.current?.collection;
	}

	/** Shows one layer only, narrowed to features with the given property values. */
	apply(layerView) {
		const c = this.c;
		if (!c.layers.has(layerView.collection)) {
			c.toast.show(c.i18n.t('layerView.unknown'), {kind: 'error'});
			return;
		}
		if (!this.current) {
			this._visibleBefore = new Set(c.state.visible);
		}
		const previous = this.current;
		this.current = {collection: layerView.collection, filter: {...layerView.filter}};
		if (previous && previous.collection !== layerView.collection) {
			c.layers.get(previous.collection)?.setPropertyFilter(null);
		}
		c.state.narrowed = new Set(Object.keys(layerView.filter).length ? [layerView.collection] : []);
		c.layers.get(layerView.collection).setPropertyFilter(layerView.filter);
		for (const info of c.layerInfo) {
			c.setLayerVisible(info.id, info.id === layerView.collection);
		}
		this.refreshCounts();
		c.root.classList.add('has-layer-view');
		this.drawBar();
		if (!layerView.view && c.countyBounds?.isValid()) {
			c.map.fitBounds(c.countyBounds, {padding: [16, 16], animate: false});
		} else if (!layerView.view) {
			c._fitCountyWhenLoaded = true;
		}
	}

	/** Back to all the layers that were on before, unfiltered. */
	clear(options = {}) {
		const {writeHash = true} = options;
		const c = this.c;
		if (!this.current) {
			return;
		}
		const {collection} = this.current;
		this.current = null;
		c.state.narrowed = new Set();
		this.refreshCounts();
		c.layers.get(collection)?.setPropertyFilter(null);
		const before = this._visibleBefore || new Set(c.layerInfo.map((l) => l.id));
		for (const info of c.layerInfo) {
			c.setLayerVisible(info.id, before.has(info.id));
		}
		this._visibleBefore = null;
		c.root.classList.remove('has-layer-view');
		this.drawBar();
		if (writeHash) {
			c.writeHash({push: true});
		}
	}

	/**
	 * The status counts of a layer narrowed by properties, counted by the server under the same
	 * property and department filters: what its tiles draw is only the part in view.
	 */
	async refreshCounts() {
		const c = this.c;
		this._controller?.abort();
		c.state.narrowedCounts = new Map();
		const collection = this.current?.collection;
		if (!collection || !c.state.narrowed.has(collection)) {
			return;
		}
		const controller = this._controller = new AbortController();
		const {department} = c.state.filter;
		try {
			const counts = await c.api.collectionCounts(collection, {...this.current.filter, department: department || undefined},
				{signal: controller.signal});
			if (controller === this._controller && counts && typeof counts === 'object') {
				c.state.narrowedCounts.set(collection, counts);
			}
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
		}
		if (!c.destroyed) {
			this.drawBar();
			c.panel.update();
		}
	}

	/** The bar over the map that says which layer view is on, with the way back to all layers. */
	drawBar() {
		const {bar, c} = this;
		if (!this.current) {
			bar.hidden = true;
			bar.replaceChildren();
			return;
		}
		const {i18n} = c;
		const t = (key, params) => i18n.t(key, params);
		const {collection, filter} = this.current;
		const fields = fieldsOf(collection);
		const separator = i18n.isChinese ? '，' : ', ';
		const conditions = Object.entries(filter).map(([key, value]) => {
			const field = fields.find((f) => f.key === key) || {key, kind: 'text'};
			const labelKey = `field.${collection}.${key}` in i18n.messages ? `field.${collection}.${key}` : `field.${key}`;
			const label = i18n.has(labelKey) ? t(labelKey) : key;
			return `${label}${i18n.isChinese ? '：' : ': '}${c.formatter.format(field, value) ?? value}`;
		}).join(separator);
		const counted = c.state.narrowedCounts.get(collection);
		const drawn = counted ? c.state.filter.countOf(counted) : c.state.drawn.get(collection);
		replaceChildren(bar,
			el('span', {class: 'hetu-layer-view__icon', 'aria-hidden': 'true',
				html: '<svg width="16" height="16" viewBox="0 0 24 24"><path d="M3 5h18l-7 8.5V19l-4 2v-7.5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg>'}),
			el('span', {class: 'hetu-layer-view__text'},
				el('strong', {}, c.names.collectionTitle(collection)),
				conditions ? el('span', {}, ` · ${conditions}`) : null,
				drawn !== undefined ? el('span', {class: 'hetu-layer-view__count', 'data-count': String(drawn)}, ` · ${t('layerView.count', {n: drawn})}`) : null),
			el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'clear-layer-view',
				onclick: () => this.clear()}, t('layerView.clear')));
		bar.hidden = false;
	}
}
