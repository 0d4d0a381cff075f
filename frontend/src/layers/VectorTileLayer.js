import {DomUtil, GridLayer, LatLngBounds} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {FeatureFilter} from './FeatureFilter.js';
import {decodeTile} from './tiles/decodeTile.js';
import {featureAt} from './tiles/hitTest.js';
import {paintTile} from './tiles/paintTile.js';
import {tileUrl} from './tiles/tileUrl.js';

/** Collections drawn from the server's vector tiles rather than loaded as GeoJSON. */
export const TILED_COLLECTIONS = ['land_parcel', 'ditch'];

/** The lon/lat bounds of a GeoJSON geometry, or null. */
function geometryBounds(geometry) {
	const bounds = new LatLngBounds();
	const walk = (coordinates) => {
		if (typeof coordinates[0] === 'number') {
			bounds.extend([coordinates[1], coordinates[0]]);
		} else {
			coordinates.forEach(walk);
		}
	};
	if (geometry?.coordinates) {
		walk(geometry.coordinates);
	}
	return bounds.isValid() ? bounds : null;
}

/**
 * A line or polygon collection drawn from `/tiles/{collection}/{z}/{x}/{y}.mvt` on canvas
 * tiles, with the same symbols as the GeoJSON layers. Each tile keeps its decoded features,
 * so the user's filter and the feature being edited redraw it without fetching again; the
 * server's equality filters (a dashboard tile's map view) go into the tile URLs. A tile that
 * leaves the view has its request aborted. Fires `loading`, `load`, `error`, `drawn` like
 * ExtentLayer; `capped` when a tile in view holds the server's cap of features (there may be
 * more: the user should zoom in); and `featureclick` when TileInteraction finds one of its
 * features under a click, with the tile's few attributes, no geometry, and `partial: true`.
 * Dense tiles at low zoom come generalised (tiles/GeneralisedTileSql): cells, squares that count
 * the small features in them, are shaded by their count and never clicked; `drawn` then says
 * `aggregated`, and counts the cells' features with the rest.
 */
