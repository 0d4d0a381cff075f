/*
 * The river chief pages in the browser: a patrol walked on a phone along 包河 with GPS, an issue
 * with a photo reported on the way, the signal lost and found again, and the queue drained to the
 * server exactly once; the office following an issue up to closed on a desktop; the monthly
 * bulletin against the API's figures, printed to A4; the map of who is responsible.
 */
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {mkdirSync, writeFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {deflateSync, crc32} from 'node:zlib';
import {BASE_URL, PROFILES, RESULTS_DIR, apiGet, apiSend, launchBrowser, newSession, openMap, openUserMenu, screenshot, unexpectedErrors} from './browser.js';

const MONTH = '2026-10';

/** A small PNG made here (a blue and green gradient), so that the test needs no image file. */
function pngBuffer(width = 64, height = 48) {
	const chunk = (type, data) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	const rows = [];
	for (let y = 0; y < height; y++) {
		const row = Buffer.alloc(1 + width * 3);
		for (let x = 0; x < width; x++) {
			row.set([20, Math.round((200 * x) / width), Math.round((255 * y) / height)], 1 + x * 3);
		}
		rows.push(row);
	}
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Points every `stepM` metres along a line of [lon, lat] positions, for at most `totalM` metres. */
function walkAlong(coordinates, stepM, totalM) {
	const metres = (a, b) => {
		const rad = Math.PI / 180;
		const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
		const y = (b[1] - a[1]) * rad;
		return Math.hypot(x, y) * 6371008.8;
	};
	const points = [coordinates[0]];
	let walked = 0;
	let carried = 0;
	for (let i = 1; i < coordinates.length && walked < totalM; i++) {
		const [a, b] = [coordinates[i - 1], coordinates[i]];
		const length = metres(a, b);
		let at = stepM - carried;
		while (at <= length && walked + stepM <= totalM) {
			const f = at / length;
			points.push([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]);
			walked += stepM;
			at += stepM;
		}
		carried = length - (at - stepM);
	}
	return points;
}

/** The 包河 county segment the test walks, and the chief in charge of it. */
async function baoheSegment() {
	const segments = await apiGet(`/ogc/collections/river_segment/items?river=${encodeURIComponent('包河')}&limit=100`);
	const segment = segments.features.filter((f) => f.geometry?.type === 'LineString')
		.sort((a, b) => b.properties.length_m - a.properties.length_m)[0];
	assert.ok(segment, 'the demo county has a 包河 segment');
	const chiefs = await apiGet('/api/v1/chiefs');
	const chief = chiefs.find((c) => c.assignments.some((a) => a.collection === 'river_segment' && a.assetId === Number(segment.id)));
	assert.ok(chief, `a chief is in charge of 包河 segment ${segment.id}`);
	return {segment, chief};
}

/** Console errors other than failures while offline. */
function realErrors(errors) {
	return unexpectedErrors(errors, [401]).filter((text) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text));
}

async function setPosition(context, [longitude, latitude], accuracy = 8) {
	await context.setGeolocation({longitude, latitude, accuracy});
}

describe('river chief pages', () => {
	let browser;

	before(async () => {
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
	});

	it('walks a patrol along 包河 on a phone, reports an issue with a photo, loses the signal and uploads everything exactly once', {timeout: 240000}, async () => {
		const {segment, chief} = await baoheSegment();
		const walk = walkAlong(segment.geometry.coordinates, 25, 900);
		assert.ok(walk.length >= 20, `enough of 包河 to walk (${walk.length} points)`);
		const session = await newSession(browser, PROFILES.phone);
		const {context} = session;
		await context.grantPermissions(['geolocation']);
		await setPosition(context, walk[0]);
		const page = await openMap(session, '#/patrol');
		await page.waitForSelector('#app[data-page="patrol"] .hetu-river-patrol');
		await page.waitForSelector('[data-role="chief-select"]');
		await page.selectOption('[data-role="chief-select"]', String(chief.id));
		await page.waitForSelector('[data-action="start-patrol"]:not([disabled])');
		await page.waitForFunction(() => document.querySelector('.hetu-river-patrol').dataset.gps === 'ok');
		await page.click('[data-action="start-patrol"]');
		await page.waitForSelector('.hetu-river-patrol.is-walking');

		const half = Math.floor(walk.length / 2);
		for (const point of walk.slice(1, half)) {
			await setPosition(context, point);
			await page.waitForTimeout(600);
		}
		// A fix worse than 50 m is shown but not recorded.
		await setPosition(context, walk[half - 1], 120);
		await page.waitForFunction(() => document.querySelector('.hetu-river-patrol').dataset.gps === 'poor');
		await setPosition(context, walk[half - 1]);
		const distanceHalf = await page.textContent('[data-role="distance"]');
		assert.match(distanceHalf, /m$/);

		// A reload in the middle of the patrol loses nothing: the track comes back from IndexedDB and recording goes on.
		await page.reload();
		await page.waitForSelector('.hetu-river-patrol.is-walking', {timeout: 30000});
		assert.equal(await page.textContent('[data-role="distance"]'), distanceHalf);

		const description = `河堤旁堆放建筑垃圾 ${randomUUID().slice(0, 8)}`;
		await page.click('[data-action="report-issue"]');
		await page.waitForSelector('.hetu-river-issue-form:not([hidden])');
		await page.click('.hetu-river-chip:has-text("乱堆")');
		await page.fill('#hetu-river-issue-description', description);
		await page.setInputFiles('#hetu-river-issue-photos', {name: 'site.png', mimeType: 'image/png', buffer: pngBuffer()});
		await page.waitForSelector('.hetu-river-preview img');
		await screenshot(page, 'river-phone-issue-form');
		await page.click('[data-action="issue-submit"]');
		await page.waitForSelector('.hetu-river-issue-form', {state: 'hidden'});
		// Issue and photo wait for the patrol they belong to.
		await page.waitForSelector('.hetu-river-badge[data-count="2"]');

		await context.setOffline(true);
		for (const point of walk.slice(half)) {
			await setPosition(context, point);
			await page.waitForTimeout(600);
		}
		await page.click('[data-action="end-patrol"]');
		await page.waitForSelector('.hetu-river-patrol:not(.is-walking)');
		await page.waitForSelector('.hetu-river-badge[data-count="3"]');
		await page.click('[data-action="queue"]');
		await page.waitForSelector('[data-role="queue-list"]:not([hidden]) [data-kind="patrol"]');
		await screenshot(page, 'river-phone-offline-queue');

		await context.setOffline(false);
		await page.waitForSelector('.hetu-river-badge[data-count="0"]', {timeout: 60000});
		await page.waitForSelector('[data-role="queue-list"] [data-state="sent"][data-kind="issue"]');
		await screenshot(page, 'river-phone-uploaded');

		const issues = (await apiGet('/api/v1/issues')).filter((issue) => issue.description === description);
		assert.equal(issues.length, 1, 'the issue exists exactly once');
		const issue = await apiGet(`/api/v1/issues/${issues[0].id}`);
		assert.equal(issue.category, 'dumping');
		assert.ok(issue.patrolId, 'the issue belongs to the patrol');
		assert.equal(issue.photos?.length, 1, 'the issue has its one photo');
		assert.equal(issue.photos[0].kind, 'before');
		const patrol = await apiGet(`/api/v1/patrols/${issue.patrolId}`);
		assert.equal(patrol.chiefId, chief.id);
		assert.equal(patrol.source, 'gps');
		assert.ok(patrol.distanceM > 500, `the patrol is as long as the walk (${patrol.distanceM} m)`);
		assert.ok(patrol.coverage.some((c) => c.collection === 'river_segment' && c.assetId === Number(segment.id)),
			`the patrol covered 包河 segment ${segment.id}: ${JSON.stringify(patrol.coverage)}`);
		// Sending the same patrol again (a retry after a lost answer) creates nothing new.
		const again = await apiSend('POST', '/api/v1/patrols', {id: patrol.id, chiefId: chief.id, startedAt: patrol.startedAt, endedAt: patrol.endedAt,
			track: {type: 'LineString', coordinates: walk.slice(0, 2)}, source: 'gps'});
		assert.equal(again.status, 200);
		assert.deepEqual(realErrors(session.errors), []);
		assert.deepEqual(session.blocked, []);
		await context.close();
	});

	it('lets a chief without GPS draw the route by tapping the map, on their own segments', {timeout: 180000}, async () => {
		const chiefs = await apiGet('/api/v1/chiefs');
		const chief = chiefs.find((c) => c.level === 'town' && c.accountId === undefined);
		const credentials = {username: `chief-${Date.now().toString(36)}`, password: `Hetu-${randomUUID()}`};
		const account = await apiSend('POST', '/api/v1/accounts', {username: credentials.username, displayName: chief.name, roles: ['river_chief'], password: credentials.password});
		assert.equal(account.status, 201, JSON.stringify(account.body));
		const accountId = (account.body.account || account.body).id;
		let linked = await apiSend('PATCH', `/api/v1/chiefs/${chief.id}`, {accountId, version: chief.version});
		assert.equal(linked.status, 200, JSON.stringify(linked.body));
		try {
			const session = await newSession(browser, PROFILES.phone);
			const page = await openMap(session, '#/patrol', credentials);
			await page.waitForSelector('.hetu-river-patrol[data-gps="denied"]');
			assert.match(await page.textContent('[data-role="chief"]'), new RegExp(chief.name));
			// The chief's own segments are drawn under the track.
			await page.waitForFunction(() => document.querySelectorAll('.leaflet-hetu-river-segments-pane path').length > 0);
			await page.click('[data-action="start-patrol"]');
			await page.waitForSelector('.hetu-river-patrol[data-source="drawn"]');
			const box = await page.locator('.hetu-river-patrol__map').boundingBox();
			for (const [x, y] of [[0.3, 0.6], [0.45, 0.5], [0.6, 0.4], [0.7, 0.35]]) {
				await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
				await page.waitForTimeout(200);
			}
			assert.match(await page.textContent('[data-role="accuracy"]'), /4/);
			await page.click('[data-action="undo-point"]');
			assert.match(await page.textContent('[data-role="accuracy"]'), /3/);
			await screenshot(page, 'river-phone-drawn-route');
			const [upload] = await Promise.all([
				page.waitForRequest((request) => request.url().endsWith('/api/v1/patrols') && request.method() === 'POST'),
				page.click('[data-action="end-patrol"]')
			]);
			const sent = JSON.parse(upload.postData());
			await page.waitForSelector('.hetu-river-badge[data-count="0"]', {timeout: 30000});
			const patrol = await apiGet(`/api/v1/patrols/${sent.id}`);
			assert.equal(patrol.chiefId, chief.id);
			assert.equal(patrol.source, 'drawn');
			assert.equal(sent.track.coordinates.length, 3);
			assert.deepEqual(realErrors(session.errors), []);
			await session.context.close();
		} finally {
			linked = await apiGet(`/api/v1/chiefs`).then((list) => list.find((c) => c.id === chief.id));
			await apiSend('PATCH', `/api/v1/chiefs/${chief.id}`, {accountId: null, version: linked.version});
			await apiSend('DELETE', `/api/v1/accounts/${accountId}`);
		}
	});

	it('lets the office follow an issue from reported to closed on a desktop, showing a 409 clearly', {timeout: 180000}, async () => {
		const {segment} = await baoheSegment();
		const [lon, lat] = segment.geometry.coordinates[1];
		const id = randomUUID();
		const created = await apiSend('POST', '/api/v1/issues', {id, lon, lat, category: 'occupation', description: `占用河道堆放杂物 ${id.slice(0, 8)}`});
		assert.equal(created.status, 201, JSON.stringify(created.body));
		const session = await newSession(browser, PROFILES.desktop);
		const page = await openMap(session, `#/issues?issue=${id}`);
		const detail = '[data-role="issue-detail"]';
		await page.waitForSelector(`${detail}[data-status="reported"]`);
		await page.waitForSelector(`.hetu-river-issue[data-id="${id}"]`);

		await page.click('[data-action="issue-assign"]');
		await page.click('[data-action="issue-confirm"]');
		await page.waitForSelector('[data-role="problem"]:not([hidden])');
		await page.fill('.hetu-river-step input[name="assignee"]', '东临溪镇水利站');
		await page.fill('.hetu-river-step input[name="deadline"]', '2027-01-15');
		await page.fill('.hetu-river-step textarea[name="note"]', '请一周内清理');
		await page.click('[data-action="issue-confirm"]');
		await page.waitForSelector(`${detail}[data-status="assigned"]`);
		assert.equal(await page.textContent(`${detail} [data-role="assignee"]`), '东临溪镇水利站');

		// Someone else moves the issue on behind the page's back: the page says so and shows the issue as it is now.
		const current = await apiGet(`/api/v1/issues/${id}`);
		const moved = await apiSend('POST', `/api/v1/issues/${id}/transitions`, {to: 'rectifying', note: '已安排人员', version: current.version});
		assert.equal(moved.status, 200, JSON.stringify(moved.body));
		await page.click('[data-action="issue-startRectifying"]');
		await page.click('[data-action="issue-confirm"]');
		await page.waitForSelector('[data-role="problem"]:not([hidden])');
		assert.match(await page.textContent('[data-role="problem"]'), /他人/);
		await page.waitForSelector(`${detail}[data-status="rectifying"]`);

		await page.click('[data-action="issue-rectified"]');
		await page.click('[data-action="issue-confirm"]');
		assert.match(await page.textContent('[data-role="problem"]'), /照片/);
		await page.setInputFiles('.hetu-river-step input[name="after"]', {name: 'after.png', mimeType: 'image/png', buffer: pngBuffer(80, 60)});
		await page.click('[data-action="issue-confirm"]');
		await page.waitForSelector(`${detail}[data-status="rectified"]`);
		await page.waitForSelector(`${detail} .hetu-river-photo[data-kind="after"] img`);

		await page.click('[data-action="issue-close"]');
		await page.fill('.hetu-river-step textarea[name="note"]', '现场复核已清理');
		await page.click('[data-action="issue-confirm"]');
		await page.waitForSelector(`${detail}[data-status="closed"]`);
		const events = await page.$$eval(`${detail} .hetu-river-event`, (items) => items.map((li) => li.dataset.to));
		assert.deepEqual(events, ['reported', 'assigned', 'rectifying', 'rectified', 'closed']);
		await screenshot(page, 'river-desktop-issue-closed');
		const closed = await apiGet(`/api/v1/issues/${id}`);
		assert.equal(closed.status, 'closed');
		assert.deepEqual(realErrors(session.errors).filter((text) => !text.includes('status of 409')), []);
		await session.context.close();
	});

	it('shows the monthly bulletin with the API’s figures and prints it to A4', {timeout: 120000}, async () => {
		const bulletin = await apiGet(`/api/v1/bulletins/${MONTH}`);
		const session = await newSession(browser, PROFILES.desktop);
		const page = await openMap(session);
		await openUserMenu(page);
		const riverPages = await page.$$eval('#hetu-user-menu .hetu-menu__item[data-page]', (items) => items.map((item) => item.dataset.page));
		for (const name of ['patrol', 'issues', 'bulletin', 'chiefs']) {
			assert.ok(riverPages.includes(name), `the account menu links to ${name}`);
		}
		await page.click('#hetu-user-menu .hetu-menu__item[data-page="bulletin"]');
		await page.waitForSelector('#app[data-page="bulletin"]');
		await page.goto(`${BASE_URL}/#/bulletin?month=${MONTH}`);
		await page.waitForSelector(`.hetu-river-bulletin[data-month="${MONTH}"][data-ready="true"]`);
		assert.match(await page.textContent('[data-role="title"]'), /2026年10月/);
		const required = bulletin.chiefs.reduce((sum, c) => sum + c.required, 0);
		const done = bulletin.chiefs.reduce((sum, c) => sum + c.done, 0);
		assert.equal(Number(await page.textContent('[data-role="total-required"]')), required);
		assert.equal(Number(await page.textContent('[data-role="total-done"]')), done);
		assert.equal(Number(await page.textContent('[data-role="total-overdue"]')), bulletin.overdueIssues);
		for (const town of bulletin.towns) {
			const row = page.locator(`[data-role="towns"] tr[data-town="${town.town}"]`);
			assert.equal(Number(await row.locator('[data-role="done"]').textContent()), town.done, town.town);
			assert.equal(await row.locator('[data-role="compliance"]').textContent(), `${town.compliancePct.toFixed(1)}%`, town.town);
		}
		for (const line of bulletin.issues) {
			const row = page.locator(`[data-role="categories"] tr[data-category="${line.category}"]`);
			assert.equal(Number(await row.locator('[data-role="found"]').textContent()), line.found, line.category);
			assert.equal(Number(await row.locator('[data-role="closed"]').textContent()), line.closed, line.category);
		}
		assert.equal(Number(await page.textContent('[data-role="total-escalated"]')), bulletin.escalated);
		assert.equal(await page.locator('[data-role="chiefs"] tbody tr').count(), bulletin.chiefs.length);
		for (const line of bulletin.chiefs) {
			const row = page.locator(`[data-role="chiefs"] tr[data-chief="${line.chiefId}"]`);
			assert.deepEqual(await row.locator('[data-role="found"], [data-role="closed"], [data-role="overdue"]').allTextContents(),
				[line.issuesFound, line.issuesClosed, line.issuesOverdue].map(String), line.name);
		}
		const ranked = await page.$$eval('[data-role="ranking"] tbody tr', (rows) => rows.map((row) => Number(row.dataset.chief)));
		assert.deepEqual(ranked, bulletin.ranking.map((line) => line.chiefId));
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="bulletin-csv"]')]);
		assert.match(download.suggestedFilename(), /\.csv$/);
		await page.waitForTimeout(800);
		await screenshot(page, 'river-desktop-bulletin');
		const pdf = await page.pdf({format: 'A4', printBackground: true});
		mkdirSync(RESULTS_DIR, {recursive: true});
		writeFileSync(`${RESULTS_DIR}river-bulletin.pdf`, pdf);
		assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || [];
		assert.ok(pages.length >= 1, `the PDF has pages (${pages.length})`);
		// What the PDF holds, as a picture to look at: the print layout at A4's width (210 mm less the margins).
		await page.emulateMedia({media: 'print'});
		await page.setViewportSize({width: 680, height: 962});
		await page.waitForTimeout(500);
		await page.screenshot({path: `${RESULTS_DIR}river-bulletin-print.png`, fullPage: true});
		assert.deepEqual(realErrors(session.errors), []);
		await session.context.close();
	});

	it('refits the bulletin map to each month and marks the month under way as figures to date', {timeout: 120000}, async () => {
		const session = await newSession(browser, PROFILES.desktop);
		const page = await openMap(session);
		/** Every issue mark of the month lies within the map's frame, none off screen. */
		const marksInView = () => page.evaluate(() => {
			const map = document.querySelector('.hetu-river-bulletin__map .hetu-river-map').getBoundingClientRect();
			const marks = [...document.querySelectorAll('.hetu-river-bulletin__map .leaflet-hetu-river-points-pane path')];
			return {count: marks.length, outside: marks.filter((mark) => {
				const r = mark.getBoundingClientRect();
				const x = r.left + r.width / 2;
				const y = r.top + r.height / 2;
				return x < map.left || x > map.right || y < map.top || y > map.bottom;
			}).length};
		});
		await page.goto(`${BASE_URL}/#/bulletin?month=${MONTH}`);
		await page.waitForSelector(`.hetu-river-bulletin[data-month="${MONTH}"][data-ready="true"]`);
		await page.waitForTimeout(300);
		const october = await marksInView();
		assert.ok(october.count > 0, 'October has issues on the map');
		assert.equal(october.outside, 0, 'all of October\'s issues are in view');
		assert.equal(await page.locator('[data-role="to-date"]').count(), 0, 'a month over is not "to date"');
		await page.click('[data-action="previous-month"]');
		await page.waitForSelector('.hetu-river-bulletin[data-month="2026-09"][data-ready="true"]');
		await page.waitForTimeout(300);
		const september = await marksInView();
		assert.ok(september.count > 0, 'September has issues on the map');
		assert.equal(september.outside, 0, 'the map refitted to September\'s issues');

		// November has no issue: the map shows the whole county rather than staying on September's issues.
		assert.equal((await apiGet('/api/v1/issues?month=2026-11')).length, 0);
		await page.goto(`${BASE_URL}/#/bulletin?month=2026-11`);
		await page.waitForSelector('.hetu-river-bulletin[data-month="2026-11"][data-ready="true"]');
		await page.waitForTimeout(300);
		const countyInView = await page.evaluate(() => {
			const map = document.querySelector('.hetu-river-bulletin__map .hetu-river-map').getBoundingClientRect();
			const county = document.querySelector('.hetu-river-bulletin__map .leaflet-hetu-boundary-pane path').getBoundingClientRect();
			return county.left >= map.left - 2 && county.right <= map.right + 2 && county.top >= map.top - 2 && county.bottom <= map.bottom + 2;
		});
		assert.equal(countyInView, true, 'a month without issues shows the whole county');

		const local = new Date(Date.now() + 8 * 3600 * 1000);
		const current = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
		const bulletin = await apiGet(`/api/v1/bulletins/${current}`);
		assert.equal(bulletin.complete, false);
		await page.goto(`${BASE_URL}/#/bulletin?month=${current}`);
		await page.waitForSelector(`.hetu-river-bulletin[data-month="${current}"][data-ready="true"]`);
		assert.match(await page.textContent('[data-role="to-date"]'), /本月尚未结束.*截至/);
		assert.equal(await page.isDisabled('[data-action="next-month"]'), true, 'no bulletin for a month not begun');
		const ranked = await page.$$eval('[data-role="ranking"] tbody tr', (rows) => rows.map((row) => Number(row.dataset.chief)));
		assert.deepEqual(ranked, bulletin.ranking.map((line) => line.chiefId), 'only chiefs with periods over are ranked');
		if (!bulletin.ranking.length) {
			await page.waitForSelector('[data-role="ranking-empty"]');
		}
		assert.equal((await marksInView()).outside, 0);
		await screenshot(page, 'river-desktop-bulletin-to-date');
		assert.deepEqual(realErrors(session.errors), []);
		await session.context.close();
	});

	it('maps who is responsible, with the unassigned segments listed', {timeout: 120000}, async () => {
		// The demo county has a chief for everything: take one ditch from its village chief for the test, and give it back after.
		const chiefs = await apiGet('/api/v1/chiefs');
		const chief = chiefs.find((c) => c.level === 'village' && c.assignments.some((a) => a.collection === 'ditch'));
		const ditch = chief.assignments.find((a) => a.collection === 'ditch');
		const keep = (list) => list.map(({collection, assetId}) => ({collection, assetId}));
		const taken = await apiSend('PUT', `/api/v1/chiefs/${chief.id}/assignments`, keep(chief.assignments.filter((a) => a !== ditch)));
		assert.equal(taken.status, 200, JSON.stringify(taken.body));
		try {
			const {status, body: responsibility} = await apiSend('GET', '/api/v1/chiefs/responsibility');
			assert.equal(status, 200);
			const unassigned = responsibility.features.filter((f) => f.properties.unassigned);
			assert.ok(unassigned.some((f) => f.properties.collection === 'ditch' && f.properties.id === ditch.assetId));
			const session = await newSession(browser, PROFILES.phone);
			const page = await openMap(session, '#/chiefs');
			await page.waitForSelector('.hetu-river-chiefs[data-ready="true"]');
			assert.equal(await page.locator('.hetu-river-unassigned__item').count(), unassigned.length);
			await page.click(`.hetu-river-unassigned__item[data-collection="ditch"][data-id="${ditch.assetId}"]`);
			await page.waitForSelector('[data-role="segment-popup"] .hetu-river-warning');
			await page.waitForTimeout(600);
			await screenshot(page, 'river-phone-chiefs');
			assert.deepEqual(realErrors(session.errors), []);
			await session.context.close();
		} finally {
			await apiSend('PUT', `/api/v1/chiefs/${chief.id}/assignments`, keep(chief.assignments));
		}
	});
});
