import {DivIcon, Layer, Marker, Util} from 'leaflet';
import {markerHtml} from './Symbology.js';
import {FeatureFilter} from './FeatureFilter.js';
import {PointGrid} from './PointGrid.js';
import {isAbort} from '../api/ApiError.js';
import {textContent} from './textContent.js';

export const MARKER_SIZE = 28;

/**
 * A DivIcon whose markup is made when the icon is first put on the map: a layer holds thousands of
 * markers of which the point grid draws a few hundred at a time.
 */
const LazyIcon = DivIcon.extend({
	createIcon(oldIcon) {
		if (this.options.markup) {
			this.options.html = this.options.markup();
			this.options.markup = null;
		}
		return DivIcon.prototype.createIcon.call(this, oldIcon);
	}
});

/** A marker for a GeoJSON point feature of `collection`, drawn by the symbology. */
export function featureMarker(collection, feature, latlng, options = {}) {
	const {size = MARKER_SIZE, pane, overdue = false} = options;
	const marker = new Marker(latlng, {
		icon: new LazyIcon({
			className: 'hetu-marker-icon',
			markup: () => markerHtml(collection, feature, size, {overdue}),
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
		// Bound when first drawn, for the same reason.
		marker.once('add', () => marker.bindTooltip(textContent(name), {direction: 'top', offset: [0, -size / 2], className: 'hetu-tooltip'}));
	}
	return marker;
}

/**
 * A point collection, loaded whole (points are few and cheap), drawn by the map's PointGrid
 * together with the other point layers, so that their markers and clusters never overlap.
 * Filtering is done on the loaded features, so changing it needs no request.
 * Fires `loading`, `load` ({numberMatched, numberReturned}), `error` ({error}),
 * `drawn` ({count}) and `featureclick` ({collection, feature, layer}).
 */
export const PointLayer = Layer.extend({
	options: {
		collection: '',
		api: null,
		featureFilter: new FeatureFilter(),
		// Equality filters on properties that the server applies (a dashboard tile's map view).
		propertyFilter: null
	},

	initialize(options) {
		Util.setOptions(this, options);
		this._markers = [];
		this._shown = [];
		this._drawn = 0;
		this._state = 'idle';
		this._hidden = null;
	},

	onAdd(map) {
		PointGrid.of(map).add(this);
		if (this._state === 'idle' || this._state === 'error') {
			this.load();
		}
	},

	onRemove(map) {
		PointGrid.of(map).remove(this);
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
		// Where the feature is: the grid may draw the marker a little aside, inside its own cell.
		marker.home = marker.getLatLng();
		marker.on('click', () => this.open(marker));
		return marker;
	},

	/** Opens a marker's feature, as its tap does. */
	open(marker) {
		const {collection} = this.options;
		this.fire('featureclick', {collection, feature: marker.feature, layer: marker, latlng: marker.home});
	},

	/** The markers the filter lets through, for the grid to draw. */
	shownMarkers() {
		return this._shown;
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
		this._shown = shown;
		if (this._map) {
			PointGrid.of(this._map).changed();
		}
		this._drawn = shown.length;
		this.fire('drawn', {count: this._drawn});
	}
});
