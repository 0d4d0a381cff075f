import {el} from '../util/dom.js';

/** Short messages at the bottom of the screen, read out by screen readers. */
export class Toast {
	constructor(options) {
		const {container, duration = 5000} = options;
		this.duration = duration;
		this.element = el('div', {class: 'hetu-toasts', role: 'status', 'aria-live': 'polite'});
		container.append(this.element);
		this._shown = new Set();
	}

	/** Shows `text` unless the same text is already showing. */
	show(text, options = {}) {
		const {kind = 'info'} = options;
		if (this._shown.has(text)) {
			return;
		}
		this._shown.add(text);
		const item = el('div', {class: `hetu-toast hetu-toast--${kind}`}, text);
		this.element.append(item);
		setTimeout(() => {
			item.remove();
			this._shown.delete(text);
		}, this.duration);
	}
}
