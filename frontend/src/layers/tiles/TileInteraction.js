import {Tooltip} from 'leaflet';
import {textContent} from '../textContent.js';

/** How far from a line a click still hits it, in screen pixels: a mouse pointer, and a finger. */
export const MOUSE_TOLERANCE = 5;
export const TOUCH_TOLERANCE = 14;

/** Whether a pointer event came from a finger or a pen (a click event in Chromium is a PointerEvent). */
function isTouch(event) {
	return Boolean(event?.pointerType && event.pointerType !== 'mouse') || Boolean(event?.sourceCapabilities?.firesTouchEvents);
}

/** Whether another layer's own SVG path or marker took the event. */
function onOtherFeature(event) {
	return Boolean(event?.target?.closest?.('.leaflet-interactive, .leaflet-marker-icon'));
}

/**
 * Clicks, taps and hovering on the canvas tiles of VectorTileLayers, which take no pointer
 * events themselves: the map's events are hit-tested against the decoded tiles, topmost layer
 * first (`layers()` answers them in that order). A hit fires `featureclick` on its layer;
 * hovering (with a mouse) shows the pointer cursor and a tooltip with the feature's name.
 */
export class TileInteraction {
	constructor(options) {
		const {map, layers} = options;
		Object.assign(this, {map, layers});
		this._tooltip = new Tooltip({className: 'hetu-tooltip', direction: 'top', offset: [0, -10], opacity: 1});
		this._hoverFrame = null;
		map.on('click', this._onClick, this);
		map.on('mousemove', this._onMove, this);
		map.on('mouseout movestart zoomstart', this._clearHover, this);
	}

	destroy() {
		this.map.off('click', this._onClick, this);
		this.map.off('mousemove', this._onMove, this);
		this.map.off('mouseout movestart zoomstart', this._clearHover, this);
		cancelAnimationFrame(this._hoverFrame);
		this._clearHover();
	}

	/** The topmost drawn feature at `latlng` and its layer, or null. */
	hit(latlng, tolerance) {
		for (const layer of this.layers()) {
			const feature = layer.featureAt(latlng, tolerance);
			if (feature) {
				return {layer, feature};
			}
		}
		return null;
	}

	_onClick(e) {
		if (onOtherFeature(e.originalEvent)) {
			return;
		}
		const found = this.hit(e.latlng, isTouch(e.originalEvent) ? TOUCH_TOLERANCE : MOUSE_TOLERANCE);
		if (found) {
			this._clearHover();
			const {layer, feature} = found;
			layer.fire('featureclick', {collection: layer.options.collection, feature, latlng: e.latlng, partial: true});
		}
	}

	_onMove(e) {
		if (isTouch(e.originalEvent)) {
			return;
		}
		const {latlng} = e;
		const other = onOtherFeature(e.originalEvent);
		cancelAnimationFrame(this._hoverFrame);
		this._hoverFrame = requestAnimationFrame(() => {
			this._hoverFrame = null;
			const found = other ? null : this.hit(latlng, MOUSE_TOLERANCE);
			if (!found) {
				this._clearHover();
				return;
			}
			this.map.getContainer().classList.add('hetu-map--over-feature');
			const name = found.feature.properties.name || found.feature.properties.code;
			const key = `${found.layer.options.collection}/${found.feature.id}`;
			if (!name) {
				this._closeTooltip();
			} else if (this._tooltipKey !== key || !this.map.hasLayer(this._tooltip)) {
				this._tooltipKey = key;
				this._tooltip.setContent(textContent(name));
				this.map.openTooltip(this._tooltip, latlng);
			} else {
				this._tooltip.setLatLng(latlng);
			}
		});
	}

	_closeTooltip() {
		this._tooltipKey = null;
		if (this.map.hasLayer(this._tooltip)) {
			this.map.closeTooltip(this._tooltip);
		}
	}

	_clearHover() {
		this.map.getContainer()?.classList.remove('hetu-map--over-feature');
		this._closeTooltip();
	}
}
