import {GeoJSON, Map as LeafletMap} from 'leaflet';
import {featureMarker} from '../layers/PointLayer.js';
import {pathStyle} from '../layers/Symbology.js';
import {showMapProblem} from '../ui/mapProblem.js';
import {el} from '../util/dom.js';
import {CountyOutline} from './CountyOutline.js';
import {OfflineBasemap} from './OfflineBasemap.js';
import {countyView} from '../county/County.js';

/**
 * A small still map of one project on the offline county base map (rivers, roads, towns):
 * the project's footprint in its status colour or, when it has none, the assets linked to
 * it. It does not move under a finger; the page offers to open the full map instead.
 */
export class MiniMap {
	constructor(options) {
		const {container, county = null, api = null, i18n = null} = options;
		this.element = el('div', {class: 'hetu-minimap', role: 'img'});
		container.append(this.element);
		this.map = new LeafletMap(this.element, {
			zoomControl: false, attributionControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false,
			boxZoom: false, keyboard: false, touchZoom: false, tap: false, zoomSnap: 0.25, center: countyView().center, zoom: countyView().zoom - 1
		});
		for (const [name, zIndex] of [['hetu-base', 150], ['hetu-boundary', 395], ['hetu-base-labels', 440]]) {
			const pane = this.map.createPane(name);
			pane.style.zIndex = String(zIndex);
			pane.style.pointerEvents = 'none';
		}
		if (api && i18n) {
			this.basemap = new OfflineBasemap({api, i18n, county}).addTo(this.map);
			this.basemap.on('error', (e) => showMapProblem(this.element, i18n, e.error));
		}
		this.shapes = new GeoJSON(null, {interactive: false}).addTo(this.map);
		this.county = county;
		county?.then((geojson) => {
			if (this.map) {
				this._outline = new CountyOutline(geojson).addTo(this.map);
				if (!this._fitted) {
					this._fit();
				}
			}
		}).catch((error) => i18n && showMapProblem(this.element, i18n, error));
	}

	/** Draws features ({collection, feature}) in their collection's symbols and fits the map to them. */
	show(items, options = {}) {
		const {label = ''} = options;
		this.element.setAttribute('aria-label', label);
		this.shapes.clearLayers();
		for (const {collection, feature} of items) {
			if (!feature?.geometry) {
				continue;
			}
			new GeoJSON(feature, {
				interactive: false,
				style: (f) => ({...pathStyle(collection, f.properties, f.geometry.type), weight: 4}),
				pointToLayer: (f, latlng) => featureMarker(collection, f, latlng, {size: 30})
			}).eachLayer((layer) => this.shapes.addLayer(layer));
		}
		this.map.invalidateSize();
		this._fit();
	}

	_fit() {
		const bounds = this.shapes.getBounds();
		if (bounds.isValid()) {
			this._fitted = true;
			// A point alone is shown with the towns and roads around it.
			const point = bounds.getNorthEast().equals(bounds.getSouthWest(), 1e-4);
			this.map.fitBounds(bounds.pad(0.35), {maxZoom: point ? 12 : 14, animate: false});
		} else if (this._outline) {
			this.map.fitBounds(this._outline.getBounds(), {animate: false});
		}
	}

	/** Town and river names in the current language. */
	refreshLabels() {
		this.basemap?.refreshLabels();
	}

	destroy() {
		this.map?.remove();
		this.map = null;
		this.element.remove();
	}
}
