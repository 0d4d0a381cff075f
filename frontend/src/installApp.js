/**
 * Registers the field app's service worker (src/sw.js, emitted by the build only), which keeps the
 * app shell for opening with no signal. The dev server has none; a browser without service workers
 * simply needs the network.
 */
export function installApp(win = globalThis.window) {
	if (import.meta.env.PROD && win.navigator?.serviceWorker) {
		win.navigator.serviceWorker.register('/sw.js', {scope: '/'}).catch(() => {
			// Not fatal: the app works online without it.
		});
	}
}
