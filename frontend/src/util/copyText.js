import {el} from './dom.js';

/** Puts text on the clipboard, with the older copy command where the Clipboard API is not allowed. */
export async function copyText(text) {
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		const area = el('textarea', {readonly: true, style: {position: 'fixed', opacity: '0'}});
		area.value = text;
		document.body.append(area);
		area.select();
		document.execCommand('copy');
		area.remove();
	}
}
