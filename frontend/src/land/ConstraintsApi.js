/*
 * The compliance review part of the back end (/api/v1/constraints), through the application's Api.
 */
const part = (value) => encodeURIComponent(value);

/** The footprint kinds the API checks by id: the page's name to the API's path. */
const KINDS = {project: 'projects', land_parcel: 'parcels'};

export class ConstraintsApi {
	constructor({api}) {
		this.api = api;
	}

	/** Figures and pieces per control line for a GeoJSON geometry (lon/lat). */
	check(geometry, options) {
		return this.api.send('POST', '/api/v1/constraints/check', {geometry}, options);
	}

	/** {kind, id, hasFootprint, report} of a stored project or parcel. */
	footprint(collection, id, options) {
		return this.api.get(`/api/v1/constraints/${KINDS[collection]}/${part(id)}`, options);
	}

	report(options) {
		return this.api.get('/api/v1/constraints/report', options);
	}

	decide(decision, options) {
		return this.api.send('POST', '/api/v1/constraints/decisions', decision, options);
	}
}

/** The layers whose entry is warned about on save. */
export const WARNED_LAYERS = ['basic_farmland', 'ecological_redline'];

export const LAYER_COLORS = {
	basic_farmland: '#E69F00', ecological_redline: '#D55E00', urban_boundary: '#0072B2', cultivated_land: '#B8A000'
};
