import {describe, expect, it} from 'vitest';
import {LIFECYCLE, allowedTransitions, canTransition, isFinished, lifecycleStep} from '../../../src/projects/Lifecycle.js';

describe('Lifecycle', () => {
	it('moves a project along planned → approved → under construction → completed', () => {
		expect(LIFECYCLE).toEqual(['planned', 'approved', 'under_construction', 'completed']);
		expect(allowedTransitions('planned')).toEqual(['approved', 'suspended']);
		expect(allowedTransitions('approved')).toEqual(['under_construction', 'suspended']);
		expect(allowedTransitions('under_construction')).toEqual(['completed', 'suspended']);
	});

	it('suspends any unfinished project and resumes it at planned, approved or under construction', () => {
		for (const status of ['planned', 'approved', 'under_construction']) {
			expect(canTransition(status, 'suspended'), status).toBe(true);
		}
		expect(allowedTransitions('suspended')).toEqual(['planned', 'approved', 'under_construction']);
		expect(canTransition('suspended', 'completed')).toBe(false);
	});

	it('allows no skipping, no going back on the main line and nothing after completion', () => {
		expect(canTransition('planned', 'under_construction')).toBe(false);
		expect(canTransition('planned', 'completed')).toBe(false);
		expect(canTransition('under_construction', 'approved')).toBe(false);
		expect(canTransition('approved', 'planned')).toBe(false);
		expect(allowedTransitions('completed')).toEqual([]);
		expect(isFinished('completed')).toBe(true);
		expect(isFinished('suspended')).toBe(false);
	});

	it('gives records that are no project, and unknown statuses, no way forward', () => {
		expect(allowedTransitions('none')).toEqual([]);
		expect(allowedTransitions('demolished')).toEqual([]);
		expect(allowedTransitions(undefined)).toEqual([]);
	});

	it('matches the transitions the database allows, pair by pair', () => {
		// project_transition_allowed() in V5__project_lifecycle.sql
		const allowed = new Set(['planned>approved', 'approved>under_construction', 'under_construction>completed',
			'planned>suspended', 'approved>suspended', 'under_construction>suspended',
			'suspended>planned', 'suspended>approved', 'suspended>under_construction']);
		const statuses = ['planned', 'approved', 'under_construction', 'completed', 'suspended', 'none'];
		for (const from of statuses) {
			for (const to of statuses) {
				expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
			}
		}
	});

	it('hands out copies, so a caller cannot change the rules', () => {
		allowedTransitions('planned').push('completed');
		expect(allowedTransitions('planned')).toEqual(['approved', 'suspended']);
	});

	it('places statuses on the main line', () => {
		expect(lifecycleStep('approved')).toBe(1);
		expect(lifecycleStep('suspended')).toBe(-1);
	});
});
