/**
 * Creates an element: `el('button', {class: 'x', type: 'button', onclick: fn}, 'text', child)`.
 * Attributes starting with "on" become listeners; `dataset` and `style` objects are merged;
 * null or false children and attributes are skipped.
 */
export function el(tag, attrs = {}, ...children) {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs || {})) {
		if (value === null || value === undefined || value === false) {
			continue;
		}
		if (name.startsWith('on') && typeof value === 'function') {
			element.addEventListener(name.slice(2), value);
		} else if (name === 'dataset' || name === 'style') {
			Object.assign(element[name], value);
		} else if (name === 'html') {
			element.innerHTML = value;
		} else if (value === true) {
			element.setAttribute(name, '');
		} else {
			element.setAttribute(name, String(value));
		}
	}
	append(element, children);
	return element;
}

function append(element, children) {
	for (const child of children.flat()) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		element.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
}

/** Replaces the children of `element`. */
export function replaceChildren(element, ...children) {
	element.replaceChildren();
	append(element, children);
	return element;
}
