/*
 * The browser test of the annual work plans page (#/plans) and the dashboard's year picker, on a desktop:
 * the closed 2023 plan of the water bureau as the API gives it, a value reported on this year's plan with
 * a photo as evidence (it adds one report to the demo's history), a registry figure's map view, a plan
 * made on the page (a refused filter, an indicator), exported, printed and copied to the next year (both
 * removed afterwards), and the dashboard's tiles of 2023 (the plans' and the farmland tasks') against the API.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot, unexpectedErrors, waitForIdle} from './browser.js';

const profile = PROFILES.desktop;
/** The first bytes of a PNG, which is what the server judges evidence by. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
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
		// Not 11, which PlanTests reports on the same indicator: the wait below must see this report, not that one.
		await row.locator('input[name="value"]').fill('12');
		await row.locator('input[name="note"]').fill('浏览器测试');
		await row.locator('input[name="file"]').setInputFiles({name: '通报.png', mimeType: 'image/png', buffer: PNG});
		await row.locator('button[type="submit"]').click();
		await page.waitForFunction((id) => document.querySelector(`tr[data-indicator="${id}"] [data-role="value"]`)?.textContent.startsWith('12'),
			bulletins.id, {timeout: 15000});
		const [after] = await apiGet(`/api/v1/plans?year=${year}&department=water`);
		const reported = after.tasks.find((t) => t.seq === 8).indicators[0];
		assert.equal(reported.value, 12);
		assert.equal(reported.reports[0].note, '浏览器测试');
		assert.equal(reported.reports[0].evidenceName, '通报.png');
		await page.waitForSelector(`tr[data-indicator="${bulletins.id}"] a[href="${reported.reports[0].evidenceUrl}"]`, {state: 'attached'});

		const treated = plan.tasks.find((t) => t.seq === 3).indicators.find((i) => i.filter === 'treated = true');
		await page.click(`tr[data-indicator="${treated.id}"] [data-action="map-view"]`);
		await page.waitForFunction(() => location.hash.startsWith('#/layer/ditch?treated=true'));
		await page.waitForSelector('.hetu-layer-view:not([hidden])');
		await waitForIdle(page);
		assert.equal(Number(await page.locator('.hetu-layer-view__count').getAttribute('data-count')), treated.value);
		assert.deepEqual(session.errors, []);
		await session.context.close();
	});

	it('makes a plan on the page, exports and prints it, and copies it to the next year', {timeout: 120000}, async () => {
		const taken = await apiGet('/api/v1/plans/years');
		const free = Math.max(2060, ...taken) + 1;
		const made = [];
		const session = await newSession(browser, profile);
		try {
			const page = await openMap(session, `#/plans?year=${free}&department=water`);
			await page.waitForSelector('[data-role="no-plans"]', {timeout: 30000});
			await page.click('[data-action="new-plan"]');
			const planForm = page.locator('form[data-role="new-plan"]');
			await planForm.locator('select[name="department"]').selectOption('water');
			await planForm.locator('button[type="submit"]').click();
			await page.waitForSelector('.hetu-plan[data-department="water"]', {timeout: 15000});
			const [plan] = await apiGet(`/api/v1/plans?year=${free}&department=water`);
			made.push(plan.id);
			assert.equal(plan.title, `${free}年工作谋划`);

			await page.click('[data-action="add-task"]');
			await page.locator('form[data-role="task"] input[name="title"]').fill('大中沟治理（浏览器测试）');
			await page.locator('form[data-role="task"] button[type="submit"]').click();
			await page.waitForSelector('.hetu-plan__task [data-action="add-indicator"]', {timeout: 15000});
			await page.click('[data-action="add-indicator"]');
			const form = page.locator('form[data-role="indicator"]');
			await form.locator('input[name="nameZh"]').fill('已治理大中沟');
			await form.locator('input[name="target"]').fill('5');
			await form.locator('select[name="measurement"]').selectOption('registry');
			await form.locator('select[name="collection"]').selectOption('ditch');
			await form.locator('input[name="filter"]').fill('no_such_column = 1');
			await form.locator('button[type="submit"]').click();
			const problem = form.locator('[data-role="problem"]');
			await problem.waitFor({state: 'visible', timeout: 15000});
			assert.match(await problem.textContent(), /no_such_column/, 'the reason of the refusal');
			assert.equal(await form.locator('input[name="filter"]').getAttribute('aria-invalid'), 'true');
			await form.locator('input[name="filter"]').fill('treated = true');
			await form.locator('button[type="submit"]').click();
			await page.waitForSelector('.hetu-plan__indicators tbody tr[data-indicator]', {timeout: 15000});
			const [withIndicator] = await apiGet(`/api/v1/plans?year=${free}&department=water`);
			const indicator = withIndicator.tasks[0].indicators[0];
			assert.equal(indicator.filter, 'treated = true');
			assert.equal(await page.locator(`tr[data-indicator="${indicator.id}"]`).getAttribute('data-status'), indicator.status);

			const [download] = await Promise.all([page.waitForEvent('download', {timeout: 30000}), page.click('[data-action="export"]')]);
			assert.match(download.suggestedFilename(), /\.xlsx$/);
			const file = `${await download.path()}`;
			const {readFileSync} = await import('node:fs');
			assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');

			await page.emulateMedia({media: 'print'});
			assert.equal(await page.locator('.hetu-plans-printonly h2').textContent(), `${free}年工作谋划进度报告`);
			assert.equal(await page.locator('[data-action="copy"]').isVisible(), false, 'buttons stay off the paper');
			await screenshot(page, 'desktop-plans-print');
			await page.emulateMedia({media: 'screen'});

			page.once('dialog', (dialog) => dialog.accept());
			await page.click('[data-action="copy"]');
			await page.waitForFunction((year) => location.hash.includes(`year=${year}`), free + 1, {timeout: 15000});
			await page.waitForSelector('.hetu-plans[data-ready="true"] .hetu-plan[data-department="water"]', {timeout: 15000});
			const [copy] = await apiGet(`/api/v1/plans?year=${free + 1}&department=water`);
			made.push(copy.id);
			assert.equal(copy.copiedFrom, plan.id);
			assert.equal(copy.tasks[0].indicators[0].nameZh, '已治理大中沟');
			assert.deepEqual(unexpectedErrors(session.errors, [422]), [], 'only the refused filter');
		} finally {
			for (const id of made) {
				await apiSend('DELETE', `/api/v1/plans/${id}`);
			}
			await session.context.close();
		}
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
		// The natural resources bureau's farmland protection tasks of the same year, as the API gives them.
		const farmland = await apiGet('/api/v1/farmland-tasks?year=2023');
		await page.waitForFunction(() => document.querySelector('[data-tile="farmland-tasks"] h3')?.textContent.includes('2023'), null, {timeout: 15000});
		const held = await page.textContent('[data-tile="farmland-tasks"] p');
		assert.ok(held.includes(Math.round(farmland.farmlandTotal.heldMu).toLocaleString('zh-CN')), held);
		await screenshot(page, 'desktop-dashboard-2023');
		assert.deepEqual(session.errors, []);
		await session.context.close();
	});
});
