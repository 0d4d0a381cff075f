import {readFileSync, readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {riverEn} from '../../../src/i18n/river.en.js';
import {riverZh} from '../../../src/i18n/river.zh.js';
import {CATEGORIES, STATUSES} from '../../../src/river/RiverApi.js';
import {STEPS} from '../../../src/river/workflow.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const SOURCE = fileURLToPath(new URL('../../../src/river/', import.meta.url));

describe('the river pages’ messages', () => {
	it('have the same keys and placeholders in Chinese and English, none empty', () => {
		expect(Object.keys(riverEn).sort()).toEqual(Object.keys(riverZh).sort());
		for (const key of Object.keys(riverZh)) {
			expect(riverZh[key].trim(), key).not.toBe('');
			expect(placeholders(riverEn[key]), key).toEqual(placeholders(riverZh[key]));
		}
	});

	it('name every category, status and workflow step', () => {
		for (const code of CATEGORIES) {
			expect(riverZh[`river.category.${code}`]).toBeTruthy();
		}
		for (const status of STATUSES) {
			expect(riverZh[`river.status.${status}`]).toBeTruthy();
			for (const step of STEPS[status]) {
				expect(riverZh[`river.action.${step.action}`], step.action).toBeTruthy();
			}
		}
		expect(riverZh['river.category.occupation']).toBe('乱占');
	});

	it('cover every key the river modules ask for', () => {
		for (const file of readdirSync(SOURCE)) {
			const text = readFileSync(`${SOURCE}${file}`, 'utf8');
			for (const [, key] of text.matchAll(/'(river\.[a-zA-Z.]+[a-zA-Z])'/g)) {
				expect(riverZh, `${file}: ${key}`).toHaveProperty([key]);
			}
		}
	});
});
