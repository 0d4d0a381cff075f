/**
 * Text for a Leaflet tooltip or popup as a DOM node. Leaflet puts string content in as HTML,
 * so a name from the data must never be handed over as a string.
 */
export function textContent(text, options = {}) {
	const {className = ''} = options;
	const span = document.createElement('span');
	if (className) {
		span.className = className;
	}
	span.textContent = String(text ?? '');
	return span;
}
