import {describe, expect, it} from 'vitest';
import {allowedTypes, categoriesOf, inspectable, inspects, localName} from '../../../src/river/FieldTypes.js';

const TYPES = [
	{id: 'river', name: {zh: '河长巡河', en: 'River patrol'}, issueCategories: [{id: 'dumping', name: {zh: '乱堆', en: 'Illegal dumping'}}], checklists: {}},
	{id: 'works_inspection', name: {zh: '水利工程隐患排查', en: 'Water-works inspection'}, issueCategories: [{id: 'seepage', name: {zh: '渗漏', en: 'Seepage'}}],
		checklists: {sluice: [{id: 'seepage', name: {zh: '闸身渗漏', en: 'Seepage'}}]}}
];

describe('patrol types on the phone', () => {
	it('offers the types the server says the account does, in the server order', () => {
		expect(allowedTypes(TYPES, {types: ['works_inspection']}).map((t) => t.id)).toEqual(['works_inspection']);
		expect(allowedTypes(TYPES, null).map((t) => t.id)).toEqual(['river']);
	});

	it('names categories in the reader language and knows which types inspect', () => {
		expect(categoriesOf(TYPES[0], {locale: 'en'})).toEqual([{id: 'dumping', label: 'Illegal dumping'}]);
		expect(localName(TYPES[1].name, {locale: 'zh-CN'})).toBe('水利工程隐患排查');
		expect(inspects(TYPES[0])).toBe(false);
		expect(inspects(TYPES[1])).toBe(true);
	});

	it('lists for inspection only the duties of the type with a checklist', () => {
		const duties = [{patrolType: 'works_inspection', collection: 'sluice', assetId: 1}, {patrolType: 'works_inspection', collection: 'dike', assetId: 2},
			{patrolType: 'straw_burning', collection: 'patrol_grid', assetId: 3}];
		expect(inspectable(TYPES[1], {duties}).map((d) => d.assetId)).toEqual([1]);
	});
});
