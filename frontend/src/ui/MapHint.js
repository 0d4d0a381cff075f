import {DomEvent} from 'leaflet';
import {el, replaceChildren} from '../util/dom.js';

/**
 * A short instruction over the top of the map while the user draws, moves or picks something,
 * with the buttons that go with it. Clicks on it do not reach the map.
 */
export class MapHint {
	constructor(options) {
		const {container} = options;
		this.element = el('div', {class: 'hetu-map-hint', role: 'status', 'aria-live': 'polite', hidden: true});
		DomEvent.disableClickPropagation(this.element);
		DomEvent.disableScrollPropagation(this.element);
		container.append(this.element);
	}

	/** Shows `text` with buttons [{label, onClick, kind, action}]; `tone` is 'info' or 'error'. */
	show(text, buttons = [], options = {}) {
		const {tone = 'info', mode = null} = options;
		this.element.className = `hetu-map-hint hetu-map-hint--${tone}`;
		if (mode) {
			this.element.dataset.mode = mode;
		} else {
			delete this.element.dataset.mode;
		}
		replaceChildren(this.element,
			el('span', {class: 'hetu-map-hint__text'}, text),
			buttons.length ? el('span', {class: 'hetu-map-hint__buttons'}, buttons.map((b) => el('button', {
				type: 'button', class: `hetu-button hetu-button--small${b.kind === 'secondary' ? ' hetu-button--secondary' : ''}`,
				'data-action': b.action || null, onclick: b.onClick
			}, b.label))) : null);
		this.element.hidden = false;
	}

	hide() {
		this.element.hidden = true;
		this.element.replaceChildren();
	}

	destroy() {
		this.element.remove();
	}
}
