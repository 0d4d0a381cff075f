/*
 * The rules of the upload queue, kept apart from IndexedDB and the network so that they can be
 * tested alone. An item is {id, kind: 'patrol'|'issue'|'photo', seq, after: [ids], state,
 * attempts, nextAttemptAt, error}; `after` names the items that must reach the server first
 * (a patrol before its issues, an issue before its photos).
 */

/** Kinds in the order the server needs them when created at the same moment. */
export const KINDS = ['patrol', 'issue', 'photo'];

/** First retry after this long, doubling up to the maximum. */
export const FIRST_RETRY_MS = 5000;
export const MAX_RETRY_MS = 5 * 60 * 1000;

export function retryDelayMs(attempts) {
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Items in the order they were queued. */
export function inOrder(items) {
	return [...items].sort((a, b) => a.seq - b.seq || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

/**
 * The next item to send at `now`, or null. Items wait for what they come `after` (still queued,
 * or the patrol still being walked, `pendingIds`); rejected items are left for the user. When the
 * first item that could go is still waiting out a retry, nothing goes, so the order holds.
 */
export function nextToSend(items, now, pendingIds = []) {
	const queued = new Set([...items.map((item) => item.id), ...pendingIds]);
	for (const item of inOrder(items)) {
		if (item.state === 'rejected' || (item.after || []).some((id) => queued.has(id))) {
			continue;
		}
		return (item.nextAttemptAt || 0) <= now ? item : null;
	}
	return null;
}

/** True when a failure is worth retrying: no network, a server in trouble, or too many requests. */
export function isTransient(status) {
	return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The item after a failed attempt: scheduled again, or rejected for good when the server refused it. */
export function afterFailure(item, error, now) {
	const status = Number(error?.status) || 0;
	const attempts = (item.attempts || 0) + 1;
	const failure = {status, detail: String(error?.detail || error?.message || '')};
	if (isTransient(status) || status === 401) {
		return {...item, state: 'waiting', attempts, nextAttemptAt: now + retryDelayMs(attempts), error: failure};
	}
	return {...item, state: 'rejected', attempts, error: failure};
}

/** Items that cannot go until a rejected one is dealt with. */
export function blockedBy(items) {
	const rejected = new Set(items.filter((item) => item.state === 'rejected').map((item) => item.id));
	let grew = true;
	while (grew) {
		grew = false;
		for (const item of items) {
			if (!rejected.has(item.id) && (item.after || []).some((id) => rejected.has(id))) {
				rejected.add(item.id);
				grew = true;
			}
		}
	}
	return new Set(items.filter((item) => item.state !== 'rejected' && rejected.has(item.id)).map((item) => item.id));
}
