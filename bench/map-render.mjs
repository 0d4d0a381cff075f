// Time from opening the map (signed in) until every visible layer has loaded and the map is idle,
// in headless Chromium, five times; prints each run, the median, and the size of the JS bundle.
// Usage: node bench/map-render.mjs   (HETU_BASE_URL, HETU_E2E_USER, HETU_E2E_PASSWORD as for the browser tests)
import {readdirSync, statSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {createRequire} from 'node:module';

const require = createRequire(new URL('../frontend/package.json', import.meta.url));
const {chromium} = require('playwright-core');

const base = process.env.HETU_BASE_URL || 'http://127.0.0.1:8080';
const user = process.env.HETU_E2E_USER || 'admin';
const password = process.env.HETU_E2E_PASSWORD || 'hetu-test-admin';
const runs = 5;

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const context = await browser.newContext({viewport: {width: 1440, height: 900}});
await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
const page = await context.newPage();
await page.goto(base + '/');
await page.fill('#hetu-signin-username', user);
await page.fill('#hetu-signin-password', password);
await page.keyboard.press('Enter');
await page.waitForSelector('#app[data-ready="true"]', {timeout: 30000});

const times = [];
for (let i = 0; i < runs; i++) {
	const started = Date.now();
	await page.goto(base + '/', {waitUntil: 'commit'});
	await page.waitForSelector('#app[data-ready="true"]', {timeout: 30000});
	await page.waitForFunction(() => document.getElementById('app').dataset.loading === '0', null, {timeout: 30000});
	times.push(Date.now() - started);
}
await browser.close();

const sorted = [...times].sort((a, b) => a - b);
console.log(`map complete render: ${times.join(', ')} ms; median ${sorted[Math.floor(runs / 2)]} ms`);
const assets = new URL('../target/classes/static/assets/', import.meta.url);
for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'))) {
	const bytes = readFileSync(new URL(file, assets));
	console.log(`${file}: ${(statSync(new URL(file, assets)).size / 1024).toFixed(1)} kB, ${(gzipSync(bytes).length / 1024).toFixed(1)} kB gzip`);
}
