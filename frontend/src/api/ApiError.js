/**
 * A failed API call: the HTTP status (0 when the network failed), the problem document's
 * title and detail, and for a bad parameter its name.
 */
export class ApiError extends Error {
	constructor(options) {
		const {status = 0, title = '', detail = '', parameter = null, url = ''} = options;
		super(detail || title || `HTTP ${status}`);
		this.name = 'ApiError';
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.parameter = parameter;
		this.url = url;
	}
}

/** True for a request that was cancelled on purpose (a newer one replaced it). */
export function isAbort(error) {
	return error?.name === 'AbortError';
}
