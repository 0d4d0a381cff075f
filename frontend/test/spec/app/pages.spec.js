import {describe, expect, it} from 'vitest';
import {PAGES, homePage, offers, pageNamed} from '../../../src/app/pages.js';
import {formatPage, parsePage} from '../../../src/app/PageRoute.js';
import {Session} from '../../../src/auth/Session.js';
import {I18n} from '../../../src/i18n/I18n.js';

/** A session as /api/v1/auth/me describes the user. */
function session(me) {
	const s = new Session({api: null});
	s._set({authenticated: true, username: 'u', editableCollections: [], ...me});
	return s;
}

const offered = (s) => PAGES.filter((page) => offers(page, s)).map((page) => page.name);

describe('the page registry', () => {
	it('gives every page a title, its parameters and a way to make it', () => {
		expect(PAGES.length).toBe(21);
		expect(new Set(PAGES.map((p) => p.name)).size).toBe(PAGES.length);
		for (const page of PAGES) {
			expect(typeof page.create, page.name).toBe('function');
			expect(Array.isArray(page.params), page.name).toBe(true);
			expect(page.titleKey, page.name).toBeTruthy();
		}
	});

	it('routes every page by its entry alone: what is written reads back the same', () => {
		for (const page of PAGES) {
			const params = Object.fromEntries(page.params.map((key) => [key, `v-${key}`]));
			if (page.under) {
				params.id = '7';
			}
			expect(parsePage(formatPage(page.name, params)), page.name).toEqual({name: page.name, params});
		}
	});

	it('offers each role what the server lets it use (role-table.txt)', () => {
		const all = PAGES.map((page) => page.name);
		expect(offered(session({roles: ['admin']}))).toEqual(all);
		// A river chief who is nothing more imports nothing and reads only the river records.
		expect(offered(session({roles: ['river_chief']}))).toEqual(['projects', 'project', 'parcels', 'dashboard', 'plans', 'investments', 'commerce', 'enterprises', 'approvals', 'stations',
			'constraints', 'changes', 'account', 'patrol', 'issues', 'bulletin', 'chiefs']);
		// Natural resources' editors read no river records (403 on /api/v1/issues); the water bureau's log patrols.
		expect(offered(session({roles: ['editor'], department: 'natres', editableCollections: ['land_parcel']}))).toEqual(['projects', 'project',
			'parcels', 'dashboard', 'plans', 'investments', 'commerce', 'enterprises', 'approvals', 'stations', 'constraints', 'imports', 'changes', 'account']);
		expect(offered(session({roles: ['editor'], department: 'water', editableCollections: ['ditch']}))).toEqual([...all].filter((n) => !['accounts', 'county'].includes(n)));
		// The office's field map is for the office and viewers, not for a chief on a dyke.
		expect(offered(session({roles: ['viewer']}))).toEqual(['projects', 'project', 'parcels', 'dashboard', 'plans', 'investments', 'commerce', 'enterprises', 'approvals', 'stations',
			'constraints', 'changes', 'account', 'issues', 'field', 'bulletin', 'chiefs']);
		expect(offered(new Session({api: null}))).toEqual([]);
	});

	it('loads the messages of a page that brings its own before making it', async () => {
		const i18n = new I18n({locale: 'en'});
		const river = pageNamed('issues');
		expect(i18n.has(river.titleKey)).toBe(false);
		i18n.add((await river.messages()).messages);
		expect(i18n.t(river.titleKey)).not.toBe(river.titleKey);
		expect(new I18n({locale: 'en'}).has(river.titleKey), 'another application’s dictionary is left alone').toBe(false);
	});

	it('lands a river chief who is nothing else on the patrol page, everyone else on the map', () => {
		expect(homePage(session({roles: ['river_chief']}))?.name).toBe('patrol');
		expect(homePage(session({roles: ['river_chief', 'editor'], department: 'water'}))).toBeUndefined();
		expect(homePage(session({roles: ['admin']}))).toBeUndefined();
		expect(homePage(session({roles: ['viewer']}))).toBeUndefined();
		expect(homePage(session({roles: []}))).toBeUndefined();
		expect(homePage(new Session({api: null}))).toBeUndefined();
	});
});
