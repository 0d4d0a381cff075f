import {CircleMarker, Control, GeoJSON, Map as LeafletMap} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {ExtentLayer} from '../layers/ExtentLayer.js';
import {FeatureFilter} from '../layers/FeatureFilter.js';
import {Highlight} from '../layers/Highlight.js';
import {HistoryOverlay} from '../layers/HistoryOverlay.js';
import {PointLayer} from '../layers/PointLayer.js';
import {ProjectLayer} from '../layers/ProjectLayer.js';
import {TileInteraction} from '../layers/tiles/TileInteraction.js';
import {TILED_COLLECTIONS, VectorTileLayer} from '../layers/VectorTileLayer.js';
import {DEFAULT_BASEMAP, createBasemaps} from '../map/Basemaps.js';
import {CountyOutline} from '../map/CountyOutline.js';
import {formatHash, parseHash} from '../map/HashState.js';
import {formatLayerView, parseLayerView} from '../map/LayerView.js';
import {MapButtons} from '../map/MapButtons.js';
import {keepAreaOffline} from '../map/offlineArea.js';
import {LayerPanel} from '../ui/LayerPanel.js';
import {MapHint} from '../ui/MapHint.js';
import {debounce} from '../util/debounce.js';
import {el} from '../util/dom.js';
import {LayerViewMode} from './LayerViewMode.js';
import {Selection} from './Selection.js';

/** Map panes above Leaflet's own, lowest first. */
const PANES = {
	'hetu-base': 150,
	'hetu-boundary': 395,
	'hetu-overdue': 405,
	'hetu-polygons': 410,
	'hetu-lines': 420,
	'hetu-base-labels': 440,
	'hetu-project-points': 590,
	'hetu-highlight': 640,
	'hetu-edit': 645,
	'hetu-edit-vertices': 660
};

/** The place of a collection among the tiled ones (the parcels first), after them the others. */
function tiledRank(id) {
	const rank = TILED_COLLECTIONS.indexOf(id);
	return rank < 0 ? TILED_COLLECTIONS.length : rank;
}

/** The margin around the county when the map shows all of it. */
const COUNTY_PADDING = [8, 8];

/**
 * The map: basemaps, the collections' layers with their filters and counts, the layer panel, the
 * selected feature (see Selection), a layer narrowed by properties (see LayerViewMode) and the
 * map's part of the URL hash (#map=…, #/sluice/12, #/layer/…). Made by the workspace once the
 * configuration and layers are known; pages and the editor reach the map through it.
 */
export class MapController {
	constructor(options) {
		const {root, elements, api, i18n, session, preferences, toast, window: win, config, layerInfo, departments, names, formatter, shell} = options;
		Object.assign(this, {root, elements, api, i18n, session, preferences, toast, window: win, config, layerInfo, departments, names, formatter, shell});
		this.layers = new Map();
		this.state = {
			filter: new FeatureFilter(),
			// Reference layers (control lines) wait in the layer panel until asked for.
			visible: new Set(layerInfo.filter((l) => l.shownAtStart !== false).map((l) => l.id)),
			counts: null,
			drawn: new Map(),
			loading: new Set(),
			basemap: DEFAULT_BASEMAP,
			// Layers narrowed by a property filter (a dashboard tile's map view), with their status
			// counts under the same filters; until those arrive, by what is drawn.
			narrowed: new Set(),
			narrowedCounts: new Map(),
			// Layers not drawn at the current zoom (a large collection far out).
			aggregated: new Set()
		};
		// Whoever else takes clicks on the map first (the editor, picking an asset): (event) => taken.
		this.clickFilter = () => false;
		// The panel over the map besides the details (the editor's), for the room a view leaves free.
		this.sidePanel = () => null;
		this.mapHash = '';
		this._cleanups = [];
	}

