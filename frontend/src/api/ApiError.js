/**
 * A failed API call: the HTTP status (0 when the network failed), the problem document's
 * title and detail, for a bad parameter or field its name, for a refused value the rule's code
 * (`too_small`, `too_long`, ...) and its limit, for a refused geometry the spot
 * ([lon, lat]) where it fails, for a stale edit the record as it is now (`current`), and for
 * 429 or 503 the seconds to wait (`retryAfter`).
 */
export class ApiError extends Error {
	constructor(options) {
		const {
			status = 0, title = '', detail = '', parameter = null, location = null, current = null, url = '', code = null,
			limit = null, exclusive = false, retryAfter = null
		} = options;
		super(detail || title || `HTTP ${status}`);
		this.name = 'ApiError';
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.parameter = parameter;
		this.code = code;
		this.limit = limit;
		this.exclusive = exclusive === true;
		this.location = Array.isArray(location) && location.length >= 2 && location.every(Number.isFinite) ? location : null;
		this.current = current && typeof current === 'object' ? current : null;
		this.url = url;
		/** Seconds to wait before trying again (429, 503), when the server said. */
		this.retryAfter = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
	}

	/** True for an edit based on a version that someone else has replaced (409 or 412 with the current record). */
	get isStale() {
		return (this.status === 409 || this.status === 412) && this.current !== null;
	}
}

/** True for a request that was cancelled on purpose (a newer one replaced it). */
export function isAbort(error) {
	return error?.name === 'AbortError';
}
