import {GeoJSON, Marker} from 'leaflet';
import {bboxArea, pathStyle} from './Symbology.js';
import {featureMarker} from './PointLayer.js';
import {PointGrid} from './PointGrid.js';
import {FeatureFilter} from './FeatureFilter.js';
import {isAbort} from '../api/ApiError.js';
import {debounce} from '../util/debounce.js';
import {textContent} from './textContent.js';

/**
 * A line, polygon or mixed collection loaded by the visible extent: a bbox request on
 * add and after each move (debounced; a newer request cancels the older one), skipped
 * while the view stays inside the extent already loaded. Filtering is done on the
 * loaded features. Point features are drawn by the map's PointGrid with the point layers, so
 * that no marker overlaps another. Fires the same events as PointLayer.
 */
export const ExtentLayer = GeoJSON.extend({
	options: {
		collection: '',
		api: null,
		featureFilter: new FeatureFilter(),
		// Equality filters on properties that the server applies (a dashboard tile's map view).
		propertyFilter: null,
		geometryType: 'LineString',
		debounceMs: 300,
		padding: 0.3,
		className: 'hetu-feature',
		// Pane and size of the markers of point features in a mixed collection (project footprints).
		markerPane: 'markerPane',
		markerSize: 28,
		// Points drawn behind another layer's marker at the same place (see PointGrid).
		backdrop: false,
		// Areas whose bounding box exceeds this many square degrees (about 15 km × 15 km) are drawn as outlines.
		largeArea: 0.02
	},

	initialize(options) {
		GeoJSON.prototype.initialize.call(this, null, options);
		const {collection, geometryType} = this.options;
		this.options.style = (feature) => pathStyle(collection, feature.properties, feature.geometry?.type || geometryType,
			{large: bboxArea(feature.geometry) > this.options.largeArea});
		this.options.pointToLayer = (feature, latlng) => featureMarker(collection, feature, latlng,
			{pane: this.options.markerPane, size: this.options.markerSize});
		this.options.onEachFeature = (feature, layer) => this._bindFeature(feature, layer);
		this._features = [];
		this._drawn = 0;
		this._loadedBounds = null;
		this._complete = false;
		this._hidden = null;
		this._points = [];
		this._scheduleLoad = debounce(() => this._load(), this.options.debounceMs);
	},

	onAdd(map) {
		GeoJSON.prototype.onAdd.call(this, map);
		PointGrid.of(map).add(this);
		map.on('moveend', this._scheduleLoad, this);
		this._load();
	},

	onRemove(map) {
		map.off('moveend', this._scheduleLoad, this);
		this._scheduleLoad.cancel();
		this._controller?.abort();
		this._controller = null;
		PointGrid.of(map).remove(this);
		GeoJSON.prototype.onRemove.call(this, map);
	},

	setFeatureFilter(featureFilter) {
		this.options.featureFilter = featureFilter;
		this._redraw();
	},

	drawnCount() {
		return this._drawn;
	},

	isLoading() {
		return Boolean(this._controller);
	},

	/** Forgets what was loaded and loads the current view again. */
	reload() {
		this._loadedBounds = null;
		if (this._map) {
			this._load();
		}
	},

	/** Shows a feature as the server now has it (after an edit), at once, without loading again. */
	upsertFeature(feature) {
		const id = String(feature.id);
		const index = this._features.findIndex((f) => String(f.id) === id);
		if (index >= 0) {
			this._features[index] = feature;
		} else {
			this._features.push(feature);
		}
		this._redraw();
	},

	removeFeature(id) {
		this._features = this._features.filter((f) => String(f.id) !== String(id));
		this._redraw();
	},

	/** The loaded feature with this id, or null. */
	featureById(id) {
		return this._features.find((f) => String(f.id) === String(id)) || null;
	},

	/** Leaves one feature out of the drawing (the one being edited, drawn by the editor instead); null shows all. */
	setHidden(id) {
		this._hidden = id === null || id === undefined ? null : String(id);
		this._redraw();
	},

	/** Narrows the layer to features with these property values (null for all), and loads again. */
	setPropertyFilter(filter) {
		this.options.propertyFilter = filter && Object.keys(filter).length ? {...filter} : null;
		this._features = [];
		this._complete = false;
		this.reload();
	},

	async _load() {
		const map = this._map;
		if (!map) {
			return;
		}
		const view = map.getBounds();
		if (this._complete && this._loadedBounds?.contains(view)) {
			return;
		}
		const bounds = view.pad(this.options.padding);
		const bbox = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this.fire('loading');
		try {
			const {api, collection} = this.options;
			const collectionJson = await api.items(collection, {...this.options.propertyFilter, bbox}, {signal: controller.signal});
			if (controller !== this._controller) {
				return;
			}
			this._controller = null;
			this._features = collectionJson.features || [];
			const numberReturned = collectionJson.numberReturned ?? this._features.length;
			const numberMatched = collectionJson.numberMatched ?? numberReturned;
			this._loadedBounds = bounds;
			this._complete = numberMatched <= numberReturned;
			this._redraw();
			this.fire('load', {numberMatched, numberReturned});
		} catch (error) {
			if (controller === this._controller) {
				this._controller = null;
			}
			if (!isAbort(error)) {
				this.fire('error', {error});
			}
		}
	},

	_redraw() {
		const {featureFilter} = this.options;
		// Larger shapes first, so that smaller ones are drawn on top of them and stay clickable.
		const shown = this._features.filter((f) => f.geometry && featureFilter.accepts(f.properties) && String(f.id) !== this._hidden)
			.map((f) => [bboxArea(f.geometry), f]).sort((a, b) => b[0] - a[0]).map(([, f]) => f);
		this.clearLayers();
		this.addData({type: 'FeatureCollection', features: shown});
		this._points = [];
		for (const layer of this.getLayers()) {
			// A point is one marker (its tap bound by _bindFeature); a multipoint a group of them, each opening the feature.
			const markers = layer instanceof Marker ? [layer] : layer.getLayers?.().every((part) => part instanceof Marker) ? layer.getLayers() : [];
			for (const marker of markers) {
				marker.home = marker.getLatLng();
				if (marker !== layer) {
					marker.on('click', () => this.open(marker));
				}
			}
			if (markers.length) {
				this.removeLayer(layer);
				this._points.push(...markers);
			}
		}
		if (this._map) {
			PointGrid.of(this._map).changed();
		}
		this._drawn = shown.length;
		this.fire('drawn', {count: this._drawn});
	},

	/** The point markers the filter lets through, for the grid to draw. */
	shownMarkers() {
		return this._points;
	},

	/** Opens a point marker's feature, as its tap does. */
	open(marker) {
		const {collection} = this.options;
		this.fire('featureclick', {collection, feature: marker.feature, layer: marker, latlng: marker.home});
	},

	_bindFeature(feature, layer) {
		const {collection} = this.options;
		const key = `${collection}/${feature.id}`;
		layer.on('click', (e) => this.fire('featureclick', {collection, feature, layer, latlng: e.latlng}));
		if (layer.setStyle) {
			layer.on('add', () => {
				const element = layer.getElement?.();
				if (element) {
					element.setAttribute('data-key', key);
					element.setAttribute('data-status', feature.properties?.status || '');
				}
			});
			layer.on('mouseover', () => layer.setStyle({weight: (layer.options.weight || 3) + 2}));
			layer.on('mouseout', () => this.resetStyle(layer));
			if (feature.properties?.name) {
				layer.bindTooltip(textContent(feature.properties.name), {sticky: true, className: 'hetu-tooltip'});
			}
		}
	}
});
