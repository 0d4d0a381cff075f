/*
 * Leaflet 1.x plugins such as leaflet.markercluster are written against a global `L`.
 * The ES module build of Leaflet defines no global, and this application defines none
 * either. This Vite plugin gives each listed plugin file its own module-scoped `L`: a
 * mutable copy of Leaflet's exports. The plugin still extends Leaflet's real classes
 * (Marker, FeatureGroup, ...) and its own exports become named ES exports.
 */
export function leafletPluginScope(options = {}) {
	const {packages = ['leaflet.markercluster'], exportNames = ['MarkerClusterGroup', 'MarkerCluster']} = options;
	const matches = (id) => packages.some((name) => id.includes(`/node_modules/${name}/`) && id.endsWith('.js'));

	return {
		name: 'hetu:leaflet-plugin-scope',
		enforce: 'pre',
		config() {
			// Served as source in dev so that the transform below applies there too.
			return {optimizeDeps: {exclude: packages}};
		},
		transform(code, id) {
			if (!matches(id.split('?')[0])) {
				return null;
			}
			const head = [
				"import * as LeafletExports from 'leaflet';",
				'const L = Object.assign({}, LeafletExports);',
				'const exports = {};',
				'const module = {exports};'
			].join(' ');
			const tail = exportNames.map((name) => `export const ${name} = exports.${name};`).join('\n');
			// The head stays on the first line so that the package's source map still lines up.
			return {code: `${head} ${code}\n${tail}\n`, map: null};
		}
	};
}
