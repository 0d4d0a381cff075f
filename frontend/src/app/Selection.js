import {GeoJSON} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {formatHash} from '../map/HashState.js';
import {DetailPanel} from '../ui/DetailPanel.js';

/**
 * The feature on show: its highlight, its details (with its history and linked projects), and the
 * part of the map that no panel covers, where flights aim. Part of the MapController.
 */
export class Selection {
	constructor(options) {
		const {controller} = options;
		this.c = controller;
		this.current = null;
		const {i18n, session, names, api} = controller;
		this.detail = new DetailPanel({
			container: controller.elements.detail,
			i18n,
			collectionTitle: names.collectionTitle,
			fieldTitle: (collection, key) => controller.layerInfo.find((l) => l.id === collection)?.fieldTitles?.[key] ?? null,
			departmentName: names.departmentName,
			shareUrl: (collection, id) => this._shareUrl(collection, id),
			onClose: () => this.close(),
			onZoom: (feature) => this.fitFeature(feature),
			onOpenFeature: (collection, id) => this.open(collection, id, {fit: true, push: true}),
			canEdit: (collection) => session.canEdit(collection),
			onEdit: session.authenticated ? (collection, feature) => controller.shell.edit(collection, feature) : null,
			onOpenProject: session.authenticated ? (id) => controller.shell.navigate('project', {id: String(id)}) : null,
			history: session.authenticated ? {
				load: (collection, id, options) => api.history(collection, id, options),
				canRestore: (collection) => session.canEdit(collection),
				onRestore: (collection, id, change) => this._restore(collection, id, change),
				onShowVersion: (version) => this._showVersion(version),
				userName: names.userName
			} : null
		});
	}

	destroy() {
		this._openController?.abort();
		this.detail.destroy?.();
	}

	get isOpen() {
		return this.detail.isOpen;
	}

	/** Shows a feature that is already loaded: highlight, details, linked projects, URL. */
	select(collection, feature, options = {}) {
		const {fit = false, push = true} = options;
		const c = this.c;
		this.current = {collection, id: String(feature.id), feature};
		c.highlight.show(feature);
		this.detail.show(collection, feature);
		c.root.classList.add('has-detail');
		if (c.shell.isPhone()) {
			c.shell.togglePanel(false);
		}
		if (fit) {
			this.fitFeature(feature);
		}
		c.writeHash({push});
		this._loadProjects(collection, feature.id);
	}

	/** Loads a feature by collection and id, then selects it. */
	async open(collection, id, options = {}) {
		const {fit = true, push = true} = options;
		const c = this.c;
		c._fitCountyWhenLoaded = false;
		this._openController?.abort();
		const controller = this._openController = new AbortController();
		this.current = {collection, id: String(id), feature: null};
		this.detail.showLoading(collection, id);
		c.root.classList.add('has-detail');
		try {
			const feature = await c.api.item(collection, id, {signal: controller.signal});
			if (controller === this._openController) {
				this.select(collection, feature, {fit, push});
			}
		} catch (error) {
			if (isAbort(error) || c.destroyed) {
				return;
			}
			if (error.status === 404 && await this._showDeleted(collection, id, controller)) {
				return;
			}
			const key = `${collection}/${id}`;
			let message;
			if (error.status === 404 || error.status === 400) {
				message = c.i18n.t('detail.notFound', {key});
			} else if (error.status === 401) {
				message = c.i18n.t('auth.signInToView');
			} else {
				message = c.names.errorText(error);
			}
			this.detail.showError(collection, id, message);
		}
	}

	/** A search result (or a feature named on a page): its layer on, then the feature, flown to. */
	openFound(collection, id) {
		const c = this.c;
		if (!c.state.visible.has(collection) && c.layers.has(collection)) {
			c.setLayerVisible(collection, true);
		}
		// The flight starts once the details are drawn, so that it aims beside them (or above
		// the bottom sheet on a phone) rather than under them.
		this.open(collection, id, {fit: true, push: true});
	}

	/**
	 * A feature that is gone but has a history: shown as it was when deleted, with its history open so
	 * that those allowed to can restore it. Answers whether it was shown.
	 */
	async _showDeleted(collection, id, controller) {
		let history;
		try {
			history = await this.c.api.history(collection, id, {signal: controller.signal});
		} catch {
			return false;
		}
		const last = Array.isArray(history) ? history[0] : null;
		if (controller !== this._openController || this.c.destroyed || last?.action !== 'delete' || !last.before) {
			return false;
		}
		const {geom = null, ...properties} = last.before;
		const feature = {type: 'Feature', id: last.before.id ?? id, geometry: geom, properties};
		this.current = {collection, id: String(id), feature: null};
		this.detail.show(collection, feature, {deletedAt: last.at, deletedBy: last.username});
		this.detail.showTab('history');
		return true;
	}

