import {describe, expect, it} from 'vitest';
import {readCookie} from '../../../src/api/readCookie.js';

describe('readCookie', () => {
	it('finds a cookie among others and decodes it', () => {
		expect(readCookie('a=1; XSRF-TOKEN=ab%3Dcd; b=2', 'XSRF-TOKEN')).toBe('ab=cd');
		expect(readCookie('XSRF-TOKEN=x', 'XSRF-TOKEN')).toBe('x');
	});

	it('answers null when the cookie is missing, and does not match on a suffix', () => {
		expect(readCookie('', 'XSRF-TOKEN')).toBeNull();
		expect(readCookie(undefined, 'XSRF-TOKEN')).toBeNull();
		expect(readCookie('MY-XSRF-TOKEN=1', 'XSRF-TOKEN')).toBeNull();
	});

	it('keeps a value that is not valid percent-encoding', () => {
		expect(readCookie('XSRF-TOKEN=%E0%A4%A', 'XSRF-TOKEN')).toBe('%E0%A4%A');
	});
});
