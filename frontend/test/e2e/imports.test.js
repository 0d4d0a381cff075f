/*
 * The import page in the browser (#/imports), on the desktop and the phone profile: a
 * surveyor's GBK Shapefile in CGCS2000 zone 39 (with the zone number in X, no .cpg), made here
 * with GDAL, is uploaded into ditches; the page shows the CRS and encoding it found, the first
 * features on its map and the field mapping; the clerk gives the department and imports; the
 * ditches are then on the map with their Chinese names, and export again as a GBK Shapefile
 * that GDAL reads. What the test imports it deletes again through the API.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot, unexpectedErrors, uniqueSuffix} from './browser.js';

const HAN = /[\u3400-\u9FFF]/;
const DITCHES = fileURLToPath(new URL('../../../geodata/ditch.geojson', import.meta.url));

function gdal(...args) {
	return execFileSync(args[0], args.slice(1), {encoding: 'utf8'});
}

/** A zip of a GBK Shapefile in EPSG:4527 with Chinese field names and no .cpg, as surveyors send. */
function surveyorsZip(dir, prefix, count) {
	gdal('ogr2ogr', '-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4527', '-lco', 'ENCODING=CP936', join(dir, 'survey.shp'), DITCHES,
		'-dialect', 'SQLite', '-sql', `SELECT '${prefix}' || code AS "编码", name AS "名称", class AS "类别", geometry FROM ditch ORDER BY code LIMIT ${count}`);
	gdal('zip', '-j', '-q', join(dir, 'survey.zip'), ...['shp', 'shx', 'dbf', 'prj'].map((e) => join(dir, `survey.${e}`)));
	return join(dir, 'survey.zip');
}

function importSuite(profile) {
	describe(`imports (${profile.name})`, () => {
		let browser;
		let session;
		let dir;
		const prefix = `E2E-${uniqueSuffix(profile)}-`;

		before(async () => {
			browser = await launchBrowser();
			session = await newSession(browser, profile);
			dir = mkdtempSync(join(tmpdir(), 'hetu-e2e-import-'));
		});

		after(async () => {
			const found = await apiGet(`/ogc/collections/ditch/items?limit=100&filter=${encodeURIComponent(`code LIKE '${prefix}%'`)}`);
			for (const feature of found.features) {
				await apiSend('DELETE', `/ogc/collections/ditch/items/${feature.id}`);
			}
			await browser?.close();
			rmSync(dir, {recursive: true, force: true});
		});

		it('takes a surveyor\'s GBK Shapefile in a zone into ditches with the names intact, and exports it again', async () => {
			const zip = surveyorsZip(dir, prefix, 12);
			const page = await openMap(session, '#/imports');
			await page.waitForSelector('#app[data-page="imports"] #hetu-import-form');
			await page.setInputFiles('#hetu-import-form input[name="file"]', zip);
			await page.selectOption('#hetu-import-form select[name="target"]', 'ditch');
			await page.click('[data-action="upload"]');
			await page.waitForSelector('.hetu-imports__job[data-state="ready"]', {timeout: 60000});
			assert.equal(await page.getAttribute('[data-crs]', 'data-crs'), '4527');
			assert.equal(await page.getAttribute('[data-encoding]', 'data-encoding'), 'GBK');
			await page.waitForSelector('#hetu-import-preview[data-features="12"] path.leaflet-interactive');
			assert.equal(await page.inputValue('select[data-column="name"]'), '名称');
			assert.equal(await page.inputValue('select[data-column="class"]'), '类别');
			assert.ok(await page.locator('[data-check="missing"]').count(), 'the department is asked for');
			await page.fill('input[data-default="department"]', 'water');
			await page.click('[data-action="check-import"]');
			await page.waitForSelector('.hetu-imports__checks[data-blocking="false"]');
			await screenshot(page, `imports-report-${profile.name}`);
			await page.click('[data-action="commit-import"]');
			await page.waitForSelector('.hetu-imports__job[data-state="committed"] .hetu-imports__result[data-inserted="12"]', {timeout: 60000});
			await screenshot(page, `imports-done-${profile.name}`);

			const imported = await apiGet(`/ogc/collections/ditch/items?limit=100&filter=${encodeURIComponent(`code LIKE '${prefix}%'`)}`);
			assert.equal(imported.features.length, 12);
			for (const feature of imported.features) {
				assert.match(feature.properties.name, HAN);
				const original = await apiGet(`/ogc/collections/ditch/items?code=${encodeURIComponent(feature.properties.code.slice(prefix.length))}`);
				assert.equal(feature.properties.name, original.features[0].properties.name);
				const [lon, lat] = feature.geometry.coordinates[0];
				const [lon0, lat0] = original.features[0].geometry.coordinates[0];
				assert.ok(Math.abs(lon - lon0) < 1e-7 && Math.abs(lat - lat0) < 1e-7, 'in the same place');
			}

			await page.selectOption('#hetu-export-form select[name="collection"]', 'ditch');
			await page.selectOption('#hetu-export-form select[name="format"]', 'shp');
			await page.selectOption('#hetu-export-form select[name="crs"]', '4527');
			await page.selectOption('#hetu-export-form select[name="encoding"]', 'GBK');
			await page.fill('#hetu-export-form input[name="filter"]', `code LIKE '${prefix}%'`);
			const [download] = await Promise.all([
				page.waitForEvent('download', {timeout: 60000}),
				page.click('[data-action="export"]')
			]);
			assert.match(download.suggestedFilename(), /^ditch-\d{4}-\d{2}-\d{2}\.zip$/);
			const file = join(dir, 'export.zip');
			await download.saveAs(file);
			const info = gdal('ogrinfo', '-ro', '-al', `/vsizip/${file}`);
			assert.match(info, /Feature Count: 12/);
			assert.match(info, /name \(String\) = [\u3400-\u9FFF]+/);

			await page.click('[data-action="open-layer"]');
			await page.waitForFunction(() => location.hash.startsWith('#/layer/ditch'));
			assert.deepEqual(unexpectedErrors(session.errors), []);
			assert.deepEqual(session.blocked, []);
		});
	});
}

importSuite(PROFILES.desktop);
importSuite(PROFILES.phone);
