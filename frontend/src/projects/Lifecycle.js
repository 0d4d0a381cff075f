/*
 * A key project's lifecycle, as the registry enforces it:
 *   planned → approved → under_construction → completed
 *   any unfinished status → suspended → back to planned, approved or under_construction
 * `completed` is final; `none` (a record that is no project) goes nowhere.
 */

/** The statuses a project passes through, in order. */
export const LIFECYCLE = ['planned', 'approved', 'under_construction', 'completed'];

const NEXT = {
	planned: ['approved', 'suspended'],
	approved: ['under_construction', 'suspended'],
	under_construction: ['completed', 'suspended'],
	suspended: ['planned', 'approved', 'under_construction'],
	completed: [],
	none: []
};

/** The statuses a project in `status` may move to, in the order the buttons show them. */
export function allowedTransitions(status) {
	return [...(NEXT[status] || [])];
}

export function canTransition(from, to) {
	return allowedTransitions(from).includes(to);
}

/** True when a project can change no more (completed, or not a project at all). */
export function isFinished(status) {
	return allowedTransitions(status).length === 0;
}

/** Where a status sits on the main line (0–3), or -1 off it (suspended, none). */
export function lifecycleStep(status) {
	return LIFECYCLE.indexOf(status);
}
