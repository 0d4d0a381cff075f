/*
 * The browser tests of the key projects and the dashboard (journey 1: leaders and staff see
 * where every key project stands), run once per screen profile by the *.test.js files.
 * Projects a test makes are deleted through the API afterwards.
 */
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {after, before, describe, it} from 'node:test';
import {projectsEn} from '../../src/i18n/projects.en.js';
import {projectsZh} from '../../src/i18n/projects.zh.js';
import {
	apiGet, apiSend, goToPage, launchBrowser, newSession, openMap, openMapArea, screenshot, uniqueSuffix, waitForIdle, waitForMapIdle
} from './browser.js';

const SPOT = [116.3, 33.25];
const HAN = /[\u3400-\u9FFF]/;
const UNDER_CONSTRUCTION = '#E69F00';

/** A date `offset` days from today, as a date input takes it. */
function isoDay(offset) {
	return new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
}

async function deleteProjectByCode(code) {
	const found = await apiGet(`/api/v1/projects?q=${encodeURIComponent(code)}&size=10`);
	for (const project of found.items.filter((p) => p.code === code)) {
		const {status} = await apiSend('DELETE', `/api/v1/projects/${project.id}?version=${project.version}`);
		assert.equal(status, 204, `the test project ${code} is deleted`);
	}
}

function statusCount(overview, status) {
	return overview.projectsByStatus.find((s) => s.status === status)?.count || 0;
}

/** The rows of the project list as {id, status, overdue, progress}. */
function listedRows(page) {
	return page.$$eval('.hetu-project-row', (rows) => rows.map((row) => ({
		id: row.dataset.project,
		status: row.dataset.status,
		code: row.querySelector('.hetu-project-row__code')?.textContent,
		overdue: Boolean(row.querySelector('.hetu-badge--overdue')),
		progress: Number(row.querySelector('.hetu-progress')?.getAttribute('aria-valuenow'))
	})));
}

async function waitForList(page) {
	await page.waitForSelector('.hetu-results[aria-busy="false"]');
}

/** On a phone, nothing on a page may stick out sideways. */
async function assertNoSidewaysScroll(page, profile) {
	if (profile.isMobile) {
		const overflow = await page.evaluate(() => {
			const scroller = document.getElementById('hetu-page');
			return Math.max(document.documentElement.scrollWidth - window.innerWidth, scroller.scrollWidth - scroller.clientWidth);
		});
		assert.ok(overflow <= 0, `nothing sticks out sideways (${overflow} px)`);
	}
}

