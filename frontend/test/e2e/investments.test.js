/*
 * A commerce officer's walk (#/investments): a new lead is stepped through every stage of the pipeline in the
 * page, a skipped stage is refused until a reason is given (the project is then stepped back, with a reason), a
 * matching idle parcel off the control lines is picked on the page, and the project ends as 投产 on that parcel;
 * the API then shows the steps, the chosen parcel and the parcel's 一地一策 plan, and the commerce dashboard
 * counts it. Then the enterprise page: contacts for the administrator, a notice instead for a plain viewer.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, pageRequest, screenshot, uniqueSuffix} from './browser.js';

const profile = PROFILES.desktop;

describe('investments page', () => {
	let browser;
	let session;
	let id;

	before(async () => {
		browser = await launchBrowser();
		session = await newSession(browser, profile);
		const created = await apiSend('POST', '/api/v1/investments', {
			properties: {code: `ZS-E2E-${uniqueSuffix(profile)}`, name: '浏览器测试招商项目', investor: '苏州某公司', amount_wan: 20000,
				land_use: '工业用地', land_area_min_m2: 3000, source: 'yangtze_delta'},
			location: {type: 'Point', coordinates: [116.3, 33.26]}
		});
		assert.equal(created.status, 201, JSON.stringify(created.body));
		id = created.body.summary.id;
	});

	after(async () => {
		await browser?.close();
	});

	async function step(page, to, reason = '') {
		await page.selectOption('[data-role="step-to"]', to);
		await page.fill('[data-role="step-reason"]', reason);
		await page.click('[data-action="step"]');
	}

	async function stageShown(page, stage) {
		await page.waitForFunction((s) => document.querySelector('[data-role="stage"]')?.textContent === s, stage, {timeout: 30000});
	}

	it('takes a lead to production on a matched parcel', async () => {
		const page = await openMap(session, `#/investments?id=${id}`);
		await page.waitForSelector('.hetu-invest[data-ready="true"] [data-role="stage"]', {timeout: 30000});
		await stageShown(page, '线索');
		await step(page, 'signed');
		await page.waitForTimeout(1000);
		assert.equal(await page.textContent('[data-role="stage"]'), '线索', 'a skipped stage without a reason is refused');
		await step(page, 'signed', '老客户，直接签约');
		await stageShown(page, '签约');
		await step(page, 'negotiating', '补充谈判投资强度');
		await stageShown(page, '在谈');
		await step(page, 'signed');
		await stageShown(page, '签约');
		const matches = await apiGet(`/api/v1/investments/${id}/land-matches`);
		const onControlLines = matches.items.filter((m) => m.conflicts.length).map((m) => String(m.parcelId));
		for (const parcel of onControlLines) {
			assert.equal(await page.locator(`[data-parcel="${parcel}"] [data-action="choose"]`).count(), 0, 'no choosing a parcel on a control line');
		}
		await page.click('[data-role="matches"] [data-action="choose"]');
		await page.waitForFunction(() => document.querySelector('[data-role="parcel"]')?.textContent !== '—', null, {timeout: 30000});
		for (const [to, shown] of [['landed', '落地'], ['started', '开工'], ['producing', '投产']]) {
			await step(page, to);
			await stageShown(page, shown);
		}
		await screenshot(page, 'investments-producing');
		const detail = await apiGet(`/api/v1/investments/${id}`);
		assert.equal(detail.summary.stage, 'producing');
		assert.deepEqual(detail.steps.map((s) => s.toStage), ['lead', 'signed', 'negotiating', 'signed', 'landed', 'started', 'producing']);
		assert.equal(detail.steps[1].reason, '老客户，直接签约');
		assert.ok(!onControlLines.includes(String(detail.summary.parcelId)), 'the parcel chosen is off the control lines');
		const plan = await apiGet(`/api/v1/parcels/${detail.summary.parcelId}/plan`);
		assert.equal(plan.disposalMethod, 'supply');
		assert.match(JSON.stringify(plan.notes), /拟供地给招商项目/);

		await page.evaluate(() => {
			location.hash = '#/commerce';
		});
		await page.waitForSelector('.hetu-invest-page[data-ready="true"] [data-figure="producing"]', {timeout: 30000});
		const figures = await apiGet('/api/v1/investments/figures');
		assert.equal(await page.textContent('[data-figure="producing"] strong'), String(figures.year.producing));
		assert.ok(figures.year.producing >= 1);
		await screenshot(page, 'commerce-dashboard');
	});

	it('shows an enterprise\'s contacts to the administrator and not to a viewer', async () => {
		const enterprises = await apiGet('/api/v1/enterprises');
		const enterprise = enterprises.items[0];
		const added = await apiSend('POST', `/api/v1/enterprises/${enterprise.id}/contacts`, {name: '浏览器联系人', position: '厂长', phone: '13912345678'});
		assert.equal(added.status, 201, JSON.stringify(added.body));
		const page = await openMap(session, `#/enterprises?id=${enterprise.id}`);
		await page.waitForSelector('.hetu-invest[data-ready="true"] [data-role="contacts"]', {timeout: 30000});
		assert.match(await page.textContent('[data-role="contacts"]'), /13912345678/);
		await screenshot(page, 'enterprise-admin');

		const viewer = {username: `ent-viewer-${uniqueSuffix(profile)}`, password: `viewer-${Date.now()}-pw`};
		const created = await pageRequest(page, 'POST', '/api/v1/accounts',
			{username: viewer.username, displayName: '企业页只读', roles: ['viewer'], department: null, password: viewer.password});
		assert.equal(created.status, 201, JSON.stringify(created.body));
		const other = await newSession(browser, profile);
		try {
			const viewerPage = await openMap(other, `#/enterprises?id=${enterprise.id}`, viewer);
			await viewerPage.waitForSelector('.hetu-invest[data-ready="true"] [data-role="contacts-hidden"]', {timeout: 30000});
			assert.doesNotMatch(await viewerPage.textContent('[data-role="enterprise"]'), /13912345678/);
			assert.equal(await viewerPage.locator('[data-role="contacts"]').count(), 0);
			await screenshot(viewerPage, 'enterprise-viewer');
		} finally {
			await other.context.close();
		}
	});

	it('shows the approval bureau every approval in progress and the villages without a station', async () => {
		const page = await openMap(session, '#/approvals');
		await page.waitForSelector('.hetu-invest-page[data-ready="true"] [data-role="approvals"]', {timeout: 30000});
		const [figures, inProgress] = await Promise.all([apiGet('/api/v1/approvals/figures'), apiGet('/api/v1/approvals')]);
		assert.equal(await page.locator('[data-role="approvals"] tbody tr').count(), inProgress.length);
		assert.equal(await page.textContent('[data-figure="overdue"] strong'), String(figures.overdue));
		assert.equal(await page.locator('[data-role="approvals"] tbody tr.hetu-invest__late').count(), inProgress.filter((a) => a.overdue).length);
		await screenshot(page, 'approvals-county');

		await page.evaluate(() => {
			location.hash = '#/stations?distance=1000';
		});
		await page.waitForSelector('.hetu-invest[data-ready="true"] [data-role="coverage"]', {timeout: 30000});
		const coverage = await apiGet('/api/v1/service-stations/coverage?distance=1000');
		assert.match(await page.textContent('[data-role="coverage"]'), new RegExp(`${coverage.villages} 个村（社区）中 ${coverage.covered} 个`));
		assert.ok(coverage.covered < coverage.villages, 'some villages lie beyond 1 km of any station');
		await screenshot(page, 'stations-coverage');
	});
});
