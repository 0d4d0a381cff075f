import {describe, expect, it} from 'vitest';
import {formatPage, parsePage} from '../../../src/app/PageRoute.js';
import {parseHash} from '../../../src/map/HashState.js';

describe('PageRoute', () => {
	it('reads the pages and their parameters', () => {
		expect(parsePage('#/accounts')).toEqual({name: 'accounts', params: {}});
		expect(parsePage('#/account/')).toEqual({name: 'account', params: {}});
		expect(parsePage('#/changes?user=li&collection=sluice&x=1')).toEqual({name: 'changes', params: {user: 'li', collection: 'sluice'}});
		expect(parsePage('#/changes?user=%20')).toEqual({name: 'changes', params: {}});
	});

	it('is not fooled by features, views or unknown pages', () => {
		for (const hash of ['', '#', '#/sluice/12', '#map=12/33/116', '#/settings', '#changes', undefined]) {
			expect(parsePage(hash), String(hash)).toBeNull();
		}
	});

	it('writes pages that read back the same, and that the map does not take for a feature', () => {
		const hash = formatPage('changes', {user: '王工', collection: 'land_parcel', other: 'x'});
		expect(parsePage(hash)).toEqual({name: 'changes', params: {user: '王工', collection: 'land_parcel'}});
		expect(formatPage('accounts')).toBe('#/accounts');
		expect(formatPage('changes', {})).toBe('#/changes');
		expect(parseHash(hash)).toEqual({feature: null, view: null});
	});

	it('reads and writes the project pages and the dashboard', () => {
		expect(parsePage('#/projects?status=approved,planned&overdue=true&page=2&junk=1'))
			.toEqual({name: 'projects', params: {status: 'approved,planned', overdue: 'true', page: '2'}});
		expect(parsePage('#/projects/12')).toEqual({name: 'project', params: {id: '12'}});
		expect(parsePage('#/dashboard')).toEqual({name: 'dashboard', params: {}});
		expect(formatPage('project', {id: 12})).toBe('#/projects/12');
		expect(formatPage('projects', {q: '闸', inView: 'true', page: ''})).toBe(`#/projects?q=${encodeURIComponent('闸')}&inView=true`);
	});

	it('takes neither a project page for a feature nor a bad project id for a page', () => {
		for (const hash of ['#/projects/0', '#/projects/abc', '#/projects/12/milestones', '#/project', '#/project/12']) {
			expect(parsePage(hash), hash).toBeNull();
		}
	});
});
