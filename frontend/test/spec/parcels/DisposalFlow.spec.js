import {describe, expect, it} from 'vitest';
import {allowedStatuses, isFinal, planBody, planErrors} from '../../../src/parcels/DisposalFlow.js';

const PENDING = {disposalStatus: 'pending', disposalMethod: null, version: 4, disposedOn: null};

describe('DisposalFlow', () => {
	it('goes pending → in_progress → disposed, and never back from disposed', () => {
		expect(allowedStatuses('pending')).toEqual(['pending', 'in_progress', 'disposed']);
		expect(allowedStatuses('in_progress')).toEqual(['in_progress', 'pending', 'disposed']);
		expect(allowedStatuses('disposed')).toEqual(['disposed']);
		expect(isFinal('disposed')).toBe(true);
		expect(isFinal('in_progress')).toBe(false);
	});

	it('asks for a note when the status changes and a method once work starts', () => {
		expect(planErrors(PENDING, {disposalStatus: 'in_progress', disposalMethod: '', note: ' '})).toEqual({
			disposalMethod: 'parcels.plan.error.methodNeeded', note: 'parcels.plan.error.noteNeeded'
		});
		expect(planErrors(PENDING, {disposalStatus: 'in_progress', disposalMethod: 'swap', note: '已约谈企业'})).toEqual({});
		expect(planErrors(PENDING, {disposalStatus: 'pending', responsibleUnit: '自然资源局'})).toEqual({});
		expect(planErrors({...PENDING, disposalStatus: 'disposed'}, {disposalStatus: 'pending', disposalMethod: 'swap', note: 'x'}))
			.toEqual({disposalStatus: 'parcels.plan.error.transition'});
		expect(planErrors(PENDING, {disposalMethod: 'sell'})).toEqual({disposalMethod: 'parcels.plan.error.method'});
	});

	it('sends every field of the plan with the version read', () => {
		expect(planBody(PENDING, {disposalStatus: 'in_progress', disposalMethod: 'swap', responsibleUnit: ' 县自然资源和规划局 ', targetDate: '2027-06-30', note: ' 已约谈 '}))
			.toEqual({disposalMethod: 'swap', responsibleUnit: '县自然资源和规划局', targetDate: '2027-06-30', disposalStatus: 'in_progress', note: '已约谈', version: 4});
		expect(planBody(PENDING, {disposalStatus: 'disposed', disposalMethod: 'supply', disposedOn: '2026-03-01', note: '已供地'}).disposedOn).toBe('2026-03-01');
		expect(planBody(PENDING, {})).toEqual({disposalMethod: null, responsibleUnit: null, targetDate: null, disposalStatus: 'pending', note: null, version: 4});
	});
});
