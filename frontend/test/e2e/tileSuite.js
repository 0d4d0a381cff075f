/*
 * The browser tests of the layers drawn from vector tiles (land parcels and ditches), run once
 * per screen profile by the *.test.js files: the tiles are what is requested, a click or tap
 * on a feature opens it, filters redraw without fetching, an edit shows at once, and the
 * dashboard's narrowed view goes to the server with the tiles.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {apiGet, apiSend, closePanel, launchBrowser, newSession, openMap, openPanel, screenshot, uniqueSuffix, waitForIdle, waitForMapIdle} from './browser.js';

const TILED = /\/tiles\/(land_parcel|ditch)\/\d+\/\d+\/\d+\.mvt/;
const GEOJSON_OF_TILED = /\/ogc\/collections\/(land_parcel|ditch)\/items\?.*bbox=/;

/** Records the page's tile and GeoJSON requests of the tiled collections. */
function recordRequests(session) {
	const requests = {tiles: [], geojson: []};
	session.page.on('request', (request) => {
		const url = request.url();
		if (TILED.test(url)) {
			requests.tiles.push(new URL(url));
		} else if (GEOJSON_OF_TILED.test(url)) {
			requests.geojson.push(url);
		}
	});
	return requests;
}

/** Features drawn by a collection's canvas tiles (as each tile reports them). */
function drawnInTiles(page, collection) {
	return page.evaluate((c) => [...document.querySelectorAll(`.hetu-vector-tiles[data-collection="${c}"] canvas`)]
		.reduce((sum, canvas) => sum + Number(canvas.dataset.count || 0), 0), collection);
}

/** The middle of the map element, where the map's centre is, in page pixels. */
async function mapCentre(page) {
	const box = await page.locator('#hetu-map').boundingBox();
	return {x: box.x + box.width / 2, y: box.y + box.height / 2};
}

/** The middle of a parcel's outer ring (the demo's parcels are convex), as [lon, lat]. */
function middleOf(feature) {
	const ring = feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates[0][0] : feature.geometry.coordinates[0];
	const points = ring.slice(0, -1);
	return [0, 1].map((i) => points.reduce((sum, p) => sum + p[i], 0) / points.length);
}

