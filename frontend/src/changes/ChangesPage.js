import {fieldLabelKey} from '../catalog/Schema.js';
import {formatDateTime} from '../format/Units.js';
import {el, replaceChildren} from '../util/dom.js';
import {HISTORY_ACTIONS, changedFieldsOf} from '../ui/HistoryView.js';
import {loadPage} from '../ui/loadPage.js';
import {problemText} from '../ui/problemText.js';

/** Changed fields listed per change before "and N more". */
const FIELDS_SHOWN = 6;

/**
 * Recent changes across the registry, newest first, filtered by user and collection (kept in
 * the URL hash) and paged with "more": each row says when, who, what was done to which
 * feature, and which fields changed; the feature opens on the map.
 */
export class ChangesPage {
	constructor(options) {
		const {container, i18n, api, layers, collectionTitle, userName, featureHref, onOpenFeature, onFilter, users = [], pageSize = 50} = options;
		Object.assign(this, {container, i18n, api, layers, collectionTitle, userName, featureHref, onOpenFeature, onFilter, pageSize});
		this.titleKey = 'changes.title';
		this.params = {};
		this.changes = [];
		this.state = 'idle';
		this.more = false;
		this.users = new Set(users);
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._controller?.abort();
	}

	/** Shows the changes matching `params` ({user, collection}), loading the first page unless they are on show already. */
	show(params = {}, options = {}) {
		const {reload = false} = options;
		const same = !reload && this.state !== 'idle' && params.user === this.params.user && params.collection === this.params.collection;
		this.params = {...params};
		if (!same) {
			this.changes = [];
			this._load();
		}
		this.render();
	}

