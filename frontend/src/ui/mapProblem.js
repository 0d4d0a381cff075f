import {isAbort} from '../api/ApiError.js';
import {el} from '../util/dom.js';
import {problemText} from './problemText.js';

/**
 * Says on a page's map that part of it could not be loaded (the base map, the county's outline):
 * the map works without it, and the user sees why it looks bare. One note per map, the latest failure.
 */
export function showMapProblem(container, i18n, error) {
	if (isAbort(error)) {
		return;
	}
	let note = container.querySelector(':scope > .hetu-map-problem');
	if (!note) {
		note = el('p', {class: 'hetu-map-problem', role: 'status', 'data-state': 'load-failed'});
		container.append(note);
	}
	note.textContent = i18n.t('map.partFailed', {detail: problemText(error, i18n)});
}
