/*
 * Shared set-up of the browser tests: headless Debian Chromium driven by playwright-core,
 * every request off this machine aborted and recorded, console errors collected.
 */
import {mkdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const BASE_URL = (process.env.HETU_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
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

/** Opens the map (with an optional hash) and waits until it has loaded its layers. */
export async function openMap(session, hash = '') {
	const {page} = session;
	await page.goto(`${BASE_URL}/${hash}`);
	await waitForIdle(page);
	return page;
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

/** A JSON document from the back end, read directly (not through the page). */
export async function apiGet(path) {
	const response = await fetch(`${BASE_URL}${path}`);
	if (!response.ok) {
		throw new Error(`${path}: HTTP ${response.status}`);
	}
	return response.json();
}
