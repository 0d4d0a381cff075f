import {DivIcon, Layer, Marker, latLngBounds} from 'leaflet';
import {WORK_STATUSES} from '../catalog/Schema.js';
import {clusterSvg} from './Symbology.js';
import {aggregate} from './pointGrid.js';
import {el} from '../util/dom.js';

const GRIDS = new WeakMap();

/** The most features a cluster at the map's highest zoom lists (their points are metres apart). */
const LIST_MAX = 30;

function clusterIcon(members) {
	const counts = Object.fromEntries(WORK_STATUSES.map((s) => [s, 0]));
	for (const {marker} of members) {
		const status = marker.feature?.properties?.status;
		counts[status in counts ? status : 'none'] += 1;
	}
	const svg = clusterSvg(counts);
	const size = Number(/width="(\d+)"/.exec(svg)[1]);
	return {icon: new DivIcon({html: svg, className: 'hetu-cluster-icon', iconSize: [size, size]}), size};
}

function clusterSize(count) {
	return Number(/width="(\d+)"/.exec(clusterSvg({none: count}))[1]);
}

/**
 * One map's point markers of every point layer together (see pointGrid.js): the layers hand it
 * the markers they show, it draws those in view as markers or clusters that never overlap. A layer
 * with the `backdrop` option (the projects) has its point at an asset's very place drawn behind
 * the asset's marker, the two taken as one symbol. A
 * cluster's tap zooms to its features; at the highest zoom it lists them instead.
 */
export const PointGrid = Layer.extend({
	initialize() {
		this._sources = new Set();
		this._drawn = new Map();
	},

	/** The map's grid, added to it the first time. */
	statics: {
		of(map) {
			let grid = GRIDS.get(map);
			if (!grid) {
				grid = new PointGrid();
				GRIDS.set(map, grid);
				grid.addTo(map);
			}
			return grid;
		}
	},

	add(source) {
		this._sources.add(source);
		this.changed();
	},

	remove(source) {
		this._sources.delete(source);
		this.changed();
	},

	/** A source's markers changed: drawn again on the next frame. */
	changed() {
		if (!this._map || this._unloaded || this._frame) {
			return;
		}
		this._frame = requestAnimationFrame(() => {
			this._frame = null;
			this._draw();
		});
	},

	getEvents() {
		return {zoomend: this.changed, moveend: this.changed, viewreset: this.changed, unload: this._unload};
	},

	/** The map is being removed (signing out): its layers leaving must not schedule a drawing on a map that is gone. */
	_unload() {
		this._unloaded = true;
		cancelAnimationFrame(this._frame);
		this._frame = null;
	},

	onAdd() {
		this.changed();
	},

	onRemove() {
		cancelAnimationFrame(this._frame);
		this._frame = null;
		for (const marker of this._drawn.values()) {
			marker.remove();
		}
		this._drawn.clear();
	},

	_draw() {
		const map = this._map;
		if (!map) {
			return;
		}
		const zoom = map.getZoom();
		const view = map.getBounds().pad(0.2);
		const points = [];
		const hosts = new Map();
		const backdrops = [];
		for (const source of this._sources) {
			for (const marker of source.shownMarkers()) {
				const latlng = marker.home;
				if (view.contains(latlng)) {
					const {x, y} = map.project(latlng, zoom);
					const point = {x, y, size: marker.options.icon.options.iconSize[0], marker, source, backdrops: []};
					if (source.options.backdrop) {
						backdrops.push(point);
					} else {
						points.push(point);
						hosts.set(`${Math.round(x)},${Math.round(y)}`, point);
					}
				}
			}
		}
		// A project's point at the very place of an asset's marker is drawn behind it, as one symbol.
		for (const point of backdrops) {
			const host = hosts.get(`${Math.round(point.x)},${Math.round(point.y)}`);
			// One project behind an asset; a second one there would hide under the first, so it clusters.
			if (host && !host.backdrops.length) {
				host.backdrops.push(point.marker);
				host.size = Math.max(host.size, point.size);
			} else {
				points.push(point);
			}
		}
		const next = new Map();
		for (const icon of aggregate(points, {clusterSize})) {
			const latlng = map.unproject([icon.x, icon.y], zoom);
			if (icon.single) {
				const {marker, backdrops: behind} = icon.members[0];
				for (const drawn of [marker, ...behind]) {
					drawn.setLatLng(latlng);
					next.set(drawn, drawn);
				}
			} else {
				const key = `${icon.key}:${icon.members.length}`;
				const cluster = this._drawn.get(key) || this._cluster(icon.members);
				cluster.setLatLng(latlng);
				next.set(key, cluster);
			}
		}
		for (const [key, marker] of this._drawn) {
			if (!next.has(key)) {
				marker.remove();
			}
		}
		for (const [key, marker] of next) {
			if (!this._drawn.has(key)) {
				marker.addTo(map);
			}
		}
		for (const source of this._sources) {
			if (source.options.backdrop) {
				source.shownMarkers().forEach((marker) => marker.getElement()?.classList.add('is-backdrop'));
			}
		}
		this._drawn = next;
	},

	_cluster(members) {
		const {icon} = clusterIcon(members);
		const cluster = new Marker([0, 0], {icon, keyboard: true, riseOnHover: true});
		// How many features the icon stands for, for the tests that count what is drawn.
		cluster.on('add', () => cluster.getElement()?.setAttribute('data-count', String(members.length)));
		cluster.on('click', () => this._open(members, cluster));
		return cluster;
	},

	_open(members, cluster) {
		const map = this._map;
		const bounds = latLngBounds(members.map(({marker}) => marker.home));
		const zoom = Math.min(map.getBoundsZoom(bounds.pad(0.1)), map.getMaxZoom());
		if (zoom > map.getZoom()) {
			map.fitBounds(bounds.pad(0.1), {maxZoom: zoom});
			return;
		}
		// Already at the closest zoom: the features are listed, each opening as its marker would.
		const list = el('ul', {class: 'hetu-cluster-list'}, members.slice(0, LIST_MAX).map(({marker, source}) => el('li', {},
			el('button', {type: 'button', class: 'hetu-link-button', onclick: () => {
				map.closePopup();
				source.open(marker);
			}}, marker.feature.properties?.name || String(marker.feature.id)))));
		cluster.bindPopup(list, {className: 'hetu-cluster-popup'}).openPopup();
	}
});
