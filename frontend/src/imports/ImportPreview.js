import {GeoJSON, Map as LeafletMap, circleMarker} from 'leaflet';
import {el} from '../util/dom.js';
import {CountyOutline} from '../map/CountyOutline.js';
import {showMapProblem} from '../ui/mapProblem.js';
import {countyView} from '../county/County.js';

/**
 * The first features of a file on a small map with the county outline, so that a clerk sees
 * at once whether they land in the right place before anything is written.
 */
export class ImportPreview {
	constructor({container, i18n, county = null}) {
		this.element = el('div', {class: 'hetu-import-preview', id: 'hetu-import-preview'});
		container.append(this.element);
		this._timers = new Set();
		this.map = new LeafletMap(this.element, {attributionControl: false, center: countyView().center, zoom: countyView().zoom - 1, zoomSnap: 0.25});
		this.map.createPane('hetu-boundary').style.zIndex = '395';
		// The outline is a help, not a condition: without it the features are shown all the same, and a note says why.
		Promise.resolve(county).then((geojson) => {
			if (geojson && !this._destroyed) {
				new CountyOutline(geojson).addTo(this.map);
			}
		}).catch((error) => showMapProblem(this.element, i18n, error));
	}

	show(featureCollection) {
		this.layer?.remove();
		this.layer = new GeoJSON(featureCollection, {
			style: () => ({color: '#c2410c', weight: 3, fillOpacity: 0.25}),
			pointToLayer: (feature, latlng) => circleMarker(latlng, {radius: 6, color: '#c2410c', weight: 2, fillOpacity: 0.6})
		}).addTo(this.map);
		const bounds = this.layer.getBounds();
		this.element.dataset.features = String(featureCollection?.features?.length || 0);
		if (bounds.isValid()) {
			this.map.fitBounds(bounds, {padding: [16, 16], maxZoom: 15, animate: false});
		}
		this.resize();
	}

	/** Into another container (the page redrew around it), keeping the map as it was. */
	moveTo(container) {
		container.append(this.element);
		this.resize();
	}

	resize() {
		const timer = setTimeout(() => {
			this._timers.delete(timer);
			this.map.invalidateSize({animate: false});
		}, 0);
		this._timers.add(timer);
	}

	destroy() {
		this._destroyed = true;
		this._timers.forEach(clearTimeout);
		this.map.remove();
	}
}
