import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {en} from '../../../src/i18n/en.js';
import {parcelsEn} from '../../../src/i18n/parcels.en.js';
import {parcelsZh} from '../../../src/i18n/parcels.zh.js';
import {zh} from '../../../src/i18n/zh.js';
import {AREA_UNITS} from '../../../src/parcels/AreaUnits.js';
import {EXPORT_CRS, EXPORT_FORMATS} from '../../../src/parcels/ParcelApi.js';
import {DISPOSAL_STATUSES, POLYGON_RELATIONS} from '../../../src/parcels/ParcelQuery.js';
import {LAND_USES} from '../../../src/parcels/LandUses.js';
import {SORT_OPTIONS} from '../../../src/parcels/ParcelResults.js';

const HAN = /[\u3400-\u9FFF]/;
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const SOURCE = fileURLToPath(new URL('../../../src/parcels/', import.meta.url));

describe('the idle land page’s messages', () => {
	it('have the same keys in Chinese and English, none empty', () => {
		expect(Object.keys(parcelsEn).sort()).toEqual(Object.keys(parcelsZh).sort());
		for (const messages of [parcelsZh, parcelsEn]) {
			for (const [key, text] of Object.entries(messages)) {
				expect(text.trim(), key).not.toBe('');
			}
		}
	});

	it('use the same placeholders in both languages', () => {
		for (const key of Object.keys(parcelsZh)) {
			expect(placeholders(parcelsEn[key]), key).toEqual(placeholders(parcelsZh[key]));
		}
	});

	it('keep Chinese out of the English screen and English words out of the Chinese one', () => {
		for (const [key, text] of Object.entries(parcelsEn)) {
			expect(HAN.test(text), `${key}: ${text}`).toBe(false);
		}
		const latin = /\b(?!G205\b|GeoJSON\b|CSV\b|WKT\b|Shapefile\b|zip\b|GeoPackage\b|KML\b|Excel\b|xlsx\b|WGS84\b|CGCS2000\b|EPSG\b|GDP\b|m\b)[A-Za-z]{2,}\b/;
		for (const [key, text] of Object.entries(parcelsZh)) {
			expect(latin.test(text.replace(/\{\w+\}/g, '')), `${key}: ${text}`).toBe(false);
		}
	});

	it('load with the page, not with the map, and clash with none of the application’s', () => {
		for (const key of Object.keys(parcelsZh)) {
			expect(zh[key], key).toBeUndefined();
			expect(en[key], key).toBeUndefined();
		}
	});

	it('have every message the page asks for by name, and every one built from a list', () => {
		const used = new Set();
		for (const name of readdirSync(SOURCE).filter((n) => n.endsWith('.js'))) {
			for (const [, key] of readFileSync(join(SOURCE, name), 'utf8').matchAll(/'((?:parcels|nav|user|enum|field|common|value|page|history)\.[a-zA-Z0-9_.]+)'/g)) {
				used.add(key);
			}
		}
		for (const unit of AREA_UNITS) {
			used.add(`parcels.unit.${unit}`);
		}
		for (const format of EXPORT_FORMATS) {
			used.add(`parcels.export.format.${format}`);
		}
		for (const crs of EXPORT_CRS) {
			used.add(`parcels.export.crs.${crs}`);
		}
		for (const relation of POLYGON_RELATIONS) {
			used.add(`parcels.query.relation.${relation}`);
		}
		for (const mode of ['layer', 'feature']) {
			used.add(`parcels.near.mode.${mode}`);
		}
		for (const status of DISPOSAL_STATUSES) {
			used.add(`parcels.plan.to.${status}`);
		}
		for (const sort of SORT_OPTIONS) {
			used.add(`parcels.sort.${sort.replace('-', 'desc.')}`);
		}
		for (const [, key] of LAND_USES) {
			used.add(`parcels.landUse.${key}`);
		}
		expect(used.size).toBeGreaterThan(150);
		for (const key of used) {
			expect(key in zh || key in parcelsZh, `zh: ${key}`).toBe(true);
			expect(key in en || key in parcelsEn, `en: ${key}`).toBe(true);
		}
	});
});
