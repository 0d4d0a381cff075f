import {describe, expect, it} from 'vitest';
import {formatPage, parsePage} from '../../../src/app/PageRoute.js';
import {parseHash} from '../../../src/map/HashState.js';
import {CRS_CHOICES, EXPORT_FORMATS, isRunning} from '../../../src/imports/ImportApi.js';
import {importsEn} from '../../../src/i18n/imports.en.js';
import {importsZh} from '../../../src/i18n/imports.zh.js';

describe('the import page', () => {
	it('keeps the import on show in its link, and nothing else', () => {
		const id = '7825937d-b071-4b2a-9b87-9ad3c74e6099';
		expect(formatPage('imports', {job: id, other: 'x'})).toBe(`#/imports?job=${id}`);
		expect(parsePage(`#/imports?job=${id}&x=1`)).toEqual({name: 'imports', params: {job: id}});
		expect(parsePage('#/imports')).toEqual({name: 'imports', params: {}});
		expect(parseHash('#/imports').feature).toBeNull();
	});

	it('asks for progress only while a job works', () => {
		expect(['loading', 'committing'].filter((state) => isRunning({state}))).toHaveLength(2);
		for (const state of ['ready', 'committed', 'failed', 'cancelled']) {
			expect(isRunning({state}), state).toBe(false);
		}
		expect(isRunning(null)).toBe(false);
	});

	it('names every state, origin, CRS and format in both languages', () => {
		const keys = [
			...['loading', 'ready', 'committing', 'committed', 'failed', 'cancelled'].map((s) => `imports.state.${s}`),
			...['file', 'guessed', 'override', 'cpg', 'detected', 'chosen'].map((o) => `imports.origin.${o}`),
			...CRS_CHOICES.map((c) => `imports.crsName.${c}`),
			...EXPORT_FORMATS.map((f) => `imports.formatName.${f}`)
		];
		for (const key of keys) {
			expect(importsZh[key], key).toBeTruthy();
			expect(importsEn[key], key).toBeTruthy();
		}
		expect(Object.keys(importsZh).sort()).toEqual(Object.keys(importsEn).sort());
	});
});
