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

	/** {year, editions, towns: [{town, farmland, cultivated, note, version, letters}], farmlandTotal, cultivatedTotal}. */
	farmlandTasks(year, options) {
		return this.api.get(`/api/v1/farmland-tasks${year ? `?year=${part(year)}` : ''}`, options);
	}

	saveFarmlandTask(year, town, target, options) {
		return this.api.send('PUT', `/api/v1/farmland-tasks/${part(year)}/${part(town)}`, target, options);
	}

	attachLetter(year, town, file, options) {
		const form = new FormData();
		form.append('file', file, file.name || '责任书.pdf');
		return this.api.send('POST', `/api/v1/farmland-tasks/${part(year)}/${part(town)}/letters`, form, options);
	}

	letterUrl(id) {
		return `${this.api.baseUrl || ''}/api/v1/farmland-tasks/letters/${part(id)}`;
	}

	removeLetter(id, options) {
		return this.api.send('DELETE', `/api/v1/farmland-tasks/letters/${part(id)}`, undefined, options);
	}

	batches(options) {
		return this.api.get('/api/v1/enforcement/batches', options);
	}

	patches(batch, options) {
		return this.api.get(`/api/v1/enforcement/patches?batch=${part(batch)}`, options);
	}

	patch(id, options) {
		return this.api.get(`/api/v1/enforcement/patches/${part(id)}`, options);
	}

	judge(id, judgement, options) {
		return this.api.send('POST', `/api/v1/enforcement/patches/${part(id)}/judgement`, judgement, options);
	}

	move(id, transition, options) {
		return this.api.send('POST', `/api/v1/enforcement/patches/${part(id)}/transitions`, transition, options);
	}

	figures(period, options) {
		return this.api.get(`/api/v1/enforcement/figures?period=${part(period)}`, options);
	}
}

/** The layers whose entry is warned about on save. */
export const WARNED_LAYERS = ['basic_farmland', 'ecological_redline'];

export const LAYER_COLORS = {
	basic_farmland: '#E69F00', ecological_redline: '#D55E00', urban_boundary: '#0072B2', cultivated_land: '#B8A000'
};
