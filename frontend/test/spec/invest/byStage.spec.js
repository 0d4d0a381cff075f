import {describe, expect, it} from 'vitest';
import {STAGES, byStage} from '../../../src/invest/pipeline.js';

describe('byStage', () => {
	it('groups the pipeline in stage order, with empty stages kept', () => {
		const groups = byStage([{id: 1, stage: 'signed'}, {id: 2, stage: 'lead'}, {id: 3, stage: 'signed'}]);
		expect([...groups.keys()]).toEqual(STAGES);
		expect(groups.get('signed').map((i) => i.id)).toEqual([1, 3]);
		expect(groups.get('producing')).toEqual([]);
	});
});
