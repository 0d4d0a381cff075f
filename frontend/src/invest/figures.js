import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';

/** One figure of a dashboard page: a label over a big number, `alert` for a figure that needs attention. */
export function figure(name, label, value, alert = false, note = null) {
	return el('div', {class: `hetu-invest__figure${alert ? ' hetu-invest__figure--alert' : ''}`, 'data-figure': name},
		el('span', {class: 'hetu-hint'}, label), el('strong', {}, String(value)), note ? el('span', {class: 'hetu-hint'}, note) : null);
}

/**
 * Draws a dashboard page in its load's state (ui/loadPage): a loading notice, the problem, or the page's own
 * `_draw()`; `data-ready` tells when the figures are in.
 */
export function renderLoaded(page) {
	page.root.dataset.ready = String(page.state === 'loaded');
	if (page.state === 'loading') {
		replaceChildren(page.root, el('p', {class: 'hetu-hint hetu-page__status'}, page.i18n.t('common.loading')));
	} else if (page.state === 'error') {
		replaceChildren(page.root, el('p', {class: 'hetu-invest__problem', role: 'alert'}, problemText(page._error, page.i18n)));
	} else {
		page._draw();
	}
}
