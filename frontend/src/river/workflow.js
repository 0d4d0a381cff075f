/*
 * The issue workflow as the back end allows it (issue_transition_allowed): each status and the
 * steps out of it, with what each step asks for.
 */
export const STEPS = {
	reported: [{to: 'assigned', action: 'assign', needs: ['assignee', 'deadline']}],
	assigned: [{to: 'rectifying', action: 'startRectifying'}, {to: 'reported', action: 'sendBack'}],
	rectifying: [{to: 'rectified', action: 'rectified', needs: ['afterPhoto']}],
	rectified: [{to: 'closed', action: 'close'}, {to: 'rectifying', action: 'reopen'}],
	closed: []
};

/** The steps an issue in `status` can take. */
export function stepsFrom(status) {
	return STEPS[status] || [];
}

/** The message key for a refused step: 409 someone moved first, 422 the workflow refused (or an after photo is missing), 403 not in charge, 413/415 a photo refused. */
export function refusalKey(error) {
	const status = error?.status;
	if (status === 409 || status === 412) {
		return 'river.problem.conflict';
	}
	if (status === 422) {
		return error.parameter === 'photos' ? 'river.action.needAfterPhoto' : 'river.problem.workflow';
	}
	if (status === 413 || status === 415) {
		return `river.problem.photo${status}`;
	}
	if (status === 400) {
		return 'river.problem.invalid';
	}
	if (status === 403) {
		return 'river.problem.forbidden';
	}
	return null;
}
