/*
 * The service worker of the field app (built by build/fieldApp.js, served as /sw.js with scope /).
 * It keeps the app shell of the current build, so that the app opens with no signal: a page load
 * of the app falls back to the kept index.html, the built scripts, styles and icons come from the
 * cache. Data is never served from here: /api, /ogc and /tiles go to the network, always, and fail
 * there when there is no signal (the patrol page keeps its own queue in IndexedDB), except the base
 * map, so that the map has its ground with no signal:
 * - the offline base map's own data (county outline, roads, towns, rivers): the network first, the
 *   copy kept from the last answer when there is none;
 * - the tiles of the online base maps (OpenStreetMap, 天地图) that lie in the user's own area (the
 *   page posts it: {type: 'hetu-area', bbox, maxZoom}, a chief's segments with a margin), kept as
 *   they are viewed, at most TILE_CAP tiles, the oldest dropped first. They are never fetched in
 *   bulk (the OpenStreetMap tile policy forbids it): what a user looked at online is there offline.
 * Both are dropped when the user signs out (LastVisit.forget).
 */
const SHELL = self.__SHELL__;
const CACHE = `hetu-shell-${self.__VERSION__}`;
const DATA = /^\/(api|ogc|tiles|actuator|swagger-ui|v3)(\/|$)/;
const BASEMAP_DATA = /^\/(api\/v1\/basemap\/(county|roads|towns)\.geojson|ogc\/collections\/river_segment\/items)$/;
const BASEMAP_CACHE = 'hetu-basemap-data';
const TILE_CACHE = 'hetu-basemap-tiles';
/** At most this many base map tiles are kept (about 20 kB each: some 40 MB). */
const TILE_CAP = 2000;
const TILE_HOSTS = /(^|\.)tile\.openstreetmap\.org$|^t[0-7]\.tianditu\.gov\.cn$/;
const AREA_KEY = '/__hetu-area';

self.addEventListener('install', (event) => {
	// The shell is the same for everyone: fetched without cookies, so that it can touch no session.
	const requests = SHELL.map((path) => new Request(path, {credentials: 'omit'}));
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(caches.keys()
		.then((names) => Promise.all(names.filter((name) => name.startsWith('hetu-shell-') && name !== CACHE).map((name) => caches.delete(name)))));
	// No clients.claim(): a page already open keeps going as it started, the next one opens under the worker.
});

self.addEventListener('message', (event) => {
	const {type, bbox, maxZoom} = event.data || {};
	if (type === 'hetu-area' && Array.isArray(bbox) && bbox.length === 4 && bbox.every(Number.isFinite)) {
		event.waitUntil(caches.open(TILE_CACHE).then((cache) => cache.put(AREA_KEY, new Response(JSON.stringify({bbox, maxZoom})))));
	}
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET') {
		return;
	}
	if (url.origin === self.location.origin && BASEMAP_DATA.test(url.pathname)) {
		event.respondWith(networkFirst(request, BASEMAP_CACHE));
		return;
	}
	if (TILE_HOSTS.test(url.hostname)) {
		event.respondWith(tile(request, url));
		return;
	}
	if (url.origin !== self.location.origin || DATA.test(url.pathname)) {
		return;
	}
	if (request.mode === 'navigate') {
		if (url.pathname === '/' || url.pathname === '/index.html') {
			// The network first, so that a new build shows as soon as there is signal.
			event.respondWith(fetch(request).catch(() => caches.match('/index.html', {cacheName: CACHE})));
		}
		return;
	}
	if (SHELL.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname, {cacheName: CACHE}).then((kept) => kept || fetch(request)));
	}
});

/** The network's answer (kept for next time), or with no network the one kept last. */
async function networkFirst(request, cacheName) {
	try {
		const response = await fetch(request);
		if (response.ok) {
			const copy = response.clone();
			caches.open(cacheName).then((cache) => cache.put(request, copy));
		}
		return response;
	} catch (error) {
		const kept = await caches.match(request, {cacheName});
		if (kept) {
			return kept;
		}
		throw error;
	}
}

/** A base map tile: kept when it lies in the user's area (at most TILE_CAP of them), served from there with no network. */
async function tile(request, url) {
	const cache = await caches.open(TILE_CACHE);
	try {
		const response = await fetch(request);
		if (response.ok && response.type !== 'opaque' && await inArea(cache, url)) {
			await cache.put(request, response.clone());
			await trim(cache);
		}
		return response;
	} catch (error) {
		const kept = await cache.match(request);
		if (kept) {
			return kept;
		}
		throw error;
	}
}

async function inArea(cache, url) {
	const kept = await cache.match(AREA_KEY);
	const xyz = tileOf(url);
	if (!kept || !xyz) {
		return false;
	}
	const {bbox: [west, south, east, north], maxZoom = 17} = await kept.json();
	const [z, x, y] = xyz;
	if (z > maxZoom) {
		return false;
	}
	const n = 2 ** z;
	const lon = (tx) => (tx / n) * 360 - 180;
	const lat = (ty) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
	return lon(x) <= east && lon(x + 1) >= west && lat(y + 1) <= north && lat(y) >= south;
}

/** [z, x, y] of an OpenStreetMap (/z/x/y.png) or 天地图 WMTS (TILEMATRIX, TILECOL, TILEROW) tile URL. */
function tileOf(url) {
	const osm = /\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
	if (osm) {
		return osm.slice(1).map(Number);
	}
	const p = url.searchParams;
	const wmts = ['TILEMATRIX', 'TILECOL', 'TILEROW'].map((name) => Number(p.get(name) ?? NaN));
	return wmts.every(Number.isInteger) ? wmts : null;
}

/** Drops the oldest tiles beyond the cap (the cache lists its entries in the order they were put). */
async function trim(cache) {
	const keys = (await cache.keys()).filter((key) => new URL(key.url).pathname !== AREA_KEY);
	await Promise.all(keys.slice(0, Math.max(0, keys.length - TILE_CAP)).map((key) => cache.delete(key)));
}
