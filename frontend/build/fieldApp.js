/*
 * What makes the built front end an installable phone app (the field app): the web app manifest,
 * its PNG icons (drawn here, so that no binary sits in the repository) and the service worker
 * (src/sw.js) with the list of files of this very build to keep for opening with no signal.
 */
import {readFileSync} from 'node:fs';
import {deflateSync} from 'node:zlib';

const THEME = '#0B4F6C';
const ICON_SIZES = [192, 512];

/** The manifest: the patrol page is where field staff start, and the app decides the rest by role. */
export function manifest() {
	return {
		name: '河图 巡查',
		short_name: '河图巡查',
		description: '河图：巡河、巡查与问题上报 / Hetu field app: patrols and issue reports',
		lang: 'zh-CN',
		start_url: '/',
		scope: '/',
		display: 'standalone',
		orientation: 'portrait',
		theme_color: THEME,
		background_color: '#ffffff',
		icons: [
			...ICON_SIZES.map((size) => ({src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any'})),
			{src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable'}
		]
	};
}

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) {
		c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const byte of bytes) {
		c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	}
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of `size` pixels, each coloured by `paint(x, y)` → [r, g, b, a] with x, y in 0..1. */
export function png(size, paint) {
	const rows = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) {
		const row = y * (size * 4 + 1);
		for (let x = 0; x < size; x++) {
			rows.set(paint((x + 0.5) / size, (y + 0.5) / size), row + 1 + x * 4);
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * The icon: a river (two white waves) on the theme colour; round-cornered, or filling the square
 * for the maskable icon (whose edges the phone cuts to its own shape).
 */
function paintIcon(maskable) {
	const blue = [0x0b, 0x4f, 0x6c, 255];
	const white = [255, 255, 255, 255];
	const clear = [0, 0, 0, 0];
	const scale = maskable ? 0.6 : 0.8;
	return (x, y) => {
		const corner = 0.18;
		const dx = Math.max(corner - x, x - (1 - corner), 0);
		const dy = Math.max(corner - y, y - (1 - corner), 0);
		if (!maskable && dx * dx + dy * dy > corner * corner) {
			return clear;
		}
		const u = (x - 0.5) / scale + 0.5;
		const v = (y - 0.5) / scale + 0.5;
		const wave = (middle) => Math.abs(v - middle - 0.07 * Math.sin(u * 2 * Math.PI * 1.5)) < 0.055 && u > 0.12 && u < 0.88;
		return wave(0.38) || wave(0.62) ? white : blue;
	};
}

export function icons() {
	return [
		...ICON_SIZES.map((size) => ({fileName: `icons/icon-${size}.png`, source: png(size, paintIcon(false))})),
		{fileName: 'icons/icon-maskable-512.png', source: png(512, paintIcon(true))}
	];
}

/** The Vite plugin: emits the icons, the manifest and the service worker with this build's files. */
export function fieldApp() {
	return {
		name: 'hetu-field-app',
		apply: 'build',
		enforce: 'post',
		generateBundle(options, bundle) {
			// Each once: the Cache API refuses a list that names a file twice.
			const built = Object.keys(bundle).filter((name) => name !== 'index.html' && !name.endsWith('.map'));
			const shell = [...new Set(['/', '/index.html', '/favicon.svg', '/manifest.json', ...icons().map((icon) => `/${icon.fileName}`),
				...built.map((name) => `/${name}`)])];
			for (const icon of icons()) {
				this.emitFile({type: 'asset', ...icon});
			}
			this.emitFile({type: 'asset', fileName: 'manifest.json', source: JSON.stringify(manifest(), null, '\t')});
			const version = crc32(Buffer.from(shell.join('\n'))).toString(16);
			const worker = readFileSync(new URL('../src/sw.js', import.meta.url), 'utf8')
				.replace('self.__SHELL__', JSON.stringify(shell))
				.replace('self.__VERSION__', JSON.stringify(version));
			this.emitFile({type: 'asset', fileName: 'sw.js', source: worker});
		}
	};
}
