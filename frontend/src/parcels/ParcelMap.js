import {Circle, CircleMarker, Control, DivIcon, DomEvent, GeoJSON, LayerGroup, Marker} from 'leaflet';
import {geomanFor} from '../edit/loadGeoman.js';
import {featureMarker} from '../layers/PointLayer.js';
import {VectorTileLayer} from '../layers/VectorTileLayer.js';
import {pathStyle} from '../layers/Symbology.js';
import {textContent} from '../layers/textContent.js';
import {CountyOutline} from '../map/CountyOutline.js';
import {pageMap} from '../map/pageMap.js';
import {OfflineBasemap} from '../map/OfflineBasemap.js';
import {MapHint} from '../ui/MapHint.js';
import {showMapProblem} from '../ui/mapProblem.js';
import {el} from '../util/dom.js';
import {BUFFER_STYLE, CONTEXT_STYLE, DRAWN_STYLE, FOOTPRINT_STYLE, NEAR_STYLE, SELECTED_CASING, SELECTED_STYLE, metresPerPixel, resultStyle} from './parcelStyle.js';

const PANES = {
	'hetu-base': 150,
	'hetu-boundary': 395,
	'hetu-parcel-context': 400,
	'hetu-parcel-near': 405,
	'hetu-parcel-matches': 407,
	'hetu-parcel-results': 410,
	'hetu-parcel-drawn': 420,
	'hetu-base-labels': 440,
	'hetu-parcel-pick': 600,
	'hetu-parcel-selected': 640,
	'hetu-edit': 645,
	'hetu-edit-vertices': 660
};

/** Panes that only show, and never take a click. */
const PASSIVE = /base|boundary|context|near|matches|drawn|selected/;

/**
 * The parcels page's own map, on the offline county base map: every parcel as faint context,
 * the query's matches in their category and status colours, the drawn search area, the
 * features a distance is measured from with the band within that distance, a project's
 * footprint and the parcel whose plan is open. It draws a search polygon (Leaflet-Geoman,
 * with a finish button for touch screens) and lets the planner pick a feature to measure from.
 */
