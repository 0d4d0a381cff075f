import {CSRF_HEADER} from '../api/Api.js';
import {ApiError} from '../api/ApiError.js';

/*
 * The annual work plans' part of the back end (/api/v1/plans), through the application's Api. A report
 * with an evidence file goes as a multipart form, which the Api does not send, so it is posted here.
 */
const part = (value) => encodeURIComponent(value);

export class PlanApi {
	constructor(options) {
		const {api, fetch: fetchFn = (...args) => globalThis.fetch(...args)} = options;
		this.api = api;
		this._fetch = fetchFn;
	}

	plans({year, department} = {}, options) {
		const query = new URLSearchParams();
		if (year) {
			query.set('year', String(year));
		}
		if (department) {
			query.set('department', department);
		}
		return this.api.get(`/api/v1/plans?${query}`, options);
	}

	/** The years that have plans, latest first. */
	years(options) {
		return this.api.get('/api/v1/plans/years', options);
	}

	createPlan({department, year, title}, options) {
		return this.api.send('POST', '/api/v1/plans', {department, year, title}, options);
	}

	deletePlan(planId, options) {
		return this.api.send('DELETE', `/api/v1/plans/${part(planId)}`, undefined, options);
	}

	close(planId, options) {
		return this.api.send('POST', `/api/v1/plans/${part(planId)}/close`, undefined, options);
	}

	/** Adds a task ({section, title, body, responsible}) or, with a task id, saves it (with its version). */
	saveTask(planId, taskId, task, options) {
		return taskId
			? this.api.send('PUT', `/api/v1/plans/tasks/${part(taskId)}`, task, options)
			: this.api.send('POST', `/api/v1/plans/${part(planId)}/tasks`, task, options);
	}

	/** Replaces a task's links: {projects: [id], assets: [{collection, id}]}. */
	link(taskId, links, options) {
		return this.api.send('PUT', `/api/v1/plans/tasks/${part(taskId)}/links`, links, options);
	}

	deleteTask(taskId, options) {
		return this.api.send('DELETE', `/api/v1/plans/tasks/${part(taskId)}`, undefined, options);
	}

	/** Adds an indicator to a task or, with an indicator id, saves it (with its version). */
	saveIndicator(taskId, indicatorId, indicator, options) {
		return indicatorId
			? this.api.send('PUT', `/api/v1/plans/indicators/${part(indicatorId)}`, indicator, options)
			: this.api.send('POST', `/api/v1/plans/tasks/${part(taskId)}/indicators`, indicator, options);
	}

	deleteIndicator(indicatorId, options) {
		return this.api.send('DELETE', `/api/v1/plans/indicators/${part(indicatorId)}`, undefined, options);
	}

	copy(planId, year, options) {
		return this.api.send('POST', `/api/v1/plans/${part(planId)}/copy`, {year}, options);
	}

	progressReport(planId, options) {
		return this.api.request('GET', `/api/v1/plans/${part(planId)}/report.xlsx`, {...options, accept: '*/*', blob: true});
	}

	/** Reports a value ({value, reportedOn, note}) with an optional evidence file; answers the indicator. */
	async report(indicatorId, {value, reportedOn, note, file}, options = {}) {
		if (!file) {
			return this.api.send('POST', `/api/v1/plans/indicators/${part(indicatorId)}/reports`, {value, reportedOn, note}, options);
		}
		const form = new FormData();
		form.append('value', String(value));
		form.append('reportedOn', reportedOn);
		if (note) {
			form.append('note', note);
		}
		form.append('file', file, file.name || 'evidence');
		let token = this.api.csrfToken();
		if (!token) {
			await this.api.me(options);
			token = this.api.csrfToken();
		}
		const url = `${this.api.baseUrl}/api/v1/plans/indicators/${part(indicatorId)}/reports`;
		const response = await this._fetch(url, {
			method: 'POST', body: form, credentials: 'same-origin', signal: options.signal,
			headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(token ? {[CSRF_HEADER]: token} : {})}
		});
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw new ApiError({status: response.status, title: body.title, detail: body.detail, parameter: body.parameter, url});
		}
		return body;
	}
}
