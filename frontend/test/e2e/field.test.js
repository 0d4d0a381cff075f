/*
 * The field app on a phone: installable (manifest, icons, a service worker controlling the page),
 * a river chief lands on the patrol page, reloads it with no signal, walks a patrol drawn by
 * tapping the map, sees its summary, and the patrol reaches the server exactly once when the
 * signal is back. Office users still open on the map.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {BASE_URL, PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot, unexpectedErrors} from './browser.js';

/** Console errors other than failures while offline. */
function realErrors(errors) {
	return unexpectedErrors(errors, [401]).filter((text) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED/.test(text));
}

/** A new account with only the river chief role, linked to a town chief who has none; `drop()` undoes both. */
async function chiefAccount() {
	const chief = (await apiGet('/api/v1/chiefs')).find((c) => c.level === 'town' && c.accountId === undefined);
	assert.ok(chief, 'a town chief without an account');
	const credentials = {username: `field-${Date.now().toString(36)}`, password: `Hetu-${randomUUID()}`};
	const account = await apiSend('POST', '/api/v1/accounts', {username: credentials.username, displayName: chief.name, roles: ['river_chief'], password: credentials.password});
	assert.equal(account.status, 201, JSON.stringify(account.body));
	const accountId = (account.body.account || account.body).id;
	const linked = await apiSend('PATCH', `/api/v1/chiefs/${chief.id}`, {accountId, version: chief.version});
	assert.equal(linked.status, 200, JSON.stringify(linked.body));
	const drop = async () => {
		const now = (await apiGet('/api/v1/chiefs')).find((c) => c.id === chief.id);
		await apiSend('PATCH', `/api/v1/chiefs/${chief.id}`, {accountId: null, version: now.version});
		await apiSend('DELETE', `/api/v1/accounts/${accountId}`);
	};
	return {chief, credentials, drop};
}

