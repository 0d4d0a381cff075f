/*
 * Every built-in kind of field work on a phone, with no signal: one field worker with a river segment, a
 * straw-burning grid, a sluice and a warning station picks each type in turn, walks a patrol drawn on the map,
 * inspects the sluice (one failed item) and the station, and when the signal is back every patrol reaches the
 * server exactly once with its type; the failed item is an issue of the works inspection.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot} from './browser.js';

const TYPES = ['river', 'straw_burning', 'works_inspection', 'warning_station'];

/** A new field worker with an account and a duty of every built-in type; `drop()` removes them. */
async function fieldWorker() {
	const created = await apiSend('POST', '/api/v1/chiefs', {name: `巡查测试${Date.now().toString(36)}`, level: 'town', town: '石弓镇'});
	assert.equal(created.status, 200, JSON.stringify(created.body));
	const worker = created.body;
	const segment = (await apiGet('/ogc/collections/river_segment/items?limit=1')).features[0].id;
	const grid = (await apiGet('/ogc/collections/patrol_grid/items?limit=1')).features[0].id;
	const sluice = (await apiGet('/ogc/collections/sluice/items?limit=1')).features[0].id;
	const station = (await apiGet('/ogc/collections/warning_station/items?limit=1')).features[0].id;
	assert.equal((await apiSend('PUT', `/api/v1/chiefs/${worker.id}/assignments`, [{collection: 'river_segment', assetId: segment}])).status, 200);
	const duties = await apiSend('PUT', `/api/v1/chiefs/${worker.id}/duties`, [{patrolType: 'straw_burning', collection: 'patrol_grid', assetId: grid},
		{patrolType: 'works_inspection', collection: 'sluice', assetId: sluice}, {patrolType: 'warning_station', collection: 'warning_station', assetId: station}]);
	assert.equal(duties.status, 204, JSON.stringify(duties.body));
	const credentials = {username: `fieldtypes-${Date.now().toString(36)}`, password: `Hetu-${randomUUID()}`};
	const account = await apiSend('POST', '/api/v1/accounts', {username: credentials.username, displayName: worker.name, roles: ['river_chief'], password: credentials.password});
	assert.equal(account.status, 201, JSON.stringify(account.body));
	const accountId = (account.body.account || account.body).id;
	const now = (await apiGet('/api/v1/chiefs')).find((c) => c.id === worker.id);
	assert.equal((await apiSend('PATCH', `/api/v1/chiefs/${worker.id}`, {accountId, version: now.version})).status, 200);
	const drop = async () => {
		const last = (await apiGet('/api/v1/chiefs')).find((c) => c.id === worker.id);
		await apiSend('PATCH', `/api/v1/chiefs/${worker.id}`, {accountId: null, version: last.version});
		await apiSend('DELETE', `/api/v1/accounts/${accountId}`);
	};
	return {worker, sluice, station, credentials, drop};
}

describe('every kind of field work on a phone', () => {
	let browser;

	before(async () => {
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
	});

	it('walks a patrol of each built-in type offline and finds each once on the server', {timeout: 240000}, async () => {
		const {worker, sluice, station, credentials, drop} = await fieldWorker();
		try {
			const session = await newSession(browser, PROFILES.phone);
			const {context, page} = session;
			const saved = [];
			const sent = [];
			page.on('response', (response) => {
				if (response.url().endsWith('/api/v1/patrols') && response.request().method() === 'POST') {
					saved.push(response.status());
					sent.push(JSON.parse(response.request().postData()));
				}
			});
			await openMap(session, '', credentials);
			await page.waitForSelector('#app[data-page="patrol"] .hetu-river-patrol');
			await page.waitForSelector('[data-role="patrol-type"]');
			assert.deepEqual(await page.$$eval('[data-role="patrol-type"] option', (options) => options.map((o) => o.value)), TYPES);
			// once more with signal, so that the service worker holds the page
			await page.reload();
			await page.waitForSelector('[data-role="patrol-type"]', {timeout: 30000});

			await context.setOffline(true);
			await page.reload();
			await page.waitForSelector('[data-role="patrol-type"]', {timeout: 30000});
			// the grid, the sluice and the station in the worker's charge are on the map, kept for no signal
			await page.waitForSelector('.hetu-river-patrol__map[data-duties="3"]', {timeout: 15000});
			const box = await page.locator('.hetu-river-patrol__map').boundingBox();
			for (const type of TYPES) {
				await page.selectOption('[data-role="patrol-type"]', type);
				await page.waitForSelector('[data-action="start-patrol"]:not([disabled])');
				await page.click('[data-action="start-patrol"]');
				await page.waitForSelector('.hetu-river-patrol[data-source="drawn"]');
				for (const [x, y] of [[0.3, 0.6], [0.5, 0.45], [0.7, 0.35]]) {
					await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
					await page.waitForTimeout(150);
				}
				if (type === 'works_inspection' || type === 'warning_station') {
					await page.click('[data-action="inspect"]');
					await page.waitForSelector('[data-role="inspection"]:not([hidden])');
					const first = await page.getAttribute('[data-role="inspection"] .hetu-river-check', 'data-item');
					await page.click(`[data-role="inspection"] [data-item="${first}"] label:has(input[value="failed"])`);
					await page.fill(`[data-role="inspection"] input[name="note-${first}"]`, '离线测试发现隐患');
					await screenshot(page, `field-types-inspection-${type}`);
					await page.click('[data-action="inspect-save"]');
					await page.waitForSelector('[data-role="inspection"]', {state: 'hidden'});
				}
				await page.click('[data-action="end-patrol"]');
				await page.waitForSelector('[data-role="summary"]:not([hidden])');
			}
			await page.waitForSelector(`.hetu-river-badge[data-count="${TYPES.length}"]`);
			assert.deepEqual(saved, [], 'nothing reached the server while offline');

			await context.setOffline(false);
			await page.waitForSelector('.hetu-river-badge[data-count="0"]', {timeout: 90000});
			assert.deepEqual(saved, TYPES.map(() => 201), 'each patrol saved exactly once');
			assert.deepEqual(sent.map((p) => p.patrolType), TYPES);
			for (const patrol of sent) {
				const stored = await apiGet(`/api/v1/patrols/${patrol.id}`);
				assert.equal(stored.chiefId, worker.id);
				assert.equal(stored.patrolType, patrol.patrolType);
			}
			const works = await apiGet(`/api/v1/patrols/${sent[2].id}`);
			assert.equal(works.inspections[0].assetId, sluice);
			const issues = await apiGet('/api/v1/issues?type=works_inspection');
			const raised = issues.filter((i) => i.patrolId === sent[2].id);
			assert.equal(raised.length, 1, 'the failed item is one issue');
			assert.equal(raised[0].assetId, sluice);
			assert.ok(raised[0].deadline);
			const visits = await apiGet(`/api/v1/inspections?collection=warning_station&assetId=${station}`);
			assert.equal(visits[0].stationStatus, 'online');
			await screenshot(page, 'field-types-uploaded');
			await context.close();
		} finally {
			await drop();
		}
	});
});
