import {describe, expect, it, vi} from 'vitest';
import {QUEUE, STATE} from '../../../src/river/OfflineStore.js';
import {UploadQueue} from '../../../src/river/UploadQueue.js';

/** The offline store's calls over plain maps. */
function memoryStore() {
	const stores = {[QUEUE]: new Map(), [STATE]: new Map()};
	const keyOf = (name, value) => (name === QUEUE ? value.id : value.name);
	return {
		stores,
		all: async (name) => [...stores[name].values()].map((v) => structuredClone(v)),
		get: async (name, key) => stores[name].get(key),
		put: async (name, value) => void stores[name].set(keyOf(name, value), structuredClone(value)),
		delete: async (name, key) => void stores[name].delete(key)
	};
}

function fakeWindow() {
	return {navigator: {onLine: true}, addEventListener: vi.fn(), removeEventListener: vi.fn(), setInterval: vi.fn(() => 1), clearInterval: vi.fn()};
}

function setUp(send) {
	const store = memoryStore();
	const calls = [];
	const riverApi = {
		uploadPatrol: (p) => send('patrol', p, calls),
		reportIssue: (p) => send('issue', p, calls),
		uploadPhoto: (issueId, p) => send('photo', p, calls)
	};
	let now = 1000;
	const queue = new UploadQueue({store, riverApi, window: fakeWindow(), now: () => now});
	return {store, calls, queue, advance: (ms) => (now += ms)};
}

describe('the upload queue', () => {
	it('sends a patrol, then its issue, then the photo, and forgets each once the server has it', async () => {
		const {store, calls, queue} = setUp(async (kind, payload, calls) => {
			calls.push(`${kind}:${payload.id}`);
			return kind === 'issue' ? {segmentName: '包河'} : {};
		});
		await store.put(STATE, {name: 'patrol', id: 'p1'});
		await queue.add({id: 'i1', kind: 'issue', after: ['p1'], payload: {id: 'i1'}});
		await queue.add({id: 'f1', kind: 'photo', after: ['i1'], payload: {id: 'f1', issueId: 'i1'}, blob: 'jpeg'});
		await queue.drain();
		expect(calls).toEqual([]);
		await store.delete(STATE, 'patrol');
		await queue.add({id: 'p1', kind: 'patrol', payload: {id: 'p1'}});
		await queue.drain();
		expect(calls).toEqual(['patrol:p1', 'issue:i1', 'photo:f1']);
		expect(queue.size).toBe(0);
		expect(store.stores[QUEUE].size).toBe(0);
		expect(queue.sent.map((s) => s.kind)).toEqual(['photo', 'issue', 'patrol']);
		expect(queue.sent[1].result.segmentName).toBe('包河');
	});

	it('keeps everything on a network failure and sends it again, with the same ids, later', async () => {
		let online = false;
		const {calls, queue, store, advance} = setUp(async (kind, payload, calls) => {
			calls.push(`${kind}:${payload.id}`);
			if (!online) {
				throw Object.assign(new Error('offline'), {status: 0});
			}
			return {};
		});
		await queue.add({id: 'i1', kind: 'issue', payload: {id: 'i1'}});
		await queue.add({id: 'i2', kind: 'issue', payload: {id: 'i2'}});
		await queue.drain();
		expect(calls).toEqual(['issue:i1']);
		expect(store.stores[QUEUE].get('i1')).toMatchObject({attempts: 1, state: 'waiting'});
		online = true;
		await queue.drain();
		expect(calls).toEqual(['issue:i1']);
		advance(5000);
		await queue.drain();
		expect(calls).toEqual(['issue:i1', 'issue:i1', 'issue:i2']);
		expect(queue.size).toBe(0);
	});

	it('survives a reload: a new queue on the same store finds the items', async () => {
		const {store, queue} = setUp(async () => {
			throw Object.assign(new Error('offline'), {status: 0});
		});
		await queue.add({id: 'i1', kind: 'issue', payload: {id: 'i1'}});
		const again = new UploadQueue({store, riverApi: {reportIssue: async () => ({})}, owner: queue.owner, window: fakeWindow()});
		await again.reload();
		expect(again.items.map((i) => i.id)).toEqual(['i1']);
		await again.drain();
		expect(again.size).toBe(0);
	});

	it('leaves a refused item for the user, and discarding it drops its photos too', async () => {
		const {calls, queue} = setUp(async (kind, payload, calls) => {
			calls.push(`${kind}:${payload.id}`);
			if (payload.id === 'i1') {
				throw Object.assign(new Error('bad'), {status: 400});
			}
			return {};
		});
		await queue.add({id: 'i1', kind: 'issue', payload: {id: 'i1'}});
		await queue.add({id: 'f1', kind: 'photo', after: ['i1'], payload: {id: 'f1', issueId: 'i1'}});
		await queue.add({id: 'i2', kind: 'issue', payload: {id: 'i2'}});
		await queue.drain();
		expect(calls).toEqual(['issue:i1', 'issue:i2']);
		expect(queue.items.map((i) => `${i.id}:${i.state}`)).toEqual(['i1:rejected', 'f1:waiting']);
		expect([...queue.blocked()]).toEqual(['f1']);
		await queue.discard('i1');
		expect(queue.size).toBe(0);
	});

	it('keeps each account’s items to that account', async () => {
		const {store, queue} = setUp(async () => {
			throw Object.assign(new Error('offline'), {status: 0});
		});
		queue.owner = 'wang';
		await queue.add({id: 'i1', kind: 'issue', payload: {id: 'i1'}});
		const sent = vi.fn(async () => ({}));
		const other = new UploadQueue({store, riverApi: {reportIssue: sent}, owner: 'li', window: fakeWindow()});
		await other.reload();
		await other.drain();
		expect(other.size).toBe(0);
		expect(sent).not.toHaveBeenCalled();
		expect(store.stores[QUEUE].get('i1').owner).toBe('wang');
	});

	it('does not try while the browser is offline', async () => {
		const send = vi.fn(async () => ({}));
		const {queue} = setUp(send);
		queue.window.navigator.onLine = false;
		await queue.add({id: 'i1', kind: 'issue', payload: {id: 'i1'}});
		await queue.drain();
		expect(send).not.toHaveBeenCalled();
	});
});
