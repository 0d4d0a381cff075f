import {decodeTile} from './decodeTile.js';
import {unpackRings} from './packedRings.js';

/*
 * Decoding a tile is the page's largest piece of work at the county view (tens of thousands of
 * parcels and ditches, each with its attributes): a worker does it, so that the page keeps drawing
 * frames while tiles arrive and the second core shares the work. Where there is no worker (tests
 * under Node, a browser that refuses it), or the worker fails, the page decodes the tile itself.
 */

let worker;
let lastId = 0;
const pending = new Map();

function failWorker() {
	worker?.terminate();
	worker = null;
	for (const [id, {buffer, layerName, resolve, reject}] of pending) {
		pending.delete(id);
		decodeHere(buffer, layerName).then(resolve, reject);
	}
}

function answer({data: {id, packed, error}}) {
	const request = pending.get(id);
	if (!request) {
		return;
	}
	pending.delete(id);
	if (error) {
		request.reject(new Error(error));
	} else {
		request.resolve(unpackRings(packed));
	}
}

function theWorker() {
	if (worker === undefined) {
		try {
			worker = typeof Worker === 'function' ? new Worker(new URL('./decodeWorker.js', import.meta.url), {type: 'module'}) : null;
		} catch {
			worker = null;
		}
		worker?.addEventListener('message', answer);
		worker?.addEventListener('error', failWorker);
	}
	return worker;
}

function decodeHere(buffer, layerName) {
	try {
		return Promise.resolve(decodeTile(buffer, layerName));
	} catch (error) {
		return Promise.reject(error);
	}
}

/** The tile decoded as decodeTile does, in the worker when there is one. */
export function decodeTileAside(buffer, layerName) {
	const decoder = buffer?.byteLength ? theWorker() : null;
	if (!decoder) {
		return decodeHere(buffer, layerName);
	}
	return new Promise((resolve, reject) => {
		const id = ++lastId;
		// Copied, not moved: the page still has the bytes if the worker fails.
		pending.set(id, {buffer, layerName, resolve, reject});
		decoder.postMessage({id, buffer, layerName});
	});
}