	/** Draws the map at the hash's place (or the county), with its layers, and follows the hash from there. */
	start(hash, {page}) {
		const layerView = page ? null : parseLayerView(hash);
		const {feature, view} = page ? {feature: null, view: null} : layerView ? {feature: null, view: layerView.view} : parseHash(hash);
		this._fitCountyWhenLoaded = !feature && !view;
		this._createMap(view);
		this._createLayers();
		this.selection = new Selection({controller: this});
		// The hint over the map (while editing or picking), under the layer view's bar.
		this.hint = new MapHint({container: this.elements.map});
		this.layerView = new LayerViewMode({controller: this});
		this._createPanel();
		this.setBasemap(this._initialBasemap(), {remember: false});
		if (page) {
			this.mapHash = formatHash(this.hashState());
		} else if (layerView) {
			this.layerView.apply(layerView);
			this.writeHash({push: false});
		} else if (feature) {
			this.selection.open(feature.collection, feature.id, {fit: !view, push: false});
		} else {
			this.writeHash({push: false});
		}
		// After a layer view is applied, so that its layer's first tiles are already the narrowed ones; at the
		// county view after the county is fitted, so that no tile or bbox request is made for the view before.
		if (this._fitCountyWhenLoaded) {
			this.county.catch(() => {}).then(() => this._addShownLayers());
		} else {
			this._addShownLayers();
		}
		this.refreshCounts();
	}

	/** The layers shown at start, those drawn from tiles first: their requests go out before the GeoJSON layers'. */
	_addShownLayers() {
		if (this._destroyed || this.layerView.active) {
			return;
		}
		const tiledFirst = [...this.state.visible].sort((a, b) => tiledRank(a) - tiledRank(b));
		for (const id of tiledFirst) {
			this.layers.get(id)?.addTo(this.map);
		}
	}

	destroy() {
		this._destroyed = true;
		this._countsController?.abort();
		this.selection?.destroy();
		this.hint?.destroy();
		this.layerView?.destroy();
		for (const cleanup of this._cleanups.splice(0)) {
			cleanup();
		}
		this.panel?.destroy?.();
		if (this._panelFrame) {
			this.window.cancelAnimationFrame(this._panelFrame);
		}
		this.map?.remove();
		this.map = null;
		this.layers.clear();
	}

	get destroyed() {
		return Boolean(this._destroyed);
	}

	// ---- the map and its basemaps

	/** Creates the map at `view` (from the URL) or at the configured centre and zoom. */
	_createMap(view) {
		const {center, zoom} = this.config;
		const map = this.map = new LeafletMap(this.elements.map, {
			center: view ? [view.lat, view.lon] : [center[1], center[0]],
			zoom: view ? view.zoom : zoom,
			minZoom: 6, maxZoom: 19,
			zoomControl: false, attributionControl: false,
			// Fine steps, so that fitting the county fills a phone's narrow screen (half steps left a small island).
			zoomSnap: 0.1, wheelPxPerZoomLevel: 90
		});
		for (const [name, zIndex] of Object.entries(PANES)) {
			const pane = map.createPane(name);
			pane.style.zIndex = String(zIndex);
			if (/base|boundary|highlight/.test(name)) {
				pane.style.pointerEvents = 'none';
			}
		}
		this.attribution = new Control.Attribution({prefix: '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>'}).addTo(map);
		new Control.Scale({metric: true, imperial: false, position: 'bottomleft'}).addTo(map);
		new MapButtons({i18n: this.i18n, onHome: () => this._home(), onLocate: () => this._locate()}).addTo(map);

		// The county's outline, shared with the pages; its failure is shown once here, and by each page that needs it.
		this.county = this.api.basemap('county');
		this.county.then((geojson) => {
			this.countyBounds = new GeoJSON(geojson).getBounds();
			new CountyOutline(geojson).addTo(map);
			if (this._fitCountyWhenLoaded && this.countyBounds.isValid()) {
				map.fitBounds(this.countyBounds, {padding: COUNTY_PADDING, animate: false});
			}
			keepAreaOffline({api: this.api, county: this.countyBounds, win: this.window});
		}).catch((error) => this.reportError(error));
		const online = () => this._backOnline();
		this.window.addEventListener('online', online);
		this._cleanups.push(() => this.window.removeEventListener('online', online));

		this.highlight = new Highlight().addTo(map);
		this.historyOverlay = new HistoryOverlay().addTo(map);
		this.basemaps = createBasemaps({api: this.api, i18n: this.i18n, county: this.county, tiandituKey: this.config.tiandituKey});
		for (const basemap of this.basemaps) {
			basemap.layer.on?.('error', (e) => this.reportError(e.error));
		}
		map.on('moveend', debounce(() => this.writeHash({push: false}), 300));
		map.on('locationfound', (e) => this._showLocation(e));
		map.on('locationerror', () => this.toast.show(this.i18n.t('map.locateFailed'), {kind: 'error'}));
	}

