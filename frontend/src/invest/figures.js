import {el} from '../util/dom.js';

/** One figure of a dashboard page: a label over a big number, `alert` for a figure that needs attention. */
export function figure(name, label, value, alert = false, note = null) {
	return el('div', {class: `hetu-invest__figure${alert ? ' hetu-invest__figure--alert' : ''}`, 'data-figure': name},
		el('span', {class: 'hetu-hint'}, label), el('strong', {}, String(value)), note ? el('span', {class: 'hetu-hint'}, note) : null);
}
