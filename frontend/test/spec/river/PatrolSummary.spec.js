import {describe, expect, it} from 'vitest';
import {HISTORY_SIZE, summarise, withServerAnswers, withSummary} from '../../../src/river/PatrolSummary.js';

const walking = {
	id: 'p1', chiefName: '张三', startedAt: '2026-10-06T01:00:00Z', source: 'drawn', issues: 2,
	// Two points 0.01° of latitude apart: about 1112 m.
	points: [{lon: 116.3, lat: 33.2}, {lon: 116.3, lat: 33.21}]
};

describe('the summary of an ended patrol', () => {
	it('keeps distance, time and issues of the patrol, waiting for the server for the segments', () => {
		const summary = summarise(walking, '2026-10-06T01:45:30Z');
		expect(summary.distanceM).toBeGreaterThan(1105);
		expect(summary.distanceM).toBeLessThan(1120);
		expect(summary.durationMs).toBe(45.5 * 60 * 1000);
		expect(summary.issues).toBe(2);
		expect(summary).toMatchObject({uploaded: false, covered: null});
	});

	it('keeps the newest patrols first, each once, at most HISTORY_SIZE', () => {
		let history = [];
		for (let i = 0; i < HISTORY_SIZE + 3; i++) {
			history = withSummary(history, {id: `p${i}`});
		}
		history = withSummary(history, {id: `p${HISTORY_SIZE + 2}`, again: true});
		expect(history.length).toBe(HISTORY_SIZE);
		expect(history[0]).toEqual({id: `p${HISTORY_SIZE + 2}`, again: true});
		expect(new Set(history.map((s) => s.id)).size).toBe(HISTORY_SIZE);
	});

	it('takes the server\'s length and covered segments once the patrol is uploaded', () => {
		const history = [summarise(walking, '2026-10-06T02:00:00Z')];
		expect(withServerAnswers(history, [{kind: 'issue', id: 'p1', result: {}}])).toBeNull();
		const next = withServerAnswers(history, [{kind: 'patrol', id: 'p1',
			result: {distanceM: 1100, coverage: [{collection: 'river_segment', assetId: 4, name: '包河', coveredM: 800}]}}]);
		expect(next[0]).toMatchObject({uploaded: true, distanceM: 1100, covered: [{name: '包河', coveredM: 800}]});
		expect(withServerAnswers(next, [{kind: 'patrol', id: 'p1', result: {distanceM: 1}}])).toBeNull();
	});
});
