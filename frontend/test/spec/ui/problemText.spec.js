import {describe, expect, it} from 'vitest';
import {I18n} from '../../../src/i18n/I18n.js';
import {problemText} from '../../../src/ui/problemText.js';

describe('problemText', () => {
	it('tells the user in their language, never in the server’s English', () => {
		const i18n = new I18n();
		expect(problemText({status: 0}, i18n)).toBe('网络连接失败');
		expect(problemText({status: 403, detail: 'admin may not change sluice'}, i18n)).toBe(i18n.t('error.forbidden'));
		expect(problemText({status: 409}, i18n)).toBe(i18n.t('error.conflict'));
		expect(problemText({status: 500, detail: 'Internal'}, i18n)).toBe('服务器返回错误（500）');
		expect(problemText(new Error('x'), i18n)).toBe(i18n.t('error.unknown'));
		i18n.setLocale('en');
		expect(problemText({status: 401}, i18n)).toBe('Please sign in first');
	});

	it('picks the message by the server’s error code before the status', () => {
		const i18n = new I18n();
		expect(problemText({status: 409, code: 'conflict', detail: 'The stock of 2025 is frozen already'}, i18n))
			.toBe(i18n.t('problem.conflict'));
		expect(problemText({status: 503, code: 'database_unavailable'}, i18n)).toBe('数据库暂时无法连接，请稍后再试');
		expect(problemText({status: 400, code: 'invalid_filter'}, i18n)).not.toBe(problemText({status: 400}, i18n));
		expect(problemText({status: 418, code: 'a_code_of_a_newer_server'}, i18n)).toBe('服务器返回错误（418）');
		i18n.setLocale('en');
		expect(problemText({status: 429, code: 'rate_limited'}, i18n)).toBe('Too many attempts; please try again later');
	});
});
