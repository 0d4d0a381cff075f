/*
 * Shared set-up of the browser tests: headless Debian Chromium driven by playwright-core,
 * every request off this machine aborted and recorded, console errors collected.
 */
import {mkdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const BASE_URL = (process.env.HETU_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

/** The account the tests sign in with; it must be an administrator. */
export const CREDENTIALS = {
	username: process.env.HETU_E2E_USER || 'admin',
	password: process.env.HETU_E2E_PASSWORD || 'hetu-test-admin'
};
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

export const PROFILES = {
	desktop: {name: 'desktop', viewport: {width: 1440, height: 900}, deviceScaleFactor: 1, isMobile: false, hasTouch: false},
	phone: {name: 'phone', viewport: {width: 375, height: 812}, deviceScaleFactor: 2, isMobile: true, hasTouch: true}
};

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function launchBrowser() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
}

/** A fresh context and page for a profile; `session.errors` and `session.blocked` collect what went wrong. */
export async function newSession(browser, profile) {
	const context = await browser.newContext({
		viewport: profile.viewport,
		deviceScaleFactor: profile.deviceScaleFactor,
		isMobile: profile.isMobile,
		hasTouch: profile.hasTouch,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai'
	});
	const session = {context, errors: [], blocked: []};
	await context.route('**/*', (route) => {
		const url = new URL(route.request().url());
		if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) {
			return route.continue();
		}
		session.blocked.push(url.href);
		return route.abort('blockedbyclient');
	});
	const page = session.page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') {
			session.errors.push(message.text());
		}
	});
	page.on('pageerror', (error) => session.errors.push(error.message));
	return session;
}

/** Signs in through the sign-in page, which must be showing, and waits for the map. */
export async function signIn(page, credentials = CREDENTIALS) {
	await page.waitForSelector('.hetu-signin #hetu-signin-username');
	await page.fill('#hetu-signin-username', credentials.username);
	await page.fill('#hetu-signin-password', credentials.password);
	await page.click('.hetu-signin__submit');
	await page.waitForSelector('#app[data-ready="true"]', {timeout: 30000});
}

/** Opens the map (with an optional hash), signing in first, and waits until it has loaded its layers. */
export async function openMap(session, hash = '', credentials = CREDENTIALS) {
	const {page} = session;
	await page.goto(`${BASE_URL}/${hash}`);
	await page.waitForSelector('.hetu-signin, #app[data-ready="true"]', {timeout: 30000});
	if (await page.locator('.hetu-signin').count()) {
		await signIn(page, credentials);
	}
	await waitForIdle(page);
	return page;
}

/** Opens the account menu in the header. */
export async function openUserMenu(page) {
	if (await page.locator('#hetu-user-menu').isHidden()) {
		await page.click('.hetu-user[data-action="user-menu"]');
	}
	await page.waitForSelector('#hetu-user-menu:not([hidden])');
}

/** Console errors other than the browser's own note of an expected failed request (such as a wrong password's 401). */
export function unexpectedErrors(errors, statuses = [401]) {
	return errors.filter((text) => !statuses.some((status) => text.includes(`Failed to load resource: the server responded with a status of ${status}`)));
}

export async function waitForIdle(page) {
	await page.waitForSelector('#app[data-ready="true"]', {timeout: 30000});
	await page.waitForFunction(() => document.getElementById('app').dataset.loading === '0', null, {timeout: 30000});
	await page.waitForTimeout(400);
	await page.waitForFunction(() => document.getElementById('app').dataset.loading === '0', null, {timeout: 30000});
}

export async function screenshot(page, name) {
	mkdirSync(RESULTS_DIR, {recursive: true});
	const path = `${RESULTS_DIR}${name}.png`;
	await page.screenshot({path});
	return path;
}

/** A JSON document from the back end, read directly (not through the page) with the test account's credentials. */
export async function apiGet(path, credentials = CREDENTIALS) {
	const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
	const response = await fetch(`${BASE_URL}${path}`, {headers: {Authorization: `Basic ${basic}`, Accept: 'application/json'}});
	if (!response.ok) {
		throw new Error(`${path}: HTTP ${response.status}`);
	}
	return response.json();
}

/**
 * A request to the back end made directly (not through the page) with the test account's
 * credentials, for setting up and cleaning up what a test needs: answers {status, body, etag}.
 */
export async function apiSend(method, path, body, options = {}) {
	const {contentType = 'application/json', headers = {}, credentials = CREDENTIALS} = options;
	const basic = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
	const response = await fetch(`${BASE_URL}${path}`, {
		method,
		headers: {
			Authorization: `Basic ${basic}`, Accept: 'application/json, application/geo+json', 'X-Requested-With': 'XMLHttpRequest',
			...(body === undefined ? {} : {'Content-Type': contentType}), ...headers
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	let parsed = null;
	try {
		parsed = text ? JSON.parse(text) : null;
	} catch {
		parsed = text;
	}
	return {status: response.status, body: parsed, etag: response.headers.get('ETag')};
}

/** A unique suffix for what a test creates, so that runs and profiles never collide. */
export function uniqueSuffix(profile) {
	return `${profile.name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** The part of the map that no panel covers: {left, top, right, bottom} in page pixels, for drawing. */
export function openMapArea(page) {
	return page.evaluate(() => {
		const map = document.getElementById('hetu-map').getBoundingClientRect();
		const editor = document.getElementById('hetu-editor');
		const panel = editor && !editor.hidden ? editor.getBoundingClientRect() : null;
		const phone = window.matchMedia('(max-width: 720px)').matches;
		return {
			left: map.left + 40,
			top: map.top + 70,
			right: panel && !phone ? panel.left - 40 : map.right - 60,
			bottom: panel && phone ? panel.top - 30 : map.bottom - 60
		};
	});
}

/** Opens a page (projects, dashboard, ...) the way a user does: the header's links, or the account menu on a phone. */
export async function goToPage(page, profile, name) {
	if (profile.isMobile) {
		await openUserMenu(page);
		await page.click(`.hetu-menu__item[data-page="${name}"]`);
	} else {
		await page.click(`.hetu-nav__link[data-nav="${name}"]`);
	}
	await page.waitForSelector(`#app[data-page="${name}"]`);
}

/** Waits until the map has stopped moving and its hash carries the view. */
export async function waitForMapIdle(page) {
	await page.waitForTimeout(350);
	await waitForIdle(page);
}

/**
 * A request made by the page itself, with its session cookie and CSRF token, as the
 * application would: answers {status, body}.
 */
export function pageRequest(page, method, path, body) {
	return page.evaluate(async ({method, path, body}) => {
		const token = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='))?.slice(11);
		const response = await fetch(path, {
			method, credentials: 'same-origin',
			headers: {
				'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest',
				...(token ? {'X-XSRF-TOKEN': decodeURIComponent(token)} : {})
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const text = await response.text();
		return {status: response.status, body: text ? JSON.parse(text) : null};
	}, {method, path, body});
}

/** On a phone the layer panel is a drawer: opens it (a no-op on a desktop). */
export async function openPanel(page, profile) {
	if (profile.isMobile && !(await page.locator('#app.is-panel-open').count())) {
		await page.click('.hetu-header__menu');
		await page.waitForSelector('#app.is-panel-open');
		await page.waitForTimeout(300);
	}
}

export async function closePanel(page, profile) {
	if (profile.isMobile && (await page.locator('#app.is-panel-open').count())) {
		await page.click('.hetu-panel__close');
		await page.waitForSelector('#app:not(.is-panel-open)');
		await page.waitForTimeout(300);
	}
}
