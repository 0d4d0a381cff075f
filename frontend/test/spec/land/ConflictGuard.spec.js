import {describe, expect, it} from 'vitest';
import {I18n} from '../../../src/i18n/index.js';
import {confirmConflicts} from '../../../src/land/ConflictGuard.js';
import {periodKind} from '../../../src/land/periods.js';

const square = {type: 'Polygon', coordinates: [[[116.3, 33.2], [116.31, 33.2], [116.31, 33.21], [116.3, 33.21], [116.3, 33.2]]]};

const layer = (id, features, areaM2) => ({layer: id, restrictive: id !== 'urban_boundary', features, areaM2, areaMu: areaM2 / 666.67});

/** An Api answering the check with `layers` and recording the decisions sent. */
function fakeApi(layers) {
	const sent = [];
	return {
		sent,
		send(method, path, body) {
			sent.push({method, path, body});
			return Promise.resolve(path.endsWith('/check') ? {layers, conflicts: []} : {id: 1});
		}
	};
}

/** An editor answering the warning with `answer`; records the layers shown. */
const editor = (answer) => {
	const asked = [];
	return {asked, ask: (layers) => (asked.push(layers), Promise.resolve(answer))};
};

describe('periodKind', () => {
	it('names the cadence report of a period', () => {
		expect(['2026-09', '2026-Q3', '2026-H2', '2026'].map(periodKind)).toEqual(['month', 'quarter', 'half', 'year']);
	});
});

describe('confirmConflicts', () => {
	const i18n = new I18n({locale: 'zh'});

	it('lets a shape outside farmland and the red line save without asking', async () => {
		const api = fakeApi([layer('basic_farmland', 0, 0), layer('urban_boundary', 1, 5000), layer('cultivated_land', 1, 20)]);
		const {asked, ask} = editor({decision: 'cancel'});
		expect(await confirmConflicts({api, i18n, ask}, 'land_parcel', 7, square)).toBe(true);
		expect(asked).toEqual([]);
		expect(api.sent.map((s) => s.path)).toEqual(['/api/v1/constraints/check']);
	});

	it('shows the layers entered and records a cancel', async () => {
		const api = fakeApi([layer('basic_farmland', 2, 1333.34), layer('ecological_redline', 0, 0)]);
		const {asked, ask} = editor({decision: 'cancel'});
		expect(await confirmConflicts({api, i18n, ask}, 'project', 3, square)).toBe(false);
		expect(asked[0].map((l) => l.layer)).toEqual(['basic_farmland']);
		expect(api.sent[1]).toMatchObject({path: '/api/v1/constraints/decisions', body: {collection: 'project', featureId: 3, decision: 'cancel'}});
	});

	it('goes ahead only with a reason, which is recorded', async () => {
		const api = fakeApi([layer('ecological_redline', 1, 800)]);
		expect(await confirmConflicts({api, i18n, ...editor({decision: 'proceed', reason: '  '})}, 'land_parcel', null, square)).toBe(false);
		expect(await confirmConflicts({api, i18n, ...editor({decision: 'proceed', reason: '皖政地〔2023〕12号'})}, 'land_parcel', null, square)).toBe(true);
		expect(api.sent.at(-1).body).toMatchObject({decision: 'proceed', reason: '皖政地〔2023〕12号', featureId: null});
	});

	it('never asks for other collections', async () => {
		const api = fakeApi([]);
		expect(await confirmConflicts({api, i18n, ...editor({decision: 'cancel'})}, 'sluice', 1, {type: 'Point', coordinates: [116.3, 33.2]})).toBe(true);
		expect(api.sent).toEqual([]);
	});
});
