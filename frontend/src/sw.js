/*
 * The service worker of the field app (built by build/fieldApp.js, served as /sw.js with scope /).
 * It keeps the app shell of the current build, so that the app opens with no signal: a page load
 * of the app falls back to the kept index.html, the built scripts, styles and icons come from the
 * cache. Data is never served from here: /api, /ogc and /tiles go to the network, always, and fail
 * there when there is no signal (the patrol page keeps its own queue in IndexedDB).
 */
const SHELL = self.__SHELL__;
const CACHE = `hetu-shell-${self.__VERSION__}`;
const DATA = /^\/(api|ogc|tiles|actuator|swagger-ui|v3)(\/|$)/;

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

self.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== self.location.origin || DATA.test(url.pathname)) {
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
