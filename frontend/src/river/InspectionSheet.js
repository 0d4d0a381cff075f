import {el, replaceChildren} from '../util/dom.js';
import {inspectable, localName} from './FieldTypes.js';

const STATION_STATUSES = ['online', 'offline', 'damaged'];

/**
 * An inspection on a phone: which of one's assets, each checklist item passed or failed (a failed item becomes an
 * issue on the server, with the type's deadline), a note, and for a warning station how it was found. Nothing is
 * sent from here: the inspection rides with the patrol in the upload queue.
 */
export class InspectionSheet {
	constructor({container, i18n, onSubmit, onCancel}) {
		Object.assign(this, {i18n, onSubmit, onCancel});
		this.element = el('form', {class: 'hetu-river-sheet hetu-river-inspection', hidden: true, novalidate: true, 'data-role': 'inspection',
			onsubmit: (e) => {
				e.preventDefault();
				this._submit();
			}});
		container.append(this.element);
	}

	get isOpen() {
		return !this.element.hidden;
	}

	open(type, fieldWork, done) {
		this.type = type;
		this.assets = inspectable(type, fieldWork).filter((d) => !done.some((i) => i.collection === d.collection && i.assetId === d.assetId));
		this._build();
		this.element.hidden = false;
	}

	close() {
		this.element.hidden = true;
	}

	_build() {
		const t = (key, params) => this.i18n.t(key, params);
		this.asset = el('select', {class: 'hetu-select', id: 'hetu-river-inspect-asset', 'data-role': 'inspect-asset', onchange: () => this._drawItems()},
			this.assets.map((d, i) => el('option', {value: String(i)}, `${d.name || d.assetId}${d.town ? ` · ${d.town}` : ''}`)));
		this.items = el('div', {class: 'hetu-river-inspection__items'});
		this.problem = el('p', {class: 'hetu-river-problem', role: 'alert', hidden: true});
		replaceChildren(this.element,
			el('h3', {class: 'hetu-river-sheet__title'}, t('river.inspect.title')),
			this.assets.length
				? el('label', {class: 'hetu-river-field', for: 'hetu-river-inspect-asset'}, el('span', {class: 'hetu-river-field__label'}, t('river.inspect.asset')), this.asset)
				: el('p', {class: 'hetu-hint'}, t('river.inspect.none')),
			this.items,
			this.problem,
			el('div', {class: 'hetu-river-row'},
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => this.onCancel()}, t('common.cancel')),
				this.assets.length ? el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'inspect-save'}, t('river.inspect.save')) : null));
		this._drawItems();
	}

	_drawItems() {
		const t = (key) => this.i18n.t(key);
		const duty = this.assets[Number(this.asset.value || 0)];
		if (!duty) {
			replaceChildren(this.items);
			return;
		}
		const checklist = this.type.checklists[duty.collection];
		replaceChildren(this.items,
			checklist.map((item) => el('fieldset', {class: 'hetu-river-check', 'data-item': item.id},
				el('legend', {}, localName(item.name, this.i18n)),
				el('label', {class: 'hetu-river-chip'}, el('input', {type: 'radio', name: `check-${item.id}`, value: 'ok', checked: true}), el('span', {}, t('river.inspect.ok'))),
				el('label', {class: 'hetu-river-chip'}, el('input', {type: 'radio', name: `check-${item.id}`, value: 'failed'}), el('span', {}, t('river.inspect.failed'))),
				el('input', {type: 'text', class: 'hetu-input', name: `note-${item.id}`, maxlength: '500', placeholder: t('river.inspect.note')}))),
			duty.collection === 'warning_station'
				? el('label', {class: 'hetu-river-field'}, el('span', {class: 'hetu-river-field__label'}, t('river.inspect.stationStatus')),
					el('select', {class: 'hetu-select', name: 'stationStatus', 'data-role': 'station-status'},
						STATION_STATUSES.map((s) => el('option', {value: s}, t(`river.inspect.station.${s}`)))))
				: null);
	}

	_submit() {
		const duty = this.assets[Number(this.asset.value || 0)];
		if (!duty) {
			return;
		}
		const form = this.element;
		const results = this.type.checklists[duty.collection].map((item) => {
			const note = form.elements[`note-${item.id}`]?.value.trim();
			return {item: item.id, ok: form.elements[`check-${item.id}`].value !== 'failed', ...(note ? {note} : {})};
		});
		const stationStatus = form.elements.stationStatus?.value;
		this.onSubmit({collection: duty.collection, assetId: duty.assetId, name: duty.name, ...(stationStatus ? {stationStatus} : {}), results});
	}
}
