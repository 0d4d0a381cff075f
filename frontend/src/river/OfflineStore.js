/*
 * What the patrol page must not lose, kept in the browser's IndexedDB: the upload queue (with
 * photo blobs) and the patrol being walked. A handful of promise-returning calls; no library.
 */
const DB_NAME = 'hetu-river';
const DB_VERSION = 1;
export const QUEUE = 'queue';
export const STATE = 'state';

function promised(request) {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

export class OfflineStore {
	constructor(options = {}) {
		const {indexedDB = globalThis.indexedDB} = options;
		this.indexedDB = indexedDB;
		this._db = null;
	}

	_open() {
		if (!this._db) {
			const request = this.indexedDB.open(DB_NAME, DB_VERSION);
			request.onupgradeneeded = () => {
				const db = request.result;
				if (!db.objectStoreNames.contains(QUEUE)) {
					db.createObjectStore(QUEUE, {keyPath: 'id'});
				}
				if (!db.objectStoreNames.contains(STATE)) {
					db.createObjectStore(STATE, {keyPath: 'name'});
				}
			};
			this._db = promised(request);
			this._db.catch(() => {
				this._db = null;
			});
		}
		return this._db;
	}

	async _run(storeName, mode, work) {
		const db = await this._open();
		const transaction = db.transaction(storeName, mode);
		const result = promised(work(transaction.objectStore(storeName)));
		await new Promise((resolve, reject) => {
			transaction.oncomplete = resolve;
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
		return result;
	}

	all(storeName) {
		return this._run(storeName, 'readonly', (store) => store.getAll());
	}

	get(storeName, key) {
		return this._run(storeName, 'readonly', (store) => store.get(key));
	}

	put(storeName, value) {
		return this._run(storeName, 'readwrite', (store) => store.put(value));
	}

	delete(storeName, key) {
		return this._run(storeName, 'readwrite', (store) => store.delete(key));
	}
}
