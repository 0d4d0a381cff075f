/*
 * The browser tests of the county map, run once per screen profile (desktop, phone)
 * by the *.test.js files beside this one.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {zh} from '../../src/i18n/zh.js';
import {en} from '../../src/i18n/en.js';
import {apiGet, closePanel, launchBrowser, newSession, openMap, openPanel, screenshot, waitForIdle} from './browser.js';

const KNOWN_SLUICE = '朱楼闸';
const HAN = /[\u3400-\u9FFF]/;

/** Number of things drawn on the map: markers, the features of clusters, vector paths and the features in vector tiles. */
function drawnOnMap(page) {
	return page.evaluate(() => [...document.querySelectorAll(
		'#hetu-map .leaflet-marker-pane .leaflet-marker-icon, #hetu-map .leaflet-hetu-project-points-pane .leaflet-marker-icon, #hetu-map .leaflet-hetu-lines-pane path, #hetu-map .leaflet-hetu-polygons-pane path')]
		.reduce((sum, element) => sum + Number(element.dataset.count || 1), 0)
		+ [...document.querySelectorAll('#hetu-map .hetu-vector-tiles canvas')].reduce((sum, canvas) => sum + Number(canvas.dataset.count || 0), 0));
}

/** Sum of the features drawn per layer, as the layer rows report them. */
function drawnInPanel(page) {
	return page.evaluate(() => [...document.querySelectorAll('.hetu-layer')]
		.filter((row) => !row.classList.contains('is-off'))
		.reduce((sum, row) => sum + Number(row.dataset.drawn || 0), 0));
}

/**
 * Waits until the map has loaded what it asks for and the layer rows report a sum of drawn features
 * `relation` ('below', 'equal') `value`: the rows follow the map on the next frame, later on a busy machine.
 */
function waitForDrawnInPanel(page, relation, value) {
	return page.waitForFunction(([relation, value]) => {
		const sum = [...document.querySelectorAll('.hetu-layer')].filter((row) => !row.classList.contains('is-off'))
			.reduce((total, row) => total + Number(row.dataset.drawn || 0), 0);
		return document.getElementById('app').dataset.loading === '0' && (relation === 'below' ? sum < value : sum === value);
	}, [relation, value], {timeout: 20000});
}

async function findSluice() {
	const results = await apiGet(`/api/v1/search?q=${encodeURIComponent(KNOWN_SLUICE)}&limit=20`);
	const sluice = results.find((r) => r.collection === 'sluice' && r.name === KNOWN_SLUICE);
	assert.ok(sluice, `the demo data hold the sluice ${KNOWN_SLUICE}`);
	return sluice;
}

