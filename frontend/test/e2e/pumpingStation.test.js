/*
 * 泵站 added by one migration (src/test/resources/db/pumping-station) and nothing else: on the map it has its
 * legend symbol, its marker, a details panel with Chinese labels and an edit form with its own fields, all from
 * the server's schema and symbology. Runs against an app whose database has that migration (`./hetu test` starts
 * one with spring.flyway.locations naming the test folder); against any other server it is skipped.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, openPanel, screenshot, uniqueSuffix} from './browser.js';

const profile = PROFILES.desktop;
const SPOT = [116.31, 33.28];

const layers = await apiGet('/api/v1/layers');
const added = layers.some((layer) => layer.id === 'pumping_station');

describe('a collection added by a migration, on the map', {skip: added ? false : 'the server has no pumping_station collection'}, () => {
	let browser;
	let id;

	before(async () => {
		browser = await launchBrowser();
		const created = await apiSend('POST', '/ogc/collections/pumping_station/items', {
			type: 'Feature', geometry: {type: 'Point', coordinates: SPOT},
			properties: {code: `BZ-E2E-${uniqueSuffix(profile)}`, name: '浏览器测试排涝泵站', department: 'water', status: 'completed',
				pump_type: 'mixed', units: 3, flow_m3_s: 6.5, built_year: 1998}
		}, {contentType: 'application/geo+json'});
		assert.equal(created.status, 201, JSON.stringify(created.body));
		id = created.body.id;
	});

	after(async () => {
		if (id !== undefined) {
			await apiSend('DELETE', `/ogc/collections/pumping_station/items/${id}`);
		}
		await browser?.close();
	});

	it('shows its legend and marker, its details in Chinese and its own fields in the edit form', {timeout: 90000}, async () => {
		const session = await newSession(browser, profile);
		const page = await openMap(session, `#map=17/${SPOT[1]}/${SPOT[0]}`);
		await openPanel(page, profile);
		const row = page.locator('.hetu-layer[data-layer="pumping_station"]');
		assert.equal((await row.textContent()).includes('泵站'), true, 'the layer list names it');
		assert.match(await row.locator('.hetu-layer__sample').innerHTML(), /<polygon points="[^"]+"/, 'its legend shows the pentagon its migration chose');

		const marker = page.locator(`.hetu-marker[data-key="pumping_station/${id}"]`);
		await marker.waitFor({timeout: 20000});
		assert.equal(await marker.getAttribute('data-status'), 'completed');
		assert.equal(await marker.locator('polygon').count(), 1, 'the marker is the pentagon');
		await marker.click();
		await page.waitForFunction(() => document.querySelector('.hetu-detail__name')?.textContent === '浏览器测试排涝泵站');
		const shown = async (field) => [(await page.textContent(`.hetu-attr[data-field="${field}"] dt`)).trim(),
			(await page.textContent(`.hetu-attr[data-field="${field}"] dd`)).trim()];
		assert.deepEqual(await shown('pump_type'), ['泵型', '混流泵']);
		assert.deepEqual(await shown('flow_m3_s'), ['设计流量（立方米/秒）', '6.5']);
		assert.deepEqual(await shown('units'), ['机组台数（台）', '3']);
		assert.deepEqual(await shown('built_year'), ['建成年份', '1998'], 'a year is not written as 1,998');
		await screenshot(page, 'pumping-station-detail');

		await page.click('.hetu-detail [data-action="edit-feature"]');
		await page.waitForSelector('#hetu-editor:not([hidden]) .hetu-editor__form', {timeout: 20000});
		assert.equal((await page.textContent('label[for="hetu-edit-pump_type"]')).includes('泵型'), true);
		assert.deepEqual(await page.$$eval('#hetu-edit-pump_type option', (options) => options.map((o) => o.textContent)),
			['轴流泵', '混流泵', '离心泵']);
		assert.equal(await page.inputValue('#hetu-edit-pump_type'), 'mixed');
		assert.equal(await page.inputValue('#hetu-edit-units'), '3');
		assert.equal(await page.getAttribute('#hetu-edit-units', 'max'), '50', 'the database\'s bound is on the control');
		assert.equal(await page.locator('#hetu-edit-created_at').count(), 0, 'nothing the registry keeps is offered');
		await screenshot(page, 'pumping-station-form');
		assert.deepEqual(session.errors, []);
		await session.context.close();
	});
});
