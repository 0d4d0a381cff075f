import {Control} from 'leaflet';
import {CountyOutline} from '../map/CountyOutline.js';
import {pageMap} from '../map/pageMap.js';
import {OfflineBasemap} from '../map/OfflineBasemap.js';
import {showMapProblem} from '../ui/mapProblem.js';
import {el} from '../util/dom.js';

const PANES = {
	'hetu-base': 150,
	'hetu-boundary': 395,
	'hetu-river-segments': 410,
	'hetu-river-track': 420,
	'hetu-base-labels': 440,
	'hetu-river-points': 600
};

/** Panes that only show, and never take a tap: taps go through to the map (drawing a route, placing an issue). */
const PASSIVE = /base|boundary|track/;

/**
 * A river page's own map on the offline county base map, which needs no internet (a chief on a
 * dyke has little). It keeps the view to fit until it first has a size, since pages are built
 * before they are on screen.
 */
export class RiverMap {
	constructor(options) {
		const {container, api, i18n, county, className = '', label = ''} = options;
		this.element = el('div', {class: `hetu-river-map ${className}`.trim(), role: 'region', 'aria-label': label});
		container.append(this.element);
		const map = this.map = pageMap(this.element, {panes: PANES, passive: PASSIVE});
		new Control.Zoom({position: 'topright'}).addTo(map);
		new Control.Scale({metric: true, imperial: false, position: 'bottomleft'}).addTo(map);
		this.basemap = new OfflineBasemap({api, i18n, county}).addTo(map);
		this.basemap.on('error', (e) => showMapProblem(this.element, i18n, e.error));
		this._pending = null;
		county?.then((geojson) => {
			if (!this.map) {
				return;
			}
			this.outline = new CountyOutline(geojson).addTo(map);
			if (this._wantsCounty || (!this._pending && !this._fitted)) {
				this.fitCounty();
			}
		}).catch((error) => showMapProblem(this.element, i18n, error));
		this._observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this._resized()) : null;
		this._observer?.observe(this.element);
	}

	/** Shows `bounds` (a Leaflet LatLngBounds), now or as soon as the map is on screen. */
	fit(bounds, options = {}) {
		if (!bounds?.isValid?.()) {
			return;
		}
		this._wantsCounty = false;
		if (this.element.clientWidth > 0 && this.element.clientHeight > 0) {
			this._pending = null;
			this._fitted = true;
			// The page may have taken the map off screen and put it back since Leaflet last measured it.
			this.map.invalidateSize({pan: false});
			this.map.fitBounds(bounds, {padding: [24, 24], maxZoom: 16, animate: false, ...options});
		} else {
			this._pending = {bounds, options};
		}
	}

	/** Shows the whole county, now or as soon as its outline has loaded. */
	fitCounty() {
		if (this.outline) {
			this.fit(this.outline.getBounds());
		} else {
			this._wantsCounty = true;
		}
	}

	_resized() {
		if (!this.map) {
			return;
		}
		this.map.invalidateSize({pan: false});
		if (this._pending && this.element.clientWidth > 0 && this.element.clientHeight > 0) {
			this.fit(this._pending.bounds, this._pending.options);
		}
	}

	destroy() {
		this._observer?.disconnect();
		this.map?.remove();
		this.map = null;
		this.element.remove();
	}
}
