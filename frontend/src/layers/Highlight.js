import {DivIcon, GeoJSON, LayerGroup, Marker} from 'leaflet';

/**
 * The selected feature, drawn above everything in its own pane: a white-cased black
 * outline for lines and areas, a pulsing ring for points. Readable in any colour vision.
 */
export const Highlight = LayerGroup.extend({
	options: {
		pane: 'hetu-highlight'
	},

	show(feature) {
		this.clearLayers();
		if (!feature?.geometry) {
			return;
		}
		const {pane} = this.options;
		const ring = (latlng) => new Marker(latlng, {
			pane,
			interactive: false,
			keyboard: false,
			icon: new DivIcon({className: 'hetu-selection-ring', iconSize: [44, 44], iconAnchor: [22, 22], html: '<span></span>'})
		});
		const casing = new GeoJSON(feature, {
			pane, interactive: false,
			style: {color: '#FFFFFF', weight: 9, opacity: 0.95, fill: false, lineCap: 'round', lineJoin: 'round'},
			pointToLayer: (f, latlng) => ring(latlng)
		});
		const line = new GeoJSON(feature, {
			pane, interactive: false,
			style: {color: '#111111', weight: 3.5, opacity: 1, fill: false, dashArray: null, lineCap: 'round', lineJoin: 'round'},
			filter: (f) => f.geometry.type !== 'Point' && f.geometry.type !== 'MultiPoint'
		});
		this.addLayer(casing);
		this.addLayer(line);
	}
});
