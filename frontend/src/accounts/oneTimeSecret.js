import {copyText} from '../util/copyText.js';
import {el} from '../util/dom.js';

/**
 * A password or token that the server shows only once: the value in a box that selects
 * whole, a copy button, and the warning that it will not be shown again.
 */
export function oneTimeSecret(options) {
	const {i18n, title, value, hint = null, kind = 'password'} = options;
	const t = (key) => i18n.t(key);
	const copy = el('button', {type: 'button', class: 'hetu-button hetu-button--small', 'data-action': 'copy-secret'}, t('common.copy'));
	copy.addEventListener('click', async () => {
		await copyText(value);
		copy.textContent = t('common.copied');
		setTimeout(() => {
			copy.textContent = t('common.copy');
		}, 1800);
	});
	const code = el('code', {class: 'hetu-secret__value', 'data-secret': kind, tabindex: '0'}, value);
	code.addEventListener('focus', () => {
		const range = document.createRange();
		range.selectNodeContents(code);
		const selection = window.getSelection();
		selection.removeAllRanges();
		selection.addRange(range);
	});
	return el('div', {class: 'hetu-secret', role: 'status'},
		el('p', {class: 'hetu-secret__title'}, title),
		el('div', {class: 'hetu-secret__row'}, code, copy),
		el('p', {class: 'hetu-secret__warning'}, t('common.shownOnce')),
		hint ? el('p', {class: 'hetu-secret__hint'}, hint) : null);
}
