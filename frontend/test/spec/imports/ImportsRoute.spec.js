import {describe, expect, it} from 'vitest';
import {formatPage, parsePage} from '../../../src/app/PageRoute.js';
import {parseHash} from '../../../src/map/HashState.js';
import {EXPORT_FORMATS, WORLDWIDE_CRS, crsChoices, crsName, isRunning} from '../../../src/imports/ImportApi.js';
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
			...WORLDWIDE_CRS.map((c) => `imports.crsName.${c}`), 'imports.crsName.gkZone', 'imports.crsName.gkMeridian',
			...EXPORT_FORMATS.map((f) => `imports.formatName.${f}`)
		];
		for (const key of keys) {
			expect(importsZh[key], key).toBeTruthy();
			expect(importsEn[key], key).toBeTruthy();
		}
		expect(Object.keys(importsZh).sort()).toEqual(Object.keys(importsEn).sort());
	});

	it('offers the Gauss-Krüger zones of the county and their neighbours, named by zone and meridian', () => {
		expect(crsChoices([39])).toEqual(['4490', '4326', '3857', '4527', '4548', '4526', '4547', '4528', '4549']);
		expect(crsChoices([38]).slice(3, 5)).toEqual(['4526', '4547']);
		const t = (key, params) => `${key} ${JSON.stringify(params ?? {})}`;
		expect(crsName('4547', t)).toBe('imports.crsName.gkMeridian {"meridian":114,"code":"4547"}');
		expect(crsName('4527', t)).toBe('imports.crsName.gkZone {"zone":39,"code":"4527"}');
	});
});
