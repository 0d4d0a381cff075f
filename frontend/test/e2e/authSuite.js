/*
 * The browser tests of signing in and out, accounts, history and recent changes, and of
 * names from the data staying text, run once per screen profile by the *.test.js files.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {en} from '../../src/i18n/en.js';
import {zh} from '../../src/i18n/zh.js';
import {accountsZh} from '../../src/i18n/accounts.zh.js';
import {
	BASE_URL, CREDENTIALS, apiGet, apiSend, launchBrowser, newSession, openMap, openUserMenu, pageRequest, screenshot, signIn,
	unexpectedErrors, waitForIdle
} from './browser.js';

const KNOWN_SLUICE = '朱楼闸';
const XSS_CODE = 'XSS-1';
const XSS_SEARCH = '测试闸';

/** Requests that carry registry data; none may be made before signing in. */
const DATA_REQUEST = /\/(ogc\/|tiles\/|api\/v1\/(search|stats|features|changes|accounts|me\/|basemap))/;

async function findFeature(q, match) {
	const results = await apiGet(`/api/v1/search?q=${encodeURIComponent(q)}&limit=20`);
	const found = results.find(match);
	assert.ok(found, `the test data hold ${q}`);
	return found;
}

function uniqueName(prefix, profile) {
	return `${prefix}_${profile.name}_${Date.now().toString(36)}`;
}

/** Deletes the account a test made, if it was made. */
async function deleteAccount(username) {
	const accounts = await apiGet('/api/v1/accounts');
	for (const account of accounts.filter((a) => a.username === username)) {
		const {status} = await apiSend('DELETE', `/api/v1/accounts/${account.id}`);
		assert.equal(status, 204, `the test account ${username} is deleted`);
	}
}

