import {defineConfig} from 'vite';
import {leafletPluginScope} from './build/leafletPluginScope.js';

// The back end (API, OGC API - Features, tiles) that the dev and preview servers proxy to.
const backEnd = process.env.HETU_BASE_URL || 'http://127.0.0.1:8080';
const proxy = Object.fromEntries(['/ogc', '/api', '/tiles'].map((path) => [path, {target: backEnd, changeOrigin: true}]));

export default defineConfig({
	base: '/',
	plugins: [leafletPluginScope()],
	resolve: {
		// Leaflet's package points at its UMD build, which sets a global `L`; the ES module build does not.
		alias: [{find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js'}]
	},
	build: {
		outDir: '../target/classes/static',
		emptyOutDir: true,
		assetsDir: 'assets',
		sourcemap: false,
		chunkSizeWarningLimit: 400
	},
	server: {host: '127.0.0.1', proxy},
	preview: {host: '127.0.0.1', proxy},
	test: {
		include: ['test/spec/**/*.spec.js'],
		environment: 'node'
	}
});
