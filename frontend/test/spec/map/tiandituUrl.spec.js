import {describe, expect, it} from 'vitest';
import {tiandituUrl} from '../../../src/map/tiandituUrl.js';

describe('tiandituUrl', () => {
	it('asks the Web Mercator service of a layer with the key', () => {
		const url = tiandituUrl('vec', 'abc123');
		expect(url).toMatch(/^https:\/\/t\{s\}\.tianditu\.gov\.cn\/vec_w\/wmts\?/);
		expect(url).toContain('LAYER=vec');
		expect(url).toContain('TILEMATRIXSET=w');
		expect(url).toContain('TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
		expect(url.endsWith('&tk=abc123')).toBe(true);
	});

	it('has Chinese and English annotation services', () => {
		expect(tiandituUrl('cva', 'k')).toContain('/cva_w/');
		expect(tiandituUrl('eva', 'k')).toContain('LAYER=eva');
	});

	it('encodes the key', () => {
		expect(tiandituUrl('vec', 'a&b')).toContain('tk=a%26b');
	});
});
