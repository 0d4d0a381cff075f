/*
 * The browser test of land protection on a desktop: a parcel moved on the map's editor inside permanent basic
 * farmland warns the editor in the page with the figures of the check, refuses to go ahead without a reason,
 * and records the decision; #/constraints shows the farmland tasks per town and the enforcement batches and
 * reports with the API's figures. The parcel is made through the API and deleted through it afterwards.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {zh} from '../../src/i18n/zh.js';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot, uniqueSuffix, waitForIdle, waitForMapIdle} from './browser.js';

const profile = PROFILES.desktop;

/** A square of about 100 m in the middle of a demo farmland block (blocks are about 450 m × 440 m). */
async function squareInFarmland() {
	const farmland = await apiGet('/ogc/collections/basic_farmland/items?limit=50');
	const block = farmland.features.find((f) => f.properties.code.startsWith('JBNT-0'));
	const ring = block.geometry.coordinates[0][0];
	const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
	const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
	const d = 0.0005;
	return {lon, lat, geometry: {type: 'MultiPolygon', coordinates: [[[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]]]}};
}

describe('land protection on desktop', () => {
	let browser;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	it('warns in the page when a parcel is saved inside farmland and records the decision with its reason', {timeout: 120000}, async () => {
		const {lon, lat, geometry} = await squareInFarmland();
		const suffix = uniqueSuffix(profile);
		const {status, body: parcel} = await apiSend('POST', '/ogc/collections/land_parcel/items', {
			type: 'Feature', geometry,
			properties: {code: `E2E-LP-${suffix}`, name: `测试占农地块-${suffix}`, department: 'natres', parcel_no: `E2E-${suffix}`, category: 'idle'}
		}, {contentType: 'application/geo+json'});
		assert.equal(status, 201, JSON.stringify(parcel));
		const session = await newSession(browser, profile);
		try {
			const page = await openMap(session, `#/land_parcel/${parcel.id}?map=17/${lat}/${lon}`);
			await page.waitForFunction(() => document.querySelector('.hetu-detail__name'));
			await page.click('.hetu-detail [data-action="edit-feature"]');
			await page.waitForSelector('#hetu-editor:not([hidden]) .hetu-editor__form', {timeout: 20000});
			await waitForMapIdle(page);
			const vertices = await page.$$eval('#hetu-map .marker-icon:not(.marker-icon-middle)', (icons) => icons.map((icon) => {
				const box = icon.getBoundingClientRect();
				return {x: box.x + box.width / 2, y: box.y + box.height / 2};
			}));
			assert.ok(vertices.length >= 4, `the corners can be moved: ${vertices.length}`);
			const corner = vertices.sort((a, b) => a.x + a.y - b.x - b.y)[0];
			await page.mouse.move(corner.x, corner.y);
			await page.mouse.down();
			for (let i = 1; i <= 6; i++) {
				await page.mouse.move(corner.x - i * 4, corner.y - i * 4);
			}
			await page.mouse.up();
			await page.waitForTimeout(300);
			await page.click('[data-action="save-feature"]');

			const dialog = page.locator('[data-conflict-dialog]');
			await dialog.waitFor({timeout: 20000});
			const line = await dialog.locator('li[data-layer="basic_farmland"]').textContent();
			assert.ok(line.startsWith(zh['constraints.layer.basic_farmland']), line);
			const m2 = Number(/：([\d,.]+) m²/.exec(line)[1].replaceAll(',', ''));
			assert.ok(m2 > 1000 && m2 < 20000, `most of the parcel's 1 ha lies in farmland: ${line}`);
			await screenshot(page, `${profile.name}-constraints-warning`);

			await dialog.locator('[data-action="proceed-save"]').click();
			await page.locator('.hetu-conflict-dialog__missing').waitFor();
			assert.equal(await dialog.count(), 1, 'no reason, no save');
			await page.fill('#hetu-conflict-reason', '皖政地〔2026〕99号 浏览器测试');
			await dialog.locator('[data-action="proceed-save"]').click();
			await page.waitForSelector('[data-conflict-dialog]', {state: 'detached'});
			await page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 15000});

			const decisions = await apiGet(`/api/v1/constraints/decisions?collection=land_parcel&featureId=${parcel.id}`);
			const last = decisions.at(-1);
			assert.equal(last.decision, 'proceed');
			assert.equal(last.reason, '皖政地〔2026〕99号 浏览器测试');
			assert.ok(last.conflicts.conflicts.includes('basic_farmland'));
			assert.ok(Math.abs(last.conflicts.areaM2ByLayer.basic_farmland - m2) < m2 * 0.2,
				`the server's figures for the saved shape, near those shown before the last move: ${JSON.stringify(last.conflicts)}`);
			const saved = await apiGet(`/ogc/collections/land_parcel/items/${parcel.id}`);
			assert.notDeepEqual(saved.geometry.coordinates, geometry.coordinates, 'the moved corner is saved');
		} finally {
			await apiSend('DELETE', `/ogc/collections/land_parcel/items/${parcel.id}`);
			await session.close?.();
		}
	});

	it('shows the farmland tasks per town and the enforcement batches and reports as the API gives them', {timeout: 90000}, async () => {
		const tasks = await apiGet('/api/v1/farmland-tasks');
		const session = await newSession(browser, profile);
		const page = await openMap(session, '#/constraints?tab=tasks');
		await page.waitForSelector('.hetu-land-tasks__table');
		assert.equal(await page.locator('.hetu-land-tasks__table tbody tr[data-town]').count(), tasks.towns.length);
		const first = tasks.towns[0];
		const held = await page.locator(`tr[data-town="${first.town}"] td`).nth(1).textContent();
		assert.equal(held, first.farmland.heldMu.toLocaleString('zh-CN', {minimumFractionDigits: 2, maximumFractionDigits: 2}));
		await screenshot(page, `${profile.name}-constraints-tasks`);

		const [batch] = await apiGet('/api/v1/enforcement/batches');
		await page.click('[data-tab="enforcement"]');
		await page.waitForSelector('.hetu-land-patches');
		assert.equal(await page.locator('.hetu-land-patches tbody tr').count(), batch.patches);
		await page.locator('.hetu-land-patches tbody tr button').first().click();
		await page.waitForSelector('.hetu-land-patch .hetu-land-facts');
		await waitForIdle(page);
		await screenshot(page, `${profile.name}-constraints-patch`);

		const quarter = `${batch.batch.slice(0, 4)}-Q${Math.ceil(Number(batch.batch.slice(5, 7)) / 3)}`;
		const figures = await apiGet(`/api/v1/enforcement/figures?period=${quarter}`);
		await page.evaluate((q) => {
			location.hash = `#/constraints?tab=enforcement&period=${q}`;
		}, quarter);
		await page.waitForSelector('.hetu-land-report h2');
		assert.ok((await page.textContent('.hetu-land-report h2')).includes('季度预警'));
		assert.equal(await page.locator('.hetu-land-report tbody tr').count(), figures.rows.length + 1, 'a row per town and type, and the total');
		await screenshot(page, `${profile.name}-constraints-report`);
	});
});
