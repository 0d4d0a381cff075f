import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {ENUMS, READ_ONLY_FIELDS, THEMES, WORK_STATUSES, editableFieldsOf, fieldsOf} from '../../../src/catalog/Schema.js';
import {FIXTURE_COLLECTIONS, adoptServerFixtures} from '../../support/serverFixtures.js';

// The fields come from the server's schemas only: Schema.js lists none of its own.
adoptServerFixtures();
/** The asset collections and projects: the ones with the common head of code and status. */
const COLLECTIONS = FIXTURE_COLLECTIONS.filter((c) => !['patrol', 'patrol_issue'].includes(c));

const migration = fileURLToPath(new URL('../../../../src/main/resources/db/migration/V1__registry.sql', import.meta.url));
const laterMigrations = ['V5__project_lifecycle.sql', 'V6__parcel_disposal.sql']
	.map((name) => fileURLToPath(new URL(`../../../../src/main/resources/db/migration/${name}`, import.meta.url)));
const COMMON = ['code', 'name', 'geom', 'status', 'department', 'town', 'remarks', 'attributes',
	'created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'id'];

/** Columns that the migration adds to each asset table, and the columns of `project`. */
function columnsFromMigration(sql) {
	const columns = {};
	for (const match of sql.matchAll(/ALTER TABLE (\w+)\s+([\s\S]*?);/g)) {
		const added = [...match[2].matchAll(/ADD COLUMN\s+(\w+)/g)].map((m) => m[1]);
		if (added.length) {
			columns[match[1]] = [...(columns[match[1]] || []), ...added];
		}
	}
	const project = /CREATE TABLE project \(([\s\S]*?)\n\);/.exec(sql);
	if (project) {
		columns.project = project[1].split('\n').map((line) => /^\s{4}(\w+)\s+\w/.exec(line)?.[1])
			.filter((name) => name && name !== 'CHECK');
	}
	return columns;
}

describe('Schema', () => {
	it('knows the six work statuses', () => {
		expect(WORK_STATUSES).toEqual(['planned', 'approved', 'under_construction', 'completed', 'suspended', 'none']);
	});

	it('lists the common columns first and last for every collection', () => {
		for (const collection of COLLECTIONS) {
			const keys = fieldsOf(collection).map((f) => f.key);
			expect(keys.slice(0, 2)).toEqual(['code', 'status']);
			expect(keys.at(-1)).toBe('version');
			expect(new Set(keys).size).toBe(keys.length);
		}
	});

	it.runIf(existsSync(migration))('shows every column that the database migration defines', () => {
		const columns = columnsFromMigration(readFileSync(migration, 'utf8'));
		expect(COLLECTIONS).toEqual(expect.arrayContaining(Object.keys(columns)));
		for (const [table, names] of Object.entries(columns)) {
			const shown = new Set(fieldsOf(table).map((f) => f.key));
			for (const name of names.filter((n) => !COMMON.includes(n) && n !== 'target_unit')) {
				expect(shown.has(name), `${table}.${name}`).toBe(true);
			}
		}
	});

	it.runIf(existsSync(migration))('knows every value that the migration allows in an enumerated column', () => {
		const sql = readFileSync(migration, 'utf8');
		const vocabularies = [...Object.values(ENUMS), THEMES, ['Point', 'LineString', 'MultiPolygon', 'Geometry']];
		for (const match of sql.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
			const [, column, list] = match;
			const values = [...list.matchAll(/'(\w+)'/g)].map((m) => m[1]);
			const known = vocabularies.some((e) => values.every((v) => e.includes(v)));
			expect(known, `${column}: ${values.join(', ')}`).toBe(true);
		}
	});

	it.runIf(laterMigrations.every(existsSync))('shows the columns that later migrations add to parcels and projects', () => {
		const sql = laterMigrations.map((path) => readFileSync(path, 'utf8')).join('\n');
		const added = [...sql.matchAll(/ALTER TABLE (land_parcel|project)\s+([\s\S]*?);/g)]
			.flatMap((m) => [...m[2].matchAll(/ADD COLUMN\s+(\w+)/g)].map((c) => [m[1], c[1]]));
		expect(added.length).toBeGreaterThan(0);
		for (const [table, column] of added) {
			expect(fieldsOf(table).some((f) => f.key === column), `${table}.${column}`).toBe(true);
		}
		expect(ENUMS.target_measure).toEqual(['manual', 'treated_ditches', 'completed_assets', 'completed_length']);
	});

	it('offers in forms what users may write: the name first, nothing the registry keeps', () => {
		for (const collection of COLLECTIONS) {
			const keys = editableFieldsOf(collection).map((f) => f.key);
			expect(keys[0]).toBe('name');
			expect(keys.filter((k) => READ_ONLY_FIELDS.has(k)), collection).toEqual([]);
			expect(new Set(keys).size).toBe(keys.length);
		}
		expect(editableFieldsOf('project').map((f) => f.key)).not.toContain('status');
		expect(editableFieldsOf('project').map((f) => f.key)).toContain('target_unit');
		expect(editableFieldsOf('sluice').find((f) => f.key === 'scale').required).toBe(true);
		expect(editableFieldsOf('sluice').find((f) => f.key === 'appraisal')).toMatchObject({required: true, default: 'none'});
		expect(editableFieldsOf('project').find((f) => f.key === 'progress_pct').required, 'a number with a default may stay empty')
			.toBeUndefined();
	});
});