export class ParcelMap {
	constructor(options) {
		const {container, api, i18n, county, onParcelClick, onPolygon, onPicked} = options;
		Object.assign(this, {api, i18n, county});
		this.callbacks = {onParcelClick, onPolygon, onPicked};
		this.element = el('div', {class: 'hetu-parcels__map', id: 'hetu-parcels-map', role: 'region'});
		container.append(this.element);
		const map = this.map = pageMap(this.element, {panes: PANES, passive: PASSIVE, wheelPxPerZoomLevel: 90});
		this.zoom = new Control.Zoom({position: 'topleft'}).addTo(map);
		new Control.Scale({metric: true, imperial: false, position: 'bottomleft'}).addTo(map);
		this.basemap = new OfflineBasemap({api, i18n, county}).addTo(map);
		this.basemap.on('error', (e) => showMapProblem(this.element, i18n, e.error));
		this.context = new GeoJSON(null, {pane: 'hetu-parcel-context', style: CONTEXT_STYLE, interactive: false}).addTo(map);
		this.near = new LayerGroup().addTo(map);
		this.footprint = new GeoJSON(null, {pane: 'hetu-parcel-near', style: FOOTPRINT_STYLE, interactive: false,
			pointToLayer: (f, latlng) => new CircleMarker(latlng, {...FOOTPRINT_STYLE, pane: 'hetu-parcel-near', radius: 9})}).addTo(map);
		this.results = new GeoJSON(null, {
			pane: 'hetu-parcel-results',
			style: (feature) => resultStyle(feature.properties),
			onEachFeature: (feature, layer) => this._bindResult(feature, layer)
		}).addTo(map);
		this.matches = null;
		this.drawn = new GeoJSON(null, {pane: 'hetu-parcel-drawn', style: DRAWN_STYLE, interactive: false}).addTo(map);
		this.selected = new LayerGroup().addTo(map);
		this.pickLayer = new LayerGroup().addTo(map);
		this.problem = null;
		this.hint = new MapHint({container: this.element});
		this._buffers = [];
		this._drawing = false;
		this._picking = null;
		this._selectedId = null;
		map.on('zoomend', () => this._sizeBuffers());
		// The map is made before its page is on screen, and the page's layout moves (a plan opens, a phone turns):
		// Leaflet learns its size again, and a map first seen at size zero fits what it shows.
		this._resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this._resized()) : null;
		this._resizeObserver?.observe(this.element);
		map.on('pm:create', (e) => this._onCreate(e));
		// The corners placed so far, for anyone waiting on the drawing (the browser tests among them).
		map.on('pm:drawstart', ({workingLayer}) => {
			this.element.dataset.vertices = '0';
			workingLayer?.on('pm:vertexadded', () => {
				this.element.dataset.vertices = String(workingLayer.getLatLngs().length);
			});
		});
		this._translate();
		county?.then((geojson) => {
			if (!this.map) {
				return;
			}
			this.outline = new CountyOutline(geojson).addTo(map);
			this.countyBounds = this.outline.getBounds();
			if (!this._fitted && this._seen && !this.results.getLayers().length && this.countyBounds.isValid()) {
				map.fitBounds(this.countyBounds, {padding: [12, 12], animate: false});
			}
		}).catch((error) => showMapProblem(this.element, i18n, error));
	}

	destroy() {
		this._resizeObserver?.disconnect();
		this.map?.remove();
		this.map = null;
		this.element.remove();
	}

	/** After the map's box changed size or came back into the page. */
	invalidate() {
		this._resized();
	}

	_resized() {
		if (!this.map) {
			return;
		}
		const {clientWidth: width, clientHeight: height} = this.element;
		const wasHidden = !this._seen;
		this.map.invalidateSize({pan: false});
		if (width > 0 && height > 0) {
			this._seen = true;
			if (wasHidden) {
				this._refit();
			}
		} else {
			this._seen = false;
		}
	}

	/** Fits the view once the map has a size: the matches if there are any, else the county. */
	_refit() {
		if (this.results.getLayers().length) {
			this.fitResults();
		} else if (this.countyBounds?.isValid()) {
			this.map.fitBounds(this.countyBounds, {padding: [12, 12], animate: false});
		}
	}

	refreshLanguage() {
		this.basemap.refreshLabels();
		this._translate();
		if (this._drawing) {
			this._drawHint();
		} else if (this._picking) {
			this._pickHint();
		}
	}

	_translate() {
		const t = (key) => this.i18n.t(key);
		this.element.setAttribute('aria-label', t('parcels.map.label'));
		const zoomIn = this.element.querySelector('.leaflet-control-zoom-in');
		const zoomOut = this.element.querySelector('.leaflet-control-zoom-out');
		zoomIn?.setAttribute('title', t('parcels.map.zoomIn'));
		zoomIn?.setAttribute('aria-label', t('parcels.map.zoomIn'));
		zoomOut?.setAttribute('title', t('parcels.map.zoomOut'));
		zoomOut?.setAttribute('aria-label', t('parcels.map.zoomOut'));
	}

	// ---- parcels

	/** Every parcel, faint, so that the matches stand out among the rest. */
	setContext(collection) {
		this.context.clearLayers();
		if (collection) {
			this.context.addData(collection);
		}
	}

	/** The query's matches; `fit` brings them into view. Answers how many are drawn. */
	setResults(collection, options = {}) {
		const {fit = false} = options;
		this.results.clearLayers();
		this._resultLayers = new Map();
		if (collection?.features?.length) {
			this.results.addData(collection);
		}
		this.element.dataset.results = String(this._resultLayers.size);
		this.setSelected(this._selectedId);
		if (fit) {
			this.fitResults();
		}
		return this._resultLayers.size;
	}

	/**
	 * Every match of `search` (the body the search was sent with; null for none) drawn from the
	 * server's tiles of that search, so that none is left out however many there are; those the
	 * results layer already draws, clickable, are left to it.
	 */
	setMatches(search) {
		this.matches?.remove();
		this.matches = null;
		if (!search) {
			return;
		}
		const {page, size, sort, ...conditions} = search;
		const q = encodeURIComponent(JSON.stringify(conditions));
		this.matches = new VectorTileLayer({
			collection: 'land_parcel',
			api: this.api,
			pane: 'hetu-parcel-matches',
			url: ({z, x, y}) => `/api/v1/parcels/tiles/${z}/${x}/${y}.mvt?q=${q}`,
			featureFilter: {accepts: (props) => !this._resultLayers?.has(String(props.id))}
		}).addTo(this.map);
	}

	fitResults() {
		if (!this._seen) {
			// Fitted when the map is first seen; a box of size zero has no view to fit.
			return;
		}
		const bounds = this.results.getBounds();
		const drawn = this.drawn.getBounds();
		if (drawn.isValid()) {
			bounds.extend(drawn);
		}
		if (!this.results.getLayers().length) {
			// No match: show where the spatial conditions are, so that the planner sees why.
			for (const other of [this.footprintBounds(), this.nearBounds()]) {
				if (other?.isValid()) {
					bounds.extend(other);
				}
			}
		}
		if (bounds.isValid()) {
			this._fitted = true;
			this.map.fitBounds(bounds, {padding: [28, 28], maxZoom: 16, animate: false});
		} else if (this.countyBounds?.isValid()) {
			this.map.fitBounds(this.countyBounds, {padding: [12, 12], animate: false});
		}
	}

	_bindResult(feature, layer) {
		this._resultLayers.set(String(feature.id), layer);
		const props = feature.properties || {};
		layer.bindTooltip(textContent(props.name || props.code || `#${feature.id}`), {sticky: true, className: 'hetu-tooltip'});
		layer.on('click', (e) => {
			if (this._drawing) {
				// The map's drawing tool places a corner here: a tap on a parcel is a tap on the map.
				return;
			}
			DomEvent.stopPropagation(e);
			if (this._picking) {
				return;
			}
			this.callbacks.onParcelClick?.(feature);
		});
		layer.on('mouseover', () => layer.setStyle({weight: 4}));
		layer.on('mouseout', () => layer.setStyle({weight: resultStyle(props).weight}));
		layer.getElement?.()?.setAttribute('data-parcel', String(feature.id));
		layer.on('add', () => layer.getElement?.()?.setAttribute('data-parcel', String(feature.id)));
	}

	/** Outlines the parcel whose plan is open (a feature, or an id among the drawn results); null clears it. */
	setSelected(idOrFeature, options = {}) {
		const {reveal = false} = options;
		this.selected.clearLayers();
		const feature = idOrFeature && typeof idOrFeature === 'object' ? idOrFeature : null;
		const id = feature ? String(feature.id) : idOrFeature ? String(idOrFeature) : null;
		this._selectedId = id;
		const geometry = feature?.geometry || this._resultLayers?.get(id)?.feature?.geometry;
		if (!geometry) {
			return;
		}
		const casing = new GeoJSON(geometry, {pane: 'hetu-parcel-selected', style: SELECTED_CASING, interactive: false});
		const line = new GeoJSON(geometry, {pane: 'hetu-parcel-selected', style: SELECTED_STYLE, interactive: false});
		this.selected.addLayer(casing).addLayer(line);
		if (reveal) {
			this.revealSelected();
		}
	}

	/** Brings the parcel whose plan is open into view, close enough to be seen (not a speck among the county's). */
	revealSelected() {
		const bounds = this.selected.getLayers()[1]?.getBounds();
		if (!this._seen || !bounds?.isValid()) {
			return;
		}
		const nw = this.map.latLngToContainerPoint(bounds.getNorthWest());
		const se = this.map.latLngToContainerPoint(bounds.getSouthEast());
		const speck = Math.max(se.x - nw.x, se.y - nw.y) < 24;
		if (speck || !this.map.getBounds().pad(-0.1).contains(bounds)) {
			this.map.fitBounds(bounds, {maxZoom: 16, paddingTopLeft: [40, 60], paddingBottomRight: [this._rightPadding(), 40], animate: false});
		}
	}

	/** Room on the right that the plan beside the map covers on a wide screen. */
	_rightPadding() {
		const plan = this.element.closest('.hetu-parcels')?.querySelector('.hetu-parcel-plan:not([hidden])');
		const wide = this.element.clientWidth > 720;
		return plan && wide ? plan.getBoundingClientRect().width + 40 : 40;
	}

	// ---- spatial conditions shown on the map

	setPolygon(geometry) {
		this.drawn.clearLayers();
		if (geometry) {
			this.drawn.addData(geometry);
		}
		this.clearProblem();
	}

	/** The features a distance is measured from, each with the band within `distance` metres. */
	setNear(collectionName, features, distance) {
		this.near.clearLayers();
		this._buffers = [];
		if (!features?.features?.length) {
			return;
		}
		const d = Number(distance) || 0;
		for (const feature of features.features) {
			const geometry = feature.geometry;
			if (!geometry) {
				continue;
			}
			if (geometry.type === 'Point') {
				const [lon, lat] = geometry.coordinates;
				if (d > 0) {
					this.near.addLayer(new Circle([lat, lon], {...BUFFER_STYLE, radius: d, pane: 'hetu-parcel-near'}));
				}
				this.near.addLayer(featureMarker(collectionName, feature, [lat, lon], {size: 26, pane: 'hetu-parcel-near'}));
				continue;
			}
			if (d > 0) {
				// A line's band: a stroke as wide as twice the distance, resized with the zoom.
				const band = new GeoJSON(geometry, {pane: 'hetu-parcel-near', interactive: false,
					style: {...BUFFER_STYLE, fill: /Polygon/.test(geometry.type), lineCap: 'round', lineJoin: 'round'}});
				this._buffers.push({layer: band, distance: d, polygon: /Polygon/.test(geometry.type)});
				this.near.addLayer(band);
			}
			this.near.addLayer(new GeoJSON(geometry, {pane: 'hetu-parcel-near', interactive: false,
				style: {...NEAR_STYLE, ...(/Line/.test(geometry.type) ? {} : {fill: false})}}));
		}
		this._sizeBuffers();
	}

	/** Bounds of the reference features, for fitting the view on them. */
	nearBounds() {
		const bounds = [];
		this.near.eachLayer((layer) => {
			const b = layer.getBounds ? layer.getBounds() : layer.getLatLng ? layer.getLatLng().toBounds(1) : null;
			if (b?.isValid()) {
				bounds.push(b);
			}
		});
		if (!bounds.length) {
			return null;
		}
		return bounds.reduce((all, b) => all.extend(b), bounds[0]);
	}

	_sizeBuffers() {
		if (!this.map || !this._buffers.length) {
			return;
		}
		const zoom = this.map.getZoom();
		const latitude = this.map.getCenter().lat;
		for (const {layer, distance, polygon} of this._buffers) {
			const weight = Math.max(1, (2 * distance) / metresPerPixel(latitude, zoom));
			layer.setStyle({weight: polygon ? weight : weight, opacity: BUFFER_STYLE.opacity});
		}
	}

	setFootprint(geometry) {
		this.footprint.clearLayers();
		if (geometry) {
			this.footprint.addData(geometry);
		}
	}

	footprintBounds() {
		const bounds = this.footprint.getBounds();
		return bounds.isValid() ? bounds : null;
	}

	/** Marks where a drawn polygon is invalid ([lon, lat]). */
	showProblem(location) {
		this.clearProblem();
		if (!location) {
			return;
		}
		const [lon, lat] = location;
		this.problem = new Marker([lat, lon], {
			pane: 'hetu-parcel-selected', interactive: false, keyboard: false,
			icon: new DivIcon({className: 'hetu-problem-marker', iconSize: [36, 36], iconAnchor: [18, 18],
				html: '<span class="hetu-problem-marker__ring"></span><span class="hetu-problem-marker__cross">×</span>'})
		}).addTo(this.map);
		if (!this.map.getBounds().contains([lat, lon])) {
			this.map.panTo([lat, lon]);
		}
	}

	clearProblem() {
		this.problem?.remove();
		this.problem = null;
	}

	// ---- drawing a search polygon

	get isDrawing() {
		return this._drawing;
	}

	async startDrawing() {
		this.stopPicking();
		this._drawing = true;
		this.element.classList.add('is-drawing');
		this._drawHint();
		try {
			this.pm = await geomanFor(this.map, {lang: this.i18n.isChinese ? 'zh' : 'en'});
		} catch (error) {
			this.stopDrawing();
			throw error;
		}
		if (!this._drawing) {
			return;
		}
		this.map.doubleClickZoom.disable();
		this.pm.enableDraw('Polygon', {
			pathOptions: {...DRAWN_STYLE, interactive: false, pane: 'hetu-edit'},
			templineStyle: {color: DRAWN_STYLE.color, weight: 3},
			hintlineStyle: {color: DRAWN_STYLE.color, dashArray: [5, 5], weight: 2},
			allowSelfIntersection: true, snappable: false, continueDrawing: false, finishOnEnter: true, finishOn: 'dblclick'
		});
		this.element.dataset.drawing = 'ready';
	}

	/** Closes the polygon being drawn (the touch screen's way to finish); false when it has too few corners. */
	finishDrawing() {
		const drawer = this.pm?.Draw?.Polygon;
		if (!this._drawing || !drawer) {
			return false;
		}
		const corners = drawer._layer?.getLatLngs?.().length || 0;
		if (corners < 3) {
			this.hint.show(this.i18n.t('parcels.draw.tooFew'), this._drawButtons(), {tone: 'error', mode: 'drawing'});
			return false;
		}
		drawer._finishShape();
		return true;
	}

	stopDrawing() {
		this._drawing = false;
		delete this.element.dataset.drawing;
		delete this.element.dataset.vertices;
		this.element.classList.remove('is-drawing');
		this.pm?.disableDraw();
		this.map?.doubleClickZoom.enable();
		this.hint.hide();
	}

	_drawButtons() {
		const t = (key) => this.i18n.t(key);
		return [
			{label: t('parcels.draw.finish'), action: 'finish-polygon', onClick: () => this.finishDrawing()},
			{label: t('parcels.draw.cancel'), kind: 'secondary', action: 'cancel-polygon', onClick: () => this.stopDrawing()}
		];
	}

	_drawHint() {
		this.hint.show(this.i18n.t('parcels.draw.hint'), this._drawButtons(), {mode: 'drawing'});
	}

	_onCreate(e) {
		if (!this._drawing || e.shape !== 'Polygon') {
			return;
		}
		const geometry = e.layer.toGeoJSON(7).geometry;
		e.layer.remove();
		this.stopDrawing();
		this.setPolygon(geometry);
		this.callbacks.onPolygon?.(geometry);
	}

	// ---- picking a feature to measure from

	get isPicking() {
		return Boolean(this._picking);
	}

	/** Shows a collection's features as clickable, and hands the clicked one to `onPicked`. */
	async startPicking(collection, title) {
		this.stopDrawing();
		this._picking = {collection, title};
		this.element.classList.add('is-picking');
		this._pickHint();
		this.pickLayer.clearLayers();
		const data = await this.api.items(collection, {});
		if (this._picking?.collection !== collection) {
			return;
		}
		const pick = (feature) => {
			const picked = this._picking;
			this.stopPicking();
			this.callbacks.onPicked?.(picked.collection, feature);
		};
		const layer = new GeoJSON(data, {
			pane: 'hetu-parcel-pick',
			style: (f) => ({...pathStyle(collection, f.properties, f.geometry?.type), weight: 6}),
			pointToLayer: (f, latlng) => featureMarker(collection, f, latlng, {size: 30, pane: 'hetu-parcel-pick'}),
			onEachFeature: (f, l) => {
				l.on('click', (e) => {
					DomEvent.stopPropagation(e);
					pick(f);
				});
				if (!l.getTooltip?.() && f.properties?.name) {
					l.bindTooltip(textContent(f.properties.name), {sticky: true, className: 'hetu-tooltip'});
				}
			}
		});
		this.pickLayer.addLayer(layer);
		// Nothing to pick in view: show the whole layer.
		const view = this.map.getBounds();
		let inView = 0;
		layer.eachLayer((l) => {
			const b = l.getLatLng ? l.getLatLng().toBounds(1) : l.getBounds?.();
			if (b && view.intersects(b)) {
				inView += 1;
			}
		});
		const bounds = layer.getBounds();
		if (!inView && bounds.isValid()) {
			this.map.fitBounds(bounds, {padding: [30, 30], maxZoom: 15});
		}
	}

	stopPicking() {
		this._picking = null;
		this.element.classList.remove('is-picking');
		this.pickLayer.clearLayers();
		this.hint.hide();
	}

	_pickHint() {
		const t = (key, params) => this.i18n.t(key, params);
		this.hint.show(t('parcels.pick.hint', {layer: this._picking.title}), [
			{label: t('parcels.pick.cancel'), kind: 'secondary', action: 'cancel-pick', onClick: () => this.stopPicking()}
		], {mode: 'picking'});
	}
}
