/*
 * The browser tests of the land planners' page (#/parcels), run once per screen profile by
 * parcels.test.js: a polygon drawn on the map, the G205 query checked against the API, a
 * Shapefile export read back with GDAL, a plan moved on with a note, the 2025 disposal rate
 * against 20%, and a saved query's link. What a test saves (a saved query) it deletes again;
 * the plan test moves one pending parcel to in_progress and leaves it there (when none is
 * pending any more, it first puts an in-progress one back to pending through the API).
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {formatPage, parsePage} from '../../src/app/PageRoute.js';
import {parcelsEn} from '../../src/i18n/parcels.en.js';
import {parcelsZh} from '../../src/i18n/parcels.zh.js';
import {normalizeQuery, searchBody} from '../../src/parcels/ParcelQuery.js';
import {queryParams, readQueryParams} from '../../src/parcels/QueryLink.js';
import {BASE_URL, CREDENTIALS, apiGet, launchBrowser, newSession, openMap, screenshot} from './browser.js';

const HAN = /[\u3400-\u9FFF]/;

/** The planners' example: idle land over 2 ha within 1 km of the G205 nodes. */
const G205_QUERY = {categories: ['idle'], areaMin: 2, areaUnit: 'ha', near: {collection: 'road_node', where: {road: 'G205'}, distance: 1000}};

