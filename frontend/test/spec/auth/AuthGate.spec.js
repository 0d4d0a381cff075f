import {describe, expect, it} from 'vitest';
import {Api} from '../../../src/api/Api.js';
import {AuthGate} from '../../../src/auth/AuthGate.js';
import {Session} from '../../../src/auth/Session.js';

/** A browser window as far as the gate sees it: location and history. */
function fakeWindow(hash) {
	const win = {
		location: {pathname: '/', search: '', hash},
		history: {
			calls: [],
			replaceState(state, title, url) {
				this.calls.push(url);
				win.location.hash = url.slice(url.indexOf('#'));
			}
		}
	};
	return win;
}

/** An Api whose server says 401 to data calls once `expired` is set. */
function setUp(hash) {
	const server = {expired: false};
	const api = new Api({
		cookies: () => 'XSRF-TOKEN=t',
		fetch: async (url) => {
			if (url.startsWith('/api/v1/auth/login')) {
				return {ok: true, status: 200, json: async () => ({authenticated: true, username: 'admin', roles: ['admin'], editableCollections: []})};
			}
			if (server.expired) {
				return {ok: false, status: 401, json: async () => ({title: 'Sign in required'})};
			}
			return {ok: true, status: 200, json: async () => ({type: 'FeatureCollection', features: []})};
		}
	});
	const session = new Session({api});
	const win = fakeWindow(hash);
	const shown = [];
	const gate = new AuthGate({api, session, window: win, onSignInRequired: (e) => shown.push(e)});
	return {api, session, win, shown, gate, server};
}

describe('AuthGate', () => {
	it('sends a signed-in user whose session expired to the sign-in screen, keeping the hash', async () => {
		const {api, session, win, shown, server} = setUp('#/sluice/12?map=15/33.2/116.3');
		await session.signIn('admin', 'hetu-test-admin');
		server.expired = true;
		await expect(api.items('sluice')).rejects.toMatchObject({status: 401});
		expect(shown).toEqual([{reason: 'expired', hash: '#/sluice/12?map=15/33.2/116.3'}]);
		expect(session.authenticated).toBe(false);
		expect(win.location.hash).toBe('#/sluice/12?map=15/33.2/116.3');
	});

	it('goes to the sign-in screen once, however many calls fail together', async () => {
		const {api, session, shown, server} = setUp('#map=12/33/116');
		await session.signIn('admin', 'hetu-test-admin');
		server.expired = true;
		await Promise.allSettled([api.items('sluice'), api.items('bridge'), api.counts()]);
		expect(shown).toHaveLength(1);
	});

	it('puts the remembered hash back after signing in again if something changed it', async () => {
		const {api, session, win, gate, server} = setUp('#/account');
		await session.signIn('admin', 'hetu-test-admin');
		server.expired = true;
		await api.tokens().catch(() => {});
		win.location.hash = '#map=10/33/116';
		server.expired = false;
		await session.signIn('admin', 'hetu-test-admin');
		expect(gate.completed()).toBe('#/account');
		expect(win.location.hash).toBe('#/account');
		expect(win.history.calls).toEqual(['/#/account']);
		expect(gate.pending).toBe(false);
	});

	it('leaves the URL alone when nothing changed it', async () => {
		const {api, session, win, gate, server} = setUp('#/changes?user=li');
		await session.signIn('admin', 'hetu-test-admin');
		server.expired = true;
		await api.changes().catch(() => {});
		expect(gate.completed()).toBe('#/changes?user=li');
		expect(win.history.calls).toEqual([]);
	});

	it('ignores a 401 while nobody is signed in: that data is just not public', async () => {
		const {api, shown, server} = setUp('#/sluice/3');
		server.expired = true;
		await api.items('sluice').catch(() => {});
		expect(shown).toEqual([]);
	});

	it('stops listening when destroyed', async () => {
		const {api, session, shown, gate, server} = setUp('');
		await session.signIn('admin', 'hetu-test-admin');
		gate.destroy();
		server.expired = true;
		await api.items('sluice').catch(() => {});
		expect(shown).toEqual([]);
	});
});