	/** Puts an earlier version back, then shows the feature as it now is, on the map and in the details. */
	async _restore(collection, id, change) {
		const c = this.c;
		const result = await c.api.restore(collection, id, change.id);
		if (c.destroyed) {
			return result;
		}
		c.layers.get(collection)?.reload();
		c.reloadCounts();
		try {
			const feature = await c.api.item(collection, id);
			const current = this.current;
			if (!c.destroyed && current && current.collection === collection && current.id === String(id)) {
				this.current = {collection, id: String(id), feature};
				c.highlight.show(feature);
				this.detail.show(collection, feature);
			}
		} catch (error) {
			c.reportError(error);
		}
		return result;
	}

	/** Draws an earlier shape of the selected feature over the map (null takes it away). */
	_showVersion(version) {
		const overlay = this.c.historyOverlay;
		if (!version) {
			overlay.clearLayers();
			return;
		}
		const bounds = overlay.show(version.geometry);
		if (bounds && !this.c.map.getBounds().contains(bounds)) {
			this._flyTo([[bounds.getSouth(), bounds.getWest()], [bounds.getNorth(), bounds.getEast()]]);
		}
	}

	async _loadProjects(collection, id) {
		if (collection === 'project') {
			this.detail.setProjects(collection, id, []);
			return;
		}
		if (!this.c.session.authenticated) {
			this.detail.setProjects(collection, id, 'signin');
			return;
		}
		try {
			const list = await this.c.api.linkedProjects(collection, id);
			this.detail.setProjects(collection, id, Array.isArray(list) ? list : []);
		} catch {
			this.detail.setProjects(collection, id, null);
		}
	}

	close() {
		this._openController?.abort();
		this.current = null;
		this.c.highlight.clearLayers();
		this.detail.hide();
		this.c.root.classList.remove('has-detail');
		this.c.writeHash({push: false});
	}

	// ---- where the map looks

	_viewPadding() {
		const c = this.c;
		const side = c.sidePanel();
		const panel = side || (this.detail.isOpen ? c.elements.detail : null);
		if (!panel) {
			return {paddingTopLeft: [24, 24], paddingBottomRight: [24, 24]};
		}
		// Room at the top for the hint over the map while editing.
		const top = side ? 64 : 24;
		if (c.shell.isPhone()) {
			const sheet = panel.getBoundingClientRect().height || c.window.innerHeight * 0.5;
			return {paddingTopLeft: [24, top], paddingBottomRight: [24, sheet + 16]};
		}
		const width = panel.getBoundingClientRect().width || 400;
		return {paddingTopLeft: [24, top], paddingBottomRight: [width + 24, 24]};
	}

	/** Brings `bounds` into the part of the map that no panel covers, moving as little as needed. */
	revealBounds(bounds) {
		const map = this.c.map;
		const size = map.getSize();
		const {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom]} = this._viewPadding();
		const nw = map.latLngToContainerPoint(bounds.getNorthWest());
		const se = map.latLngToContainerPoint(bounds.getSouthEast());
		if (nw.x >= left && nw.y >= top && se.x <= size.x - right && se.y <= size.y - bottom) {
			return;
		}
		if (se.x - nw.x < 40 && se.y - nw.y < 40 && se.x - nw.x < size.x - left - right) {
			this.reveal(bounds.getCenter(), {animate: false});
		} else {
			map.fitBounds(bounds, {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom], maxZoom: 17, animate: false});
		}
	}

	/** Pans the map just enough that `latlng` is not hidden under the details. */
	reveal(latlng, options = {}) {
		const {animate = true} = options;
		if (!latlng) {
			return;
		}
		const map = this.c.map;
		const size = map.getSize();
		const {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom]} = this._viewPadding();
		const point = map.latLngToContainerPoint(latlng);
		const box = {minX: left, minY: top, maxX: size.x - right, maxY: size.y - bottom};
		if (point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY) {
			return;
		}
		map.panBy([point.x - (box.minX + box.maxX) / 2, point.y - (box.minY + box.maxY) / 2], {animate});
	}

	_flyTo(corners) {
		const [[south, west], [north, east]] = corners;
		const pad = 0.0005;
		const bounds = [[south - (north === south ? pad : 0), west - (east === west ? pad : 0)],
			[north + (north === south ? pad : 0), east + (east === west ? pad : 0)]];
		this.c.map.flyToBounds(bounds, {...this._viewPadding(), maxZoom: 16, duration: 0.8});
	}

	fitFeature(feature) {
		if (!feature?.geometry) {
			return;
		}
		const bounds = new GeoJSON(feature).getBounds();
		if (bounds.isValid()) {
			this._flyTo([[bounds.getSouth(), bounds.getWest()], [bounds.getNorth(), bounds.getEast()]]);
		}
	}

	_shareUrl(collection, id) {
		const {location} = this.c.window;
		return `${location.origin}${location.pathname}${formatHash({feature: {collection, id: String(id)}})}`;
	}
}
