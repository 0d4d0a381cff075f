/*
 * The browser tests of editing on the map (OGC API - Features Part 4 behind the editor), run
 * once per screen profile by the *.test.js files. Every feature a test makes is made through
 * the API or the page and deleted through the API afterwards.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {zh} from '../../src/i18n/zh.js';
import {apiGet, apiSend, launchBrowser, newSession, openMap, openMapArea, screenshot, uniqueSuffix, waitForMapIdle} from './browser.js';

/** A place in the middle of the demo county, away from its edges. */
const SPOT = [116.3, 33.25];

async function createSluice(profile, properties = {}) {
	const suffix = uniqueSuffix(profile);
	const {status, body} = await apiSend('POST', '/ogc/collections/sluice/items', {
		type: 'Feature',
		geometry: {type: 'Point', coordinates: SPOT},
		properties: {code: `E2E-SZ-${suffix}`, name: `测试编辑闸-${suffix}`, department: 'water', scale: 'small', gate_count: 2, ...properties}
	}, {contentType: 'application/geo+json'});
	assert.equal(status, 201, JSON.stringify(body));
	return body;
}

async function deleteFeature(collection, id) {
	if (id !== undefined && id !== null) {
		await apiSend('DELETE', `/ogc/collections/${collection}/items/${id}`);
	}
}

async function openEditor(page, id) {
	await page.waitForFunction(() => document.querySelector('.hetu-detail__name'));
	await page.click('.hetu-detail [data-action="edit-feature"]');
	await page.waitForSelector('#hetu-editor:not([hidden]) .hetu-editor__form', {timeout: 20000});
	await page.waitForSelector(`.hetu-edit-marker .hetu-marker[data-key="sluice/${id}"]`);
	await waitForMapIdle(page);
}