/** A request to the back end with the test account, outside the page: {status, body}. */
async function api(method, path, body) {
	const basic = Buffer.from(`${CREDENTIALS.username}:${CREDENTIALS.password}`).toString('base64');
	const response = await fetch(`${BASE_URL}${path}`, {
		method,
		headers: {
			Authorization: `Basic ${basic}`, Accept: 'application/json, application/geo+json', 'X-Requested-With': 'XMLHttpRequest',
			...(body === undefined ? {} : {'Content-Type': 'application/json'})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	return {status: response.status, body: text ? JSON.parse(text) : null};
}

async function search(body) {
	const {status, body: result} = await api('POST', '/api/v1/parcels/search', {...body, size: 1});
	assert.equal(status, 200, JSON.stringify(result));
	return result;
}

/** Opens the parcels page (signing in first) and waits for its first results. */
async function openParcels(session, hash = '#/parcels') {
	const page = await openMap(session, hash);
	await page.waitForSelector('#app[data-page="parcels"] .hetu-parcels', {timeout: 30000});
	await waitForResults(page);
	return page;
}

/** Waits until the table and the map show the same finished query. */
async function waitForResults(page) {
	await page.waitForFunction(() => {
		const root = document.querySelector('.hetu-parcels');
		const totals = document.querySelector('.hetu-parcel-totals');
		const results = document.querySelector('.hetu-parcel-results');
		return root && !root.classList.contains('is-searching') && totals && results?.getAttribute('aria-busy') === 'false'
			&& document.getElementById('hetu-parcels-map')?.dataset.results !== undefined;
	}, null, {timeout: 30000});
	await page.waitForTimeout(300);
}

function shownCount(page) {
	return page.evaluate(() => Number(document.querySelector('.hetu-parcel-totals').dataset.count));
}

function highlighted(page) {
	return page.evaluate(() => ({
		drawn: Number(document.getElementById('hetu-parcels-map').dataset.results),
		paths: document.querySelectorAll('#hetu-parcels-map .leaflet-hetu-parcel-results-pane path').length
	}));
}

/** The query the page's link carries now. */
function linkedQuery(page) {
	const hash = new URL(page.url()).hash;
	const wanted = readQueryParams(parsePage(hash)?.params || {});
	return wanted.query || normalizeQuery({});
}

/** On a phone the conditions are a drawer: open it. */
async function openConditions(page, profile) {
	if (profile.isMobile && !(await page.locator('.hetu-parcels.is-side-open').count())) {
		await page.click('[data-action="open-query"]');
		await page.waitForSelector('.hetu-parcels.is-side-open');
		await page.waitForTimeout(300);
	}
}

async function runQuery(page) {
	await page.click('[data-action="run-query"]');
	await page.waitForFunction(() => document.querySelector('.hetu-parcels')?.classList.contains('is-searching') === false);
	await waitForResults(page);
}

/**
 * Four corners of a square on the map whose first corner is the middle of a highlighted parcel, as a
 * planner starting a polygon at a parcel taps it: that tap must place a corner, not open the parcel.
 * The square grows towards the map's middle, clear of the instruction at the bottom of a phone.
 */
async function squareFromParcel(page, profile) {
	const box = await page.locator('#hetu-parcels-map').boundingBox();
	const hint = await page.locator('#hetu-parcels-map .hetu-map-hint').boundingBox();
	const side = Math.min(box.width, box.height) * 0.4;
	const bottom = profile.isMobile ? hint.y - 12 : box.y + box.height - 8;
	const mid = {x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, (bottom - box.y) / 2)};
	const centres = await page.$$eval('#hetu-parcels-map .leaflet-hetu-parcel-results-pane path', (paths) => paths.map((path) => {
		const r = path.getBoundingClientRect();
		return {x: r.x + r.width / 2, y: r.y + r.height / 2, hit: document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === path};
	}));
	const square = (p) => {
		const dx = p.x <= mid.x ? side : -side;
		const dy = p.y <= mid.y ? side : -side;
		return [[p.x, p.y], [p.x + dx, p.y], [p.x + dx, p.y + dy], [p.x, p.y + dy]];
	};
	const fits = (corners) => corners.every(([x, y]) => x > box.x + 8 && x < box.x + box.width - 8 && y > box.y + 8 && y < bottom);
	const start = centres.filter((p) => p.hit && fits(square(p)))
		.sort((a, b) => Math.hypot(a.x - mid.x, a.y - mid.y) - Math.hypot(b.x - mid.x, b.y - mid.y))[0];
	assert.ok(start, 'a highlighted parcel to start the polygon on');
	return square(start);
}

function assertClean(session) {
	assert.deepEqual(session.errors, [], 'no console errors');
	assert.deepEqual(session.blocked, [], 'no request leaves this machine');
}

export function parcelsSuite(profile) {
	describe(`idle land on ${profile.name} (${profile.viewport.width}×${profile.viewport.height})`, () => {
		let browser;
		let workDir;

		before(async () => {
			browser = await launchBrowser();
			workDir = mkdtempSync(join(tmpdir(), 'hetu-parcels-'));
		});

		after(async () => {
			await browser?.close();
			rmSync(workDir, {recursive: true, force: true});
		});

		it('draws a polygon on the map and shows the parcels in it highlighted, with their totals', {timeout: 120000}, async () => {
			const session = await newSession(browser, profile);
			try {
				const page = await openParcels(session);
				const all = await shownCount(page);
				assert.equal(all, (await search({})).numberMatched, 'with no condition, every parcel');
				assert.equal((await highlighted(page)).paths, all, 'every match is drawn on the map');
				await screenshot(page, `${profile.name}-parcels`);

				await openConditions(page, profile);
				await page.click('[data-action="draw-polygon"]');
				await page.waitForSelector('#hetu-parcels-map[data-drawing="ready"] .hetu-map-hint[data-mode="drawing"]');
				const corners = await squareFromParcel(page, profile);
				for (const [i, [x, y]] of corners.entries()) {
					await page.mouse.click(x, y);
					await page.waitForSelector(`#hetu-parcels-map[data-vertices="${i + 1}"]`, {timeout: 5000});
				}
				await screenshot(page, `${profile.name}-parcels-drawing`);
				await page.click('[data-action="finish-polygon"]');
				await page.waitForSelector('.hetu-map-hint', {state: 'hidden'});
				await page.waitForFunction(() => location.hash.includes('q='), null, {timeout: 10000});
				await waitForResults(page);

				const query = linkedQuery(page);
				assert.equal(query.polygon?.type, 'Polygon', 'the drawn polygon is in the link');
				assert.equal(query.polygon.coordinates[0].length, 5, 'four corners and the closing one');
				const count = await shownCount(page);
				assert.ok(count > 0 && count < all, `the polygon narrows the parcels (${count} of ${all})`);
				assert.equal(count, (await search(searchBody(query))).numberMatched, 'the same count as the API for the same polygon');
				const {drawn, paths} = await highlighted(page);
				assert.equal(drawn, count, 'the map highlights every match');
				assert.equal(paths, count);
				assert.equal(await page.locator('#hetu-parcels-map .leaflet-hetu-parcel-drawn-pane path').count(), 1, 'the drawn area stays on the map');
				const totals = await page.evaluate(() => [...document.querySelectorAll('.hetu-parcel-total__value')].map((e) => e.textContent));
				assert.equal(totals.length, 3, 'count, ha and 亩');
				assert.ok(Number(totals[2].replace(/,/g, '')) > Number(totals[1].replace(/,/g, '')), '亩 outnumber hectares');
				await page.locator('.hetu-parcel-summary').scrollIntoViewIfNeeded();
				await screenshot(page, `${profile.name}-parcels-polygon`);
				assertClean(session);
			} finally {
				await session.context.close();
			}
		});

		it('finds idle parcels over 2 ha within 1 km of the G205 nodes, as many as the API finds', {timeout: 120000}, async () => {
			const expected = (await search(G205_QUERY)).numberMatched;
			assert.ok(expected > 0, 'the demo county has idle land near the G205');
			const session = await newSession(browser, profile);
			try {
				const page = await openParcels(session);
				await openConditions(page, profile);
				await page.click('[data-key="categories"][data-value="idle"]');
				await page.click('[data-unit="ha"]');
				await page.fill('#hetu-pq-area-min', '2');
				await page.click('[data-preset="g205"]');
				assert.equal(await page.inputValue('#hetu-pq-near-collection'), 'road_node');
				assert.equal(await page.inputValue('#hetu-pq-near-value'), 'G205');
				await page.fill('#hetu-pq-distance', '1000');
				await screenshot(page, `${profile.name}-parcels-conditions`);
				await runQuery(page);

				assert.equal(await shownCount(page), expected, 'the page counts what the API counts');
				assert.deepEqual(searchBody(linkedQuery(page)), G205_QUERY, 'the link holds the query');
				assert.equal((await highlighted(page)).paths, expected);
				assert.equal(await page.locator('#hetu-parcels-map .leaflet-hetu-parcel-near-pane .hetu-marker-icon').count(), 7, 'the seven G205 nodes are shown');
				const rows = await page.locator('.hetu-table--parcels tbody tr').count();
				assert.equal(rows, Math.min(expected, 20));
				const categories = await page.evaluate(() => [...document.querySelectorAll('.hetu-parcel-breakdown[data-breakdown="category"] li')]
					.filter((li) => Number(li.dataset.count) > 0).map((li) => li.dataset.key));
				assert.deepEqual(categories, ['idle']);

				if (profile.isMobile) {
					// A phone shows the results as cards, ordered by a list rather than by the table's headings.
					await page.selectOption('#hetu-parcels-sort', '-area');
					await waitForResults(page);
				} else {
					await page.click('.hetu-table--parcels th[data-column="area"] .hetu-sort');
					await waitForResults(page);
					await page.click('.hetu-table--parcels th[data-column="area"] .hetu-sort');
					await waitForResults(page);
					assert.equal(await page.getAttribute('.hetu-table--parcels th[data-column="area"]', 'aria-sort'), 'descending');
				}
				assert.equal(await page.inputValue('#hetu-parcels-sort'), '-area');
				const areas = await page.evaluate(() => [...document.querySelectorAll('.hetu-table--parcels tbody tr .hetu-parcel-row__mu')]
					.map((e) => Number(e.textContent.replace(/[^0-9.]/g, ''))));
				assert.deepEqual(areas, [...areas].sort((a, b) => b - a), 'largest first');
				assert.ok(areas.every((mu) => mu >= 29.99), 'every parcel is 2 ha (30 亩) or more');
				await screenshot(page, `${profile.name}-parcels-g205`);
				assertClean(session);
			} finally {
				await session.context.close();
			}
		});

		it('exports the result as a Shapefile that GDAL reads with its Chinese names intact', {timeout: 120000}, async () => {
			const query = {categories: ['idle'], areaMin: 2, areaUnit: 'ha'};
			const expected = await api('POST', '/api/v1/parcels/search', {...query, size: 1000, sort: 'code'});
			const session = await newSession(browser, profile);
			try {
				const page = await openParcels(session, formatPage('parcels', queryParams(query)));
				assert.equal(await shownCount(page), expected.body.numberMatched, 'the link rebuilds the query');
				await page.selectOption('#hetu-parcels-export-format', 'shp');
				await page.selectOption('#hetu-parcels-export-crs', '4490');
				const [download] = await Promise.all([
					page.waitForEvent('download', {timeout: 60000}),
					page.click('[data-action="export"]')
				]);
				const file = join(workDir, `${profile.name}-parcels.zip`);
				await download.saveAs(file);
				assert.ok(statSync(file).size > 1000, 'a zip with content');
				const summary = execFileSync('ogrinfo', ['-so', '-al', `/vsizip/${file}`], {encoding: 'utf8'});
				assert.match(summary, new RegExp(`Feature Count: ${expected.body.numberMatched}\\b`), summary);
				assert.match(summary, /CGCS2000|China Geodetic Coordinate System 2000|4490/, 'in CGCS2000');
				const listing = execFileSync('ogrinfo', ['-al', '-geom=NO', `/vsizip/${file}`], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
				const name = expected.body.features.find((f) => HAN.test(f.properties.name || '')).properties.name;
				assert.ok(listing.includes(name), `the Chinese name ${name} reads back as it was`);
				assert.ok(listing.includes(expected.body.features[0].properties.code));
				assertClean(session);
			} finally {
				await session.context.close();
			}
		});

		it('moves a parcel’s plan from pending to in progress with a note, and shows the note in its history', {timeout: 120000}, async () => {
			let parcel = (await api('POST', '/api/v1/parcels/search', {disposalStatus: ['pending'], size: 1, sort: 'code'})).body.features[0];
			if (!parcel) {
				// Every pending parcel has been moved on by earlier runs: put an in-progress one back first.
				parcel = (await api('POST', '/api/v1/parcels/search', {disposalStatus: ['in_progress'], size: 1, sort: 'code'})).body.features[0];
				const plan = (await api('GET', `/api/v1/parcels/${parcel.id}/plan`)).body;
				const reset = await api('PUT', `/api/v1/parcels/${parcel.id}/plan`, {
					disposalMethod: plan.disposalMethod, responsibleUnit: plan.responsibleUnit ?? null, targetDate: plan.targetDate ?? null,
					disposalStatus: 'pending', note: '浏览器测试：退回待处置以便再次测试', version: plan.version
				});
				assert.equal(reset.status, 200, JSON.stringify(reset.body));
			}
			const note = `浏览器测试：已约谈用地单位，督促动工（${profile.name} ${Date.now().toString(36)}）`;
			const session = await newSession(browser, profile);
			try {
				const page = await openParcels(session, `#/parcels?parcel=${parcel.id}`);
				await page.waitForSelector('#hetu-parcel-plan:not([hidden]) .hetu-parcel-plan__form');
				assert.equal(await page.textContent('#hetu-parcel-plan-name'), parcel.properties.name);
				assert.equal(await page.getAttribute('.hetu-parcel-steps__step[aria-current="step"]', 'data-status'), 'pending');
				await page.click('.hetu-parcel-plan__statuses label[data-status="in_progress"]');
				await page.click('[data-action="save-plan"]');
				await page.waitForSelector('.hetu-parcel-plan__form [data-field="note"] .hetu-form__error:not([hidden])');
				assert.equal((await page.textContent('.hetu-parcel-plan__form [data-field="note"] .hetu-form__error')).trim(), parcelsZh['parcels.plan.error.noteNeeded'],
					'a change of status needs a note');
				await page.selectOption('#hetu-plan-method', 'urge_construction');
				await page.fill('#hetu-plan-unit', '县自然资源和规划局');
				await page.fill('#hetu-plan-note', note);
				await page.click('[data-action="save-plan"]');
				await page.waitForSelector('.hetu-parcel-plan__form .hetu-form__note--ok', {timeout: 15000});
				assert.equal(await page.getAttribute('.hetu-parcel-steps__step[aria-current="step"]', 'data-status'), 'in_progress');
				const notes = await page.locator('.hetu-parcel-note__text').allTextContents();
				assert.equal(notes[0], note, 'the newest note comes first');
				assert.equal(await page.getAttribute('.hetu-parcel-note >> nth=0', 'data-status'), 'in_progress');
				await page.locator('.hetu-parcel-plan__section[data-section="notes"]').scrollIntoViewIfNeeded();
				await screenshot(page, `${profile.name}-parcels-plan`);

				const saved = (await api('GET', `/api/v1/parcels/${parcel.id}/plan`)).body;
				assert.equal(saved.disposalStatus, 'in_progress');
				assert.equal(saved.disposalMethod, 'urge_construction');
				assert.equal(saved.responsibleUnit, '县自然资源和规划局');
				assert.equal(saved.notes.at(-1).note, note);
				assert.equal(saved.notes.at(-1).statusAfter, 'in_progress');
				assertClean(session);
			} finally {
				await session.context.close();
			}
		});

		it('opens the disposal rate on the county\'s current year, against the 20% target, in Chinese and in English', {timeout: 120000}, async () => {
			const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
			const report = await apiGet(`/api/v1/parcels/disposal-rate?year=${year}`);
			const session = await newSession(browser, profile);
			try {
				const page = await openParcels(session);
				await page.click('.hetu-parcels__tab[data-view="kpi"]');
				await page.waitForSelector('#hetu-kpi-year');
				await page.waitForFunction((y) => document.querySelector('.hetu-parcel-kpi')?.getAttribute('aria-busy') === 'false'
					&& document.querySelector('#hetu-kpi-year')?.value === String(y) && document.querySelectorAll('.hetu-parcel-kpi__group').length > 0, year);
				assert.match(new URL(page.url()).hash, /view=kpi/);
				const groups = await page.evaluate(() => [...document.querySelectorAll('.hetu-parcel-kpi__group')]
					.map((g) => ({group: g.dataset.group, rate: Number(g.dataset.rate), meets: g.dataset.meets === 'true', text: g.textContent})));
				assert.deepEqual(groups.map((g) => [g.group, g.rate, g.meets]), report.county.map((r) => [r.group, r.ratePct, r.meetsTarget]));
				for (const group of groups) {
					assert.ok(group.text.includes('20%'), 'each group is measured against 20%');
					assert.ok(group.text.includes(`${year}年`), 'each rate names its year');
				}
				const dashboard = await apiGet('/api/v1/stats/overview');
				assert.deepEqual(dashboard.tiles.filter((t) => t.mapView?.startsWith('#/parcels')).map((t) => [t.year, t.value]),
					report.county.map((r) => [year, r.ratePct]), 'the dashboard shows the same rates for the same year');
				assert.ok((await page.textContent('.hetu-parcel-kpi__baseline')).includes(String(year)), 'the frozen baseline is named');
				assert.equal(await page.locator('.hetu-parcel-kpi__chart canvas').count(), 2, 'charts by category and by town');
				await screenshot(page, `${profile.name}-parcels-kpi`);

				await page.click('[data-action="language"]');
				await page.waitForFunction(() => document.documentElement.lang === 'en');
				await page.waitForSelector('.hetu-parcel-kpi__group');
				const text = await page.evaluate(() => document.querySelector('.hetu-parcels').innerText);
				assert.ok(text.includes(parcelsEn['parcels.kpi.group.approvedIdle']), 'the groups are named in English');
				assert.equal(HAN.test(text), false, `no Chinese on the English screen: ${text.match(/.{0,20}[\u3400-\u9FFF]+.{0,20}/)?.[0]}`);
				await screenshot(page, `${profile.name}-parcels-kpi-en`);
				await page.click('.hetu-parcels__tab[data-view="results"]');
				await waitForResults(page);
				const results = await page.evaluate(() => document.querySelector('.hetu-parcels__side').innerText + document.querySelector('.hetu-parcel-summary').innerText);
				assert.equal(HAN.test(results), false, `no Chinese in the English conditions and totals: ${results.match(/.{0,20}[\u3400-\u9FFF]+.{0,20}/)?.[0]}`);
				await screenshot(page, `${profile.name}-parcels-en`);
				assertClean(session);
			} finally {
				await session.context.close();
			}
		});

		it('saves a query under a name, and its link rebuilds the panel for anyone who opens it', {timeout: 120000}, async () => {
			const name = `浏览器测试 G205 沿线闲置地块 ${profile.name} ${Date.now().toString(36)}`;
			let savedId = null;
			const session = await newSession(browser, profile);
			const other = await newSession(browser, profile);
			try {
				const page = await openParcels(session, formatPage('parcels', queryParams(G205_QUERY)));
				await openConditions(page, profile);
				await page.click('.hetu-parcels__side-tabs [data-pane="saved"]');
				await page.waitForSelector('.hetu-parcel-saved[data-status="ready"]');
				await page.fill('#hetu-saved-name', name);
				await page.click('[data-action="save-query"]');
				await page.waitForSelector('.hetu-parcel-saved[data-status="ready"] .hetu-form__note--ok');
				const item = page.locator('.hetu-parcel-saved__item', {hasText: name});
				await item.waitFor();
				savedId = await item.getAttribute('data-saved');
				await page.waitForFunction((id) => location.hash === `#/parcels?saved=${id}`, savedId);
				const link = await item.locator('.hetu-parcel-saved__name').getAttribute('href');
				assert.equal(link, `#/parcels?saved=${savedId}`);
				await screenshot(page, `${profile.name}-parcels-saved`);

				const fresh = await openParcels(other, link);
				await fresh.waitForFunction(() => document.querySelector('[data-key="categories"][data-value="idle"]')?.getAttribute('aria-pressed') === 'true');
				await waitForResults(fresh);
				assert.equal(await fresh.getAttribute('[data-unit="ha"]', 'aria-checked'), 'true');
				assert.equal(await fresh.inputValue('#hetu-pq-area-min'), '2');
				assert.equal(await fresh.getAttribute('[data-preset="g205"]', 'aria-pressed'), 'true');
				assert.equal(await fresh.inputValue('#hetu-pq-distance'), '1000');
				assert.equal(await fresh.inputValue('#hetu-pq-near-value'), 'G205');
				assert.equal(await fresh.getAttribute('[data-key="categories"][data-value="approved_unsupplied"]', 'aria-pressed'), 'false');
				assert.equal(await shownCount(fresh), (await search(G205_QUERY)).numberMatched);
				assertClean(session);
				assertClean(other);
			} finally {
				await session.context.close();
				await other.context.close();
				if (savedId) {
					await api('DELETE', `/api/v1/parcels/queries/${savedId}`);
				}
			}
		});
	});
}
