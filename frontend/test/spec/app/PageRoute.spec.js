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
});
