/**
 * What the app needs to open with no signal, kept from the last visit that had one: who was signed
 * in, the county's configuration and the list of layers (their descriptions, no features). A kept
 * answer stands in only when the server cannot be reached at all (a network failure, status 0);
 * any answer of the server, a 401 included, wins. Forgotten on signing out. Storage that is full
 * or missing only means opening needs the network.
 */
export class LastVisit {
	constructor(options = {}) {
		const {storage = globalThis.localStorage, prefix = 'hetu.lastVisit.'} = options;
		Object.assign(this, {storage, prefix});
	}

	/** The answer of `load()`, kept under `name`; with no network, the one kept last time, if any. */
	async fetch(name, load) {
		try {
			const value = await load();
			this._keep(name, value);
			return value;
		} catch (error) {
			const kept = error?.status === 0 ? this.recall(name) : null;
			if (kept === null) {
				throw error;
			}
			return kept;
		}
	}

	/** What was kept under `name`, or null. */
	recall(name) {
		try {
			const text = this.storage?.getItem(this.prefix + name);
			return text ? JSON.parse(text) : null;
		} catch {
			return null;
		}
	}

	forget() {
		// The base map kept by the service worker for use with no signal (see sw.js) goes too.
		for (const name of ['hetu-basemap-data', 'hetu-basemap-tiles']) {
			globalThis.caches?.delete(name).catch(() => {});
		}
		try {
			const keys = Array.from({length: this.storage?.length || 0}, (_, i) => this.storage.key(i));
			for (const key of keys.filter((k) => k?.startsWith(this.prefix))) {
				this.storage.removeItem(key);
			}
		} catch {
			// Nothing kept, nothing to forget.
		}
	}

	_keep(name, value) {
		try {
			this.storage?.setItem(this.prefix + name, JSON.stringify(value));
		} catch {
			// Full or private storage: the next visit needs the network.
		}
	}
}
