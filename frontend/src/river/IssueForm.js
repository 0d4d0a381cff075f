import {el, replaceChildren} from '../util/dom.js';
import {checkPhotos} from './photos.js';
import {CATEGORIES, MAX_PHOTOS, PHOTO_TYPES} from './RiverApi.js';

/**
 * Reporting an issue on a phone: where (the current GPS position, or a point tapped on the
 * map), which of the categories, what was seen, and photos shown as previews. Nothing is sent
 * from here: the page queues the report, so that it survives a dead zone.
 */
export class IssueForm {
	constructor(options) {
		const {container, i18n, onPickOnMap, onUseGps, onSubmit, onCancel, categories = () => null} = options;
		Object.assign(this, {i18n, onPickOnMap, onUseGps, onSubmit, onCancel, categories});
		this.photos = [];
		this.position = null;
		this.element = el('form', {class: 'hetu-river-sheet hetu-river-issue-form', hidden: true, novalidate: true,
			onsubmit: (e) => {
				e.preventDefault();
				this._submit();
			}});
		container.append(this.element);
	}

	get isOpen() {
		return !this.element.hidden;
	}

	open(position) {
		this.photos.forEach((photo) => URL.revokeObjectURL(photo.url));
		this.photos = [];
		this.position = position;
		this.category = null;
		this._build();
		this.element.hidden = false;
	}

	close() {
		this.photos.forEach((photo) => URL.revokeObjectURL(photo.url));
		this.photos = [];
		this.element.hidden = true;
	}

	/** The place of the issue: {lon, lat, accuracy?, source: 'gps'|'map'}. */
	setPosition(position) {
		this.position = position;
		this._drawPosition();
	}

	/** The categories of the patrol's type, as the server lists them; the river's four disorders when none is known. */
	_categories() {
		return this.categories() || CATEGORIES.map((id) => ({id, label: this.i18n.t(`river.category.${id}`)}));
	}

	_build() {
		const t = (key, params) => this.i18n.t(key, params);
		this.positionText = el('p', {class: 'hetu-river-issue-form__position', 'data-role': 'position'});
		this.categoryList = el('div', {class: 'hetu-river-chips', role: 'radiogroup', 'aria-label': t('river.issue.category')},
			this._categories().map(({id, label}) => el('label', {class: 'hetu-river-chip'},
				el('input', {type: 'radio', name: 'category', value: id, onchange: () => {
					this.category = id;
				}}),
				el('span', {}, label))));
		this.description = el('textarea', {name: 'description', rows: '3', maxlength: '2000', class: 'hetu-input', id: 'hetu-river-issue-description',
			placeholder: t('river.issue.descriptionHint')});
		this.fileInput = el('input', {type: 'file', accept: PHOTO_TYPES.join(','), capture: 'environment', multiple: true,
			class: 'hetu-river-file', id: 'hetu-river-issue-photos', onchange: () => this._addFiles()});
		this.previews = el('div', {class: 'hetu-river-previews'});
		this.photoProblems = el('p', {class: 'hetu-river-problem', role: 'alert', hidden: true});
		this.problem = el('p', {class: 'hetu-river-problem', role: 'alert', hidden: true});
		replaceChildren(this.element,
			el('h3', {class: 'hetu-river-sheet__title'}, t('river.issue.title')),
			el('div', {class: 'hetu-river-field'},
				el('span', {class: 'hetu-river-field__label'}, t('river.issue.position')),
				this.positionText,
				el('div', {class: 'hetu-river-row'},
					el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'issue-use-gps', onclick: () => this.onUseGps()}, t('river.issue.useGps')),
					el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'issue-pick', onclick: () => this.onPickOnMap()}, t('river.issue.pickOnMap')))),
			el('div', {class: 'hetu-river-field'},
				el('span', {class: 'hetu-river-field__label'}, t('river.issue.category')), this.categoryList),
			el('label', {class: 'hetu-river-field', for: 'hetu-river-issue-description'},
				el('span', {class: 'hetu-river-field__label'}, t('river.issue.description')), this.description),
			el('div', {class: 'hetu-river-field'},
				el('label', {class: 'hetu-river-field__label', for: 'hetu-river-issue-photos'}, t('river.issue.photos', {max: MAX_PHOTOS})),
				this.fileInput, this.previews, this.photoProblems),
			this.problem,
			el('div', {class: 'hetu-river-sheet__actions'},
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-river-big', onclick: () => this.onCancel()}, t('common.cancel')),
				el('button', {type: 'submit', class: 'hetu-button hetu-river-big', 'data-action': 'issue-submit'}, t('river.issue.submit'))));
		this._drawPosition();
	}

	_drawPosition() {
		if (!this.positionText) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const p = this.position;
		this.positionText.textContent = !p ? t('river.issue.noPosition')
			: p.source === 'gps' ? t('river.issue.atGps', {lon: p.lon.toFixed(5), lat: p.lat.toFixed(5), accuracy: Math.round(p.accuracy)})
				: t('river.issue.atMap', {lon: p.lon.toFixed(5), lat: p.lat.toFixed(5)});
	}

	_addFiles() {
		const t = (key, params) => this.i18n.t(key, params);
		const {accepted, refused} = checkPhotos(this.photos, [...this.fileInput.files]);
		this.photos.push(...accepted.map((file) => ({file, url: URL.createObjectURL(file)})));
		this.fileInput.value = '';
		this.photoProblems.hidden = !refused.length;
		this.photoProblems.textContent = refused.map(({file, reason}) => t(`river.photo.refused.${reason}`, {name: file.name, max: MAX_PHOTOS})).join(' ');
		this._drawPreviews();
	}

	_drawPreviews() {
		const t = (key, params) => this.i18n.t(key, params);
		replaceChildren(this.previews, this.photos.map((photo) => el('figure', {class: 'hetu-river-preview'},
			el('img', {src: photo.url, alt: photo.file.name}),
			el('button', {type: 'button', class: 'hetu-river-preview__remove', 'aria-label': t('river.photo.remove', {name: photo.file.name}),
				onclick: () => {
					URL.revokeObjectURL(photo.url);
					this.photos = this.photos.filter((p) => p !== photo);
					this._drawPreviews();
				}}, '×'))));
	}

	async _submit() {
		const t = (key) => this.i18n.t(key);
		const description = this.description.value.trim();
		const missing = !this.position ? 'river.issue.needPosition' : !this.category ? 'river.issue.needCategory' : !description ? 'river.issue.needDescription' : null;
		this.problem.hidden = !missing;
		if (missing) {
			this.problem.textContent = t(missing);
			return;
		}
		const {lon, lat} = this.position;
		await this.onSubmit({lon, lat, category: this.category, description, photos: this.photos.map((p) => p.file)});
	}
}
