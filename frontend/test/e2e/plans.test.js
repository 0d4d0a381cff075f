/*
 * The browser test of the annual work plans page (#/plans) and the dashboard's year picker, on a desktop:
 * the closed 2023 plan of the water bureau as the API gives it, a value reported on this year's plan
 * (it adds one report to the demo's history), a registry figure's map view, and the dashboard's tiles
 * of 2023 against the API.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, launchBrowser, newSession, openMap, screenshot, waitForIdle} from './browser.js';

const profile = PROFILES.desktop;
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const year = today.slice(0, 4);

describe('annual work plans on desktop', () => {
	let browser;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	it('shows the closed 2023 plan with the figures and statuses of the API', {timeout: 90000}, async () => {
		const [plan] = await apiGet('/api/v1/plans?year=2023&department=water');
		const session = await newSession(browser, profile);
		const page = await openMap(session, '#/plans?year=2023&department=water');
		await page.waitForSelector('.hetu-plans[data-ready="true"]', {timeout: 30000});
		assert.equal(await page.locator('.hetu-plan__task').count(), plan.tasks.length);
		assert.equal(await page.locator('[data-role="closed"]').count(), 1);
		const statuses = await page.$$eval('.hetu-plan__indicators tbody tr', (rows) => rows.map((r) => [Number(r.dataset.indicator), r.dataset.status]));
		assert.deepEqual(statuses, plan.tasks.flatMap((t) => t.indicators.map((i) => [i.id, i.status])));
		assert.equal(await page.locator('form[data-role="report"]').count(), plan.tasks.flatMap((t) => t.indicators)
			.filter((i) => i.measurement === 'reported').length, 'an administrator may still report on a closed year');
		await screenshot(page, 'desktop-plans-2023');
		assert.deepEqual(session.errors, []);
		await session.context.close();
	});

	it('takes a reported value and opens a registry figure on the map', {timeout: 90000}, async () => {
		const [plan] = await apiGet(`/api/v1/plans?year=${year}&department=water`);
		const bulletins = plan.tasks.find((t) => t.seq === 8).indicators[0];
		const session = await newSession(browser, profile);
		const page = await openMap(session, `#/plans?year=${year}&department=water`);
		await page.waitForSelector('.hetu-plans[data-ready="true"]', {timeout: 30000});
		const row = page.locator(`tr[data-indicator="${bulletins.id}"]`);
		await row.locator('summary').click();
		await row.locator('input[name="value"]').fill('11');
		await row.locator('input[name="note"]').fill('浏览器测试');
		await row.locator('button[type="submit"]').click();
		await page.waitForFunction((id) => document.querySelector(`tr[data-indicator="${id}"] [data-role="value"]`)?.textContent.startsWith('11'),
			bulletins.id, {timeout: 15000});
		const [after] = await apiGet(`/api/v1/plans?year=${year}&department=water`);
		const reported = after.tasks.find((t) => t.seq === 8).indicators[0];
		assert.equal(reported.value, 11);
		assert.equal(reported.reports[0].note, '浏览器测试');

		const treated = plan.tasks.find((t) => t.seq === 3).indicators.find((i) => i.filter === 'treated = true');
		await page.click(`tr[data-indicator="${treated.id}"] [data-action="map-view"]`);
		await page.waitForFunction(() => location.hash.startsWith('#/layer/ditch?treated=true'));
		await page.waitForSelector('.hetu-layer-view:not([hidden])');
		await waitForIdle(page);
		assert.equal(Number(await page.locator('.hetu-layer-view__count').getAttribute('data-count')), treated.value);
		assert.deepEqual(session.errors, []);
		await session.context.close();
	});

	it('switches the dashboard to 2023 with the year picker', {timeout: 90000}, async () => {
		const overview = await apiGet('/api/v1/stats/overview?year=2023');
		const session = await newSession(browser, profile);
		const page = await openMap(session, '#/dashboard');
		await page.waitForSelector('select[data-role="year"]', {timeout: 30000});
		assert.equal(await page.inputValue('select[data-role="year"]'), year);
		await page.selectOption('select[data-role="year"]', '2023');
		await page.waitForFunction(() => location.hash === '#/dashboard?year=2023');
		await page.waitForFunction((n) => document.querySelectorAll('.hetu-tile').length === n
			&& document.querySelector('select[data-role="year"]')?.value === '2023', overview.tiles.length, {timeout: 15000});
		const tiles = await page.$$eval('.hetu-tile', (all) => all.map((t) => [Number(t.dataset.indicator), t.dataset.status]));
		assert.deepEqual(tiles, overview.tiles.map((t) => [t.indicatorId, t.status]));
		await screenshot(page, 'desktop-dashboard-2023');
		assert.deepEqual(session.errors, []);
		await session.context.close();
	});
});
