import {TileLayer} from 'leaflet';
import {OfflineBasemap} from './OfflineBasemap.js';
import {TiandituLayer} from './TiandituLayer.js';

export const DEFAULT_BASEMAP = 'offline';

/**
 * The base maps on offer. The offline county map is the default and needs no internet.
 * OpenStreetMap and 天地图 are WGS84/CGCS2000 like the registry, so features sit exactly
 * on them; GCJ-02 base maps (AutoNavi, Tencent) are left out on purpose, as their shifted
 * coordinates would put every feature hundreds of metres off. 天地图 is offered only
 * when a key is configured.
 */
export function createBasemaps(options) {
	const {api, i18n, county, tiandituKey = ''} = options;
	const basemaps = [
		{id: 'offline', labelKey: 'basemap.offline', attributionKey: 'basemap.offlineAttribution',
			layer: new OfflineBasemap({api, i18n, county})},
		{id: 'osm', labelKey: 'basemap.osm', attributionKey: 'basemap.osmAttribution',
			// Fetched with CORS, so that the service worker can keep the tiles of the user's area (see sw.js).
			layer: new TileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {maxZoom: 19, crossOrigin: 'anonymous'})}
	];
	if (tiandituKey) {
		basemaps.push({id: 'tianditu', labelKey: 'basemap.tianditu', attributionKey: 'basemap.tiandituAttribution',
			layer: new TiandituLayer({key: tiandituKey, english: !i18n.isChinese})});
	}
	return basemaps;
}
