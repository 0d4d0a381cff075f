import {describe, expect, it} from 'vitest';
import {loadPage} from '../../../src/ui/loadPage.js';

function fakePage() {
	const page = {states: [], render() {
		page.states.push(page.state);
	}};
	return page;
}

function abortError() {
	return Object.assign(new Error('aborted'), {name: 'AbortError'});
}

describe('loadPage', () => {
	it('renders loading, then the answer as loaded', async () => {
		const page = fakePage();
		await loadPage(page, async () => 42, (answer) => {
			page.answer = answer;
		});
		expect(page.answer).toBe(42);
		expect(page.states).toEqual(['loading', 'loaded']);
	});

	it('keeps the error under the failed state the page chooses', async () => {
		const page = fakePage();
		const error = Object.assign(new Error('no'), {status: 403});
		await loadPage(page, async () => {
			throw error;
		}, () => {}, {failedState: (e) => (e.status === 403 ? 'forbidden' : 'error')});
		expect(page.state).toBe('forbidden');
		expect(page._error).toBe(error);
	});

	it('aborts the previous load and drops its answer', async () => {
		const page = fakePage();
		let release;
		let firstSignal;
		const first = loadPage(page, (signal) => {
			firstSignal = signal;
			return new Promise((resolve) => {
				release = resolve;
			});
		}, (answer) => {
			page.answer = answer;
		});
		const second = loadPage(page, async () => 'new', (answer) => {
			page.answer = answer;
		}, {loadingState: 'more'});
		expect(firstSignal.aborted).toBe(true);
		release('old');
		await Promise.all([first, second]);
		expect(page.answer).toBe('new');
		expect(page.states).toEqual(['loading', 'more', 'loaded']);
	});

	it('leaves the page as it is when its load is aborted', async () => {
		const page = fakePage();
		await loadPage(page, async () => {
			throw abortError();
		}, () => {});
		expect(page.states).toEqual(['loading']);
		expect(page._error).toBeUndefined();
	});
});
