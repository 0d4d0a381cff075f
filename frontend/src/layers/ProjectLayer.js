import {GeoJSON, LayerGroup} from 'leaflet';
import {ExtentLayer} from './ExtentLayer.js';
import {featureMarker} from './PointLayer.js';
import {OVERDUE_COLOR} from './Symbology.js';

/**
 * The key projects' footprints, loaded by extent like other lines and areas and coloured by
 * status, with the projects that have overdue milestones flagged: a red ring around a point,
 * a red casing under a line or an area. Which projects are overdue comes from the project
 * list (`setOverdue`), so the map and the list always agree.
 */
export const ProjectLayer = ExtentLayer.extend({
	options: {
		overduePane: 'hetu-overdue'
	},

	initialize(options) {
		ExtentLayer.prototype.initialize.call(this, options);
		this._overdue = new Map();
		this._casing = new LayerGroup();
		this.options.pointToLayer = (feature, latlng) => featureMarker(this.options.collection, feature, latlng, {
			pane: this.options.markerPane, size: this.options.markerSize, overdue: this.isOverdue(feature.id)
		});
	},

	onAdd(map) {
		this._casing.addTo(map);
		ExtentLayer.prototype.onAdd.call(this, map);
	},

	onRemove(map) {
		ExtentLayer.prototype.onRemove.call(this, map);
		this._casing.remove();
	},

	/** `overdue` maps project ids to their numbers of overdue milestones. */
	setOverdue(overdue) {
		this._overdue = new Map([...overdue].map(([id, n]) => [String(id), Number(n)]));
		this._redraw();
	},

	isOverdue(id) {
		return (this._overdue.get(String(id)) || 0) > 0;
	},

	_redraw() {
		ExtentLayer.prototype._redraw.call(this);
		this._casing.clearLayers();
		const flagged = [];
		this.eachLayer((layer) => {
			const feature = layer.feature;
			if (feature && this.isOverdue(feature.id) && feature.geometry && !/Point/.test(feature.geometry.type)) {
				flagged.push(feature);
			}
		});
		if (flagged.length) {
			this._casing.addLayer(new GeoJSON({type: 'FeatureCollection', features: flagged}, {
				pane: this.options.overduePane, interactive: false,
				style: {color: OVERDUE_COLOR, weight: 11, opacity: 0.55, fill: false, lineCap: 'round', lineJoin: 'round', className: 'hetu-overdue-casing'},
				onEachFeature: (feature, layer) => layer.on('add', () => layer.getElement?.()?.setAttribute('data-key', `project/${feature.id}`))
			}));
		}
	}
});
