import {describe, expect, it} from 'vitest';
import {FIRST_RETRY_MS, MAX_RETRY_MS, afterFailure, blockedBy, inOrder, isTransient, nextToSend, retryDelayMs} from '../../../src/river/queueRules.js';

const item = (id, kind, seq, extra = {}) => ({id, kind, seq, after: [], state: 'waiting', attempts: 0, nextAttemptAt: 0, ...extra});

describe('the upload queue’s rules', () => {
	it('keeps the order items were queued in', () => {
		const items = [item('c', 'photo', 3), item('a', 'patrol', 1), item('b', 'issue', 2)];
		expect(inOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'c']);
	});

	it('sends a patrol before its issues and an issue before its photos', () => {
		// The issue was reported during the patrol, so it was queued first.
		const items = [item('issue', 'issue', 1, {after: ['patrol']}), item('photo', 'photo', 2, {after: ['issue']}), item('patrol', 'patrol', 3)];
		expect(nextToSend(items, 0).id).toBe('patrol');
		expect(nextToSend(items.filter((i) => i.id !== 'patrol'), 0).id).toBe('issue');
		expect(nextToSend([items[1]], 0).id).toBe('photo');
	});

	it('holds a patrol’s issues while the patrol is still walked', () => {
		const items = [item('issue', 'issue', 1, {after: ['walking']}), item('other', 'issue', 2)];
		expect(nextToSend(items, 0, ['walking']).id).toBe('other');
		expect(nextToSend(items, 0, []).id).toBe('issue');
	});

	it('waits out a retry without letting later items overtake', () => {
		const items = [item('a', 'issue', 1, {attempts: 1, nextAttemptAt: 10_000}), item('b', 'issue', 2)];
		expect(nextToSend(items, 5_000)).toBeNull();
		expect(nextToSend(items, 10_000).id).toBe('a');
	});

	it('skips rejected items and what waits for them', () => {
		const items = [item('a', 'issue', 1, {state: 'rejected'}), item('p', 'photo', 2, {after: ['a']}), item('b', 'issue', 3)];
		expect(nextToSend(items, 0).id).toBe('b');
		expect([...blockedBy(items)]).toEqual(['p']);
	});

	it('retries network and server failures with growing delays', () => {
		expect(retryDelayMs(1)).toBe(FIRST_RETRY_MS);
		expect(retryDelayMs(2)).toBe(2 * FIRST_RETRY_MS);
		expect(retryDelayMs(30)).toBe(MAX_RETRY_MS);
		for (const status of [0, 408, 429, 500, 503]) {
			expect(isTransient(status)).toBe(true);
		}
		const failed = afterFailure(item('a', 'issue', 1), {status: 0, message: 'offline'}, 1000);
		expect(failed).toMatchObject({state: 'waiting', attempts: 1, nextAttemptAt: 1000 + FIRST_RETRY_MS, error: {status: 0, detail: 'offline'}});
		expect(afterFailure(failed, {status: 502}, 2000)).toMatchObject({attempts: 2, nextAttemptAt: 2000 + 2 * FIRST_RETRY_MS});
	});

	it('keeps an item whose session expired and rejects what the server refused', () => {
		expect(afterFailure(item('a', 'issue', 1), {status: 401}, 0).state).toBe('waiting');
		for (const status of [400, 403, 413, 415, 422]) {
			expect(afterFailure(item('a', 'photo', 1), {status, detail: 'no'}, 0)).toMatchObject({state: 'rejected', error: {status, detail: 'no'}});
		}
	});
});
