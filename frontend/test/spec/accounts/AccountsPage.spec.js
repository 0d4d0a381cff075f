import {describe, expect, it} from 'vitest';
import {USERNAME_PATTERN, validateAccount} from '../../../src/accounts/AccountsPage.js';

const GOOD = {username: 'wang.li', displayName: '王丽', roles: ['viewer'], department: null, password: ''};

describe('validateAccount', () => {
	it('accepts a good account, with or without a password', () => {
		expect(validateAccount(GOOD)).toEqual({});
		expect(validateAccount({...GOOD, password: 'long-enough-1'})).toEqual({});
	});

	it('holds user names to the server rule', () => {
		for (const name of ['a', 'wang li', '王丽', 'x'.repeat(65), '']) {
			expect(validateAccount({...GOOD, username: name}).username, name).toBe('accounts.usernameRule');
		}
		expect(USERNAME_PATTERN.test('ab_c.d-1')).toBe(true);
	});

	it('needs a name, a role, a department for an editor and ten characters of password', () => {
		expect(validateAccount({...GOOD, displayName: '  '})).toEqual({displayName: 'form.required'});
		expect(validateAccount({...GOOD, roles: []})).toEqual({roles: 'accounts.rolesRequired'});
		expect(validateAccount({...GOOD, roles: ['editor']})).toEqual({department: 'accounts.editorNeedsDepartment'});
		expect(validateAccount({...GOOD, roles: ['editor'], department: 'water'})).toEqual({});
		expect(validateAccount({...GOOD, password: 'short'})).toEqual({password: 'account.passwordTooShort'});
	});

	it('does not check the user name or password of an existing account', () => {
		expect(validateAccount({displayName: '王丽', roles: ['viewer'], department: null, username: undefined, password: 'x'}, {isNew: false})).toEqual({});
	});
});
