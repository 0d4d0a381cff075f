import {el} from '../util/dom.js';

/**
 * A labelled form control with an optional hint and a place for its error, linked for screen
 * readers. Answers {element, input, setError(text|null)}.
 */
export function formField(options) {
	const {id, label, input, hint = null, className = ''} = options;
	input.id = id;
	const hintElement = hint ? el('p', {class: 'hetu-form__hint', id: `${id}-hint`}, hint) : null;
	const error = el('p', {class: 'hetu-form__error', id: `${id}-error`, role: 'alert', hidden: true});
	input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
	const element = el('div', {class: `hetu-form__field ${className}`.trim()},
		el('label', {class: 'hetu-field-label', for: id}, label), input, hintElement, error);
	const setError = (text) => {
		error.textContent = text || '';
		error.hidden = !text;
		input.setAttribute('aria-invalid', String(Boolean(text)));
	};
	return {element, input, setError};
}