export function authSuite(profile) {
	describe(`sign-in, accounts and history on ${profile.name} (${profile.viewport.width}×${profile.viewport.height})`, () => {
		let browser;
		let sluice;
		let xss;

		before(async () => {
			browser = await launchBrowser();
			sluice = await findFeature(KNOWN_SLUICE, (r) => r.collection === 'sluice' && r.name === KNOWN_SLUICE);
			xss = await findFeature(XSS_SEARCH, (r) => r.collection === 'sluice' && r.code === XSS_CODE);
		});

		after(async () => {
			await browser?.close();
		});

		it('shows the sign-in page first to an anonymous visitor and loads no map data', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const {page} = session;
			const dataRequests = [];
			page.on('request', (request) => {
				if (DATA_REQUEST.test(new URL(request.url()).pathname + '/')) {
					dataRequests.push(request.url());
				}
			});
			await page.goto(`${BASE_URL}/#/sluice/${sluice.id}`);
			await page.waitForSelector('.hetu-signin #hetu-signin-username');
			await page.waitForTimeout(500);
			assert.equal(await page.title(), zh['signin.documentTitle']);
			assert.equal((await page.textContent('.hetu-signin__title')).trim(), zh['signin.title']);
			assert.equal(await page.locator('#hetu-map').count(), 0, 'no map');
			assert.deepEqual(dataRequests, [], 'no registry data requested');
			assert.equal(await page.evaluate(() => location.hash), `#/sluice/${sluice.id}`, 'the link is kept for after signing in');
			await screenshot(page, `${profile.name}-signin`);
			if (profile.isMobile) {
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				assert.ok(overflow <= 0, 'nothing sticks out sideways');
				for (const selector of ['#hetu-signin-username', '#hetu-signin-password', '.hetu-signin__submit', '.hetu-lang']) {
					const box = await page.locator(selector).boundingBox();
					assert.ok(box.height >= 40, `${selector} is touch-sized (${box.height})`);
				}
			}
			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'en');
			assert.equal(await page.title(), en['signin.documentTitle']);
			const text = await page.$eval('.hetu-signin', (e) => e.innerText);
			assert.ok(!/[\u3400-\u9FFF]/.test(text.replace(en['lang.switchTo'], '')), `no Chinese left on the English sign-in page: ${text}`);
			await screenshot(page, `${profile.name}-signin-en`);
			assert.deepEqual(session.blocked, [], 'no request left this machine');
			assert.deepEqual(session.errors, [], 'no console errors');
			await session.context.close();
		});

		it('refuses a wrong password with a clear message and shows no map', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const {page} = session;
			await page.goto(`${BASE_URL}/`);
			await page.waitForSelector('#hetu-signin-username');
			await page.fill('#hetu-signin-username', CREDENTIALS.username);
			await page.fill('#hetu-signin-password', `${CREDENTIALS.password}-wrong`);
			await page.click('.hetu-signin__submit');
			const alert = page.locator('.hetu-signin__message--error');
			await alert.waitFor();
			assert.equal((await alert.textContent()).trim(), zh['signin.wrong']);
			assert.equal(await page.inputValue('#hetu-signin-password'), '', 'the wrong password is cleared');
			assert.equal(await page.locator('#hetu-map').count(), 0, 'no map');
			await screenshot(page, `${profile.name}-signin-wrong`);
			await page.fill('#hetu-signin-username', `no-such-user-${Date.now()}`);
			await page.fill('#hetu-signin-password', CREDENTIALS.password);
			await page.click('.hetu-signin__submit');
			await page.waitForFunction(() => !document.querySelector('.hetu-signin__submit').disabled);
			assert.equal((await alert.textContent()).trim(), zh['signin.wrong'], 'an unknown user gets the same message');
			assert.equal(await page.locator('#hetu-map').count(), 0);
			assert.deepEqual(unexpectedErrors(session.errors), [], 'no console errors but the refused sign-ins');
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('signs in to the linked view, and signs out back to the sign-in screen', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const {page} = session;
			await page.goto(`${BASE_URL}/#/sluice/${sluice.id}`);
			await signIn(page);
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, KNOWN_SLUICE);
			assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/sluice/${sluice.id}`));
			assert.equal(await page.title(), zh['app.documentTitle']);
			await waitForIdle(page);
			await openUserMenu(page);
			assert.equal((await page.textContent('.hetu-menu__meta')).trim(), CREDENTIALS.username);
			await page.click('[data-action="sign-out"]');
			await page.waitForSelector('.hetu-signin #hetu-signin-username');
			assert.equal((await page.textContent('.hetu-signin__message')).trim(), zh['signin.signedOut']);
			assert.equal(await page.locator('#hetu-map').count(), 0, 'the map is gone');
			assert.equal(await page.locator('.hetu-detail').count(), 0, 'and the details with it');
			const after = await page.evaluate(async () => (await fetch('/ogc/collections/sluice/items?limit=1', {headers: {'X-Requested-With': 'XMLHttpRequest'}})).status);
			assert.equal(after, 401, 'the session is over on the server too');
			assert.deepEqual(unexpectedErrors(session.errors), []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('goes back to the sign-in screen when the session expires, and returns to the same view', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session, `#/sluice/${sluice.id}`);
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, KNOWN_SLUICE);
			await session.context.clearCookies({name: 'SESSION'});
			const hash = `#/sluice/${xss.id}`;
			await page.evaluate((next) => {
				location.hash = next;
			}, hash);
			await page.waitForSelector('.hetu-signin #hetu-signin-username', {timeout: 15000});
			assert.equal((await page.textContent('.hetu-signin__message')).trim(), zh['signin.expired']);
			assert.equal(await page.locator('#hetu-map').count(), 0);
			// The map may have added its own state (?map=...) to the hash before the session ran out.
			assert.match(await page.evaluate(() => location.hash), new RegExp(`^${hash}(\\?|$)`), 'the hash of the view is kept');
			await signIn(page);
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, xss.name);
			assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/sluice/${xss.id}`));
			assert.deepEqual(unexpectedErrors(session.errors), []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('shows a name full of markup as plain text in search, details and tooltips', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			await page.fill('#hetu-search-input', XSS_SEARCH);
			const result = page.locator(`.hetu-search__result[data-key="sluice/${xss.id}"]`);
			await result.waitFor();
			assert.equal(await result.locator('.hetu-search__name').textContent(), xss.name, 'the search result shows the name as text');
			assert.equal(await page.locator('.hetu-search__results img').count(), 0);
			await result.click();
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, xss.name);
			assert.equal(await page.locator('.hetu-detail img').count(), 0, 'no image element in the details');
			await page.waitForTimeout(1200);
			const marker = page.locator(`.hetu-marker[data-key="sluice/${xss.id}"]`);
			await marker.waitFor({timeout: 15000});
			if (profile.hasTouch) {
				await marker.dispatchEvent('mouseover');
			} else {
				await marker.hover();
			}
			const tooltip = page.locator('.leaflet-tooltip.hetu-tooltip', {hasText: XSS_SEARCH});
			await tooltip.waitFor({timeout: 5000});
			assert.equal((await tooltip.textContent()).trim(), xss.name, 'the tooltip shows the name as text');
			assert.equal(await tooltip.locator('img').count(), 0);
			await page.click('.hetu-tab[data-tab="history"]');
			await page.waitForSelector('.hetu-change[data-action="create"]');
			await screenshot(page, `${profile.name}-xss`);
			assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length), 0, 'the markup made no element anywhere');
			assert.equal(await page.evaluate(() => typeof window.__hetuXss), 'undefined', 'no script ran');
			assert.deepEqual(session.errors, []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('lists the history of a feature, from its creation', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session, `#/sluice/${sluice.id}`);
			await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, KNOWN_SLUICE);
			await page.click('.hetu-tab[data-tab="history"]');
			const created = page.locator('.hetu-change[data-action="create"]');
			await created.waitFor();
			const history = await apiGet(`/api/v1/features/sluice/${sluice.id}/history`);
			assert.equal(await page.locator('.hetu-change').count(), history.length, 'every recorded change is listed');
			assert.equal((await created.locator('.hetu-tag--create').textContent()).trim(), zh['history.action.create']);
			assert.match(await created.locator('.hetu-change__time').textContent(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
			await screenshot(page, `${profile.name}-history`);
			await page.click('.hetu-lang');
			await page.waitForFunction(() => document.documentElement.lang === 'en');
			assert.equal(await page.getAttribute('.hetu-tab[data-tab="history"]', 'aria-selected'), 'true', 'the tab stays open');
			const text = await page.$eval('.hetu-history', (e) => e.innerText);
			assert.ok(text.includes(en['history.action.create']), text);
			assert.deepEqual(session.errors, []);
			await session.context.close();
		});

		it('lists recent changes, filtered by layer, and opens one on the map', {timeout: 60000}, async () => {
			// A change of its own, so that it is on the first page whatever other tests changed.
			const suffix = `${profile.name}-${Date.now().toString(36)}`;
			const made = await apiSend('POST', '/ogc/collections/sluice/items', {
				type: 'Feature', geometry: {type: 'Point', coordinates: [116.31, 33.24]},
				properties: {code: `E2E-CH-${suffix}`, name: `变更测试闸-${suffix}`, department: 'water', scale: 'small'}
			}, {contentType: 'application/geo+json'});
			assert.equal(made.status, 201, JSON.stringify(made.body));
			const target = {id: String(made.body.id), name: made.body.properties.name};
			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session);
				await openUserMenu(page);
				await page.click('.hetu-menu__item[data-page="changes"]');
				await page.waitForSelector('#app[data-page="changes"] .hetu-change-row');
				assert.equal(await page.evaluate(() => location.hash), '#/changes');
				await page.selectOption('#hetu-changes-collection', 'sluice');
				await page.waitForFunction(() => location.hash === '#/changes?collection=sluice');
				await page.waitForFunction(() => document.querySelectorAll('.hetu-change-row').length > 0
					&& [...document.querySelectorAll('.hetu-change-row a[data-feature]')].every((a) => a.dataset.feature.startsWith('sluice/')));
				await screenshot(page, `${profile.name}-changes`);
				await page.locator(`.hetu-change-row a[data-feature="sluice/${target.id}"]`).first().click();
				await page.waitForFunction((name) => document.querySelector('.hetu-detail__name')?.textContent === name, target.name);
				assert.equal(await page.locator('#hetu-page').isHidden(), true, 'back on the map');
				assert.match(await page.evaluate(() => location.hash), new RegExp(`^#/sluice/${target.id}`));
				assert.deepEqual(session.errors, []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await apiSend('DELETE', `/ogc/collections/sluice/items/${target.id}`);
			}
		});

		it('lets the administrator create an account and shows its password once', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session);
			await openUserMenu(page);
			await page.click('.hetu-menu__item[data-page="accounts"]');
			await page.waitForSelector('.hetu-table--accounts');
			assert.equal(await page.evaluate(() => location.hash), '#/accounts');
			assert.ok(await page.locator(`tr[data-account="${CREDENTIALS.username}"]`).count(), 'the administrator is listed');
			const username = uniqueName('e2e', profile);
			try {
				await page.click('[data-action="new-account"]');
				await page.fill('#hetu-new-username', 'x');
				await page.click('[data-action="create-account"]');
				assert.equal((await page.textContent('#hetu-new-username-error')).trim(), accountsZh['accounts.usernameRule'], 'a bad user name is refused before sending');
				await page.fill('#hetu-new-username', username);
				await page.fill('#hetu-new-display-name', '测试用户');
				await page.check('input[name="hetu-new-roles"][value="editor"]');
				await page.click('[data-action="create-account"]');
				assert.equal((await page.textContent('#hetu-new-department-error')).trim(), accountsZh['accounts.editorNeedsDepartment']);
				await page.selectOption('#hetu-new-department', 'water');
				await page.click('[data-action="create-account"]');
				const secret = page.locator('.hetu-secret [data-secret="password"]');
				await secret.waitFor();
				assert.ok((await secret.textContent()).trim().length >= 10, 'a generated password is shown');
				const row = page.locator(`tr[data-account="${username}"]`);
				await row.waitFor();
				assert.ok((await row.textContent()).includes(zh['role.editor']));
				await screenshot(page, `${profile.name}-accounts`);
				const accounts = await apiGet('/api/v1/accounts');
				const created = accounts.find((a) => a.username === username);
				assert.ok(created.roles.includes('editor'), `roles ${created.roles}`);
				assert.deepEqual([created.department, created.displayName, created.enabled], ['water', '测试用户', true]);
				await page.click('.hetu-page__back');
				await page.waitForSelector('#hetu-page', {state: 'hidden'});
				assert.match(await page.evaluate(() => location.hash), /^#map=/, 'back on the map');
				assert.deepEqual(session.errors, []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await deleteAccount(username);
			}
		});

		it('gives a viewer no account administration', {timeout: 90000}, async () => {
			const admin = await newSession(browser, profile);
			const adminPage = await openMap(admin);
			const viewer = {username: uniqueName('viewer', profile), password: `viewer-${Date.now()}-pw`};
			const created = await pageRequest(adminPage, 'POST', '/api/v1/accounts',
				{username: viewer.username, displayName: '只读测试', roles: ['viewer'], department: null, password: viewer.password});
			assert.equal(created.status, 201, JSON.stringify(created.body));
			await admin.context.close();

			const session = await newSession(browser, profile);
			try {
				const page = await openMap(session, `#/sluice/${sluice.id}`, viewer);
				await page.waitForSelector('.hetu-detail__name');
				assert.equal(await page.locator('[data-action="add-feature"]').count(), 0, 'no drawing tools for a viewer');
				assert.equal(await page.locator('.hetu-detail [data-action="edit-feature"]').count(), 0, 'and no edit button');
				await openUserMenu(page);
				assert.equal(await page.locator('.hetu-menu__item[data-page="accounts"]').count(), 0, 'no account administration in the menu');
				assert.equal(await page.locator('.hetu-menu__item[data-page="account"]').count(), 1, 'but their own account');
				await page.click('.hetu-menu__item[data-page="account"]');
				await page.waitForSelector('.hetu-facts');
				assert.ok((await page.textContent('.hetu-facts')).includes(viewer.username));
				await page.evaluate(() => {
					location.hash = '#/accounts';
				});
				await page.waitForSelector('[data-state="forbidden"]');
				assert.equal((await page.textContent('[data-state="forbidden"]')).trim(), accountsZh['accounts.forbidden']);
				assert.equal(await page.locator('.hetu-table--accounts').count(), 0, 'no account list');
				const listed = await pageRequest(page, 'GET', '/api/v1/accounts');
				assert.equal(listed.status, 403, 'and the server agrees');
				assert.deepEqual(unexpectedErrors(session.errors, [403]), []);
				assert.deepEqual(session.blocked, []);
			} finally {
				await session.context.close();
				await deleteAccount(viewer.username);
			}
		});

		it('lets any user create and revoke an API token, shown once with the QGIS hint', {timeout: 60000}, async () => {
			const session = await newSession(browser, profile);
			const page = await openMap(session, '#/account');
			await page.waitForSelector('#hetu-token-name');
			const name = uniqueName('qgis', profile);
			await page.fill('#hetu-token-name', name);
			await page.click('.hetu-form--inline button[type="submit"]');
			const token = page.locator('.hetu-secret [data-secret="token"]');
			await token.waitFor();
			const value = (await token.textContent()).trim();
			assert.ok(value.length > 10);
			assert.ok((await page.textContent('.hetu-secret__hint')).includes(`${new URL(BASE_URL).origin}/ogc`), 'the hint names the OGC address');
			await screenshot(page, `${profile.name}-account`);
			const tokens = await apiGet('/api/v1/me/tokens');
			const created = tokens.find((t) => t.name === name);
			assert.ok(created, 'the token is listed by the server');
			const row = page.locator(`tr[data-token="${created.id}"]`);
			await row.locator('[data-action="revoke"]').click();
			await row.locator('[data-action="confirm-revoke"]').click();
			await page.waitForSelector(`tr[data-token="${created.id}"] .hetu-tag--revoked`);
			assert.equal(await page.locator('.hetu-secret').count(), 0, 'the token is not shown again');
			assert.deepEqual(session.errors, []);
			assert.deepEqual(session.blocked, []);
			await session.context.close();
		});

		it('shows a public collection to anonymous visitors, with a sign-in button', {timeout: 90000}, async () => {
			const admin = await newSession(browser, profile);
			const adminPage = await openMap(admin);
			const opened = await pageRequest(adminPage, 'PATCH', '/api/v1/collections/sluice', {publicRead: true});
			assert.equal(opened.status, 200, JSON.stringify(opened.body));
			const session = await newSession(browser, profile);
			try {
				const {page} = session;
				await page.goto(`${BASE_URL}/`);
				await waitForIdle(page);
				assert.equal(await page.locator('.hetu-signin').count(), 0, 'the map, not the sign-in page');
				assert.equal(await page.locator('.hetu-user--signin').count(), 1, 'a sign-in button');
				assert.ok(await page.locator('.hetu-marker[data-key^="sluice/"]').count() + await page.locator('.hetu-cluster-icon').count() > 0, 'sluices are drawn');
				if (profile.isMobile) {
					await page.click('.hetu-header__menu');
					await page.waitForSelector('#app.is-panel-open');
				}
				assert.deepEqual(await page.$$eval('.hetu-layer', (rows) => rows.map((r) => r.dataset.layer)), ['sluice'], 'only the public collection');
				if (profile.isMobile) {
					await page.click('.hetu-panel__close');
					await page.waitForTimeout(400);
				}
				await screenshot(page, `${profile.name}-public`);
				await page.click('.hetu-user--signin');
				await signIn(page);
				await waitForIdle(page);
				await openUserMenu(page);
				assert.equal((await page.textContent('.hetu-menu__meta')).trim(), CREDENTIALS.username);
				assert.deepEqual(unexpectedErrors(session.errors), []);
				assert.deepEqual(session.blocked, []);
			} finally {
				const closed = await pageRequest(adminPage, 'PATCH', '/api/v1/collections/sluice', {publicRead: false});
				assert.equal(closed.status, 200);
				await session.context.close();
				await admin.context.close();
			}
		});
	});
}
