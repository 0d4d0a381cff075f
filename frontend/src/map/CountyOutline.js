import {GeoJSON} from 'leaflet';

/** The county boundary, drawn over every base map: a soft halo under a dash-dot line. */
export const CountyOutline = GeoJSON.extend({
	options: {
		pane: 'hetu-boundary',
		interactive: false
	},

	initialize(geojson, options) {
		GeoJSON.prototype.initialize.call(this, null, options);
		if (geojson) {
			this.setData(geojson);
		}
	},

	setData(geojson) {
		this.clearLayers();
		const halo = {color: '#FFFFFF', weight: 7, opacity: 0.75, fill: false};
		const line = {color: '#5B6B7B', weight: 2, opacity: 1, dashArray: '10 4 2 4', fill: false};
		this.options.style = halo;
		this.addData(geojson);
		this.options.style = line;
		this.addData(geojson);
	}
});
