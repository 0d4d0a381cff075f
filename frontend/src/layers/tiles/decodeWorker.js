import {decodeTile} from './decodeTile.js';
import {packRings} from './packedRings.js';

/**
 * Decodes tiles for tileDecoder.js off the page's thread. The rings of all features go back in one
 * buffer, moved without a copy: thousands of small buffers cost the page more to take than to decode.
 */
self.onmessage = ({data: {id, buffer, layerName}}) => {
	try {
		const packed = packRings(decodeTile(buffer, layerName));
		self.postMessage({id, packed}, [packed.coordinates.buffer, packed.ringEnds.buffer]);
	} catch (error) {
		self.postMessage({id, error: String(error?.message || error)});
	}
};
