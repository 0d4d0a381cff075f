/*
 * The browser test of the county profile page (#/county), for administrators, on a desktop: the profile as
 * the API gives it, a name, a department's English name and a town's villages changed and saved, a zone the county does not
 * lie in refused with the field marked; the profile is put back as it was afterwards.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, apiGet, apiSend, launchBrowser, newSession, openMap, screenshot, unexpectedErrors} from './browser.js';

const profile = PROFILES.desktop;

describe('county profile on desktop', () => {
	let browser;
	before(async () => {
		browser = await launchBrowser();
	});
	after(async () => {
		await browser?.close();
	});

	it('edits the profile within its rules', {timeout: 90000}, async () => {
		const original = await apiGet('/api/v1/county');
		const session = await newSession(browser, profile);
		try {
			const page = await openMap(session, '#/county');
			await page.waitForSelector('.hetu-county[data-ready="true"]', {timeout: 30000});
			assert.equal(await page.inputValue('input[name="nameZh"]'), original.nameZh);
			assert.equal(await page.inputValue('input[name="timeZone"]'), original.timeZone);
			assert.equal(await page.inputValue('input[name="gkZones"]'), original.gkZones.join(', '));
			assert.equal(await page.locator('tr[data-department]').count(), original.departments.length);
			assert.equal(await page.locator('.hetu-county__town').count(), original.towns.length);

			await page.fill('input[name="gkZones"]', '30');
			await page.click('[data-action="save"]');
			await page.waitForSelector('[data-role="problem"]:not([hidden])', {timeout: 15000});
			assert.match(await page.textContent('[data-role="problem"]'), /gkZones/);
			assert.equal(await page.getAttribute('input[name="gkZones"]', 'aria-invalid'), 'true');
			assert.deepEqual((await apiGet('/api/v1/county')).gkZones, original.gkZones, 'nothing refused was kept');

			await page.fill('input[name="gkZones"]', original.gkZones.join(', '));
			await page.fill('input[name="nameZh"]', `${original.nameZh}（测试）`);
			const department = original.departments[0];
			const row = page.locator(`tr[data-department="${department.code}"]`);
			assert.equal(await row.locator('input[name="code"]').getAttribute('readonly'), '', 'a department keeps its code');
			await row.locator('input[name="nameEn"]').fill(`${department.nameEn} (renamed)`);
			const town = page.locator('.hetu-county__town').first();
			await town.locator('textarea[name="villages"]').fill([...original.towns[0].villages, '测试村'].join('、'));
			const [response] = await Promise.all([
				page.waitForResponse((r) => r.url().endsWith('/api/v1/county') && r.request().method() === 'PUT', {timeout: 15000}),
				page.click('[data-action="save"]')]);
			assert.equal(response.status(), 200, await response.text());
			const saved = await apiGet('/api/v1/county');
			assert.equal(saved.nameZh, `${original.nameZh}（测试）`);
			assert.equal(saved.departments.find((d) => d.code === department.code).nameEn, `${department.nameEn} (renamed)`);
			assert.deepEqual(saved.towns[0].villages, [...original.towns[0].villages, '测试村']);
			assert.equal(saved.updatedBy, 'admin');
			await screenshot(page, 'desktop-county-profile');
			assert.deepEqual(unexpectedErrors(session.errors, [400]), []);
		} finally {
			const restored = await apiSend('PUT', '/api/v1/county', original);
			assert.equal(restored.status, 200);
			await session.context.close();
		}
	});
});
