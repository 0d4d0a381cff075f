import {CircleMarker, GeoJSON, LayerGroup} from 'leaflet';

/** Vermillion of the Okabe–Ito set: apart from every status colour, and readable in any colour vision. */
export const HISTORY_COLOR = '#D55E00';

/**
 * An earlier version of the selected feature's shape, drawn over the map while its entry in
 * the history is open: a dashed vermillion outline on a white casing, a dashed ring for points.
 */
export const HistoryOverlay = LayerGroup.extend({
	options: {
		pane: 'hetu-highlight'
	},

	/** Draws `geometry` (GeoJSON) alone; answers its bounds, or null when there is nothing to draw. */
	show(geometry) {
		this.clearLayers();
		if (!geometry?.type) {
			return null;
		}
		const {pane} = this.options;
		const feature = {type: 'Feature', properties: {}, geometry};
		const point = (color, weight, dashArray) => (f, latlng) => new CircleMarker(latlng, {
			pane, interactive: false, radius: 16, color, weight, dashArray, fill: false
		});
		const casing = new GeoJSON(feature, {
			pane, interactive: false,
			style: {color: '#FFFFFF', weight: 8, opacity: 0.9, fill: false, lineCap: 'round', lineJoin: 'round'},
			pointToLayer: point('#FFFFFF', 7, null)
		});
		const line = new GeoJSON(feature, {
			pane, interactive: false,
			style: {color: HISTORY_COLOR, weight: 3.5, opacity: 1, dashArray: '8 6', fillColor: HISTORY_COLOR, fillOpacity: 0.12, lineCap: 'round'},
			pointToLayer: point(HISTORY_COLOR, 3.5, '6 5')
		});
		this.addLayer(casing);
		this.addLayer(line);
		const bounds = line.getBounds();
		return bounds.isValid() ? bounds : null;
	}
});
