import {describe, expect, it} from 'vitest';
import {endOfDay, tokenState} from '../../../src/accounts/MyAccountPage.js';

describe('my account helpers', () => {
	it('make a chosen day last until its end in China Standard Time', () => {
		expect(endOfDay('2027-03-01')).toBe('2027-03-01T15:59:59.000Z');
		expect(endOfDay('')).toBeNull();
		expect(endOfDay('01/03/2027')).toBeNull();
	});

	it('tell active, expired and revoked tokens apart', () => {
		const now = Date.parse('2026-11-27T00:00:00Z');
		expect(tokenState({expiresAt: null, revokedAt: null}, now)).toBe('active');
		expect(tokenState({expiresAt: '2026-12-01T00:00:00Z'}, now)).toBe('active');
		expect(tokenState({expiresAt: '2026-11-01T00:00:00Z'}, now)).toBe('expired');
		expect(tokenState({expiresAt: '2026-12-01T00:00:00Z', revokedAt: '2026-11-20T00:00:00Z'}, now)).toBe('revoked');
	});
});