export function editSuite(profile) {
	describe(`editing on the map on ${profile.name} (${profile.viewport.width}×${profile.viewport.height})`, () => {
		let browser;

		before(async () => {
			browser = await launchBrowser();
		});

		after(async () => {
			await browser?.close();
		});

		it('changes a sluice’s attribute and moves it, and the map shows the new state at once', {timeout: 90000}, async () => {
			const created = await createSluice(profile);
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#/sluice/${created.id}?map=17/${SPOT[1]}/${SPOT[0]}`);
				await openEditor(page, created.id);
				assert.equal(await page.inputValue('#hetu-edit-gate_count'), '2');
				assert.equal((await page.textContent('label[for="hetu-edit-scale"]')).includes(zh['field.scale']), true, 'fields carry Chinese labels');
				assert.equal(await page.locator('#hetu-edit-scale option[value="small"]').textContent(), zh['enum.sluice_scale.small'], 'enumerations are selects with their labels');
				await page.fill('#hetu-edit-gate_count', '7');
				await page.selectOption('#hetu-edit-safety_class', '3');
				await screenshot(page, `${profile.name}-edit-form`);

				const marker = page.locator(`.hetu-edit-marker .hetu-marker[data-key="sluice/${created.id}"]`);
				const start = await marker.boundingBox();
				const from = {x: start.x + start.width / 2, y: start.y + start.height / 2};
				await page.mouse.move(from.x, from.y);
				await page.mouse.down();
				for (let i = 1; i <= 8; i++) {
					await page.mouse.move(from.x + i * 8, from.y - i * 4);
				}
				await page.mouse.up();
				await page.waitForTimeout(300);
				await page.click('[data-action="save-feature"]');
				await page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 15000});
				await page.waitForFunction(() => document.querySelector('.hetu-attr[data-field="gate_count"] dd')?.textContent === '7 孔');
				assert.equal((await page.textContent('.hetu-attr[data-field="safety_class"] dd')).trim(), zh['enum.safety_class.3']);

				const shown = page.locator(`#hetu-map .hetu-marker[data-key="sluice/${created.id}"]`);
				await shown.waitFor();
				const end = await shown.boundingBox();
				const moved = {x: end.x + end.width / 2 - from.x, y: end.y + end.height / 2 - from.y};
				assert.ok(Math.abs(moved.x - 64) < 12 && Math.abs(moved.y + 32) < 12, `the marker stays where it was dropped (${moved.x}, ${moved.y})`);
				assert.ok(await page.locator(`.hetu-marker[data-key="sluice/${created.id}"] text`).textContent() === '3', 'the symbol shows the new safety class');

				const saved = await apiGet(`/ogc/collections/sluice/items/${created.id}`);
				assert.equal(saved.properties.gate_count, 7);
				assert.equal(saved.properties.safety_class, 3);
				assert.equal(saved.properties.version, 1, 'one save, one new version');
				assert.ok(saved.geometry.coordinates[0] > SPOT[0] && saved.geometry.coordinates[1] > SPOT[1], `moved north-east: ${saved.geometry.coordinates}`);
				await screenshot(page, `${profile.name}-edit-saved`);

				await page.click('.hetu-detail [data-action="edit-feature"]');
				await page.click('#hetu-editor [data-action="delete-feature"]');
				await page.click('#hetu-editor [data-action="confirm-delete"]');
				await page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 15000});
				await page.waitForSelector(`#hetu-map .hetu-marker[data-key="sluice/${created.id}"]`, {state: 'detached'});
				assert.equal(await page.locator('.hetu-detail').isHidden(), true, 'the details close with it');
				assert.equal((await apiSend('GET', `/ogc/collections/sluice/items/${created.id}`)).status, 404, 'deleted on the server');
				assert.deepEqual(session.errors, []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await deleteFeature('sluice', created.id);
			}
		});

		it('refuses a wrong value naming the field in Chinese, with the cursor on it', {timeout: 90000}, async () => {
			const created = await createSluice(profile);
			const other = await createSluice(profile);
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#/sluice/${created.id}?map=17/${SPOT[1]}/${SPOT[0]}`);
				await openEditor(page, created.id);
				assert.equal(await page.getAttribute('#hetu-edit-gate_count', 'min'), '1', 'the form knows the database\'s bound');
				await page.fill('#hetu-edit-gate_count', '-3');
				await page.click('[data-action="save-feature"]');
				await page.waitForSelector('#hetu-edit-gate_count[aria-invalid="true"]');
				assert.equal(await page.textContent('#hetu-edit-gate_count-error'), zh['edit.rule.too_small_exclusive'].replace('{limit}', '0'));
				assert.equal(await page.evaluate(() => document.activeElement?.id), 'hetu-edit-gate_count', 'the cursor is on the field');

				// A rule only the server can check (a code already taken): the refusal still points at its field.
				await page.fill('#hetu-edit-gate_count', '2');
				await page.fill('#hetu-edit-code', other.properties.code);
				await page.click('[data-action="save-feature"]');
				await page.waitForSelector('#hetu-edit-code[aria-invalid="true"]', {timeout: 15000});
				assert.equal(await page.textContent('#hetu-edit-code-error'), zh['edit.rule.duplicate']);
				assert.equal(await page.evaluate(() => document.activeElement?.id), 'hetu-edit-code');
				await screenshot(page, `${profile.name}-edit-refused-field`);
				assert.equal((await apiGet(`/ogc/collections/sluice/items/${created.id}`)).properties.version, 0, 'nothing was saved');
			} finally {
				await session.context.close();
				await deleteFeature('sluice', created.id);
				await deleteFeature('sluice', other.id);
			}
		});

		it('opens a deleted feature from the changes feed and restores it', {timeout: 90000}, async () => {
			const created = await createSluice(profile);
			await deleteFeature('sluice', created.id);
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, '#/changes');
				const row = page.locator(`a[data-feature="sluice/${created.id}"]`).first();
				await row.waitFor({timeout: 20000});
				await row.click();
				await page.waitForSelector('.hetu-detail [data-deleted="true"]', {timeout: 20000});
				assert.equal(await page.locator('.hetu-detail [data-action="edit-feature"]').count(), 0, 'a deleted feature is not edited');
				await page.click('.hetu-detail li[data-action="create"] [data-action="restore"]');
				await page.click('.hetu-detail [data-action="confirm-restore"]');
				await page.waitForSelector('.hetu-detail [data-deleted="true"]', {state: 'detached', timeout: 20000});
				await screenshot(page, `${profile.name}-undeleted`);
				const restored = await apiGet(`/ogc/collections/sluice/items/${created.id}`);
				assert.equal(restored.properties.code, created.properties.code);
				assert.deepEqual(session.errors.filter((e) => !e.includes('404')), [], 'nothing failed but the deleted feature\'s own 404');
			} finally {
				await session.context.close();
				await deleteFeature('sluice', created.id);
			}
		});

		it('refuses a parcel whose outline crosses itself, says why in Chinese and marks the spot', {timeout: 90000}, async () => {
			const suffix = uniqueSuffix(profile);
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#map=15/${SPOT[1]}/${SPOT[0]}`);
				await page.click('[data-action="add-feature"]');
				await page.click('.hetu-edit-control__item[data-collection="land_parcel"]');
				await page.waitForSelector('#hetu-editor:not([hidden]) .hetu-editor__shape[data-shape-state="drawing"]');
				assert.equal(await page.getAttribute('.hetu-map-hint', 'data-mode'), 'drawing');
				const area = await openMapArea(page);
				const x1 = area.left + (area.right - area.left) * 0.25;
				const x2 = area.left + (area.right - area.left) * 0.75;
				const y1 = area.top + (area.bottom - area.top) * 0.2;
				const y2 = area.top + (area.bottom - area.top) * 0.8;
				// A bow tie: the first and third sides cross in the middle.
				for (const [x, y] of [[x1, y1], [x2, y2], [x2, y1], [x1, y2], [x1, y1]]) {
					await page.mouse.click(x, y);
					await page.waitForTimeout(250);
				}
				await page.waitForSelector('.hetu-editor__shape[data-shape-state="ready"]');
				await page.fill('#hetu-edit-name', `测试地块-${suffix}`);
				await page.fill('#hetu-edit-code', `E2E-DK-${suffix}`);
				await page.selectOption('#hetu-edit-department', 'natres');
				await page.fill('#hetu-edit-parcel_no', `E2E-${suffix}`);
				await page.selectOption('#hetu-edit-category', 'idle');
				await page.click('[data-action="save-feature"]');
				const notice = page.locator('.hetu-editor__notice[data-problem="edit.geometry.selfIntersection"]');
				await notice.waitFor({timeout: 15000});
				assert.ok((await notice.textContent()).startsWith(zh['edit.geometry.selfIntersection']), await notice.textContent());
				assert.ok((await notice.textContent()).includes(zh['edit.problemMarked']));
				const ring = page.locator('.hetu-problem-marker');
				await ring.waitFor();
				const box = await ring.boundingBox();
				const centre = {x: box.x + box.width / 2, y: box.y + box.height / 2};
				assert.ok(Math.abs(centre.x - (x1 + x2) / 2) < 8 && Math.abs(centre.y - (y1 + y2) / 2) < 8,
					`the red circle sits where the sides cross (${centre.x}, ${centre.y} vs ${(x1 + x2) / 2}, ${(y1 + y2) / 2})`);
				assert.equal(await page.getAttribute('.hetu-map-hint', 'data-mode'), 'problem');
				await screenshot(page, `${profile.name}-edit-refused`);
				await page.click('[data-action="cancel-edit"]');
				await page.waitForSelector('#hetu-editor', {state: 'hidden'});
				assert.equal(await page.locator('.hetu-problem-marker').count(), 0, 'the mark goes with the editor');
				const found = await apiGet(`/ogc/collections/land_parcel/items?code=${encodeURIComponent(`E2E-DK-${suffix}`)}`);
				assert.equal(found.features.length, 0, 'nothing was saved');
				assert.deepEqual(session.errors.filter((e) => !e.includes('status of 400')), []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				const left = await apiGet(`/ogc/collections/land_parcel/items?code=${encodeURIComponent(`E2E-DK-${suffix}`)}`);
				for (const feature of left.features) {
					await deleteFeature('land_parcel', feature.id);
				}
			}
		});

		it('shows both versions when someone saved the feature meanwhile, and re-applies the user’s change', {timeout: 90000}, async () => {
			const created = await createSluice(profile, {remarks: '原始备注'});
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#/sluice/${created.id}?map=17/${SPOT[1]}/${SPOT[0]}`);
				await openEditor(page, created.id);
				await page.fill('#hetu-edit-remarks', '我的修改');
				const other = await apiSend('PATCH', `/ogc/collections/sluice/items/${created.id}`,
					{properties: {remarks: '他人的修改', gate_count: 9}}, {contentType: 'application/merge-patch+json'});
				assert.equal(other.status, 200, JSON.stringify(other.body));
				await page.click('[data-action="save-feature"]');
				const conflict = page.locator('#hetu-editor .hetu-conflict');
				await conflict.waitFor({timeout: 15000});
				assert.equal((await conflict.locator('.hetu-conflict__title').textContent()).trim(), zh['edit.conflict.title']);
				assert.equal((await conflict.locator('tr[data-field="remarks"] td[data-side="mine"]').textContent()).trim(), '我的修改');
				assert.equal((await conflict.locator('tr[data-field="remarks"] td[data-side="theirs"]').textContent()).trim(), '他人的修改');
				assert.equal((await conflict.locator('tr[data-field="gate_count"] td[data-side="mine"]').textContent()).trim(), '2 孔');
				assert.equal((await conflict.locator('tr[data-field="gate_count"] td[data-side="theirs"]').textContent()).trim(), '9 孔');
				assert.equal(await conflict.locator('tr[data-field="remarks"].is-clash').count(), 1, 'the field both changed is marked');
				await conflict.scrollIntoViewIfNeeded();
				await screenshot(page, `${profile.name}-edit-conflict`);
				await page.click('[data-action="reapply"]');
				await page.waitForSelector('#hetu-editor', {state: 'hidden', timeout: 15000});
				await page.waitForFunction(() => document.querySelector('.hetu-attr[data-field="remarks"] dd')?.textContent === '我的修改');
				assert.equal((await page.textContent('.hetu-attr[data-field="gate_count"] dd')).trim(), '9 孔', 'the other change is kept');
				const saved = await apiGet(`/ogc/collections/sluice/items/${created.id}`);
				assert.deepEqual([saved.properties.remarks, saved.properties.gate_count, saved.properties.version], ['我的修改', 9, 2]);
				assert.deepEqual(session.errors.filter((e) => !e.includes('status of 412')), []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await deleteFeature('sluice', created.id);
			}
		});
	});
}
