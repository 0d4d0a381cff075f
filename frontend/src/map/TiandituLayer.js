import {LayerGroup, TileLayer} from 'leaflet';
import {tiandituUrl} from './tiandituUrl.js';

/**
 * 天地图 (Tianditu), the national base map: vector tiles (vec_w) with their annotation,
 * Chinese (cva_w) or English (eva_w) after the language. Needs a key (tk).
 */
export const TiandituLayer = LayerGroup.extend({
	options: {
		key: '',
		english: false,
		attribution: ''
	},

	initialize(options) {
		LayerGroup.prototype.initialize.call(this, [], options);
		const {key, attribution} = this.options;
		const common = {subdomains: '01234567', maxZoom: 18, attribution};
		this._vector = new TileLayer(tiandituUrl('vec', key), common);
		this._labels = new TileLayer(tiandituUrl(this.options.english ? 'eva' : 'cva', key), {...common, attribution: ''});
		this.addLayer(this._vector);
		this.addLayer(this._labels);
	},

	setEnglish(english) {
		this._labels.setUrl(tiandituUrl(english ? 'eva' : 'cva', this.options.key));
	}
});
