import {describe, expect, it} from 'vitest';
import {setCounty} from '../../../src/county/County.js';
import {countyToday} from '../../../src/format/Units.js';
import {daysSince, projectProperties} from '../../../src/projects/ProjectDetail.js';

const detail = {
	summary: {id: 10, code: 'XM-2023-010', name: '拆除重建曹市闸', status: 'approved', department: 'water', town: '曹市镇', category: 'water_conservancy',
		year: 2023, plannedStart: '2024-03-01', plannedEnd: '2025-06-30', investmentPlanned: 3150, investmentDone: 156.51, progressPct: 0, version: 2},
	leadUnit: '县水利局', remarks: '四类闸',
	progress: {pct: 5, method: 'reported', reportedBy: '县水利局', reportedAt: '2026-10-05T09:00:00Z', measure: 'completed_assets', target: 1,
		unit: '座', description: '拆除重建曹市闸', measured: 0, reportedPct: null, chosenMethod: null},
	milestones: [], history: [], links: []
};

describe('ProjectDetail', () => {
	it('reads a project’s detail into its column names, for the fields and the form', () => {
		expect(projectProperties(detail)).toEqual({
			code: 'XM-2023-010', name: '拆除重建曹市闸', status: 'approved', department: 'water', town: '曹市镇', category: 'water_conservancy', year: 2023,
			lead_unit: '县水利局', planned_start: '2024-03-01', planned_end: '2025-06-30', actual_start: null, actual_end: null,
			investment_planned: 3150, investment_done: 156.51, progress_pct: null, progress_method: null,
			target_value: 1, target_unit: '座', target_description: '拆除重建曹市闸', target_measure: 'completed_assets', remarks: '四类闸', version: 2
		});
	});

	it('edits the figure last reported and the chosen method, not the measured progress', () => {
		const reported = {...detail, summary: {...detail.summary, progressPct: 60}, progress: {...detail.progress, pct: 60, reportedPct: 35, chosenMethod: 'investment'}};
		expect(projectProperties(reported).progress_pct).toBe(35);
		expect(projectProperties(reported).progress_method).toBe('investment');
	});

	it('counts days as the county does (its profile says China Standard Time)', () => {
		setCounty({timeZone: 'Asia/Shanghai'});
		const now = new Date('2026-11-26T17:30:00Z');
		expect(countyToday(now)).toBe('2026-11-27');
		expect(daysSince('2026-11-20', now)).toBe(7);
		expect(daysSince('2026-12-01', now)).toBe(0);
	});
});
