import {defineConfig} from 'vite';
import {fieldApp} from './build/fieldApp.js';
import {leafletPluginScope} from './build/leafletPluginScope.js';

// The back end (API, OGC API - Features, tiles) that the dev and preview servers proxy to.
const backEnd = process.env.HETU_BASE_URL || 'http://127.0.0.1:8080';
const proxy = Object.fromEntries(['/ogc', '/api', '/tiles'].map((path) => [path, {target: backEnd, changeOrigin: true}]));

// The back end's Content-Security-Policy, so that the preview (and the browser tests run against it)
// fail the same way the real server would on an inline script, eval or a request elsewhere.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
	+ "img-src 'self' data: blob: https://*.tile.openstreetmap.org https://tile.openstreetmap.org https://*.tianditu.gov.cn; "
	+ "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

export default defineConfig({
	base: '/',
	plugins: [leafletPluginScope(), fieldApp()],
	resolve: {
		// Leaflet's package points at its UMD build, which sets a global `L`; the ES module build does not.
		alias: [{find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js'}]
	},
	build: {
		outDir: '../target/classes/static',
		emptyOutDir: true,
		assetsDir: 'assets',
		sourcemap: false,
		chunkSizeWarningLimit: 450
	},
	server: {host: '127.0.0.1', proxy},
	preview: {host: '127.0.0.1', proxy, headers: {'Content-Security-Policy': contentSecurityPolicy}},
	test: {
		include: ['test/spec/**/*.spec.js'],
		environment: 'node'
	}
});
