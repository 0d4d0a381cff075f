import {QUEUE, STATE} from './OfflineStore.js';
import {afterFailure, blockedBy, inOrder, nextToSend} from './queueRules.js';

/** How often the queue looks again while items wait, besides the `online` event. */
export const RETRY_EVERY_MS = 20000;

/**
 * Patrols, issues and photos waiting for the server, kept in IndexedDB until each upload
 * succeeds, each under the account that recorded it (a phone may be shared). Every item carries the id the phone gave it, so sending one twice (an answer lost on
 * a bad signal) creates nothing twice. The queue sends one item at a time, in order, and tries
 * again on page load, when the browser comes online and every so often.
 */
export class UploadQueue {
	constructor(options) {
		const {store, riverApi, owner = null, window: win = globalThis.window, now = () => Date.now()} = options;
		Object.assign(this, {store, riverApi, owner, window: win, now});
		this.items = [];
		this.sending = null;
		/** What went up in this session, newest first: {id, kind, result}. */
		this.sent = [];
		this._listeners = [];
		this._running = null;
		this._again = false;
		this._seq = 0;
	}

	/** Loads the queue, sends what it can, and keeps trying; returns a function that stops it. */
	start() {
		const onOnline = () => this.drain();
		this.window.addEventListener('online', onOnline);
		const timer = this.window.setInterval(() => this.drain(), RETRY_EVERY_MS);
		this.ready = this.reload().then(() => this.drain());
		return () => {
			this.window.removeEventListener('online', onOnline);
			this.window.clearInterval(timer);
		};
	}

	/** Loads the signed-in user's items; another user's wait in the store until they sign in on this browser again. */
	async reload() {
		this.items = inOrder((await this.store.all(QUEUE)).filter((item) => item.owner === this.owner));
		this._seq = Math.max(this.now(), ...this.items.map((item) => item.seq + 1));
		this._changed();
	}

	onChange(listener) {
		this._listeners.push(listener);
		return () => {
			this._listeners = this._listeners.filter((l) => l !== listener);
		};
	}

	_changed() {
		for (const listener of [...this._listeners]) {
			listener(this);
		}
	}

	/** Items not yet on the server. */
	get size() {
		return this.items.length;
	}

	/** The ids of items that wait for a rejected one. */
	blocked() {
		return blockedBy(this.items);
	}

	/** Queues an item {id, kind, after, payload, blob?}, saved before this resolves. */
	async add(item) {
		const queued = {after: [], attempts: 0, nextAttemptAt: 0, state: 'waiting', error: null, ...item, owner: this.owner, seq: this._seq++};
		await this.store.put(QUEUE, queued);
		this.items = inOrder([...this.items, queued]);
		this._changed();
	}

	/** Drops a rejected item and everything that waits for it. */
	async discard(id) {
		const gone = new Set([id]);
		for (const item of this.items) {
			if ((item.after || []).some((after) => gone.has(after))) {
				gone.add(item.id);
			}
		}
		for (const key of gone) {
			await this.store.delete(QUEUE, key);
		}
		this.items = this.items.filter((item) => !gone.has(item.id));
		this._changed();
	}

	/** Sends every item that can go now, one after the other; a call while sending runs again after. */
	drain() {
		if (this._running) {
			this._again = true;
			return this._running;
		}
		this._running = this._drain().finally(() => {
			this._running = null;
			if (this._again) {
				this._again = false;
				this.drain();
			}
		});
		return this._running;
	}

	/** Tries again now, whatever the waiting times say. */
	retryNow() {
		this.items = this.items.map((item) => (item.state === 'waiting' ? {...item, nextAttemptAt: 0} : item));
		return this.drain();
	}

	async _drain() {
		if (this.window.navigator?.onLine === false) {
			return;
		}
		const walking = await this.store.get(STATE, 'patrol');
		for (;;) {
			const item = nextToSend(this.items, this.now(), walking ? [walking.id] : []);
			if (!item) {
				return;
			}
			this.sending = item.id;
			this._changed();
			try {
				const result = await this._send(item);
				await this.store.delete(QUEUE, item.id);
				this.items = this.items.filter((i) => i.id !== item.id);
				this.sent = [{id: item.id, kind: item.kind, result}, ...this.sent].slice(0, 20);
			} catch (error) {
				const failed = afterFailure(item, error, this.now());
				await this.store.put(QUEUE, failed);
				this.items = this.items.map((i) => (i.id === item.id ? failed : i));
				if (failed.state === 'waiting') {
					return;
				}
			} finally {
				this.sending = null;
				this._changed();
			}
		}
	}

	_send(item) {
		if (item.kind === 'patrol') {
			return this.riverApi.uploadPatrol(item.payload);
		}
		if (item.kind === 'issue') {
			return this.riverApi.reportIssue(item.payload);
		}
		return this.riverApi.uploadPhoto(item.payload.issueId, {...item.payload, blob: item.blob});
	}
}