export function tileSuite(profile) {
	describe(`parcels and ditches from vector tiles on ${profile.name} (${profile.viewport.width}×${profile.viewport.height})`, () => {
		let browser;
		let parcel;

		before(async () => {
			browser = await launchBrowser();
			const parcels = await apiGet('/ogc/collections/land_parcel/items?limit=1000');
			// The largest parcel, so that its middle is far from its neighbours.
			parcel = parcels.features.reduce((a, b) => ((b.properties.area_m2 || 0) > (a.properties.area_m2 || 0) ? b : a));
		});

		after(async () => {
			await browser?.close();
		});

		it('draws parcels and ditches from /tiles, crisp, with no GeoJSON bbox requests for them', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const requests = recordRequests(session);
			const page = await openMap(session, '#map=14/33.255/116.30');
			const collections = new Set(requests.tiles.map((url) => url.pathname.split('/')[2]));
			assert.deepEqual([...collections].sort(), ['ditch', 'land_parcel'], 'both collections come as tiles');
			assert.deepEqual(requests.geojson, [], 'no GeoJSON bbox request for a tiled layer');
			assert.ok(await drawnInTiles(page, 'land_parcel') > 0, 'parcels are drawn');
			assert.ok(await drawnInTiles(page, 'ditch') > 0, 'ditches are drawn');
			const widths = await page.$$eval('.hetu-vector-tiles canvas:not([data-count="0"])', (canvases) => [...new Set(canvases.map((c) => c.width / c.clientWidth))]);
			assert.deepEqual(widths, [profile.deviceScaleFactor], 'one canvas pixel per device pixel');
			assert.ok(Number(await page.locator('.hetu-layer[data-layer="land_parcel"] .hetu-layer__count').textContent()) > 0,
				'the legend counts parcels');
			await screenshot(page, `${profile.name}-tiles`);
			assert.deepEqual(session.errors, []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('opens at the county view asking for its tiles only, the parcels first, and says when they are drawn', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const requests = recordRequests(session);
			const page = await openMap(session);
			const zooms = new Set(requests.tiles.map((url) => url.pathname.split('/')[3]));
			assert.equal(zooms.size, 1, `no tile is asked for before the county is fitted (zooms ${[...zooms]})`);
			assert.equal(requests.tiles[0].pathname.split('/')[2], 'land_parcel', 'the parcels are asked for first');
			const parcels = await page.$eval('.hetu-vector-tiles[data-collection="land_parcel"]', (layer) => ({...layer.dataset}));
			assert.equal(parcels.loaded, 'true', 'the layer says every tile in view is drawn');
			assert.ok(Number(parcels.drawn) > 0, 'and how many parcels it draws');
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('opens a parcel clicked on the map, shows its name on hover, and hides it with its status', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const requests = recordRequests(session);
			const [lon, lat] = middleOf(parcel);
			const page = await openMap(session, `#map=18/${lat}/${lon}`);
			const centre = await mapCentre(page);
			if (!profile.isMobile) {
				await page.mouse.move(centre.x, centre.y);
				const tooltip = page.locator('.hetu-tooltip');
				await tooltip.waitFor({timeout: 5000});
				assert.equal((await tooltip.textContent()).trim(), parcel.properties.name, 'the tooltip names the parcel');
				assert.equal(await page.locator('#hetu-map.hetu-map--over-feature').count(), 1, 'the pointer shows it is clickable');
			}
			await page.mouse.click(centre.x, centre.y);
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, parcel.properties.name);
			await page.waitForFunction((id) => location.hash.startsWith(`#/land_parcel/${id}`), String(parcel.id));
			assert.ok(await page.locator('.leaflet-hetu-highlight-pane path').count() > 0, 'the parcel is highlighted');
			await screenshot(page, `${profile.name}-tiles-parcel`);
			await page.click('.hetu-detail__close');

			await waitForMapIdle(page);
			const fetched = requests.tiles.length;
			const before = await drawnInTiles(page, 'land_parcel');
			await openPanel(page, profile);
			await page.click(`.hetu-status[data-status="${parcel.properties.status}"]`);
			await page.waitForTimeout(300);
			assert.ok(await drawnInTiles(page, 'land_parcel') < before, 'fewer parcels are drawn');
			assert.equal(requests.tiles.length, fetched, 'the filter redraws the tiles without fetching them again');
			await closePanel(page, profile);
			await page.mouse.click(centre.x, centre.y);
			await page.waitForTimeout(500);
			assert.ok(!(await page.evaluate(() => location.hash)).startsWith(`#/land_parcel/${parcel.id}`), 'a hidden parcel cannot be clicked');
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('redraws a ditch in its new shape as soon as it is saved', {timeout: 90000}, async () => {
			const suffix = uniqueSuffix(profile);
			const [lon, lat] = middleOf(parcel);
			const {status, body: ditch} = await apiSend('POST', '/ogc/collections/ditch/items', {
				type: 'Feature',
				geometry: {type: 'LineString', coordinates: [[lon - 0.0008, lat + 0.0004], [lon + 0.0008, lat + 0.0004]]},
				properties: {code: `E2E-GQ-${suffix}`, name: `测试沟-${suffix}`, department: 'water', class: 'large', status: 'planned'}
			}, {contentType: 'application/geo+json'});
			assert.equal(status, 201, JSON.stringify(ditch));
			const session = await newSession(browser, profile);
			try {
				const requests = recordRequests(session);
				const page = await openMap(session, `#/ditch/${ditch.id}?map=17/${lat}/${lon}`);
				await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, ditch.properties.name);
				await page.click('.hetu-detail [data-action="edit-feature"]');
				await page.waitForSelector('#hetu-editor:not([hidden]) .hetu-editor__form', {timeout: 20000});
				await waitForMapIdle(page);
				const vertices = await page.$$eval('#hetu-map .marker-icon:not(.marker-icon-middle)', (icons) => icons.map((icon) => {
					const box = icon.getBoundingClientRect();
					return {x: box.x + box.width / 2, y: box.y + box.height / 2};
				}));
				assert.equal(vertices.length, 2, 'the two ends of the ditch can be moved');
				const [start, end] = vertices.sort((a, b) => a.x - b.x);
				await page.mouse.move(start.x, start.y);
				await page.mouse.down();
				for (let i = 1; i <= 8; i++) {
					await page.mouse.move(start.x, start.y + i * 8);
				}
				await page.mouse.up();
				await page.waitForTimeout(300);
				const fetched = requests.tiles.filter((url) => url.pathname.startsWith('/tiles/ditch/')).length;
				await page.click('[data-action="save-feature"]');
				await page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 15000});
				await waitForIdle(page);
				assert.ok(requests.tiles.filter((url) => url.pathname.startsWith('/tiles/ditch/')).length > fetched, 'the ditch tiles are fetched again');
				const saved = await apiGet(`/ogc/collections/ditch/items/${ditch.id}`);
				assert.ok(saved.geometry.coordinates[0][1] < lat + 0.0004, `the west end moved south: ${saved.geometry.coordinates[0]}`);

				await page.click('.hetu-detail__close');
				await page.waitForTimeout(300);
				const moved = {x: (start.x + end.x) / 2, y: (start.y + 64 + end.y) / 2};
				await page.mouse.click(moved.x, moved.y);
				await page.waitForFunction((id) => location.hash.startsWith(`#/ditch/${id}`), String(ditch.id), {timeout: 5000});
				await screenshot(page, `${profile.name}-tiles-ditch-edited`);
				await page.click('.hetu-detail__close');
				await page.waitForTimeout(300);
				await page.mouse.click((start.x + end.x) / 2 - (end.x - start.x) / 4, start.y);
				await page.waitForTimeout(500);
				assert.ok(!(await page.evaluate(() => location.hash)).startsWith(`#/ditch/${ditch.id}`), 'nothing is left of the old shape');

				await page.evaluate((id) => {
					location.hash = `#/ditch/${id}?map=${/map=([^&]+)/.exec(location.hash)?.[1] || ''}`;
				}, String(ditch.id));
				await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, ditch.properties.name);
				await page.click('.hetu-tab[data-tab="history"]');
				const created = page.locator('.hetu-change[data-action="create"]');
				await created.locator('[data-action="restore"]').click();
				const before = requests.tiles.filter((url) => url.pathname.startsWith('/tiles/ditch/')).length;
				await created.locator('[data-action="confirm-restore"]').click();
				await page.waitForSelector('.hetu-change__note--ok', {timeout: 15000});
				await waitForIdle(page);
				assert.ok(requests.tiles.filter((url) => url.pathname.startsWith('/tiles/ditch/')).length > before, 'a restore fetches the tiles again');
				const restored = await apiGet(`/ogc/collections/ditch/items/${ditch.id}`);
				assert.ok(Math.abs(restored.geometry.coordinates[0][1] - (lat + 0.0004)) < 1e-6, `the first shape is back: ${restored.geometry.coordinates[0]}`);
				assert.deepEqual(session.errors, []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await apiSend('DELETE', `/ogc/collections/ditch/items/${ditch.id}`);
			}
		});

		it('shows the treated ditches alone, narrowed on the server, with their number', {timeout: 60000}, async () => {
			const overview = await apiGet('/api/v1/stats/overview');
			const tile = overview.tiles.find((t) => t.mapView === '#/layer/ditch?treated=true');
			const session = await newSession(browser, profile);
			const requests = recordRequests(session);
			// Reached from a map already showing every layer, at a zoom between two tile zooms (zoomSnap 0.5).
			const page = await openMap(session, '#map=13.5/33.255/116.30');
			await page.evaluate((hash) => {
				location.hash = hash;
			}, `${tile.mapView}&map=13.5/33.255/116.30`);
			await page.waitForSelector('.hetu-layer-view:not([hidden])');
			await waitForIdle(page);
			const count = page.locator('.hetu-layer-view__count');
			await page.waitForFunction((n) => document.querySelector('.hetu-layer-view__count')?.dataset.count === String(n), tile.value, {timeout: 10000});
			assert.equal(Number(await count.getAttribute('data-count')), tile.value, 'every treated ditch, not just those in view');
			assert.ok(requests.tiles.every((url) => /^\/tiles\/\w+\/\d+\//.test(url.pathname)), 'tiles of whole zoom levels only');
			const narrowed = requests.tiles.filter((url) => url.pathname.startsWith('/tiles/ditch/') && url.searchParams.get('treated') === 'true');
			assert.ok(narrowed.length > 0, 'the tiles are asked for treated ditches');
			assert.equal(await page.locator('.hetu-vector-tiles[data-collection="land_parcel"]').count(), 0, 'the parcels step aside');
			assert.ok(await drawnInTiles(page, 'ditch') > 0, 'treated ditches are drawn');
			await screenshot(page, `${profile.name}-tiles-layer-view`);
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});
	});
}
