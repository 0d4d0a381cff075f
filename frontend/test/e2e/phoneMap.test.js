/*
 * The county map on a 375 px phone: the county fills the screen at start, and no marker or
 * cluster icon of the point layers overlaps another, at the county view and zoomed in.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {PROFILES, launchBrowser, newSession, openMap, screenshot, waitForMapIdle} from './browser.js';

/** The boxes of every marker and cluster icon drawn on the map, in page pixels. */
function iconBoxes(page) {
	return page.evaluate(() => [...document.querySelectorAll('#hetu-map .hetu-marker-icon, #hetu-map .hetu-cluster-icon')]
		.map((icon) => {
			const box = icon.getBoundingClientRect();
			return {left: box.left, top: box.top, right: box.right, bottom: box.bottom, label: icon.textContent.trim() || icon.className,
				backdrop: icon.classList.contains('is-backdrop')};
		})
		.filter((box) => box.right > box.left));
}

/** A project's star drawn behind the asset's marker at its very place is one symbol with it, by design. */
function oneSymbol(a, b) {
	const centre = (box) => [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
	const [[ax, ay], [bx, by]] = [centre(a), centre(b)];
	return (a.backdrop !== b.backdrop) && Math.abs(ax - bx) < 1 && Math.abs(ay - by) < 1;
}

function overlapping(boxes) {
	const pairs = [];
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i], boxes[j]];
			if (!oneSymbol(a, b) && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
				pairs.push([a, b]);
			}
		}
	}
	return pairs;
}

describe('the county map on a phone', () => {
	let browser;

	before(async () => {
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
	});

	it('fits the county to the screen at start', {timeout: 60000}, async () => {
		const session = await newSession(browser, PROFILES.phone);
		const page = await openMap(session);
		await waitForMapIdle(page);
		const {map, county} = await page.evaluate(() => {
			const rect = (element) => {
				const box = element.getBoundingClientRect();
				return {left: box.left, top: box.top, width: box.width, height: box.height};
			};
			const paths = [...document.querySelectorAll('#hetu-map .leaflet-hetu-boundary-pane path')];
			const boxes = paths.map((path) => path.getBoundingClientRect());
			const left = Math.min(...boxes.map((b) => b.left));
			const right = Math.max(...boxes.map((b) => b.right));
			const top = Math.min(...boxes.map((b) => b.top));
			const bottom = Math.max(...boxes.map((b) => b.bottom));
			return {map: rect(document.getElementById('hetu-map')), county: {left, top, width: right - left, height: bottom - top}};
		});
		await screenshot(page, 'phone-map-county-fit');
		// The county's wider side (relative to the screen) takes at least 85% of it, and it sticks out nowhere.
		const fill = Math.max(county.width / map.width, county.height / map.height);
		assert.ok(fill >= 0.85, `the county fills ${Math.round(fill * 100)}% of the map`);
		assert.ok(county.left >= map.left - 1 && county.left + county.width <= map.left + map.width + 1, 'the county is wholly on screen across');
		assert.ok(county.top >= map.top - 1 && county.top + county.height <= map.top + map.height + 1, 'the county is wholly on screen down');
		await session.context.close();
	});

	it('draws markers and clusters that never overlap, at the county view and zoomed in', {timeout: 90000}, async () => {
		const session = await newSession(browser, PROFILES.phone);
		const page = await openMap(session);
		await waitForMapIdle(page);
		for (let step = 0; step < 4; step++) {
			const boxes = await iconBoxes(page);
			assert.ok(boxes.length > 0, `icons are drawn at step ${step}`);
			const pairs = overlapping(boxes);
			await screenshot(page, `phone-map-icons-${step}`);
			assert.deepEqual(pairs.slice(0, 3), [], `${pairs.length} pairs of ${boxes.length} icons overlap at step ${step}`);
			await page.click('#hetu-map [data-action="zoomIn"]');
			await waitForMapIdle(page);
		}
		await session.context.close();
	});
});
