import {isAbort} from '../api/ApiError.js';

/**
 * One load of what a page shows, kept in the page's `state` ('loading', then 'loaded' or the
 * failed state, the error in `_error`) and rendered at each step. A new load aborts the page's
 * previous one (`_controller`), and the answer of a load that a newer one replaced is dropped.
 *
 * @param fetch (signal) => Promise of the answer
 * @param accept takes the answer into the page
 */
export async function loadPage(page, fetch, accept, {loadingState = 'loading', failedState = () => 'error'} = {}) {
	page._controller?.abort();
	const controller = page._controller = new AbortController();
	page.state = loadingState;
	page.render();
	try {
		const answer = await fetch(controller.signal);
		if (controller !== page._controller) {
			return;
		}
		accept(answer);
		page.state = 'loaded';
	} catch (error) {
		if (isAbort(error)) {
			return;
		}
		page.state = failedState(error);
		page._error = error;
	}
	page.render();
}
