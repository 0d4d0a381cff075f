/**
 * The WMTS tile URL of a Tianditu (天地图) Web Mercator service: `vec` (vector map), `cva`
 * (Chinese annotation) or `eva` (English annotation), each as its "_w" service, with the
 * user key `tk`. `{s}` takes the subdomains 0–7.
 */
export function tiandituUrl(layer, key) {
	return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0`
		+ `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`
		+ `&tk=${encodeURIComponent(key)}`;
}
