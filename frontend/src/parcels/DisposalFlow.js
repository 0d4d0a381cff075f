/*
 * One plan per parcel (一地一策) and the way its status moves: pending → in_progress →
 * disposed, with a stalled plan allowed back from in_progress to pending and a quick disposal
 * straight from pending. Disposed is final: the server refuses any way back. The checks here
 * mirror the server's so that the form says what is missing before anything is sent; the
 * server still decides.
 */
import {DISPOSAL_METHODS, DISPOSAL_STATUSES} from './ParcelQuery.js';

const NEXT = {
	pending: ['pending', 'in_progress', 'disposed'],
	in_progress: ['in_progress', 'pending', 'disposed'],
	disposed: ['disposed']
};

/** The statuses a plan may take from `current`, itself first. */
export function allowedStatuses(current) {
	return NEXT[current] || DISPOSAL_STATUSES;
}

export function isFinal(status) {
	return status === 'disposed';
}

/**
 * What is wrong with a change to a plan, as {field: messageKey}; empty when it may be sent.
 * `change` holds {disposalMethod, responsibleUnit, targetDate, disposalStatus, disposedOn, note}.
 */
export function planErrors(plan, change) {
	const errors = {};
	const status = change.disposalStatus || plan.disposalStatus;
	if (!allowedStatuses(plan.disposalStatus).includes(status)) {
		errors.disposalStatus = 'parcels.plan.error.transition';
	}
	if (change.disposalMethod && !DISPOSAL_METHODS.includes(change.disposalMethod)) {
		errors.disposalMethod = 'parcels.plan.error.method';
	} else if (status !== 'pending' && !change.disposalMethod) {
		errors.disposalMethod = 'parcels.plan.error.methodNeeded';
	}
	if (status !== plan.disposalStatus && !String(change.note || '').trim()) {
		errors.note = 'parcels.plan.error.noteNeeded';
	}
	if (change.targetDate && !/^\d{4}-\d{2}-\d{2}$/.test(change.targetDate)) {
		errors.targetDate = 'parcels.plan.error.date';
	}
	if (status === 'disposed' && change.disposedOn && !/^\d{4}-\d{2}-\d{2}$/.test(change.disposedOn)) {
		errors.disposedOn = 'parcels.plan.error.date';
	}
	return errors;
}

/** The body of PUT /api/v1/parcels/{id}/plan: every field of the plan, since the server sets them all. */
export function planBody(plan, change) {
	const status = change.disposalStatus || plan.disposalStatus;
	const note = String(change.note || '').trim();
	const body = {
		disposalMethod: change.disposalMethod || null,
		responsibleUnit: String(change.responsibleUnit || '').trim() || null,
		targetDate: change.targetDate || null,
		disposalStatus: status,
		note: note || null,
		version: plan.version
	};
	if (status === 'disposed') {
		body.disposedOn = change.disposedOn || plan.disposedOn || null;
	}
	return body;
}
