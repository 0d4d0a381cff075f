/**
 * A failed API call: the HTTP status (0 when the network failed), the problem document's
 * code (the server's error vocabulary: `invalid_parameter`, `not_found`, `csrf_refused`, ... and for a
 * refused value the rule, `too_small`, `too_long`, ...), title and detail, for a bad parameter or
 * field its name, for a refused value its limit, for a refused geometry the spot
 * ([lon, lat]) where it fails, for a stale edit the record as it is now (`current`), and for
 * 429 or 503 the seconds to wait (`retryAfter`).
 */
export class ApiError extends Error {
	constructor(options) {
		const {
			status = 0, title = '', detail = '', parameter = null, location = null, current = null, url = '', code = null, fault = null,
			limit = null, exclusive = false, retryAfter = null
		} = options;
		super(detail || title || `HTTP ${status}`);
		this.name = 'ApiError';
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.parameter = parameter;
		this.code = code;
		/** For `invalid_geometry`: the kind of fault (`self_intersection`, `outside`, ...). */
		this.fault = fault;
		this.limit = limit;
		this.exclusive = exclusive === true;
		this.location = Array.isArray(location) && location.length >= 2 && location.every(Number.isFinite) ? location : null;
		this.current = current && typeof current === 'object' ? current : null;
		this.url = url;
		/** Seconds to wait before trying again (429, 503), when the server said. */
		this.retryAfter = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
	}

	/** The error of a response that was not ok, from its problem document (RFC 9457). */
	static fromProblem(status, problem, url, retryAfter = null) {
		return new ApiError({
			status, title: problem?.title, detail: problem?.detail, parameter: problem?.parameter, location: problem?.location,
			current: problem?.current, url, code: problem?.code, fault: problem?.fault, limit: problem?.limit, exclusive: problem?.exclusive, retryAfter
		});
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
