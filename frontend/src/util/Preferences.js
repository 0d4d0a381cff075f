/**
 * The user's remembered choices (language, base map) in localStorage, under one prefix.
 * Reading or writing never throws: private modes and full storage just forget.
 */
export class Preferences {
	constructor(options = {}) {
		const {prefix = 'hetu.', storage = globalThis.localStorage} = options;
		this.prefix = prefix;
		this.storage = storage;
	}

	get(name, fallback = null) {
		try {
			const value = this.storage?.getItem(this.prefix + name);
			return value === null || value === undefined ? fallback : value;
		} catch {
			return fallback;
		}
	}

	set(name, value) {
		try {
			this.storage?.setItem(this.prefix + name, String(value));
		} catch {
			// Storage unavailable: the choice lasts for this visit only.
		}
	}
}