describe('the field app on a phone', () => {
	let browser;

	before(async () => {
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
	});

	it('serves the service worker for the whole site, never from a long cache, and the manifest with PNG icons', async () => {
		const worker = await fetch(`${BASE_URL}/sw.js`);
		assert.equal(worker.status, 200);
		assert.match(worker.headers.get('content-type'), /javascript/);
		assert.match(worker.headers.get('cache-control') || '', /no-cache|no-store|max-age=0/);
		const manifest = await (await fetch(`${BASE_URL}/manifest.json`)).json();
		assert.equal(manifest.name, '河图 巡查');
		assert.equal(manifest.display, 'standalone');
		assert.equal(manifest.start_url, '/');
		assert.ok(manifest.theme_color);
		for (const icon of manifest.icons) {
			const response = await fetch(`${BASE_URL}${icon.src}`);
			assert.equal(response.status, 200, icon.src);
			const bytes = Buffer.from(await response.arrayBuffer());
			assert.equal(bytes.subarray(1, 4).toString('ascii'), 'PNG', icon.src);
			assert.equal(bytes.readUInt32BE(16), Number(icon.sizes.split('x')[0]), `${icon.src} is ${icon.sizes}`);
		}
	});

	it('lands a chief on the patrol page, opens it with no signal and uploads the patrol walked offline once', {timeout: 180000}, async () => {
		const {chief, credentials, drop} = await chiefAccount();
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
			// No hash: the chief's home is the patrol page.
			await page.waitForSelector('#app[data-page="patrol"] .hetu-river-patrol');
			assert.equal(new URL(page.url()).hash, '#/patrol');
			assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), '/manifest.json');
			const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
			assert.equal(scope, `${BASE_URL}/`);
			// The worker takes no page already open: the next one opens under it.
			await page.reload();
			await page.waitForSelector('#app[data-page="patrol"] .hetu-river-patrol', {timeout: 30000});
			assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${BASE_URL}/sw.js`);
			await page.waitForSelector('[data-action="start-patrol"]:not([disabled])');
			assert.match(await page.textContent('[data-role="chief"]'), new RegExp(chief.name));

			await context.setOffline(true);
			await page.reload();
			await page.waitForSelector('#app[data-page="patrol"] .hetu-river-patrol', {timeout: 30000});
			await page.waitForSelector('[data-action="start-patrol"]:not([disabled])');
			assert.match(await page.textContent('[data-role="chief"]'), new RegExp(chief.name));
			await screenshot(page, 'field-phone-offline-reload');

			await page.click('[data-action="start-patrol"]');
			await page.waitForSelector('.hetu-river-patrol[data-source="drawn"]');
			const box = await page.locator('.hetu-river-patrol__map').boundingBox();
			for (const [x, y] of [[0.3, 0.6], [0.5, 0.45], [0.7, 0.35]]) {
				await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
				await page.waitForTimeout(200);
			}
			await page.click('[data-action="end-patrol"]');
			await page.waitForSelector('[data-role="summary"]:not([hidden])');
			const distance = await page.textContent('[data-role="summary-distance"]');
			assert.notEqual(distance, '0 m');
			assert.equal(await page.textContent('[data-role="summary-issues"]'), '0');
			await page.waitForSelector('.hetu-river-badge[data-count="1"]');
			await screenshot(page, 'field-phone-offline-summary');
			assert.deepEqual(saved, [], 'nothing reached the server while offline');

			await context.setOffline(false);
			await page.waitForSelector('.hetu-river-badge[data-count="0"]', {timeout: 60000});
			// The recent patrols (folded away) know it is on the server.
			await page.waitForSelector('[data-role="recent-patrols"] li[data-state="sent"]', {state: 'attached'});
			// The summary stays, now with what the server made of the track.
			await page.waitForSelector('[data-role="summary"]:not([hidden])');
			assert.deepEqual(saved, [201], 'the patrol was saved exactly once');
			await screenshot(page, 'field-phone-uploaded-summary');
			const patrol = await apiGet(`/api/v1/patrols/${sent[0].id}`);
			assert.equal(patrol.chiefId, chief.id);
			assert.equal(patrol.source, 'drawn');
			assert.deepEqual(realErrors(session.errors), []);
			assert.deepEqual(session.blocked.filter((url) => !/tile|tianditu/.test(url)), []);
			await context.close();
		} finally {
			await drop();
		}
	});

	it('opens the map with no signal on the kept base map, with one offline notice instead of a failure per layer', {timeout: 120000}, async () => {
		const session = await newSession(browser, PROFILES.phone);
		const {context, page} = session;
		await openMap(session, '');
		await page.evaluate(async () => navigator.serviceWorker.ready);
		// The worker takes the next page: this one loads the base map through it, which keeps it.
		await page.reload();
		await page.waitForSelector('#app[data-ready="true"]', {timeout: 30000});
		await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
		await page.waitForSelector('#hetu-map .leaflet-hetu-boundary-pane path');
		await page.waitForTimeout(1500);

		await context.setOffline(true);
		await page.reload();
		await page.waitForSelector('#app[data-ready="true"]', {timeout: 30000});
		await page.waitForSelector('[data-role="offline-notice"]', {timeout: 30000});
		// The county's outline and the offline base map's ground, rivers and roads come from the kept copy.
		await page.waitForSelector('#hetu-map .leaflet-hetu-boundary-pane path', {timeout: 15000});
		await page.waitForSelector('#hetu-map .leaflet-hetu-base-pane canvas');
		await page.waitForSelector('#hetu-map .hetu-base-label--town', {state: 'attached', timeout: 15000});
		await page.waitForTimeout(2000);
		assert.equal(await page.locator('[data-role="offline-notice"]').count(), 1, 'one notice');
		assert.equal(await page.locator('.hetu-toast--error').count(), 0, 'no failure toasts');
		assert.equal(await page.locator('.hetu-map-problem').count(), 0, 'no base map failure');
		await screenshot(page, 'field-phone-offline-map');

		await context.setOffline(false);
		await page.waitForSelector('[data-role="offline-notice"]', {state: 'detached', timeout: 15000});
		await page.waitForSelector('#hetu-map .hetu-marker-icon, #hetu-map .hetu-cluster-icon', {timeout: 30000});
		await context.close();
	});

	it('keeps office users on the map', {timeout: 60000}, async () => {
		const session = await newSession(browser, PROFILES.phone);
		await openMap(session, '');
		assert.equal(await session.page.getAttribute('#app', 'data-page'), null);
		assert.doesNotMatch(session.page.url(), /#\/patrol/);
		await session.context.close();
	});
});
