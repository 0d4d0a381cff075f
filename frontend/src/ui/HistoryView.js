import {ATTRIBUTE_FIELDS, fieldLabelKey, fieldsOf} from '../catalog/Schema.js';
import {formatDateTime} from '../format/Units.js';
import {el, replaceChildren} from '../util/dom.js';
import {loadPage} from './loadPage.js';

/** What a recorded change did to a feature. */
export const HISTORY_ACTIONS = ['create', 'update', 'delete'];

/** Columns that every change stamps anew; listing them would say nothing. */
const STAMP_FIELDS = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version']);

/** The geometry of a row image as plain GeoJSON (the audit trail may add a legacy `crs` member). */
export function rowGeometry(row) {
	const geom = row?.geom;
	if (!geom || typeof geom !== 'object' || !geom.type) {
		return null;
	}
	const {crs, ...geometry} = geom;
	return geometry;
}

/** The fields a change touched that a reader cares about, in the order of the schema. */
export function changedFieldsOf(change, collection) {
	const order = fieldsOf(collection).map((f) => f.key);
	const rank = (key) => (key === 'geom' ? -1 : key === 'name' ? -0.5 : order.includes(key) ? order.indexOf(key) : order.length);
	return (change.changedFields || []).filter((key) => !STAMP_FIELDS.has(key)).sort((a, b) => rank(a) - rank(b));
}

/**
 * The history of one feature in its details: who changed what and when, newest first, each
 * field under its label with the value before and after; any version's shape can be drawn on
 * the map, and users who may edit the collection can put an earlier version back.
 */
export class HistoryView {
	constructor(options) {
		const {i18n, formatter, collection, featureId, load, canRestore, onRestore, onShowVersion, userName = (name) => name} = options;
		Object.assign(this, {i18n, formatter, collection, featureId, load, canRestore, onRestore, onShowVersion, userName});
		this.element = el('div', {class: 'hetu-history', 'data-feature': `${collection}/${featureId}`});
		this.state = 'idle';
		this.changes = [];
		this._shown = null;
		this._confirm = null;
		this._busy = null;
		this._notes = new Map();
	}

	/** Loads the history (again) and draws it; a call while loading waits for the load under way. */
	refresh() {
		if (this.state === 'loading' && this._loading) {
			return this._loading;
		}
		this._loading = this._load().finally(() => {
			this._loading = null;
		});
		return this._loading;
	}

	_load() {
		return loadPage(this, (signal) => this.load(this.collection, this.featureId, {signal}), (changes) => {
			this.changes = Array.isArray(changes) ? changes : [];
		});
	}

	/** Stops loading and takes any earlier version off the map. */
	destroy() {
		this._controller?.abort();
		if (this._shown !== null) {
			this._shown = null;
			this.onShowVersion?.(null);
		}
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		let body;
		if (this.state === 'loading' || this.state === 'idle') {
			body = el('p', {class: 'hetu-hint'}, t('history.loading'));
		} else if (this.state === 'error') {
			body = el('p', {class: 'hetu-detail__message hetu-detail__message--error', role: 'alert'},
				this._error?.status === 401 ? t('auth.signInToView') : t('history.failed'));
		} else if (!this.changes.length) {
			body = el('p', {class: 'hetu-hint'}, t('history.empty'));
		} else {
			body = el('ol', {class: 'hetu-changes'}, this.changes.map((change, index) => this._change(change, index)));
		}
		replaceChildren(this.element, body);
		return this.element;
	}

	_change(change, index) {
		const t = (key, params) => this.i18n.t(key, params);
		const action = HISTORY_ACTIONS.includes(change.action) ? change.action : 'update';
		const current = index === 0 && action !== 'delete';
		const head = el('div', {class: 'hetu-change__head'},
			el('span', {class: `hetu-tag hetu-tag--${action}`}, t(`history.action.${action}`)),
			el('time', {class: 'hetu-change__time', datetime: change.at}, formatDateTime(change.at)),
			el('span', {class: 'hetu-change__user'}, t('history.by', {user: this.userName(change.username)})),
			current ? el('span', {class: 'hetu-tag hetu-tag--current'}, t('history.current')) : null);

		let summary;
		if (action === 'create') {
			summary = el('p', {class: 'hetu-change__summary'}, t('history.created'));
		} else if (action === 'delete') {
			summary = el('p', {class: 'hetu-change__summary'}, t('history.deleted'));
		} else {
			const rows = this._diffRows(change);
			summary = rows.length
				? el('dl', {class: 'hetu-change__fields'}, rows)
				: el('p', {class: 'hetu-change__summary'}, t('history.noVisibleChange'));
		}

		const geometry = rowGeometry(change.after);
		const actions = [];
		if (geometry && !current) {
			const shown = this._shown === change.id;
			actions.push(el('button', {
				type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'show-version',
				'aria-pressed': String(shown), onclick: () => this._toggleVersion(change)
			}, t(shown ? 'history.hideVersion' : 'history.showVersion')));
		}
		if (change.after && !current && this.canRestore(this.collection)) {
			if (this._confirm === change.id) {
				actions.push(el('span', {class: 'hetu-change__confirm'},
					el('span', {}, t('history.confirmRestore')),
					el('button', {
						type: 'button', class: 'hetu-button hetu-button--small', 'data-action': 'confirm-restore',
						disabled: this._busy === change.id, onclick: () => this._restore(change)
					}, t(this._busy === change.id ? 'history.restoring' : 'history.restoreConfirm')),
					el('button', {
						type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small',
						onclick: () => {
							this._confirm = null;
							this.render();
						}
					}, t('common.cancel'))));
			} else {
				actions.push(el('button', {
					type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'restore',
					onclick: () => {
						this._confirm = change.id;
						this._notes.delete(change.id);
						this.render();
					}
				}, t('history.restore')));
			}
		}
		const note = this._notes.get(change.id);
		return el('li', {class: `hetu-change hetu-change--${action}`, 'data-change': String(change.id), 'data-action': action},
			head, summary,
			actions.length ? el('div', {class: 'hetu-change__actions'}, actions) : null,
			note ? el('p', {class: `hetu-change__note hetu-change__note--${note.kind}`, role: note.kind === 'error' ? 'alert' : 'status'}, t(note.key, note.params)) : null);
	}

