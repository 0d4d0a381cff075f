import {Map as LeafletMap} from 'leaflet';
import {countyView} from '../county/County.js';

/**
 * A Leaflet map for a page of its own (not the main map): county view, no built-in zoom or
 * attribution controls, and the page's panes in z order, where the passive ones show but never
 * take a click or a tap, which goes through to the map.
 */
export function pageMap(element, {panes, passive, ...options}) {
	const map = new LeafletMap(element, {
		...countyView(), minZoom: 6, maxZoom: 19, zoomControl: false, attributionControl: false,
		zoomSnap: 0.5, ...options
	});
	// Leaflet makes a container that is not yet in the page `position: relative`; the stylesheet places it.
	element.style.removeProperty('position');
	for (const [name, zIndex] of Object.entries(panes)) {
		const pane = map.createPane(name);
		pane.style.zIndex = String(zIndex);
		if (passive.test(name)) {
			pane.style.pointerEvents = 'none';
		}
	}
	return map;
}
