import {describe, expect, it} from 'vitest';
import {LastVisit} from '../../../src/app/LastVisit.js';

class MemoryStorage {
	constructor() {
		this.items = {};
	}

	get length() {
		return Object.keys(this.items).length;
	}

	key(index) {
		return Object.keys(this.items)[index] ?? null;
	}

	getItem(key) {
		return key in this.items ? this.items[key] : null;
	}

	setItem(key, value) {
		this.items[key] = String(value);
	}

	removeItem(key) {
		delete this.items[key];
	}
}

const failing = (status) => async () => {
	throw Object.assign(new Error('no answer'), {status});
};

describe('the last visit, for opening with no signal', () => {
	it('stands in with the kept answer only when the server cannot be reached', async () => {
		const visit = new LastVisit({storage: new MemoryStorage()});
		expect(await visit.fetch('me', async () => ({authenticated: true, username: 'chief'}))).toEqual({authenticated: true, username: 'chief'});
		expect(await visit.fetch('me', failing(0))).toEqual({authenticated: true, username: 'chief'});
		await expect(visit.fetch('me', failing(401))).rejects.toMatchObject({status: 401});
		await expect(visit.fetch('layers', failing(0))).rejects.toMatchObject({status: 0});
	});

	it('forgets everything on signing out, and nothing of other keys', async () => {
		const storage = new MemoryStorage();
		storage.setItem('hetu.locale', 'en');
		const visit = new LastVisit({storage});
		await visit.fetch('me', async () => ({username: 'chief'}));
		visit.forget();
		expect(visit.recall('me')).toBeNull();
		expect(storage.getItem('hetu.locale')).toBe('en');
	});
});
