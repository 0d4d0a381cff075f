import {Control, DomEvent} from 'leaflet';
import {legendSampleSvg} from '../layers/Symbology.js';
import {el, replaceChildren} from '../util/dom.js';

const PLUS = '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 20h4l10.5-10.5-4-4L4 16v4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M17 3l4 4" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

/**
 * The map's "add a feature" button, for users who may edit some collection: it opens a list
 * of those collections, each with its symbol; choosing one starts drawing a new feature.
 */
export const EditControl = Control.extend({
	options: {
		position: 'topleft',
		i18n: null,
		// [{id, title(), geometryType}]
		collections: [],
		onCreate: null
	},

	onAdd() {
		this._open = false;
		this._button = el('button', {
			type: 'button', class: 'hetu-edit-control__button', 'data-action': 'add-feature', 'aria-haspopup': 'menu',
			'aria-expanded': 'false', 'aria-controls': 'hetu-add-menu', html: PLUS, onclick: () => this.setOpen(!this._open)
		});
		this._label = el('span', {class: 'hetu-edit-control__label'});
		this._button.append(this._label);
		this._menu = el('div', {class: 'hetu-edit-control__menu', id: 'hetu-add-menu', role: 'menu', hidden: true});
		const container = el('div', {class: 'hetu-edit-control leaflet-bar'}, this._button, this._menu);
		DomEvent.disableClickPropagation(container);
		DomEvent.disableScrollPropagation(container);
		this._unsubscribe = this.options.i18n.onChange(() => this._render());
		this._onDocument = (e) => {
			if (this._open && !container.contains(e.target)) {
				this.setOpen(false);
			}
		};
		document.addEventListener('pointerdown', this._onDocument);
		this._render();
		return container;
	},

	onRemove() {
		this._unsubscribe?.();
		document.removeEventListener('pointerdown', this._onDocument);
	},

	setOpen(open) {
		this._open = open;
		this._menu.hidden = !open;
		this._button.setAttribute('aria-expanded', String(open));
	},

	_render() {
		const {i18n, collections} = this.options;
		const t = (key, params) => i18n.t(key, params);
		this._label.textContent = t('edit.add');
		this._button.title = t('edit.addTitle');
		replaceChildren(this._menu,
			el('div', {class: 'hetu-edit-control__head'}, t('edit.addTitle')),
			collections.map((c) => el('button', {
				type: 'button', role: 'menuitem', class: 'hetu-edit-control__item', 'data-collection': c.id,
				onclick: () => {
					this.setOpen(false);
					this.options.onCreate?.(c.id);
				}
			}, el('span', {class: 'hetu-layer__sample', html: legendSampleSvg(c.id, c.geometryType)}), el('span', {}, c.title()))));
	}
});
