import {OfflineStore} from './OfflineStore.js';
import {RiverApi} from './RiverApi.js';
import {UploadQueue} from './UploadQueue.js';

let shared = null;

/**
 * The upload queue of the signed-in user, started the first time anyone asks (the workspace
 * does on start for river users, so that a reload sends what an earlier visit left).
 */
export function uploadQueue(options) {
	const {api, owner, window: win = globalThis.window} = options;
	if (shared && shared.queue.owner !== owner) {
		stopUploads();
	}
	if (!shared) {
		const queue = new UploadQueue({store: new OfflineStore({indexedDB: win.indexedDB}), riverApi: new RiverApi({api}), owner, window: win});
		const stop = queue.start();
		shared = {queue, stop};
	}
	return shared.queue;
}

/** Stops the queue when the user signs out; what is queued stays in the browser for the next start. */
export function stopUploads() {
	shared?.stop();
	shared = null;
}
