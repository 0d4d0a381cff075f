import {DivIcon, Marker} from 'leaflet';
import {MarkerClusterGroup} from 'leaflet.markercluster';
import {clusterSvg, markerHtml} from './Symbology.js';
import {FeatureFilter} from './FeatureFilter.js';
import {isAbort} from '../api/ApiError.js';
import {WORK_STATUSES} from '../catalog/Schema.js';
import {textContent} from './textContent.js';

export const MARKER_SIZE = 28;

/** A marker for a GeoJSON point feature of `collection`, drawn by the symbology. */
export function featureMarker(collection, feature, latlng, options = {}) {
	const {size = MARKER_SIZE, pane, overdue = false} = options;
	const marker = new Marker(latlng, {
		icon: new DivIcon({
			className: 'hetu-marker-icon',
			html: markerHtml(collection, feature, size, {overdue}),
			iconSize: [size, size],
			iconAnchor: [size / 2, size / 2]
		}),
		keyboard: true,
		riseOnHover: true,
		...(pane ? {pane} : {})
	});
	marker.feature = feature;
	const name = feature.properties?.name;
	if (name) {
		marker.bindTooltip(textContent(name), {direction: 'top', offset: [0, -size / 2], className: 'hetu-tooltip'});
	}
	return marker;
}

function clusterIcon(cluster) {
	const counts = Object.fromEntries(WORK_STATUSES.map((s) => [s, 0]));
	for (const marker of cluster.getAllChildMarkers()) {
		const status = marker.feature?.properties?.status;
		counts[status in counts ? status : 'none'] += 1;
	}
	const svg = clusterSvg(counts);
	const size = Number(/width="(\d+)"/.exec(svg)[1]);
	return new DivIcon({html: svg, className: 'hetu-cluster-icon', iconSize: [size, size]});
}

/**
 * A point collection, loaded whole (points are few and cheap) and clustered at low zoom.
 * Filtering is done on the loaded features, so changing it needs no request.
 * Fires `loading`, `load` ({numberMatched, numberReturned}), `error` ({error}),
 * `drawn` ({count}) and `featureclick` ({collection, feature, layer}).
 */
export const PointLayer = MarkerClusterGroup.extend({
	options: {
		collection: '',
		api: null,
		featureFilter: new FeatureFilter(),
		// Equality filters on properties that the server applies (a dashboard tile's map view).
		propertyFilter: null,
		maxClusterRadius: 48,
		disableClusteringAtZoom: 15,
		showCoverageOnHover: false,
		spiderfyOnMaxZoom: true,
		chunkedLoading: true,
		iconCreateFunction: clusterIcon
	},

	initialize(options) {
		MarkerClusterGroup.prototype.initialize.call(this, options);
		this._markers = [];
		this._drawn = 0;
		this._state = 'idle';
		this._hidden = null;
	},

	onAdd(map) {
		MarkerClusterGroup.prototype.onAdd.call(this, map);
		if (this._state === 'idle' || this._state === 'error') {
			this.load();
		}
	},

	onRemove(map) {
		MarkerClusterGroup.prototype.onRemove.call(this, map);
		if (this._state === 'loading') {
			this._controller?.abort();
			this._state = 'idle';
		}
	},

	/** Forgets what was loaded and loads again (after a change on the server). */
	reload() {
		if (this._map) {
			this.load();
		} else {
			this._state = 'idle';
		}
	},

	async load() {
		const {api, collection} = this.options;
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this._state = 'loading';
		this.fire('loading');
		try {
			const collectionJson = await api.items(collection, {...this.options.propertyFilter}, {signal: controller.signal});
			const features = collectionJson.features || [];
			this._markers = features.filter((f) => f.geometry?.type === 'Point').map((feature) => this._marker(feature));
			this._state = 'loaded';
			this._redraw();
			this.fire('load', {
				numberMatched: collectionJson.numberMatched ?? features.length,
				numberReturned: collectionJson.numberReturned ?? features.length
			});
		} catch (error) {
			if (!isAbort(error)) {
				this._state = 'error';
				this.fire('error', {error});
			}
		}
	},

	_marker(feature) {
		const {collection} = this.options;
		const [lon, lat] = feature.geometry.coordinates;
		const marker = featureMarker(collection, feature, [lat, lon]);
		marker.on('click', () => this.fire('featureclick', {collection, feature, layer: marker, latlng: marker.getLatLng()}));
		return marker;
	},

	/** Shows a feature as the server now has it (after an edit), at once, without loading again. */
	upsertFeature(feature) {
		const id = String(feature.id);
		const rest = this._markers.filter((m) => String(m.feature.id) !== id);
		this._markers = feature.geometry?.type === 'Point' ? [...rest, this._marker(feature)] : rest;
		if (this._state === 'loaded') {
			this._redraw();
		}
	},

	removeFeature(id) {
		this._markers = this._markers.filter((m) => String(m.feature.id) !== String(id));
		if (this._state === 'loaded') {
			this._redraw();
		}
	},

	/** The loaded feature with this id, or null. */
	featureById(id) {
		return this._markers.find((m) => String(m.feature.id) === String(id))?.feature || null;
	},

	/** Leaves one feature out of the drawing (the one being edited, drawn by the editor instead); null shows all. */
	setHidden(id) {
		this._hidden = id === null || id === undefined ? null : String(id);
		if (this._state === 'loaded') {
			this._redraw();
		}
	},

	/** Narrows the layer to features with these property values (null for all), and loads again. */
	setPropertyFilter(filter) {
		this.options.propertyFilter = filter && Object.keys(filter).length ? {...filter} : null;
		this.reload();
	},

	setFeatureFilter(featureFilter) {
		this.options.featureFilter = featureFilter;
		if (this._state === 'loaded') {
			this._redraw();
		}
	},

	/** Number of features currently drawn (after the filter). */
	drawnCount() {
		return this._drawn;
	},

	isLoading() {
		return this._state === 'loading';
	},

	_redraw() {
		const {featureFilter} = this.options;
		const shown = this._markers.filter((m) => featureFilter.accepts(m.feature.properties) && String(m.feature.id) !== this._hidden);
		this.clearLayers();
		this.addLayers(shown);
		this._drawn = shown.length;
		this.fire('drawn', {count: this._drawn});
	}
});
