/*
 * The office's field map (#/field) and the issue page's map: what is drawn is what the server
 * holds under the same filters, a patrol shows the segments it covered, and it fits a phone.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {BASE_URL, PROFILES, apiGet, launchBrowser, newSession, openMap, screenshot, unexpectedErrors} from './browser.js';

async function openField(session, query = '') {
	const page = await openMap(session, '');
	await page.goto(`${BASE_URL}/#/field${query}`);
	await page.waitForSelector('#app[data-page="field"] [data-role="field-summary"][data-issues]', {timeout: 30000});
	return page;
}

const summary = async (page) => page.evaluate(() => {
	const box = document.querySelector('[data-role="field-summary"]');
	return {issues: Number(box.dataset.issues), patrols: Number(box.dataset.patrols)};
});

describe('the office field map', () => {
	let browser;
	let issues;

	before(async () => {
		browser = await launchBrowser();
		issues = await apiGet('/api/v1/issues');
	});

	after(async () => {
		await browser?.close();
	});

	it('draws every issue and patrol, filters them as the server does, and shows the heat map', {timeout: 90000}, async () => {
		const session = await newSession(browser, PROFILES.desktop);
		const page = await openField(session);
		const patrols = await apiGet('/ogc/collections/patrol/items?limit=1');
		assert.deepEqual(await summary(page), {issues: issues.length, patrols: patrols.numberMatched});
		assert.equal(await page.locator('.hetu-field__map path.hetu-issue-dot').count(), issues.length);
		assert.equal(await page.locator('.hetu-field__map canvas.hetu-heat').count(), 1, 'the heat map is drawn');
		await screenshot(page, 'field-map-desktop');

		await page.selectOption('select[name="status"]', 'assigned');
		await page.waitForFunction((n) => Number(document.querySelector('[data-role="field-summary"]').dataset.issues) === n,
			issues.filter((i) => i.status === 'assigned').length);
		assert.equal((await summary(page)).patrols, 0, 'an issue status leaves no patrol');
		assert.match(page.url(), /status=assigned/);

		const month = issues[0].reportedAt.slice(0, 7);
		await page.goto(`${BASE_URL}/#/field?month=${month}&overdue=true`);
		const expected = await apiGet(`/api/v1/issues?month=${month}&overdue=true`);
		await page.waitForFunction((n) => Number(document.querySelector('[data-role="field-summary"]').dataset.issues) === n, expected.length);
		await page.click('[data-role="heat-toggle"]');
		assert.equal(await page.locator('.hetu-field__map canvas.hetu-heat').count(), 0, 'the heat map can be switched off');
		assert.deepEqual(unexpectedErrors(session.errors, [401]), []);
		await session.context.close();
	});

	it('shows a patrol\'s track with the segments it covered', {timeout: 60000}, async () => {
		const [feature] = (await apiGet('/ogc/collections/patrol/items?limit=50')).features
			.filter((f) => f.properties.distance_m > 500);
		const patrol = await apiGet(`/api/v1/patrols/${feature.id}`);
		const session = await newSession(browser, PROFILES.desktop);
		const page = await openField(session, `?patrol=${feature.id}`);
		await page.waitForSelector('[data-role="field-card"][data-kind="patrol"]:not([hidden])');
		assert.equal(await page.locator('[data-role="covered"] li').count(), patrol.coverage.length);
		const type = (await apiGet('/api/v1/patrol-types')).find((t) => t.id === (feature.properties.patrol_type || 'river'));
		assert.equal(await page.textContent('[data-role="patrol-type"]'), type.name.zh, 'the patrol\'s type, by its name');
		await screenshot(page, 'field-map-patrol');
		await session.context.close();
	});

	it('fits a phone, and the issue page shows the issue on a map with its segment', {timeout: 60000}, async () => {
		const session = await newSession(browser, PROFILES.phone);
		const page = await openField(session);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		assert.ok(overflow <= 0, 'nothing sticks out sideways');
		await screenshot(page, 'field-map-phone');
		const issue = issues.find((i) => i.segmentId);
		await page.goto(`${BASE_URL}/#/issues?issue=${issue.id}`);
		await page.waitForSelector('[data-role="issue-map"] .leaflet-container path.hetu-issue-dot');
		assert.equal(await page.locator('[data-role="issue-detail"]').getByText(/^116\.\d{5}, 33\.\d{5}$/).count(), 0, 'no bare coordinates');
		await screenshot(page, 'issue-map-phone');
		await session.context.close();
	});
});