	_initialBasemap() {
		const wanted = this.preferences.get('basemap', DEFAULT_BASEMAP);
		return this.basemaps.some((b) => b.id === wanted) ? wanted : DEFAULT_BASEMAP;
	}

	setBasemap(id, options = {}) {
		const {remember = true} = options;
		const next = this.basemaps.find((b) => b.id === id) || this.basemaps[0];
		for (const basemap of this.basemaps) {
			if (basemap !== next && this.map.hasLayer(basemap.layer)) {
				this.map.removeLayer(basemap.layer);
			}
		}
		this.map.addLayer(next.layer);
		this.state.basemap = next.id;
		this.root.dataset.basemap = next.id;
		if (remember) {
			this.preferences.set('basemap', next.id);
		}
		this._setAttribution();
		this.panel?.update();
	}

	onLocaleChange() {
		this._setAttribution();
		for (const basemap of this.basemaps) {
			basemap.layer.refreshLabels?.();
			basemap.layer.setEnglish?.(!this.i18n.isChinese);
		}
		this.layerView.drawBar();
	}

	_setAttribution() {
		if (this._attributionText) {
			this.attribution.removeAttribution(this._attributionText);
		}
		const basemap = this.basemaps.find((b) => b.id === this.state.basemap);
		this._attributionText = basemap ? this.i18n.t(basemap.attributionKey) : '';
		if (this._attributionText) {
			this.attribution.addAttribution(this._attributionText);
		}
	}

	_home() {
		if (this.countyBounds?.isValid()) {
			this.map.flyToBounds(this.countyBounds, {padding: COUNTY_PADDING, duration: 0.6});
		} else {
			const {center, zoom} = this.config;
			this.map.flyTo([center[1], center[0]], zoom, {duration: 0.6});
		}
	}

	_locate() {
		this.map.locate({setView: true, maxZoom: 16, enableHighAccuracy: true});
	}

	_showLocation(e) {
		this._locationMarker?.remove();
		this._locationMarker = new CircleMarker(e.latlng, {
			pane: 'hetu-highlight', radius: 8, color: '#FFFFFF', weight: 3, fillColor: '#0072B2', fillOpacity: 1, interactive: false
		}).addTo(this.map);
	}

	/** The map's view as [minLon, minLat, maxLon, maxLat]. */
	bbox() {
		if (!this.map) {
			return null;
		}
		const b = this.map.getBounds();
		return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
	}

	// ---- layers

	_createLayers() {
		for (const info of this.layerInfo) {
			const common = {collection: info.id, api: this.api, featureFilter: this.state.filter};
			const extent = {
				...common, geometryType: info.geometryType,
				pane: /Polygon|Geometry/.test(info.geometryType) ? 'hetu-polygons' : 'hetu-lines',
				// Project points sit under the asset markers, a size larger: an asset with a project
				// at the same place shows the project's star around it and stays clickable.
				...(info.geometryType === 'Geometry' ? {markerPane: 'hetu-project-points', markerSize: 36, backdrop: true} : {})
			};
			let layer;
			if (info.geometryType === 'Point') {
				layer = new PointLayer(common);
			} else if (TILED_COLLECTIONS.includes(info.id)) {
				layer = new VectorTileLayer({...common, pane: extent.pane});
			} else if (info.id === 'project') {
				layer = new ProjectLayer(extent);
			} else {
				layer = new ExtentLayer(extent);
			}
			this._listen(layer, info.id);
			this.layers.set(info.id, layer);
		}
		const tiled = [...this.layers.values()].filter((layer) => layer instanceof VectorTileLayer)
			// Lines lie above areas, so a ditch across a parcel is what a click on it hits.
			.sort((a, b) => (b.options.pane === 'hetu-lines') - (a.options.pane === 'hetu-lines'));
		const interaction = new TileInteraction({map: this.map, layers: () => tiled.filter((layer) => this.map.hasLayer(layer))});
		this._cleanups.push(() => interaction.destroy());
	}

