/*
 * The server's descriptions as the front end takes them up at start, for unit tests: copies of the answers of
 * GET /api/v1/schemas and GET /api/v1/symbology that the Java tests SchemasTests and StylesTests compare with the
 * live server, so they cannot drift.
 */
import {adoptServerSchemas} from '../../src/catalog/ServerSchema.js';
import {adoptSymbology} from '../../src/layers/Symbology.js';
import {I18n} from '../../src/i18n/I18n.js';
import schemas from '../fixtures/schemas.json';
import symbology from '../fixtures/symbology.json';

/** The collections the fixture describes. */
export const FIXTURE_COLLECTIONS = Object.keys(schemas);

export {schemas as SCHEMAS, symbology as SYMBOLOGY};

/** Takes the fixtures up as Workspace does with the server's answers; answers the I18n that got the server's words. */
export function adoptServerFixtures(i18n = new I18n()) {
	adoptServerSchemas(FIXTURE_COLLECTIONS.map((id) => ({id, theme: 'water'})), schemas, i18n);
	adoptSymbology(symbology);
	return i18n;
}