export function projectSuite(profile) {
	describe(`key projects and dashboard on ${profile.name} (${profile.viewport.width}×${profile.viewport.height})`, () => {
		let browser;

		before(async () => {
			browser = await launchBrowser();
		});

		after(async () => {
			await browser?.close();
		});

		it('creates a project, draws its footprint, starts construction with a reason, and shows it on the map and the dashboard', {timeout: 150000}, async () => {
			const suffix = uniqueSuffix(profile);
			const code = `E2E-XM-${suffix}`;
			const name = `测试项目-${suffix}`;
			const before = await apiGet('/api/v1/stats/overview');
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#map=13/${SPOT[1]}/${SPOT[0]}`);
				await goToPage(page, profile, 'projects');
				await page.waitForSelector('.hetu-project-row');
				await page.click('[data-action="new-project"]');
				await page.fill('#hetu-project-new-name', name);
				await page.fill('#hetu-project-new-code', code);
				await page.selectOption('#hetu-project-new-department', 'water');
				await page.selectOption('#hetu-project-new-category', 'water_conservancy');
				await page.fill('#hetu-project-new-town', '城关镇');
				// Started ten months ago: its first milestones are overdue today.
				await page.fill('#hetu-project-new-planned_start', isoDay(-300));
				await page.fill('#hetu-project-new-planned_end', isoDay(200));
				await page.fill('#hetu-project-new-investment_planned', '1200');
				await screenshot(page, `${profile.name}-project-new`);
				await page.click('[data-action="create-project"]');
				await page.waitForSelector('.hetu-project-page[data-project]', {timeout: 15000});
				const id = await page.getAttribute('.hetu-project-page', 'data-project');
				assert.equal(await page.evaluate(() => location.hash), `#/projects/${id}`);
				assert.equal((await page.textContent('.hetu-project__name')).trim(), name);
				assert.equal(await page.getAttribute('.hetu-project-page', 'data-status'), 'planned');
				assert.ok(await page.locator('.hetu-milestone').count() > 0, 'milestones are made from the category');

				await page.click('[data-action="edit-footprint"]');
				await page.waitForSelector('#hetu-editor:not([hidden]) [data-action="draw"][data-shape="Polygon"]', {timeout: 20000});
				assert.equal(await page.locator('#hetu-editor [data-action="draw"]').count(), 3, 'a footprint may be a point, a line or an area');
				await page.click('#hetu-editor [data-action="draw"][data-shape="Polygon"]');
				await waitForMapIdle(page);
				const area = await openMapArea(page);
				const w = area.right - area.left;
				const h = area.bottom - area.top;
				const corners = [[0.3, 0.3], [0.7, 0.35], [0.55, 0.75]].map(([fx, fy]) => [area.left + w * fx, area.top + h * fy]);
				for (const [x, y] of [...corners, corners[0]]) {
					await page.mouse.click(x, y);
					await page.waitForTimeout(250);
				}
				await page.waitForSelector('.hetu-editor__shape[data-shape-state="ready"]');
				// A footprint in the countryside may enter basic farmland: then the editor is warned in the page and goes ahead with a reason.
				await page.click('[data-action="save-feature"]');
				const warning = page.locator('[data-conflict-dialog]');
				await Promise.race([warning.waitFor({timeout: 20000}), page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 20000})]);
				if (await warning.count()) {
					await page.fill('#hetu-conflict-reason', '已取得用地预审意见');
					await warning.locator('[data-action="proceed-save"]').click();
				}
				await page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 15000});
				await page.waitForFunction((n) => document.querySelector('.hetu-detail__name')?.textContent === n, name);
				const footprint = page.locator(`#hetu-map .leaflet-hetu-polygons-pane path[data-key="project/${id}"]`);
				await footprint.waitFor();
				assert.equal(await footprint.getAttribute('data-status'), 'planned');
				const stored = await apiGet(`/api/v1/projects/${id}`);
				assert.equal(stored.footprint.type, 'Polygon', 'the footprint is saved');

				await page.click('.hetu-detail [data-action="open-project"]');
				await page.waitForSelector(`.hetu-project-page[data-project="${id}"] .hetu-project__where-note[data-footprint="true"]`);
				assert.equal(await page.locator('.hetu-project-page .hetu-minimap path.leaflet-interactive, .hetu-project-page .hetu-minimap path').count() > 0, true, 'the small map shows the footprint');
				assert.deepEqual(await page.$$eval('[data-action="transition"]', (b) => b.map((x) => x.dataset.to)), ['approved', 'suspended']);
				await page.click('[data-action="transition"][data-to="approved"]');
				await page.fill('#hetu-transition-reason', '县发改委已批复立项');
				await page.click('[data-action="confirm-transition"]');
				await page.waitForSelector('.hetu-project-page[data-status="approved"]');
				await page.click('[data-action="transition"][data-to="under_construction"]');
				await page.click('[data-action="confirm-transition"]');
				assert.equal((await page.textContent('#hetu-transition-reason-error')).trim(), projectsZh['project.reasonRequired'], 'a reason is required');
				await page.fill('#hetu-transition-reason', '取得施工许可，正式开工');
				await page.click('[data-action="confirm-transition"]');
				await page.waitForSelector('.hetu-project-page[data-status="under_construction"]');
				assert.deepEqual(await page.$$eval('[data-action="transition"]', (b) => b.map((x) => x.dataset.to)), ['completed', 'suspended'],
					'only the statuses it may move to are offered');
				const timeline = await page.$$eval('.hetu-project__history .hetu-change', (items) => items.map((i) => ({to: i.dataset.to, text: i.textContent})));
				assert.deepEqual(timeline.map((c) => c.to), ['under_construction', 'approved', 'planned'], 'the timeline, newest first');
				assert.ok(timeline[0].text.includes('取得施工许可，正式开工') && timeline[0].text.includes('admin'), timeline[0].text);
				await page.locator('.hetu-project__history').scrollIntoViewIfNeeded();
				await screenshot(page, `${profile.name}-project-detail`);
				await assertNoSidewaysScroll(page, profile);

				await page.click('[data-action="show-on-map"]');
				await page.waitForSelector('#hetu-page', {state: 'hidden'});
				const built = page.locator(`#hetu-map .leaflet-hetu-polygons-pane path[data-key="project/${id}"][data-status="under_construction"]`);
				await built.waitFor({timeout: 15000});
				assert.equal((await built.getAttribute('stroke')).toUpperCase(), UNDER_CONSTRUCTION, 'drawn in the under-construction colour');
				const casing = page.locator(`#hetu-map .leaflet-hetu-overdue-pane path.hetu-overdue-casing[data-key="project/${id}"]`);
				await casing.waitFor({timeout: 10000});
				assert.equal((await casing.getAttribute('stroke')).toUpperCase(), '#C8102E', 'with overdue milestones, it is ringed in red');
				await waitForMapIdle(page);
				await screenshot(page, `${profile.name}-project-map`);

				await goToPage(page, profile, 'dashboard');
				const count = page.locator('.hetu-chart__legend li[data-status="under_construction"] .hetu-chart__count');
				await count.waitFor({timeout: 15000});
				assert.equal(Number(await count.getAttribute('data-count')), statusCount(before, 'under_construction') + 1, 'the dashboard counts it');
				assert.equal(await page.textContent('.hetu-kpi[data-kpi="projects"] .hetu-kpi__value'), String(before.projects + 1));
				assert.deepEqual(session.errors, []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await deleteProjectByCode(code);
			}
		});

		it('edits milestones and fields, links assets by search and on the map, derives the footprint and deletes the project', {timeout: 150000}, async () => {
			const suffix = uniqueSuffix(profile);
			const code = `E2E-XM-${suffix}`;
			const created = await apiSend('POST', '/api/v1/projects', {
				properties: {code, name: `测试项目-${suffix}`, department: 'water', category: 'water_conservancy', year: 2026,
					planned_start: '2026-01-01', planned_end: '2027-12-31', investment_planned: 800, status: 'planned'},
				footprint: null
			});
			assert.equal(created.status, 201, JSON.stringify(created.body));
			const id = created.body.summary.id;
			const sluice = (await apiGet(`/api/v1/search?q=${encodeURIComponent('朱楼闸')}&limit=5`)).find((r) => r.collection === 'sluice');
			const bridge = (await apiGet(`/api/v1/search?q=${encodeURIComponent('桥')}&limit=50`)).find((r) => r.collection === 'bridge' && r.bbox);
			assert.ok(sluice && bridge, 'the demo data hold a sluice and a bridge');
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#/projects/${id}`);
				await page.waitForSelector(`.hetu-project-page[data-project="${id}"]`);
				assert.equal(await page.getAttribute('.hetu-project__where-note', 'data-footprint'), 'false');

				const first = created.body.milestones[0];
				await page.click(`.hetu-milestone[data-milestone="${first.id}"] [data-action="edit-milestone"]`);
				await page.click('[data-action="done-today"]');
				await page.click('[data-action="save-milestone"]');
				await page.waitForSelector(`.hetu-milestone.is-done[data-milestone="${first.id}"]`);
				assert.ok((await apiGet(`/api/v1/projects/${id}`)).milestones[0].doneOn, 'the done date is saved');

				await page.fill('#hetu-link-search', '朱楼闸');
				await page.click(`.hetu-link-results__item[data-result="sluice/${sluice.id}"] [data-action="link-asset"]`);
				await page.waitForSelector(`.hetu-link-item[data-link="sluice/${sluice.id}"]`);

				await page.click('[data-action="pick-on-map"]');
				await page.waitForSelector('.hetu-map-hint[data-mode="picking"]');
				const [lon, lat] = bridge.bbox;
				await page.evaluate((hash) => {
					location.hash = hash;
				}, `#map=17/${lat}/${lon}`);
				await waitForMapIdle(page);
				const marker = page.locator(`.hetu-marker[data-key="bridge/${bridge.id}"]`);
				await marker.waitFor({timeout: 15000});
				await marker.click();
				await page.click('[data-action="confirm-pick"]');
				await page.waitForSelector(`.hetu-project-page[data-project="${id}"] .hetu-link-item[data-link="bridge/${bridge.id}"]`, {timeout: 15000});
				assert.equal(await page.evaluate(() => location.hash), `#/projects/${id}`, 'back on the project');

				await page.click('[data-action="derive-footprint"]');
				await page.waitForSelector('.hetu-project__where-note[data-footprint="true"]');
				assert.equal((await apiGet(`/api/v1/projects/${id}`)).footprint.type, 'MultiPoint', 'the footprint covers both assets');

				await page.click(`.hetu-link-item[data-link="bridge/${bridge.id}"] [data-action="unlink"]`);
				await page.click(`.hetu-link-item[data-link="bridge/${bridge.id}"] [data-action="confirm-unlink"]`);
				await page.waitForSelector(`.hetu-link-item[data-link="bridge/${bridge.id}"]`, {state: 'detached'});

				await page.click('[data-action="edit-fields"]');
				await page.fill('#hetu-project-edit-lead_unit', '县水利工程建设管理处');
				await page.click('[data-action="save-project"]');
				await page.waitForFunction(() => document.querySelector('.hetu-project__fields [data-field="lead_unit"] dd')?.textContent === '县水利工程建设管理处');
				await screenshot(page, `${profile.name}-project-links`);

				await page.click('[data-action="delete-project"]');
				await page.click('[data-action="confirm-delete-project"]');
				await page.waitForSelector('.hetu-project-row');
				assert.match(await page.evaluate(() => location.hash), /^#\/projects/);
				const gone = await apiSend('GET', `/api/v1/projects/${id}`);
				assert.equal(gone.status, 404, 'the project is deleted');
				assert.deepEqual(session.errors, []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await deleteProjectByCode(code);
			}
		});

		it('filters, sorts and pages the project list, and exports what it shows', {timeout: 120000}, async () => {
			const session = await newSession(browser, profile);
			const requests = [];
			session.page.on('request', (request) => {
				if (/\/api\/v1\/projects\?/.test(request.url())) {
					requests.push(new URL(request.url()));
				}
			});
			const page = await openMap(session, '#/projects');
			await page.waitForSelector('.hetu-project-row');
			await waitForList(page);
			const all = await apiGet('/api/v1/projects?size=1');
			assert.equal(Number(await page.getAttribute('[data-total]', 'data-total')), all.total);
			if (all.total > 20) {
				await page.click('[data-action="next-page"]');
				await page.waitForSelector('.hetu-pager__text[data-page="2"]');
				assert.match(await page.evaluate(() => location.hash), /page=2/);
				await waitForList(page);
			}
			await screenshot(page, `${profile.name}-projects`);
			await assertNoSidewaysScroll(page, profile);

			await page.click('.hetu-chip-toggle[data-status="under_construction"]');
			await page.waitForFunction(() => location.hash.includes('status=under_construction'));
			await waitForList(page);
			assert.doesNotMatch(await page.evaluate(() => location.hash), /page=/, 'a new filter starts on the first page');
			const building = await apiGet('/api/v1/projects?status=under_construction&size=1');
			assert.equal(Number(await page.getAttribute('[data-total]', 'data-total')), building.total);
			assert.ok((await listedRows(page)).every((r) => r.status === 'under_construction'));
			// Work under way says how its progress is measured, and is never a silent 0 %.
			const measures = await page.$$eval('.hetu-project-row .hetu-project-progress', (cells) => cells.map((c) => ({
				method: c.dataset.method, how: c.querySelector('.hetu-project-progress__how')?.textContent || '',
				pct: Number(c.querySelector('.hetu-progress')?.getAttribute('aria-valuenow') ?? NaN)
			})));
			assert.ok(measures.length > 0 && measures.every((m) => m.method && m.how && m.pct !== 0), JSON.stringify(measures));

			await page.check('#hetu-projects-overdue');
			await page.waitForFunction(() => location.hash.includes('overdue=true'));
			await waitForList(page);
			const late = await apiGet('/api/v1/projects?status=under_construction&overdue=true&size=50');
			const rows = await listedRows(page);
			assert.equal(rows.length, late.items.length);
			assert.ok(rows.every((r) => r.overdue), 'each overdue project carries the red badge');

			await page.selectOption('#hetu-projects-department', 'water');
			await page.waitForFunction(() => location.hash.includes('department=water'));
			await waitForList(page);
			const water = await apiGet('/api/v1/projects?status=under_construction&overdue=true&department=water&size=50');
			assert.deepEqual((await listedRows(page)).map((r) => r.code), water.items.map((p) => p.code));

			// Column heads sort on a wide screen; a phone, whose rows are cards, has a sort menu.
			if (profile.isMobile) {
				await page.selectOption('#hetu-projects-sort', 'progress');
			} else {
				await page.click('.hetu-sort[data-sort="progress"]');
			}
			await page.waitForFunction(() => location.hash.includes('sort=progress'));
			await waitForList(page);
			assert.equal(await page.getAttribute('th:has([data-sort="progress"])', 'aria-sort'), 'ascending');
			if (profile.isMobile) {
				await page.selectOption('#hetu-projects-sort', '-progress');
			} else {
				await page.click('.hetu-sort[data-sort="progress"]');
			}
			await page.waitForFunction(() => location.hash.includes('sort=-progress'));
			await waitForList(page);
			const progress = (await listedRows(page)).map((r) => r.progress);
			assert.deepEqual(progress, [...progress].sort((a, b) => b - a), `sorted by progress, highest first: ${progress}`);

			const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-csv"]')]);
			assert.equal(download.suggestedFilename(), `${projectsZh['projects.fileName']}.csv`);
			const csv = await readFile(await download.path(), 'utf8');
			assert.ok(csv.includes('编号') && csv.includes('项目名称'), 'with the column names');
			for (const project of water.items) {
				assert.ok(csv.includes(project.code), `the export holds ${project.code}`);
			}
			const exported = requests.length;
			const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-xlsx"]')]);
			assert.equal(xlsx.suggestedFilename(), `${projectsZh['projects.fileName']}.xlsx`);
			assert.equal(requests.length, exported, 'exporting does not reload the list');

			await page.click('[data-action="clear-filters"]');
			await page.waitForFunction(() => !location.hash.includes('status='));
			await waitForList(page);
			assert.equal(Number(await page.getAttribute('[data-total]', 'data-total')), all.total);
			await page.check('#hetu-projects-in-view');
			await page.waitForFunction(() => location.hash.includes('inView=true'));
			await waitForList(page);
			assert.ok(requests.at(-1).searchParams.get('bbox'), 'the map’s view goes with the request');
			assert.ok(Number(await page.getAttribute('[data-total]', 'data-total')) <= all.total);
			await page.uncheck('#hetu-projects-in-view');
			await waitForList(page);

			const first = (await listedRows(page))[0];
			await page.click(`.hetu-project-row[data-project="${first.id}"] td:nth-child(3)`);
			await page.waitForSelector(`.hetu-project-page[data-project="${first.id}"]`);
			assert.equal(await page.evaluate(() => location.hash), `#/projects/${first.id}`);
			await page.goBack();
			await page.waitForSelector('.hetu-project-row');

			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'en');
			assert.equal((await page.textContent('.hetu-page__title')).trim(), projectsEn['projects.title']);
			const chrome = await page.$$eval('.hetu-page th, .hetu-page label, .hetu-page button, .hetu-results__summary', (els) => els.map((e) => e.textContent));
			for (const text of chrome) {
				assert.ok(!HAN.test(text), `in English: ${text}`);
			}
			await screenshot(page, `${profile.name}-projects-en`);
			assert.deepEqual(session.errors, []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('opens the map view of a dashboard tile, narrowed to what the tile counts', {timeout: 90000}, async () => {
			const overview = await apiGet('/api/v1/stats/overview');
			const tile = overview.tiles.find((t) => t.mapView === '#/layer/ditch?treated=true');
			assert.ok(tile, 'the year\'s plan has the treated ditches on the dashboard');
			const session = await newSession(browser, profile);
			const requests = [];
			session.page.on('request', (request) => {
				if (/\/ogc\/collections\/ditch\/items|\/api\/v1\/stats\/counts\/ditch/.test(request.url())) {
					requests.push(new URL(request.url()));
				}
			});
			const page = await openMap(session, '#/dashboard');
			const link = page.locator(`.hetu-tile[data-tile="${tile.key}"]`);
			await link.waitFor({timeout: 15000});
			assert.equal(await page.locator('.hetu-tile').count(), overview.tiles.length);
			assert.ok((await link.textContent()).includes(tile.titleZh));
			await screenshot(page, `${profile.name}-dashboard`);
			await assertNoSidewaysScroll(page, profile);
			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'en');
			await page.waitForSelector('.hetu-chart__legend');
			const text = await page.$eval('#hetu-page', (e) => e.innerText);
			assert.ok(!HAN.test(text), `no Chinese left on the English dashboard: ${text.match(/.*[\u3400-\u9FFF].*/g)}`);
			await screenshot(page, `${profile.name}-dashboard-en`);
			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

			await page.click(`.hetu-tile[data-tile="${tile.key}"]`);
			await page.waitForFunction((view) => location.hash.startsWith(view), tile.mapView);
			await page.waitForSelector('.hetu-layer-view:not([hidden])');
			await waitForIdle(page);
			const count = page.locator('.hetu-layer-view__count');
			await count.waitFor();
			assert.equal(Number(await count.getAttribute('data-count')), tile.value, 'every treated ditch, and only those');
			assert.ok(requests.some((url) => url.searchParams.get('treated') === 'true'), 'the filter goes to the server');
			// The legend counts the narrowed set too: its status chips add up to the total (#/layer/ditch?treated=true once said 544 of 135).
			await page.waitForFunction((n) => [...document.querySelectorAll('.hetu-status__count')]
				.reduce((sum, c) => sum + Number(c.textContent || 0), 0) === n, tile.value, {timeout: 10000});
			assert.equal(Number(await page.textContent('.hetu-total__count')), tile.value, 'the legend total is the narrowed total');
			assert.match(await page.locator('.hetu-layer[data-layer="sluice"]').getAttribute('class'), /is-off/, 'other layers step aside');
			assert.doesNotMatch(await page.locator('.hetu-layer[data-layer="ditch"]').getAttribute('class'), /is-off/);
			await page.waitForFunction(() => /^#\/layer\/ditch\?treated=true&map=/.test(location.hash), null, {timeout: 5000});
			await screenshot(page, `${profile.name}-layer-view`);

			await page.click('[data-action="clear-layer-view"]');
			await page.waitForSelector('.hetu-layer-view', {state: 'hidden'});
			await waitForIdle(page);
			assert.doesNotMatch(await page.locator('.hetu-layer[data-layer="sluice"]').getAttribute('class'), /is-off/, 'all layers are back');
			assert.match(await page.evaluate(() => location.hash), /^#map=/);
			assert.deepEqual(session.errors, []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});
	});
}
