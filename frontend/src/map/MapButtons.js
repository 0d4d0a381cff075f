import {Control, DomEvent} from 'leaflet';
import {el} from '../util/dom.js';

const ICONS = {
	zoomIn: '<svg width="18" height="18" viewBox="0 0 24 24"><path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>',
	zoomOut: '<svg width="18" height="18" viewBox="0 0 24 24"><path d="M5 12h14" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>',
	home: '<svg width="18" height="18" viewBox="0 0 24 24"><path d="M4 11l8-7 8 7v9h-5v-6H9v6H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg>',
	locate: '<svg width="18" height="18" viewBox="0 0 24 24"><circle cx="12" cy="12" r="4" fill="currentColor"/><circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 1v3M12 20v3M1 12h3M20 12h3" stroke="currentColor" stroke-width="2"/></svg>'
};

/**
 * The map's buttons in one bar: zoom in and out, back to the whole county, my location.
 * Titles follow the language; each button is at least 44 px on touch screens (CSS).
 */
export const MapButtons = Control.extend({
	options: {
		position: 'bottomright',
		i18n: null,
		onHome: null,
		onLocate: null
	},

	onAdd(map) {
		const {i18n} = this.options;
		const actions = {
			zoomIn: () => map.zoomIn(),
			zoomOut: () => map.zoomOut(),
			home: () => this.options.onHome?.(),
			locate: () => this.options.onLocate?.()
		};
		this._buttons = Object.entries(actions).map(([name, action]) => el('button', {
			type: 'button', class: `hetu-map-button hetu-map-button--${name}`, 'data-action': name,
			html: ICONS[name], onclick: action
		}));
		const container = el('div', {class: 'hetu-map-buttons leaflet-bar'}, this._buttons);
		DomEvent.disableClickPropagation(container);
		this._unsubscribe = i18n.onChange(() => this._translate());
		this._translate();
		return container;
	},

	onRemove() {
		this._unsubscribe?.();
	},

	_translate() {
		const {i18n} = this.options;
		const keys = {zoomIn: 'map.zoomIn', zoomOut: 'map.zoomOut', home: 'map.home', locate: 'map.locate'};
		for (const button of this._buttons) {
			const text = i18n.t(keys[button.dataset.action]);
			button.title = text;
			button.setAttribute('aria-label', text);
		}
	}
});