export const VectorTileLayer = GridLayer.extend({
	options: {
		collection: '',
		api: null,
		featureFilter: new FeatureFilter(),
		propertyFilter: null,
		// The address of a server tile {z, x, y}, when it is not the collection's own tile (tileUrl).
		url: null,
		// The server's cap of features in one tile (hetu.tiles.max-features): a tile that holds
		// this many may be missing some, so the layer says `capped`.
		featureCap: 20000,
		className: 'hetu-vector-tiles',
		// A 512 px tile is the server's tile of the zoom level above: a quarter of the requests
		// (a browser opens six connections to the server), each drawn with 8 tile units a pixel.
		tileSize: 512,
		updateWhenZooming: false,
		keepBuffer: 1
	},

	initialize(options) {
		GridLayer.prototype.initialize.call(this, options);
		this._entries = new WeakMap();
		this._hidden = null;
		// A feature just saved: its old shape is left out until the tiles that held it come back.
		this._stale = null;
		this._countTimer = null;
		this._errorReported = false;
		this._capped = false;
		this.on('tileunload', this._onTileUnload, this);
		this.on('loading', () => this._mark('loaded', 'false'));
		this.on('load', () => {
			this._errorReported = false;
			this._checkCapped();
			this._mark('loaded', 'true');
		});
		this.on('drawn', (e) => {
			this._mark('drawn', String(e.count));
			this._mark('aggregated', String(e.aggregated));
		});
	},

	onAdd(map) {
		GridLayer.prototype.onAdd.call(this, map);
		this.getContainer().dataset.collection = this.options.collection;
	},

	/**
	 * Says on the layer's element whether every tile in view is drawn (`data-loaded`), how many
	 * features it draws and whether cells count some of them (`data-drawn`, `data-aggregated`),
	 * for the browser tests and bench/map-render.mjs.
	 */
	_mark(key, value) {
		const container = this.getContainer();
		if (container) {
			container.dataset[key] = value;
		}
	},

	onRemove(map) {
		GridLayer.prototype.onRemove.call(this, map);
		clearTimeout(this._countTimer);
		this._countTimer = null;
	},

	createTile(coords, done) {
		const canvas = DomUtil.create('canvas', 'hetu-vector-tile');
		// No backing pixels until there is something to draw: many tiles are empty.
		canvas.width = 0;
		canvas.height = 0;
		const size = this.getTileSize();
		const pixelRatio = globalThis.devicePixelRatio || 1;
		const server = {x: coords.x, y: coords.y, z: coords.z - Math.log2(size.x / 256)};
		const entry = {coords, server, pixelRatio, tile: null, controller: null};
		this._entries.set(canvas, entry);
		this._load(canvas, entry).then(() => done(null, canvas), (error) => {
			if (!isAbort(error)) {
				done(error, canvas);
			}
		});
		return canvas;
	},

	/** Fetches (or revalidates) one tile and draws it; the old drawing stays until the new one is ready. */
	async _load(canvas, entry) {
		entry.controller?.abort();
		const controller = entry.controller = new AbortController();
		const {api, collection, propertyFilter, url} = this.options;
		try {
			const address = url ? url(entry.server) : tileUrl(collection, entry.server, propertyFilter);
			const buffer = await api.tile(address, {signal: controller.signal});
			if (controller !== entry.controller) {
				throw Object.assign(new Error('superseded'), {name: 'AbortError'});
			}
			entry.controller = null;
			entry.tile = decodeTile(buffer, collection);
			this._paint(canvas, entry);
		} catch (error) {
			if (controller === entry.controller) {
				entry.controller = null;
			}
			if (!isAbort(error) && !this._errorReported) {
				this._errorReported = true;
				this.fire('error', {error});
			}
			throw error;
		}
	},

	_onTileUnload(e) {
		const entry = this._entries.get(e.tile);
		entry?.controller?.abort();
		// GridLayer only says `load` when a tile finishes; a loading tile that left the view never does.
		if (this._loading && this._noTilesToLoad()) {
			this._loading = false;
			this.fire('load');
		}
		this._scheduleCount();
	},

	/** Cells always show: a user's filter on attributes cannot tell what the features a cell counts hold. */
	_accepts(feature) {
		if (feature.cell) {
			return true;
		}
		return feature.id !== this._hidden && feature.id !== this._stale && this.options.featureFilter.accepts(feature.properties);
	},

	_paint(canvas, entry) {
		const size = this.getTileSize().x;
		const pixels = entry.tile.features.length ? Math.round(size * entry.pixelRatio) : 0;
		if (canvas.width !== pixels) {
			canvas.width = pixels;
			canvas.height = pixels;
		}
		const count = pixels ? paintTile(canvas, entry.tile, {
			collection: this.options.collection, size, pixelRatio: entry.pixelRatio, accepts: (feature) => this._accepts(feature)
		}) : 0;
		canvas.dataset.count = String(count);
		this._scheduleCount();
	},

	/** The loaded tiles: [{canvas, entry}], those of the current zoom level only if `current`. */
	_loaded(current = false) {
		return Object.values(this._tiles || {})
			.filter((t) => !current || t.coords.z === this._tileZoom)
			.map((t) => ({canvas: t.el, entry: this._entries.get(t.el)}))
			.filter(({entry}) => entry?.tile);
	},

	_repaint(which = () => true) {
		for (const {canvas, entry} of this._loaded()) {
			if (which(entry)) {
				this._paint(canvas, entry);
			}
		}
	},

	/**
	 * Fetches again the loaded tiles `which(entry, bounds)` picks (a tile that did not change
	 * answers 304), saying `loading` and `load` around it; answers when they are all back.
	 */
	_refresh(which = () => true) {
		const loads = this._loaded().filter(({entry}) => which(entry, this._tileCoordsToBounds(entry.coords)))
			.map(({canvas, entry}) => this._load(canvas, entry));
		if (!loads.length) {
			return Promise.resolve();
		}
		this.fire('loading');
		return Promise.allSettled(loads).then(() => {
			if (this._map && !this._loading) {
				this.fire('load');
			}
		});
	},

	/** Counts the distinct features drawn at the current zoom, once tiles stop arriving for a moment. */
	_scheduleCount() {
		if (!this._map) {
			return;
		}
		clearTimeout(this._countTimer);
		this._countTimer = setTimeout(() => {
			this._countTimer = null;
			const ids = new Set();
			let counted = 0;
			for (const {entry} of this._loaded(true)) {
				for (const feature of entry.tile.features) {
					if (feature.cell) {
						counted += Number(feature.properties.cell_features);
					} else if (this._accepts(feature)) {
						ids.add(feature.id);
					}
				}
			}
			this.fire('drawn', {count: ids.size + counted, aggregated: counted > 0});
		}, 100);
	},

	/** Says `capped` once each time the view comes to hold a tile cut at the cap. */
	_checkCapped() {
		const capped = this._loaded(true).some(({entry}) => entry.tile.features.length >= this.options.featureCap);
		if (capped && !this._capped) {
			this.fire('capped');
		}
		this._capped = capped;
	},

	// ---- what the workspace asks of every feature layer

	setFeatureFilter(featureFilter) {
		this.options.featureFilter = featureFilter;
		this._repaint();
	},

	/** Narrows the layer to features with these property values (null for all): new tile URLs, fetched anew. */
	setPropertyFilter(filter) {
		this.options.propertyFilter = filter && Object.keys(filter).length ? {...filter} : null;
		// Not GridLayer.redraw(), which takes a fractional map zoom (zoomSnap 0.5) for the tile zoom.
		if (this._map) {
			this._removeAllTiles();
			this._update();
		}
	},

	/** Fetches every loaded tile again (after a restore from history, whose shape may be anywhere). */
	reload() {
		this._refresh();
	},

	/** After an edit: the tiles that held the feature and those its new shape touches, fetched again. */
	upsertFeature(feature) {
		const id = String(feature.id);
		const bounds = geometryBounds(feature.geometry);
		const held = (entry) => entry.tile.features.some((f) => f.id === id);
		this._stale = id;
		this._repaint(held);
		this._refresh((entry, tileBounds) => held(entry) || Boolean(bounds && tileBounds.intersects(bounds))).then(() => {
			if (this._stale === id) {
				this._stale = null;
				this._repaint(held);
			}
		});
	},

	removeFeature(id) {
		const key = String(id);
		this._refresh((entry) => entry.tile.features.some((f) => f.id === key));
	},

	/** Tiles carry too little to stand for a feature; the workspace asks the feature API instead. */
	featureById() {
		return null;
	},

	/** Leaves one feature out of the drawing (the one being edited, drawn by the editor instead); null shows all. */
	setHidden(id) {
		const before = this._hidden;
		this._hidden = id === null || id === undefined ? null : String(id);
		this._repaint((entry) => entry.tile.features.some((f) => f.id === before || f.id === this._hidden));
	},

	/**
	 * The drawn feature at `latlng`: the nearest line within `tolerance` screen pixels, else the
	 * area under it; as {type, id, properties, geometry: null}, or null.
	 */
	featureAt(latlng, tolerance) {
		const map = this._map;
		const zoom = this._tileZoom;
		if (!map || zoom === undefined) {
			return null;
		}
		const size = this.getTileSize();
		const point = map.project(latlng, zoom);
		const coords = point.unscaleBy(size).floor();
		coords.z = zoom;
		const record = this._tiles[this._tileCoordsToKey(coords)];
		const tile = record && this._entries.get(record.el)?.tile;
		if (!tile) {
			return null;
		}
		const units = tile.extent / size.x;
		const x = (point.x - coords.x * size.x) * units;
		const y = (point.y - coords.y * size.y) * units;
		const screenPerTilePixel = map.getZoomScale(map.getZoom(), zoom);
		const hit = featureAt(tile.features, x, y, (tolerance / screenPerTilePixel) * units, (f) => !f.cell && this._accepts(f));
		return hit ? {type: 'Feature', id: hit.id, properties: {...hit.properties}, geometry: null} : null;
	}
});
