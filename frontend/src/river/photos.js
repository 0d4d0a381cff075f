import {MAX_PHOTOS, MAX_PHOTO_BYTES, PHOTO_TYPES} from './RiverApi.js';

/**
 * Which of the chosen files may join the `kept` ones, checked before anything is queued so that
 * the server never has to refuse a photo the chief can no longer retake: {accepted, refused},
 * each refusal with its reason (type, size or count).
 */
export function checkPhotos(kept, files) {
	const accepted = [];
	const refused = [];
	for (const file of files) {
		if (!PHOTO_TYPES.includes(file.type)) {
			refused.push({file, reason: 'type'});
		} else if (file.size > MAX_PHOTO_BYTES) {
			refused.push({file, reason: 'size'});
		} else if (kept.length + accepted.length >= MAX_PHOTOS) {
			refused.push({file, reason: 'count'});
		} else {
			accepted.push(file);
		}
	}
	return {accepted, refused};
}
