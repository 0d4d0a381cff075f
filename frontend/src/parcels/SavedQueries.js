import {isAbort} from '../api/ApiError.js';
import {formatDateTime} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {copyText} from '../util/copyText.js';
import {el, replaceChildren} from '../util/dom.js';
import {conditionCount} from './ParcelQuery.js';

/**
 * Named parcel queries that every colleague can open by link: the current query saved under
 * a name, the list of saved ones (newest first) with their links, and deletion by the owner
 * or an administrator.
 */
export class SavedQueries {
	constructor(options) {
		const {container, i18n, parcelApi, session, currentQuery, linkFor, userName = (name) => name, onOpen, onSaved} = options;
		Object.assign(this, {i18n, parcelApi, session, currentQuery, linkFor, userName});
		this.callbacks = {onOpen, onSaved};
		this.element = el('section', {class: 'hetu-parcel-saved', 'aria-labelledby': 'hetu-parcel-saved-title'});
		container.append(this.element);
		this.state = {status: 'idle', items: [], error: null, saving: false, notice: null, nameError: null, confirm: null, activeId: null};
		this.name = '';
	}

	destroy() {
		this._controller?.abort();
		this.element.remove();
	}

	/** Loads the list (again). */
	async load() {
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this.state.status = 'loading';
		this.render();
		try {
			const items = await this.parcelApi.savedQueries({signal: controller.signal});
			if (controller !== this._controller) {
				return;
			}
			this.state.items = Array.isArray(items) ? items : [];
			this.state.status = 'ready';
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this.state.status = 'error';
			this.state.error = error;
		}
		this.render();
	}

	/** Marks the saved query whose link is open. */
	setActive(id) {
		this.state.activeId = id ? String(id) : null;
		this.render();
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		const {status, items, saving, notice, nameError} = this.state;
		const count = conditionCount(this.currentQuery());
		const name = el('input', {type: 'text', class: 'hetu-input', id: 'hetu-saved-name', name: 'name', maxlength: '120', autocomplete: 'off',
			placeholder: t('parcels.saved.namePlaceholder'), 'aria-invalid': nameError ? 'true' : null, 'aria-describedby': 'hetu-saved-name-error',
			oninput: (e) => {
				this.name = e.target.value;
			}});
		name.value = this.name;
		const form = el('form', {class: 'hetu-parcel-saved__form', novalidate: true, onsubmit: (e) => {
			e.preventDefault();
			this._save();
		}},
		el('label', {class: 'hetu-field-label', for: 'hetu-saved-name'}, t('parcels.saved.name')),
		el('div', {class: 'hetu-parcel-saved__row'}, name,
			el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save-query', disabled: saving}, t(saving ? 'parcels.plan.saving' : 'parcels.saved.save'))),
		el('p', {class: 'hetu-form__error', id: 'hetu-saved-name-error', role: 'alert', hidden: !nameError}, nameError ? t(nameError) : ''),
		el('p', {class: 'hetu-form__hint'}, count ? t('parcels.saved.hint', {n: count}) : t('parcels.saved.hintEmpty')),
		notice ? el('p', {class: `hetu-form__note hetu-form__note--${notice.kind}`, role: 'status'}, notice.text) : null);
		let list;
		if (status === 'loading' && !items.length) {
			list = el('p', {class: 'hetu-hint'}, t('common.loading'));
		} else if (status === 'error') {
			list = el('p', {class: 'hetu-form__error', role: 'alert'}, problemText(this.state.error, this.i18n));
		} else if (!items.length) {
			list = el('p', {class: 'hetu-hint', 'data-state': 'empty'}, t('parcels.saved.none'));
		} else {
			list = el('ul', {class: 'hetu-parcel-saved__list'}, items.map((item) => this._item(item)));
		}
		this.element.dataset.status = saving ? 'saving' : status;
		replaceChildren(this.element,
			el('h3', {class: 'hetu-visually-hidden', id: 'hetu-parcel-saved-title'}, t('parcels.saved.title')),
			this._mayShare() ? form : el('p', {class: 'hetu-hint', 'data-state': 'read-only'}, t('parcels.saved.readOnly')),
			el('h4', {class: 'hetu-parcel-saved__subtitle'}, t('parcels.saved.list')),
			list);
	}

	/** Saved queries are listed to every colleague, so only those who may share anything save them (as the server decides). */
	_mayShare() {
		return this.session.isAdmin || this.session.hasRole('editor') || this.session.hasRole('planner');
	}

	_item(item) {
		const t = (key, params) => this.i18n.t(key, params);
		const mine = item.owner === this.session.username || this.session.isAdmin;
		const href = this.linkFor(item.id, {relative: true});
		const confirming = this.state.confirm === String(item.id);
		const active = this.state.activeId === String(item.id);
		return el('li', {class: `hetu-parcel-saved__item${active ? ' is-active' : ''}`, 'data-saved': String(item.id)},
			el('a', {class: 'hetu-parcel-saved__name', href, onclick: (e) => {
				e.preventDefault();
				this.callbacks.onOpen?.(item);
			}}, item.name),
			el('span', {class: 'hetu-parcel-saved__meta'},
				t('parcels.saved.meta', {owner: this.userName(item.owner), at: formatDateTime(item.createdAt), n: conditionCount(item.query || {})})),
			el('span', {class: 'hetu-parcel-saved__actions'},
				el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'copy-saved-link', onclick: async (e) => {
					const button = e.currentTarget;
					await copyText(this.linkFor(item.id));
					button.textContent = t('parcels.saved.copied');
				}}, t('parcels.saved.copy')),
				mine && !confirming ? el('button', {type: 'button', class: 'hetu-link-button hetu-parcel-saved__delete', 'data-action': 'delete-saved', onclick: () => {
					this.state.confirm = String(item.id);
					this.render();
				}}, t('parcels.saved.delete')) : null,
				confirming ? el('span', {class: 'hetu-inline-confirm'},
					el('span', {}, t('parcels.saved.confirm')),
					el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--danger', 'data-action': 'confirm-delete-saved',
						onclick: () => this._delete(item)}, t('parcels.saved.delete')),
					el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', onclick: () => {
						this.state.confirm = null;
						this.render();
					}}, t('common.cancel'))) : null));
	}

	async _save() {
		const name = this.name.trim();
		if (!name) {
			this.state.nameError = 'parcels.saved.nameNeeded';
			this.render();
			this.element.querySelector('#hetu-saved-name')?.focus();
			return;
		}
		this.state = {...this.state, saving: true, nameError: null, notice: null};
		this.render();
		try {
			const saved = await this.parcelApi.saveQuery(name, this.currentQuery());
			this.name = '';
			this.state = {...this.state, saving: false, notice: {kind: 'ok', text: this.i18n.t('parcels.saved.done', {name: saved.name})}};
			this.callbacks.onSaved?.(saved);
			await this.load();
		} catch (error) {
			this.state = {...this.state, saving: false, notice: {kind: 'error', text: problemText(error, this.i18n)}};
			this.render();
		}
	}

	async _delete(item) {
		try {
			await this.parcelApi.deleteQuery(item.id);
			this.state.confirm = null;
			await this.load();
		} catch (error) {
			this.state.confirm = null;
			this.state.notice = {kind: 'error', text: error?.status === 403 ? this.i18n.t('parcels.saved.notYours') : problemText(error, this.i18n)};
			this.render();
		}
	}
}
