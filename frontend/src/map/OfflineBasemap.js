import {Canvas, DivIcon, GeoJSON, LayerGroup, Marker, Polygon} from 'leaflet';
import {isAbort} from '../api/ApiError.js';

const WORLD = [[-89, -179.9], [-89, 179.9], [89, 179.9], [89, -179.9]];

const ROAD_STYLES = {
	expressway: {casing: {color: '#B7791F', weight: 5.5}, fill: {color: '#F6C760', weight: 3.5}},
	national: {casing: {color: '#C9A35B', weight: 5}, fill: {color: '#FDE7A8', weight: 3}},
	county: {casing: {color: '#BAC1C9', weight: 3.5}, fill: {color: '#FFFFFF', weight: 2}}
};

const RIVER_WEIGHTS = {county: 4, town: 3, village: 2};

function outerRings(geojson) {
	const rings = [];
	const add = (geometry) => {
		if (geometry?.type === 'Polygon') {
			rings.push(geometry.coordinates[0]);
		} else if (geometry?.type === 'MultiPolygon') {
			geometry.coordinates.forEach((polygon) => rings.push(polygon[0]));
		}
	};
	if (geojson?.type === 'FeatureCollection') {
		geojson.features.forEach((f) => add(f.geometry));
	} else if (geojson?.type === 'Feature') {
		add(geojson.geometry);
	} else {
		add(geojson);
	}
	return rings.map((ring) => ring.map(([lon, lat]) => [lat, lon]));
}

/**
 * Where to put each river's name: the middle vertex of its longest segment. In English
 * only rivers whose data carry an English name are labelled, so no screen mixes languages.
 */
function riverLabelPoints(features, english) {
	const best = new Map();
	for (const feature of features) {
		const props = feature.properties || {};
		const name = english
			? props.river_en || props.attributes?.river_en || props.name_en
			: props.river || props.name;
		const coordinates = feature.geometry?.type === 'LineString' ? feature.geometry.coordinates : null;
		if (!name || !coordinates?.length) {
			continue;
		}
		const current = best.get(name);
		if (!current || coordinates.length > current.length) {
			best.set(name, coordinates);
		}
	}
	return [...best.entries()].map(([name, coordinates]) => {
		const [lon, lat] = coordinates[Math.floor(coordinates.length / 2)];
		return {name, latlng: [lat, lon]};
	});
}

/**
 * A base map that needs no internet, drawn from the county's own data: the land outside
 * the county greyed, rivers (the river_segment collection), roads by class and town
 * names. Town names follow the language (the data carry name and name_en).
 */
export const OfflineBasemap = LayerGroup.extend({
	options: {
		api: null,
		i18n: null,
		county: null,
		pane: 'hetu-base',
		labelPane: 'hetu-base-labels'
	},

	initialize(options) {
		LayerGroup.prototype.initialize.call(this, [], options);
		this._renderer = new Canvas({pane: this.options.pane, padding: 0.5});
		this._labels = new LayerGroup();
		this._towns = null;
		this._rivers = [];
		this._loaded = false;
	},

	onAdd(map) {
		LayerGroup.prototype.onAdd.call(this, map);
		map.getContainer().classList.add('hetu-basemap-offline');
		if (!this._loaded) {
			this._loaded = true;
			this._load();
		}
	},

	onRemove(map) {
		map.getContainer().classList.remove('hetu-basemap-offline');
		LayerGroup.prototype.onRemove.call(this, map);
	},

	/** Draws the labels again in the current language. */
	refreshLabels() {
		this._labels.clearLayers();
		const {i18n, labelPane} = this.options;
		for (const {name, latlng} of riverLabelPoints(this._rivers, !i18n.isChinese)) {
			this._labels.addLayer(new Marker(latlng, {
				pane: labelPane, interactive: false, keyboard: false,
				icon: new DivIcon({className: 'hetu-base-label hetu-base-label--river', html: `<span>${escapeHtml(name)}</span>`, iconSize: null})
			}));
		}
		for (const town of this._towns?.features || []) {
			if (town.geometry?.type !== 'Point') {
				continue;
			}
			const [lon, lat] = town.geometry.coordinates;
			const name = i18n.pick(town.properties?.name, town.properties?.name_en);
			this._labels.addLayer(new Marker([lat, lon], {
				pane: labelPane, interactive: false, keyboard: false,
				icon: new DivIcon({className: 'hetu-base-label hetu-base-label--town', html: `<i></i><span>${escapeHtml(name)}</span>`, iconSize: null})
			}));
		}
	},

	async _load() {
		const {api, county} = this.options;
		const renderer = this._renderer;
		const pane = this.options.pane;
		const settle = (promise) => promise.then((value) => value, (error) => {
			if (!isAbort(error)) {
				this.fire('error', {error});
			}
			return null;
		});
		const [countyJson, roads, towns, rivers] = await Promise.all([
			settle(county || api.basemap('county')),
			settle(api.basemap('roads')),
			settle(api.basemap('towns')),
			settle(api.items('river_segment', {}))
		]);
		const rings = outerRings(countyJson);
		if (rings.length) {
			this.addLayer(new Polygon([WORLD, ...rings], {
				renderer, pane, interactive: false, stroke: false, fillColor: '#DCE2E7', fillOpacity: 1
			}));
		}
		if (rivers) {
			this._rivers = rivers.features || [];
			this.addLayer(new GeoJSON(rivers, {
				renderer, pane, interactive: false,
				style: (f) => ({color: '#9CC8E8', weight: RIVER_WEIGHTS[f.properties?.level] || 2.5, lineCap: 'round', lineJoin: 'round'})
			}));
		}
		if (roads) {
			const kinds = ['county', 'national', 'expressway'];
			const sorted = [...(roads.features || [])].sort((a, b) => kinds.indexOf(a.properties?.kind) - kinds.indexOf(b.properties?.kind));
			for (const part of ['casing', 'fill']) {
				this.addLayer(new GeoJSON({type: 'FeatureCollection', features: sorted}, {
					renderer, pane, interactive: false,
					style: (f) => ({...(ROAD_STYLES[f.properties?.kind] || ROAD_STYLES.county)[part], lineCap: 'round', lineJoin: 'round'})
				}));
			}
		}
		this._towns = towns;
		this.addLayer(this._labels);
		this.refreshLabels();
		this.fire('load');
	}
});

function escapeHtml(text) {
	return String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
