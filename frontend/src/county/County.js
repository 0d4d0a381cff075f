/*
 * The county the server serves (GET /api/v1/config, from its county profile): its time zone and the
 * map's first view. Set once when the application starts; every date and map that speaks of "the
 * county" asks here, so no county is written into the front end.
 */

/** Before the server has said: the browser's own zone and a view of the whole country. */
const UNKNOWN = {timeZone: undefined, center: [105, 35], zoom: 4, gkZones: []};

let county = UNKNOWN;

/** Takes the county's settings from the client configuration ({timeZone, center: [lon, lat], zoom, gkZones}). */
export function setCounty({timeZone, center, zoom, gkZones} = {}) {
	county = {
		gkZones: Array.isArray(gkZones) ? gkZones : UNKNOWN.gkZones,
		timeZone: timeZone || UNKNOWN.timeZone,
		center: Array.isArray(center) && center.length === 2 ? center : UNKNOWN.center,
		zoom: Number.isFinite(zoom) ? zoom : UNKNOWN.zoom
	};
}

/** The county's IANA time zone, for Intl date formatting (undefined: the browser's). */
export function countyTimeZone() {
	return county.timeZone;
}

/** The county's CGCS2000 3-degree Gauss-Krüger zones, main one first. */
export function countyGkZones() {
	return county.gkZones;
}

/** The map's first view in Leaflet's order: {center: [lat, lon], zoom}. */
export function countyView() {
	return {center: [county.center[1], county.center[0]], zoom: county.zoom};
}

/** Year, month and day numbers of an instant in the county's time. */
export function countyDateParts(date) {
	const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
		timeZone: county.timeZone, year: 'numeric', month: '2-digit', day: '2-digit'
	}).formatToParts(date).map((p) => [p.type, p.value]));
	return {year: Number(parts.year), month: Number(parts.month), day: Number(parts.day)};
}
