import {describe, expect, it} from 'vitest';
import {Session} from '../../../src/auth/Session.js';

const EDITOR = {authenticated: true, username: 'li', displayName: '李工', roles: ['editor'], department: 'water', editableCollections: ['sluice', 'dike']};

function fakeApi(me = EDITOR) {
	const calls = [];
	return {
		calls,
		me: async () => (calls.push('me'), {authenticated: false, roles: [], editableCollections: []}),
		login: async (username, password) => {
			calls.push(`login ${username}`);
			if (password !== 'right-password') {
				throw Object.assign(new Error('Wrong user name or password'), {status: 401});
			}
			return me;
		},
		logout: async () => (calls.push('logout'), {authenticated: false})
	};
}

describe('Session', () => {
	it('starts anonymous and may edit nothing', async () => {
		const session = new Session({api: fakeApi()});
		await session.refresh();
		expect(session.authenticated).toBe(false);
		expect(session.canEdit('sluice')).toBe(false);
		expect(session.isAdmin).toBe(false);
	});

	it('signs in, knows the roles and what the user may edit, and tells listeners', async () => {
		const session = new Session({api: fakeApi()});
		const heard = [];
		session.onChange((me) => heard.push(me.username || null));
		await session.signIn('li', 'right-password');
		expect([session.username, session.displayName, session.department]).toEqual(['li', '李工', 'water']);
		expect(session.hasRole('editor')).toBe(true);
		expect(session.canEdit('sluice')).toBe(true);
		expect(session.canEdit('land_parcel')).toBe(false);
		await session.signOut();
		expect(session.authenticated).toBe(false);
		expect(heard).toEqual(['li', null]);
	});

	it('stays anonymous when the password is wrong', async () => {
		const session = new Session({api: fakeApi()});
		await expect(session.signIn('li', 'wrong')).rejects.toMatchObject({status: 401});
		expect(session.authenticated).toBe(false);
	});

	it('forgets the user on expiry without asking the server', async () => {
		const api = fakeApi();
		const session = new Session({api});
		await session.signIn('li', 'right-password');
		session.expire();
		expect(session.authenticated).toBe(false);
		expect(api.calls).toEqual(['login li']);
	});

	it('signs out locally even when the server cannot be reached', async () => {
		const api = {...fakeApi(), logout: async () => {
			throw Object.assign(new Error('offline'), {status: 0});
		}};
		const session = new Session({api});
		await session.signIn('li', 'right-password');
		await expect(session.signOut()).rejects.toMatchObject({status: 0});
		expect(session.authenticated).toBe(false);
	});
});
