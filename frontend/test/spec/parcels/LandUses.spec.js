import {describe, expect, it} from 'vitest';
import {I18n} from '../../../src/i18n/I18n.js';
import {messages} from '../../../src/parcels/messages.js';
import {LAND_USES, landUseKey, landUseLabel} from '../../../src/parcels/LandUses.js';

describe('LandUses', () => {
	it('names known land uses in either language and keeps others as entered', () => {
		const zh = new I18n({locale: 'zh-CN'});
		const en = new I18n({locale: 'en'});
		zh.add(messages);
		en.add(messages);
		expect(landUseKey('工业用地')).toBe('parcels.landUse.industrial');
		expect(landUseKey(' 住宅用地 ')).toBe('parcels.landUse.residential');
		expect(landUseLabel('商服用地', en)).toBe('Commercial and services');
		expect(landUseLabel('商服用地', zh)).toBe('商服用地');
		expect(landUseLabel('水域', en)).toBe('水域');
		expect(landUseKey(null)).toBeNull();
	});

	it('name each class in Chinese as the registry records it', () => {
		const zh = new I18n({locale: 'zh-CN'});
		for (const [value] of LAND_USES) {
			expect(landUseLabel(value, zh)).toBe(value);
		}
	});
});