	_listen(layer, id) {
		const title = () => this.names.collectionTitle(id);
		layer.on('loading', () => this._setLoading(id, true));
		layer.on('load', (e) => {
			if (this._destroyed) {
				return;
			}
			this._setLoading(id, false);
			if (e.numberMatched > e.numberReturned) {
				this.toast.show(this.i18n.t('layer.truncated', {layer: title(), n: e.numberReturned}));
			}
		});
		layer.on('error', (e) => {
			if (this._destroyed) {
				return;
			}
			this._setLoading(id, false);
			if (e.error?.status === 401 && !this.session.authenticated) {
				return;
			}
			if (e.error?.status === 0) {
				this._showOffline();
				return;
			}
			this.toast.show(this.i18n.t('layer.failed', {layer: title(), detail: this.names.errorText(e.error)}), {kind: 'error'});
		});
		layer.on('capped', () => this.toast.show(this.i18n.t('layer.zoomIn', {layer: title()})));
		layer.on('drawn', (e) => {
			this.state.drawn.set(id, e.count);
			// The panel says that shaded squares are counts (VectorTileLayer: cells of dense low-zoom tiles).
			this.state.aggregated[e.aggregated ? 'add' : 'delete'](id);
			this.schedulePanelUpdate();
			if (this.layerView.collection === id) {
				this.layerView.drawBar();
			}
		});
		layer.on('featureclick', (e) => this._onFeatureClick(e));
	}

	/** A feature clicked on the map; one from a vector tile carries only a few attributes, so it is loaded whole. */
	_onFeatureClick(e) {
		if (this.clickFilter(e)) {
			return;
		}
		if (e.partial) {
			this.selection.open(e.collection, e.feature.id, {fit: false, push: true});
		} else {
			this.selection.select(e.collection, e.feature, {fit: false, push: true});
		}
		this.selection.reveal(e.latlng);
	}

	_setLoading(id, loading) {
		if (this._destroyed) {
			return;
		}
		if (loading) {
			this.state.loading.add(id);
		} else {
			this.state.loading.delete(id);
		}
		this.root.classList.toggle('is-loading', this.state.loading.size > 0);
		this.root.dataset.loading = String(this.state.loading.size);
		this.schedulePanelUpdate();
	}

	schedulePanelUpdate() {
		if (this._panelFrame || !this.panel) {
			return;
		}
		this._panelFrame = this.window.requestAnimationFrame(() => {
			this._panelFrame = null;
			this.panel.update();
		});
	}

	setLayerVisible(id, visible) {
		const layer = this.layers.get(id);
		if (!layer) {
			return;
		}
		if (visible) {
			this.state.visible.add(id);
			this.map.addLayer(layer);
		} else {
			this.state.visible.delete(id);
			this.map.removeLayer(layer);
			this._setLoading(id, false);
		}
		this.panel.update();
	}

	setFilter(filter) {
		const departmentChanged = filter.department !== this.state.filter.department;
		this.state.filter = filter;
		for (const layer of this.layers.values()) {
			layer.setFeatureFilter(filter);
		}
		this.root.classList.toggle('is-filtered', !filter.isDefault);
		this.panel.update();
		if (departmentChanged) {
			this.refreshCounts();
		}
		this.layerView.refreshCounts();
	}

	/** A collection's features changed (saved, deleted, restored): its layer and the counts follow. */
	reloadCounts() {
		this.refreshCounts();
		this.layerView.refreshCounts();
	}

