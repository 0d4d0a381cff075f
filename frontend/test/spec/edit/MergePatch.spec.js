import {describe, expect, it} from 'vitest';
import {
	applyMergePatch, buildMergePatch, changedProperties, conflictRows, featurePatch, reapply, sameGeometry, sameJson
} from '../../../src/edit/MergePatch.js';

const sluice = (properties = {}, coordinates = [116.3, 33.25]) => ({
	type: 'Feature', id: 7, geometry: {type: 'Point', coordinates},
	properties: {code: 'SZ-7', name: '朱楼闸', gate_count: 2, remarks: null, attributes: {village: '朱楼村'}, version: 3,
		updated_at: '2026-11-27T03:00:00+00:00', ...properties}
});

describe('MergePatch', () => {
	it('sends only what changed, null for what was cleared', () => {
		expect(buildMergePatch({a: 1, b: 'x', c: null}, {a: 1, b: 'y', c: null})).toEqual({b: 'y'});
		expect(buildMergePatch({a: 1, b: 'x'}, {a: 1, b: null})).toEqual({b: null});
		expect(buildMergePatch({a: 1, b: 'x'}, {a: 1})).toEqual({b: null});
		expect(buildMergePatch({a: 1}, {a: 1})).toEqual({});
	});

	it('patches nested objects key by key and replaces arrays whole', () => {
		expect(buildMergePatch({attributes: {village: 'A', sites: 2}}, {attributes: {village: 'B', sites: 2}}))
			.toEqual({attributes: {village: 'B'}});
		expect(buildMergePatch({list: [1, 2]}, {list: [1, 3]})).toEqual({list: [1, 3]});
	});

	it('applies a patch as RFC 7396 says', () => {
		expect(applyMergePatch({a: 'b', c: {d: 'e', f: 'g'}}, {a: 'z', c: {f: null}})).toEqual({a: 'z', c: {d: 'e'}});
		expect(applyMergePatch({a: [1]}, {a: [2, 3]})).toEqual({a: [2, 3]});
		const before = {x: 1, y: 2};
		const after = {x: 1, z: 3};
		expect(applyMergePatch(before, buildMergePatch(before, after))).toEqual(after);
	});

	it('treats a missing value and null alike, and ignores key order', () => {
		expect(sameJson({a: 1, b: null}, {a: 1})).toBe(true);
		expect(sameJson({a: {x: 1, y: 2}}, {a: {y: 2, x: 1}})).toBe(true);
		expect(sameJson(0, null)).toBe(false);
	});

	it('builds the PATCH of an edited feature without the fields the server keeps', () => {
		const original = sluice();
		const edited = {properties: {...original.properties, gate_count: 6, version: 99, updated_at: 'later'}, geometry: original.geometry};
		expect(featurePatch(original, edited)).toEqual({properties: {gate_count: 6}});
	});

	it('sends the geometry only when it moved more than a centimetre', () => {
		const original = sluice();
		expect(featurePatch(original, {properties: {}, geometry: {type: 'Point', coordinates: [116.30000001, 33.25000002]}})).toBeNull();
		expect(featurePatch(original, {properties: {}, geometry: {type: 'Point', coordinates: [116.301, 33.25]}}))
			.toEqual({geometry: {type: 'Point', coordinates: [116.301, 33.25]}});
		expect(sameGeometry({type: 'Polygon', coordinates: [[[1, 2], [3, 4], [1, 2]]]}, {type: 'MultiPolygon', coordinates: [[[[1, 2], [3, 4], [1, 2]]]]})).toBe(false);
	});

	it('answers null when nothing changed', () => {
		const original = sluice();
		expect(featurePatch(original, {properties: {...original.properties}, geometry: original.geometry})).toBeNull();
	});

	it('lists the properties that differ', () => {
		expect(changedProperties(sluice(), sluice({gate_count: 4, version: 5}))).toEqual(['gate_count']);
	});

	it('puts one’s own changes on top of a version saved meanwhile, keeping the other writer’s', () => {
		const base = sluice();
		const mine = {properties: {...base.properties, remarks: '我的修改'}, geometry: base.geometry};
		const current = sluice({remarks: '他人的修改', gate_count: 9, version: 4}, [116.31, 33.26]);
		const result = reapply(base, mine, current);
		expect(result.properties).toMatchObject({remarks: '我的修改', gate_count: 9, version: 4});
		expect(result.geometry.coordinates).toEqual([116.31, 33.26]);
		const moved = {properties: base.properties, geometry: {type: 'Point', coordinates: [116.2, 33.2]}};
		expect(reapply(base, moved, current).geometry.coordinates).toEqual([116.2, 33.2]);
	});

	it('compares both versions field by field, marking who changed what', () => {
		const base = sluice();
		const mine = {properties: {...base.properties, remarks: '我的修改', name: '新名'}, geometry: base.geometry};
		const current = sluice({remarks: '他人的修改', gate_count: 9, version: 4}, [116.31, 33.26]);
		const rows = Object.fromEntries(conflictRows(base, mine, current).map((r) => [r.key, r]));
		expect(Object.keys(rows).sort()).toEqual(['gate_count', 'geom', 'name', 'remarks']);
		expect(rows.remarks).toEqual({key: 'remarks', mineChanged: true, theirsChanged: true, both: true});
		expect(rows.name).toMatchObject({mineChanged: true, theirsChanged: false, both: false});
		expect(rows.gate_count).toMatchObject({mineChanged: false, theirsChanged: true});
		expect(rows.geom).toMatchObject({mineChanged: false, theirsChanged: true, both: false});
	});
});
