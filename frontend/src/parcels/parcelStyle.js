/*
 * How the parcels page draws: a result's fill is its land category (the map's colours), its
 * outline its disposal status; parcels outside the result stay as faint grey context; the
 * parcel whose plan is open gets a dark outline on a white casing.
 */
import {PARCEL_CATEGORY_COLORS} from '../layers/Symbology.js';

/** Disposal status colours (Okabe–Ito): still to do, under way, done. */
export const DISPOSAL_COLORS = {
	pending: '#D55E00',
	in_progress: '#0072B2',
	disposed: '#009E73'
};

export function categoryColor(category) {
	return PARCEL_CATEGORY_COLORS[category] || '#BBBBBB';
}

export function disposalColor(status) {
	return DISPOSAL_COLORS[status] || '#8C949C';
}

export function resultStyle(props = {}) {
	return {
		color: disposalColor(props.disposal_status), weight: 2.5, opacity: 1,
		fillColor: categoryColor(props.category), fillOpacity: 0.7, className: 'hetu-parcel-result'
	};
}

export const CONTEXT_STYLE = {color: '#8C949C', weight: 1, opacity: 0.7, fillColor: '#B8C2CC', fillOpacity: 0.25, interactive: false};

export const SELECTED_STYLE = {color: '#111827', weight: 4, opacity: 1, fill: false, interactive: false};
export const SELECTED_CASING = {color: '#FFFFFF', weight: 8, opacity: 0.95, fill: false, interactive: false};

/** The drawn search area. */
export const DRAWN_STYLE = {color: '#0B6E99', weight: 2.5, opacity: 1, dashArray: '8 5', fillColor: '#0B6E99', fillOpacity: 0.06, interactive: false};

/** The features a distance is measured from, and the band within that distance. */
export const NEAR_STYLE = {color: '#7A4A05', weight: 3, opacity: 1, fill: false, interactive: false};
export const BUFFER_STYLE = {color: '#F0B429', opacity: 0.28, fillColor: '#F0B429', fillOpacity: 0.18, weight: 1, interactive: false};

/** A project's footprint. */
export const FOOTPRINT_STYLE = {color: '#5B21B6', weight: 3, opacity: 1, dashArray: '12 4 3 4', fillColor: '#5B21B6', fillOpacity: 0.08, interactive: false};

/** Metres per screen pixel at a latitude and zoom on Web Mercator. */
export function metresPerPixel(latitude, zoom) {
	return (40075016.686 * Math.cos((latitude * Math.PI) / 180)) / 2 ** (zoom + 8);
}
