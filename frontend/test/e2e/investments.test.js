/*
 * A commerce officer's walk (#/investments): a new lead is stepped through the pipeline in the page, a skipped
 * stage is refused until a reason is given, a matching idle parcel is picked on the page, and the project ends
 * as 投产 on that parcel; the API then shows the steps, the chosen parcel and the parcel's 一地一策 plan.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot, uniqueSuffix} from './browser.js';

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
		await page.click('[data-role="matches"] [data-action="choose"]');
		await page.waitForFunction(() => document.querySelector('[data-role="parcel"]')?.textContent !== '—', null, {timeout: 30000});
		for (const [to, shown] of [['landed', '落地'], ['started', '开工'], ['producing', '投产']]) {
			await step(page, to);
			await stageShown(page, shown);
		}
		await screenshot(page, 'investments-producing');
		const detail = await apiGet(`/api/v1/investments/${id}`);
		assert.equal(detail.summary.stage, 'producing');
		assert.deepEqual(detail.steps.map((s) => s.toStage), ['lead', 'signed', 'landed', 'started', 'producing']);
		assert.equal(detail.steps[1].reason, '老客户，直接签约');
		const plan = await apiGet(`/api/v1/parcels/${detail.summary.parcelId}/plan`);
		assert.equal(plan.disposalMethod, 'supply');
		assert.match(JSON.stringify(plan.notes), /拟供地给招商项目/);
	});
});
