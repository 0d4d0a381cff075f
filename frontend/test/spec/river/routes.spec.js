import {describe, expect, it} from 'vitest';
import {formatPage, parsePage} from '../../../src/app/PageRoute.js';
import {issueFilters} from '../../../src/river/IssuesPage.js';

describe('the river pages in the URL hash', () => {
	it('read and write their parameters', () => {
		expect(parsePage('#/bulletin?month=2026-10')).toEqual({name: 'bulletin', params: {month: '2026-10'}});
		expect(parsePage('#/patrol')).toEqual({name: 'patrol', params: {}});
		expect(parsePage('#/chiefs?x=1')).toEqual({name: 'chiefs', params: {}});
		const issues = {status: 'assigned', overdue: 'true', town: '东临溪镇', issue: '0b0c7d2e-0000-4000-8000-000000000001'};
		expect(parsePage(formatPage('issues', issues))).toEqual({name: 'issues', params: issues});
	});

	it('pass on only the issue filters the back end knows', () => {
		expect(issueFilters({status: 'closed', overdue: 'true', category: 'dumping', month: '2026-10', town: '东临溪镇'}))
			.toEqual({status: 'closed', overdue: true, category: 'dumping', month: '2026-10', town: '东临溪镇'});
		expect(issueFilters({status: 'lost', overdue: 'no', category: 'x', month: '2026-13'}))
			.toEqual({status: undefined, overdue: undefined, town: undefined, category: undefined, month: undefined});
	});
});
