/*
 * Leaflet 1.x plugins such as leaflet.markercluster and Leaflet-Geoman are written against a
 * global `L`. The ES module build of Leaflet defines no global, and this application defines
 * none either. This Vite plugin gives each listed plugin file its own module-scoped `L`: a
 * mutable copy of Leaflet's exports. The plugin still extends Leaflet's real classes
 * (Marker, FeatureGroup, Map, ...) and what it makes becomes named ES exports.
 */

/** Each package, and the named exports taken from what its code leaves behind (an expression each). */
export const LEAFLET_PLUGINS = [
	{name: 'leaflet.markercluster', exports: {MarkerClusterGroup: 'exports.MarkerClusterGroup', MarkerCluster: 'exports.MarkerCluster'}},
	{name: '@geoman-io/leaflet-geoman-free', exports: {PM: 'L.PM'}}
];

export function leafletPluginScope(options = {}) {
	const {plugins = LEAFLET_PLUGINS} = options;
	const pluginOf = (id) => plugins.find(({name}) => id.includes(`/node_modules/${name}/`) && id.endsWith('.js'));

	return {
		name: 'hetu:leaflet-plugin-scope',
		enforce: 'pre',
		config() {
			// Served as source in dev so that the transform below applies there too.
			return {optimizeDeps: {exclude: plugins.map(({name}) => name)}};
		},
		transform(code, id) {
			const plugin = pluginOf(id.split('?')[0]);
			if (!plugin) {
				return null;
			}
			const head = [
				"import * as LeafletExports from 'leaflet';",
				'const L = Object.assign({}, LeafletExports);',
				'const exports = {};',
				'const module = {exports};'
			].join(' ');
			const tail = Object.entries(plugin.exports).map(([name, expression]) => `export const ${name} = ${expression};`).join('\n');
			// The head stays on the first line so that the package's source map still lines up.
			return {code: `${head} ${code}\n${tail}\n`, map: null};
		}
	};
}