	_load(before) {
		return loadPage(this, (signal) => this.api.changes({...this.params, before, limit: this.pageSize}, {signal}), (page) => {
			const list = Array.isArray(page) ? page : [];
			this.changes = before ? [...this.changes, ...list] : list;
			this.more = list.length === this.pageSize;
			for (const change of list) {
				this.users.add(change.username);
			}
		}, {loadingState: before ? 'more' : 'loading'});
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		const user = el('input', {
			type: 'search', class: 'hetu-input', id: 'hetu-changes-user', name: 'user', list: 'hetu-changes-users',
			autocomplete: 'off', spellcheck: 'false', placeholder: t('changes.anyUser')
		});
		user.value = this.params.user || '';
		const collection = el('select', {class: 'hetu-select', id: 'hetu-changes-collection', name: 'collection'},
			el('option', {value: ''}, t('changes.anyCollection')),
			this.layers.map((layer) => el('option', {value: layer.id}, this.collectionTitle(layer.id))));
		collection.value = this.params.collection || '';
		const apply = () => this.onFilter({user: user.value.trim(), collection: collection.value});
		collection.addEventListener('change', apply);
		const filters = el('form', {class: 'hetu-filters', role: 'search', 'aria-label': t('changes.filters'), onsubmit: (e) => {
			e.preventDefault();
			apply();
		}},
		el('div', {class: 'hetu-form__field'}, el('label', {class: 'hetu-field-label', for: 'hetu-changes-user'}, t('changes.user')), user,
			el('datalist', {id: 'hetu-changes-users'}, [...this.users].sort().map((name) => el('option', {value: name})))),
		el('div', {class: 'hetu-form__field'}, el('label', {class: 'hetu-field-label', for: 'hetu-changes-collection'}, t('changes.collection')), collection),
		el('div', {class: 'hetu-filters__actions'},
			el('button', {type: 'submit', class: 'hetu-button'}, t('changes.apply')),
			this.params.user || this.params.collection
				? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => this.onFilter({})}, t('changes.clear'))
				: null));

		let body;
		if (this.state === 'loading') {
			body = el('p', {class: 'hetu-hint hetu-page__status'}, t('common.loading'));
		} else if (this.state === 'error' && !this.changes.length) {
			body = el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(this._error, this.i18n));
		} else if (!this.changes.length) {
			body = el('p', {class: 'hetu-hint hetu-page__status'}, t('changes.empty'));
		} else {
			body = el('table', {class: 'hetu-table hetu-table--changes'},
				el('caption', {class: 'hetu-visually-hidden'}, t('changes.title')),
				el('thead', {}, el('tr', {},
					['changes.when', 'changes.who', 'changes.action', 'changes.feature', 'changes.fields'].map((key) => el('th', {scope: 'col'}, t(key))))),
				el('tbody', {}, this.changes.map((change) => this._row(change))));
		}
		const footer = [];
		if (this.state === 'error' && this.changes.length) {
			footer.push(el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(this._error, this.i18n)));
		}
		if (this.changes.length && (this.more || this.state === 'more')) {
			footer.push(el('button', {
				type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'more', disabled: this.state === 'more',
				onclick: () => this._load(this.changes[this.changes.length - 1].id)
			}, t(this.state === 'more' ? 'common.loading' : 'changes.more')));
		} else if (this.changes.length && this.state === 'loaded') {
			footer.push(el('p', {class: 'hetu-hint'}, t('changes.end', {n: this.changes.length})));
		}
		replaceChildren(this.container,
			el('p', {class: 'hetu-page__lead'}, t('changes.lead')),
			filters,
			el('div', {class: 'hetu-table-wrap', 'aria-busy': String(this.state === 'loading' || this.state === 'more')}, body),
			el('div', {class: 'hetu-page__more'}, footer));
	}

	_row(change) {
		const t = (key, params) => this.i18n.t(key, params);
		const action = HISTORY_ACTIONS.includes(change.action) ? change.action : 'update';
		const title = change.name || change.code || `#${change.featureId}`;
		const kind = el('span', {class: 'hetu-change-row__kind'}, this.collectionTitle(change.collection),
			change.name && change.code ? el('span', {class: 'hetu-mono'}, ` ${change.code}`) : null);
		let fields;
		if (action === 'create') {
			fields = t('history.created');
		} else if (action === 'delete') {
			fields = t('history.deleted');
		} else {
			const keys = changedFieldsOf(change, change.collection);
			const names = keys.slice(0, FIELDS_SHOWN).map((key) => this._label(change.collection, key));
			const separator = this.i18n.isChinese ? '、' : ', ';
			fields = keys.length > FIELDS_SHOWN
				? t('changes.fieldsMore', {fields: names.join(separator), n: keys.length - FIELDS_SHOWN})
				: names.join(separator) || t('history.noVisibleChange');
		}
		return el('tr', {class: 'hetu-change-row', 'data-change': String(change.id)},
			el('td', {'data-label': t('changes.when')}, el('time', {datetime: change.at}, formatDateTime(change.at))),
			el('td', {'data-label': t('changes.who')}, this.userName(change.username)),
			el('td', {'data-label': t('changes.action')}, el('span', {class: `hetu-tag hetu-tag--${action}`}, t(`history.action.${action}`))),
			// A deleted feature opens too: its page shows it as it was, with the history to restore it from.
			el('td', {'data-label': t('changes.feature'), class: 'hetu-change-row__feature'},
				el('a', {
					href: this.featureHref(change.collection, change.featureId), 'data-feature': `${change.collection}/${change.featureId}`,
					class: 'hetu-change-row__name',
					onclick: (e) => {
						e.preventDefault();
						this.onOpenFeature(change.collection, change.featureId);
					}
				}, title), kind),
			el('td', {'data-label': t('changes.fields'), class: 'hetu-table__fields'}, fields));
	}

	_label(collection, key) {
		if (key === 'geom') {
			return this.i18n.t('field.geom');
		}
		const labelKey = fieldLabelKey(collection, key, this.i18n.messages);
		return this.i18n.has(labelKey) ? this.i18n.t(labelKey) : key;
	}
}