	async refreshCounts() {
		this._countsController?.abort();
		const controller = this._countsController = new AbortController();
		const {department} = this.state.filter;
		try {
			const counts = await this.api.counts(department ? {department} : {}, {signal: controller.signal});
			this.state.counts = counts && typeof counts === 'object' ? counts : null;
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this.state.counts = null;
		}
		if (!this._destroyed) {
			this.panel.update();
		}
	}

	_createPanel() {
		this.panel = new LayerPanel({
			container: this.elements.panel,
			i18n: this.i18n,
			layers: this.layerInfo,
			departments: this.departments,
			basemaps: this.basemaps,
			state: this.state,
			onLayerToggle: (id, on) => this.setLayerVisible(id, on),
			onThemeToggle: (theme, on) => this.layerInfo.filter((l) => l.theme === theme).forEach((l) => this.setLayerVisible(l.id, on)),
			onStatusToggle: (status, on) => this.setFilter(this.state.filter.withStatus(status, on)),
			onDepartment: (code) => this.setFilter(this.state.filter.withDepartment(code)),
			onReset: () => this.setFilter(new FeatureFilter()),
			onBasemap: (id) => this.setBasemap(id),
			onClose: () => this.shell.togglePanel(false)
		});
	}

	// ---- the URL hash

	hashState() {
		const center = this.map.getCenter();
		const selected = this.selection?.current;
		return {
			feature: selected ? {collection: selected.collection, id: selected.id} : null,
			view: {zoom: this.map.getZoom(), lat: center.lat, lon: center.lng}
		};
	}

	/** Puts the map's state in the hash, unless a page holds it. */
	writeHash(options = {}) {
		if (!this.map || this._destroyed || this.shell.pageOpen()) {
			return;
		}
		const {push = false} = options;
		const state = this.hashState();
		const hash = this.layerView?.active && !state.feature ? formatLayerView(this.layerView.current, state.view) : formatHash(state);
		this.shell.setHash(hash, {push});
		this.mapHash = hash;
	}

	/** Follows a hash that names no page: a layer view, a feature, a place. */
	followHash(hash) {
		this.mapHash = hash;
		const layerView = parseLayerView(hash);
		if (layerView) {
			this.shell.beforeLayerView();
			this.layerView.apply(layerView);
			if (layerView.view) {
				this.map.setView([layerView.view.lat, layerView.view.lon], layerView.view.zoom);
			}
			if (this.selection.current) {
				this.selection.close();
			}
			return;
		}
		const {feature, view} = parseHash(hash);
		if (this.layerView.active && !feature) {
			this.layerView.clear({writeHash: false});
		}
		if (view) {
			this.map.setView([view.lat, view.lon], view.zoom);
		}
		const current = this.selection.current;
		if (feature && (!current || current.collection !== feature.collection || current.id !== feature.id)) {
			this.selection.open(feature.collection, feature.id, {fit: !view, push: false});
		} else if (!feature && current) {
			this.selection.close();
		}
	}

	reportError(error) {
		if (isAbort(error) || this._destroyed || (error?.status === 401 && !this.session.authenticated)) {
			return;
		}
		if (error?.status === 0) {
			this._showOffline();
		} else {
			this.toast.show(this.names.errorText(error), {kind: 'error'});
		}
	}

	/** No signal: one notice over the map, not one failure per layer; the kept base map still shows. */
	_showOffline() {
		if (!this._offlineNotice) {
			this._offlineNotice = el('p', {class: 'hetu-offline-notice', role: 'status', 'data-role': 'offline-notice'}, this.i18n.t('map.offline'));
			this.elements.map.append(this._offlineNotice);
		}
	}

	/** The signal is back: the notice goes, and the layers load again. */
	_backOnline() {
		if (!this._offlineNotice || this._destroyed) {
			return;
		}
		this._offlineNotice.remove();
		this._offlineNotice = null;
		for (const id of this.state.visible) {
			const layer = this.layers.get(id);
			if (layer && this.map.hasLayer(layer)) {
				this.map.removeLayer(layer);
				this.map.addLayer(layer);
			}
		}
	}
}
