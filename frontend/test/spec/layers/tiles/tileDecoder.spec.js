import {PbfWriter} from 'pbf';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {decodeTile} from '../../../../src/layers/tiles/decodeTile.js';
import {packRings} from '../../../../src/layers/tiles/packedRings.js';

/** A tile with one point of layer `name` (MVT 2.1: a layer's name, a feature's type and geometry, its extent). */
function pointTile(name) {
	const pbf = new PbfWriter();
	pbf.writeMessage(3, (layer, p) => {
		p.writeVarintField(15, 2);
		p.writeStringField(1, name);
		p.writeMessage(2, (feature, q) => {
			q.writeVarintField(1, 7);
			q.writeVarintField(3, 1);
			q.writePackedVarint(4, [1 | (1 << 3), 20, 40]);
		}, null);
		p.writeVarintField(5, 4096);
	}, null);
	return pbf.finish().slice().buffer;
}

/** Stands for the browser's Worker: answers as decodeWorker.js does, or fails when asked to. */
class FakeWorker extends EventTarget {
	static made = [];
	static fail = false;

	constructor(url, options) {
		super();
		this.url = String(url);
		this.options = options;
		this.posted = [];
		FakeWorker.made.push(this);
	}

	postMessage(data) {
		this.posted.push(data);
		setTimeout(() => {
			if (FakeWorker.fail) {
				this.dispatchEvent(new Event('error'));
			} else {
				this.dispatchEvent(Object.assign(new Event('message'), {data: {id: data.id, packed: packRings(decodeTile(data.buffer, data.layerName))}}));
			}
		});
	}

	terminate() {
		this.terminated = true;
	}
}

async function freshDecoder() {
	vi.resetModules();
	return (await import('../../../../src/layers/tiles/tileDecoder.js')).decodeTileAside;
}

describe('decodeTileAside', () => {
	beforeEach(() => {
		FakeWorker.made = [];
		FakeWorker.fail = false;
	});

	afterEach(() => vi.unstubAllGlobals());

	it('decodes in the page where there is no worker', async () => {
		const decode = await freshDecoder();
		const tile = await decode(pointTile('sluice'), 'sluice');
		expect(tile.features).toHaveLength(1);
		expect(tile.features[0].type).toBe('Point');
		expect([...tile.features[0].rings[0]]).toEqual([10, 20]);
	});

	it('hands a tile to one module worker and answers with what it decoded', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const decode = await freshDecoder();
		const [a, b] = await Promise.all([decode(pointTile('ditch'), 'ditch'), decode(pointTile('ditch'), 'land_parcel')]);
		expect(FakeWorker.made).toHaveLength(1);
		expect(FakeWorker.made[0].url).toMatch(/decodeWorker\.js/);
		expect(FakeWorker.made[0].options).toEqual({type: 'module'});
		expect(FakeWorker.made[0].posted.map((m) => m.layerName)).toEqual(['ditch', 'land_parcel']);
		expect(a.features).toHaveLength(1);
		expect(b.features).toHaveLength(0);
	});

	it('decodes in the page when the worker fails, then and afterwards', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		FakeWorker.fail = true;
		const decode = await freshDecoder();
		const tile = await decode(pointTile('ditch'), 'ditch');
		expect(tile.features).toHaveLength(1);
		expect(FakeWorker.made[0].terminated).toBe(true);
		const later = await decode(pointTile('ditch'), 'ditch');
		expect(later.features).toHaveLength(1);
		expect(FakeWorker.made).toHaveLength(1);
		expect(FakeWorker.made[0].posted).toHaveLength(1);
	});

	it('needs no worker for an empty answer (the server says 204)', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const decode = await freshDecoder();
		expect(await decode(null, 'ditch')).toEqual({extent: 4096, features: []});
		expect(FakeWorker.made).toHaveLength(0);
	});
});
