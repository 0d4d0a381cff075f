/*
 * Leaflet-Geoman, loaded the first time someone edits (it is large, and most visitors only
 * look). Geoman hooks into Leaflet's classes when it loads; it is switched to opt-in so that
 * only the layers the editor makes editable (option `pmIgnore: false`) carry its handlers, not
 * the thousands of features on the map. A map made before Geoman loaded gets its handler here.
 */
let loading = null;

export function loadGeoman() {
	if (!loading) {
		loading = Promise.all([
			import('@geoman-io/leaflet-geoman-free'),
			import('@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css')
		]).then(([module]) => {
			const {PM} = module;
			PM.setOptIn(true);
			return PM;
		});
		loading.catch(() => {
			loading = null;
		});
	}
	return loading;
}

/** Geoman on `map`, made if the map is older than Geoman; `lang` is 'zh' or 'en'. */
export async function geomanFor(map, options = {}) {
	const {lang = 'zh'} = options;
	const PM = await loadGeoman();
	if (!map.pm) {
		map.pm = new PM.Map(map);
	}
	map.pm.setLang(lang);
	map.pm.setGlobalOptions({snappable: false, allowSelfIntersection: true, panes: {vertexPane: 'hetu-edit-vertices', layerPane: 'hetu-edit', markerPane: 'hetu-edit-vertices'}});
	return map.pm;
}