export function mapSuite(profile) {
	describe(`county map on ${profile.name} (${profile.viewport.width}×${profile.viewport.height})`, () => {
		let browser;
		let layers;
		let sluice;

		before(async () => {
			browser = await launchBrowser();
			layers = await apiGet('/api/v1/layers');
			sluice = await findSluice();
		});

		after(async () => {
			await browser?.close();
		});

		it('loads with no console errors, no request off this machine and every layer listed', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			assert.equal(await page.title(), zh['app.documentTitle']);
			assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
			assert.ok(await drawnOnMap(page) > 0, 'features are drawn');
			assert.ok(await page.locator('.hetu-basemap-offline').count(), 'the offline base map is the default');
			await openPanel(page, profile);
			for (const layer of layers) {
				assert.equal(await page.locator(`.hetu-layer[data-layer="${layer.id}"]`).count(), 1, `layer ${layer.id} is listed`);
			}
			assert.equal(await page.locator('.hetu-status').count(), 6, 'six work statuses in the legend');
			await closePanel(page, profile);
			await screenshot(page, `${profile.name}`);
			if (profile.isMobile) {
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				assert.ok(overflow <= 0, 'nothing sticks out sideways');
				for (const selector of ['.hetu-header__menu', '.hetu-lang', '.hetu-map-button']) {
					const box = await page.locator(selector).first().boundingBox();
					assert.ok(box.height >= 40 && box.width >= 40, `${selector} is touch-sized (${box.width}×${box.height})`);
				}
			}
			assert.deepEqual(session.blocked, [], 'no request left this machine');
			assert.deepEqual(session.errors, [], 'no console errors');
			await session.context.close();
		});

		it('toggles every layer on and off', {timeout: 120000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			await openPanel(page, profile);
			for (const layer of layers) {
				const box = page.locator(`input[data-layer="${layer.id}"]`);
				const row = page.locator(`.hetu-layer[data-layer="${layer.id}"]`);
				if (!layer.shownAtStart) {
					// Reference layers (the control lines) wait in the panel until asked for.
					assert.equal(await box.isChecked(), false, `${layer.id} starts switched off`);
					await box.click();
					await waitForIdle(page);
					assert.equal(await box.isChecked(), true);
					assert.doesNotMatch(await row.getAttribute('class'), /is-off/);
					await box.click();
					await waitForIdle(page);
					assert.equal(await box.isChecked(), false, `${layer.id} switched off again`);
					continue;
				}
				assert.equal(await box.isChecked(), true, `${layer.id} starts visible`);
				const before = await drawnOnMap(page);
				const drawn = Number(await row.getAttribute('data-drawn'));
				await box.click();
				await page.waitForTimeout(150);
				assert.equal(await box.isChecked(), false);
				assert.match(await row.getAttribute('class'), /is-off/);
				const hidden = await drawnOnMap(page);
				if (drawn > 0) {
					assert.ok(hidden < before, `${layer.id}: hiding removes its features from the map (${before} → ${hidden})`);
				}
				await box.click();
				await waitForIdle(page);
				assert.equal(await box.isChecked(), true);
				assert.equal(await drawnOnMap(page), before, `${layer.id}: showing draws them again`);
			}
			const theme = page.locator('input[data-theme="water"]');
			await theme.click();
			const waterLayers = layers.filter((l) => l.theme === 'water');
			for (const layer of waterLayers) {
				assert.equal(await page.locator(`input[data-layer="${layer.id}"]`).isChecked(), false, `${layer.id} hidden with its theme`);
			}
			await theme.click();
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('loads lines and areas by the visible extent, once the map stops moving', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const requests = [];
			session.page.on('request', (request) => {
				if (/\/ogc\/collections\/river_segment\/items\?.*bbox=/.test(request.url())) {
					requests.push(new URL(request.url()).searchParams.get('bbox'));
				}
			});
			const page = await openMap(session, '#map=15/33.1/116.1');
			assert.equal(requests.length, 1, 'one request for the first view');
			assert.match(requests[0], /^[\d.]+,[\d.]+,[\d.]+,[\d.]+$/, 'with a bbox');
			// The tiled layers step aside: what is measured is the debounce of a GeoJSON layer, and the moves are
			// made from within the page, so that the gaps are the page's 40 ms and not the test driver's round trips.
			await openPanel(page, profile);
			for (const id of ['land_parcel', 'ditch']) {
				await page.click(`input[data-layer="${id}"]`);
			}
			await closePanel(page, profile);
			await page.evaluate(async (hashes) => {
				for (const hash of hashes) {
					location.hash = hash;
					await new Promise((resolve) => setTimeout(resolve, 40));
				}
			}, [[33.2, 116.2], [33.25, 116.3], [33.3, 116.4], [33.35, 116.45], [33.4, 116.5]].map(([lat, lon]) => `#map=15/${lat}/${lon}`));
			await page.waitForTimeout(800);
			await waitForIdle(page);
			assert.equal(requests.length, 2, `quick moves are debounced into one request (${requests.length})`);
			const [minLon, minLat, maxLon, maxLat] = requests[1].split(',').map(Number);
			assert.ok(minLon < 116.5 && maxLon > 116.5 && minLat < 33.4 && maxLat > 33.4, 'for the new view');
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it(`opens ${KNOWN_SLUICE} with its name and status when its marker is clicked`, {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const [lon, lat] = sluice.bbox;
			const page = await openMap(session, `#map=16/${lat}/${lon}`);
			const marker = page.locator(`.hetu-marker[data-key="sluice/${sluice.id}"]`);
			await marker.waitFor({timeout: 15000});
			await marker.click();
			await page.waitForSelector('.hetu-detail__name');
			assert.equal(await page.textContent('.hetu-detail__name'), KNOWN_SLUICE);
			assert.equal((await page.textContent('.hetu-detail .hetu-chip')).trim(), zh[`enum.work_status.${sluice.status}`]);
			assert.equal((await page.textContent('.hetu-attr[data-field="status"] dd')).trim(), zh[`enum.work_status.${sluice.status}`]);
			assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/sluice/${sluice.id}\\?map=`));
			await page.waitForSelector('.hetu-detail__projects .hetu-project, .hetu-detail__projects .hetu-hint:not(:empty)');
			const link = await page.getAttribute('.hetu-share__link', 'href');
			assert.ok(link.endsWith(`#/sluice/${sluice.id}`), `share link ${link}`);
			await screenshot(page, `${profile.name}-detail`);
			await page.click('.hetu-detail__close');
			assert.equal(await page.locator('.hetu-detail').isHidden(), true);
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it(`finds ${KNOWN_SLUICE} by search, flies there and opens it`, {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			const zoomBefore = await page.evaluate(() => Number(/map=([\d.]+)/.exec(location.hash)?.[1]));
			await page.fill('#hetu-search-input', KNOWN_SLUICE);
			const result = page.locator(`.hetu-search__result[data-key="sluice/${sluice.id}"]`);
			await result.waitFor();
			await result.click();
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, KNOWN_SLUICE);
			await page.waitForFunction((id) => location.hash.startsWith(`#/sluice/${id}?map=`), sluice.id);
			// The flight ends when the link names a closer zoom; a slow machine only takes longer to get there.
			await page.waitForFunction((before) => Number(/map=([\d.]+)/.exec(location.hash)?.[1]) > before, zoomBefore, {timeout: 15000})
				.catch(() => null);
			const zoomAfter = await page.evaluate(() => Number(/map=([\d.]+)/.exec(location.hash)?.[1]));
			assert.ok(zoomAfter > zoomBefore, `the map zoomed in (${zoomBefore} → ${zoomAfter})`);
			assert.equal(await page.locator('.hetu-selection-ring').count(), 1, 'the sluice is highlighted');
			await page.fill('#hetu-search-input', '');
			await page.fill('#hetu-search-input', KNOWN_SLUICE);
			await result.waitFor();
			await page.press('#hetu-search-input', 'Enter');
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, KNOWN_SLUICE);
			await screenshot(page, `${profile.name}-search`);
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('opens a shared link to a feature', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session, `#/sluice/${sluice.id}`);
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, KNOWN_SLUICE);
			await page.waitForFunction(() => /map=/.test(location.hash));
			assert.equal(await page.locator('.hetu-selection-ring').count(), 1, 'the feature is highlighted');
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('changes what is drawn, and the legend counts, when a status is filtered out', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			await openPanel(page, profile);
			const counts = await page.$$eval('.hetu-status', (buttons) => buttons.map((b) => ({
				status: b.dataset.status, count: Number(b.querySelector('.hetu-status__count').textContent || 0)
			})));
			const busiest = counts.reduce((a, b) => (b.count > a.count ? b : a));
			assert.ok(busiest.count > 0, 'the legend counts features per status');
			const drawnBefore = await drawnInPanel(page);
			const mapBefore = await drawnOnMap(page);
			const totalBefore = Number(await page.textContent('.hetu-total__count'));
			const button = page.locator(`.hetu-status[data-status="${busiest.status}"]`);
			await button.click();
			await waitForDrawnInPanel(page, 'below', drawnBefore);
			await page.waitForFunction((total) => Number(document.querySelector('.hetu-total__count')?.textContent) === total,
				totalBefore - busiest.count, {timeout: 20000});
			assert.equal(await button.getAttribute('aria-pressed'), 'false');
			const drawnAfter = await drawnInPanel(page);
			assert.ok(drawnAfter < drawnBefore, `fewer features drawn (${drawnBefore} → ${drawnAfter})`);
			assert.notEqual(await drawnOnMap(page), mapBefore, 'the map changed');
			const totalAfter = Number(await page.textContent('.hetu-total__count'));
			assert.equal(totalAfter, totalBefore - busiest.count, 'the legend total drops by that status');
			const statuses = await page.$$eval('#hetu-map .hetu-marker[data-status]', (markers) => markers.map((m) => m.dataset.status));
			assert.ok(!statuses.includes(busiest.status), `no ${busiest.status} marker is drawn`);
			if (profile.isMobile) {
				await screenshot(page, `${profile.name}-panel`);
			}
			await button.click();
			await waitForDrawnInPanel(page, 'equal', drawnBefore);
			assert.equal(await drawnInPanel(page), drawnBefore, 'switching it back draws them again');

			const department = await page.$eval('#hetu-department option:nth-child(2)', (o) => o.value);
			await page.selectOption('#hetu-department', department);
			await waitForIdle(page);
			assert.ok(await drawnInPanel(page) <= drawnBefore, 'a department filter draws no more than all');
			await page.click('.hetu-section__head .hetu-link-button');
			await waitForDrawnInPanel(page, 'equal', drawnBefore);
			assert.equal(await drawnInPanel(page), drawnBefore, 'reset shows everything again');
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('switches every label to English and back, and remembers the choice', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session, `#/sluice/${sluice.id}`);
			await page.waitForSelector('.hetu-detail__name');
			assert.equal((await page.textContent('.hetu-attr[data-field="code"] dt')).trim(), zh['field.code']);
			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'en');
			assert.equal(await page.title(), en['app.documentTitle']);
			assert.equal((await page.textContent('.hetu-attr[data-field="code"] dt')).trim(), en['field.code']);
			assert.equal((await page.textContent('.hetu-detail .hetu-chip')).trim(), en[`enum.work_status.${sluice.status}`]);
			const labels = await page.$$eval('.hetu-detail dt, .hetu-detail h3, .hetu-detail button, .hetu-detail__kind', (els) => els.map((e) => e.textContent));
			for (const label of labels) {
				assert.ok(!HAN.test(label), `detail label in English: ${label}`);
			}
			await openPanel(page, profile);
			const panelText = await page.$eval('.hetu-panel', (panel) => panel.innerText);
			assert.ok(!HAN.test(panelText), `no Chinese left in the panel: ${panelText.match(/.*[\u3400-\u9FFF].*/g)}`);
			assert.equal((await page.textContent('.hetu-layer[data-layer="sluice"] .hetu-layer__title')).trim(),
				layers.find((l) => l.id === 'sluice').titleEn);
			await page.locator(`.hetu-marker[data-key="sluice/${sluice.id}"]`).waitFor();
			await screenshot(page, `${profile.name}-en`);
			await closePanel(page, profile);
			assert.equal(await page.getAttribute('#hetu-search-input', 'placeholder'), en['search.placeholder']);

			await page.reload();
			await waitForIdle(page);
			assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the language is remembered');
			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
			assert.equal(await page.getAttribute('#hetu-search-input', 'placeholder'), zh['search.placeholder']);
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('remembers the base map choice', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			await openPanel(page, profile);
			const config = await apiGet('/api/v1/config');
			assert.equal(await page.locator('input[data-basemap="tianditu"]').count(), config.tiandituKey ? 1 : 0,
				'天地图 is offered only with a key');
			assert.equal(await page.locator('input[data-basemap="offline"]').isChecked(), true, 'offline by default');
			await page.click('input[data-basemap="osm"]');
			assert.equal(await page.evaluate(() => localStorage.getItem('hetu.basemap')), 'osm');
			assert.equal(await page.locator('.hetu-basemap-offline').count(), 0);
			await page.reload();
			await waitForIdle(page);
			await openPanel(page, profile);
			assert.equal(await page.locator('input[data-basemap="osm"]').isChecked(), true);
			await page.click('input[data-basemap="offline"]');
			assert.equal(await page.evaluate(() => localStorage.getItem('hetu.basemap')), 'offline');
			assert.ok(session.blocked.every((url) => url.startsWith('https://tile.openstreetmap.org/')), 'only OSM tiles were asked for');
			await session.context.close();
		});
	});
}
