/** A failed API call: the HTTP status (0 when the network failed) and the problem detail's text. */
export class ApiError extends Error {
	constructor(options) {
		const {status = 0, title = '', detail = '', url = ''} = options;
		super(detail || title || `HTTP ${status}`);
		this.name = 'ApiError';
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.url = url;
	}
}

/** True for a request that was cancelled on purpose (a newer one replaced it). */
export function isAbort(error) {
	return error?.name === 'AbortError';
}