	/** One row per changed field: label, value before, value after. */
	_diffRows(change) {
		const t = (key) => this.i18n.t(key);
		const before = change.before || {};
		const after = change.after || {};
		const rows = [];
		const row = (key, label, from, to) => el('div', {class: 'hetu-change__field', 'data-field': key},
			el('dt', {}, label),
			el('dd', {},
				from === null ? null : el('del', {class: 'hetu-change__before'}, from),
				from === null ? null : el('span', {class: 'hetu-change__arrow', 'aria-hidden': 'true'}, ' → '),
				el('ins', {class: 'hetu-change__after'}, to)));
		for (const key of changedFieldsOf(change, this.collection)) {
			if (key === 'geom') {
				rows.push(row(key, t('field.geom'), null, t('history.geometryChanged')));
			} else if (key === 'attributes') {
				rows.push(...this._attributeRows(before.attributes, after.attributes, row));
			} else {
				rows.push(row(key, this._label(key), this._value(key, before[key], before), this._value(key, after[key], after)));
			}
		}
		return rows;
	}

	_attributeRows(before, after, row) {
		const from = before && typeof before === 'object' ? before : {};
		const to = after && typeof after === 'object' ? after : {};
		const known = new Map(ATTRIBUTE_FIELDS.map((f) => [f.key, f]));
		const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])]
			.filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]));
		return keys.map((key) => {
			const field = known.get(key) || {key, kind: 'text'};
			const labelKey = `attr.${key}`;
			const label = this.i18n.has(labelKey) ? this.i18n.t(labelKey) : key;
			const text = (value) => this.formatter.format(field, value, to) ?? this.i18n.t('value.empty');
			return row(`attributes.${key}`, label, text(from[key]), text(to[key]));
		});
	}

	_label(key) {
		const labelKey = fieldLabelKey(this.collection, key, this.i18n.messages);
		return this.i18n.has(labelKey) ? this.i18n.t(labelKey) : key;
	}

	_value(key, value, row) {
		const field = fieldsOf(this.collection).find((f) => f.key === key) || {key, kind: key === 'name' ? 'text' : 'json'};
		return this.formatter.format(field, value, row) ?? this.i18n.t('value.empty');
	}

	_toggleVersion(change) {
		if (this._shown === change.id) {
			this._shown = null;
			this.onShowVersion?.(null);
		} else {
			this._shown = change.id;
			this.onShowVersion?.({geometry: rowGeometry(change.after), label: formatDateTime(change.at)});
		}
		this.render();
	}

	async _restore(change) {
		this._busy = change.id;
		this.render();
		try {
			await this.onRestore(this.collection, this.featureId, change);
			this._busy = null;
			this._confirm = null;
			if (this._shown !== null) {
				this._shown = null;
				this.onShowVersion?.(null);
			}
			await this.refresh();
			const newest = this.changes[0];
			if (newest) {
				this._notes.set(newest.id, {kind: 'ok', key: 'history.restored', params: {time: formatDateTime(change.at)}});
				this.render();
			}
		} catch (error) {
			this._busy = null;
			this._confirm = null;
			let note;
			if (error?.status === 403) {
				note = {key: 'history.forbidden'};
			} else if (error?.status === 0) {
				note = {key: 'error.network'};
			} else if (error?.status === 409) {
				note = {key: 'history.conflict'};
			} else {
				note = {key: 'history.restoreFailed', params: {status: error?.status || '?'}};
			}
			this._notes.set(change.id, {kind: 'error', ...note});
			this.render();
		}
	}
}
