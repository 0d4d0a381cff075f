import {describe, expect, it} from 'vitest';
import {checkPhotos} from '../../../src/river/photos.js';
import {MAX_PHOTOS, MAX_PHOTO_BYTES} from '../../../src/river/RiverApi.js';

const file = (name, type = 'image/jpeg', size = 1000) => ({name, type, size});

describe('photos chosen for an issue', () => {
	it('take JPEG, PNG and WebP up to 8 MB', () => {
		const {accepted, refused} = checkPhotos([], [file('a.jpg'), file('b.png', 'image/png'), file('c.webp', 'image/webp'),
			file('d.heic', 'image/heic'), file('e.jpg', 'image/jpeg', MAX_PHOTO_BYTES + 1)]);
		expect(accepted.map((f) => f.name)).toEqual(['a.jpg', 'b.png', 'c.webp']);
		expect(refused.map((r) => `${r.file.name}:${r.reason}`)).toEqual(['d.heic:type', 'e.jpg:size']);
	});

	it('stop at nine per issue', () => {
		const kept = Array.from({length: MAX_PHOTOS - 1}, (_, i) => file(`${i}.jpg`));
		const {accepted, refused} = checkPhotos(kept, [file('x.jpg'), file('y.jpg')]);
		expect(accepted.map((f) => f.name)).toEqual(['x.jpg']);
		expect(refused.map((r) => r.reason)).toEqual(['count']);
	});
});
