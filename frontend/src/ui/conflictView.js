import {fieldLabelKey} from '../catalog/Schema.js';
import {formatDateTime} from '../format/Units.js';
import {el} from '../util/dom.js';

/**
 * Both versions of a record side by side after a stale save: for each field that the user or
 * the other writer changed, the user's value and the value saved now, with the fields both
 * changed marked; then the choice to re-apply one's own changes or to reload.
 * `conflict` is {current, mine, rows} (rows from `conflictRows`).
 */
export function conflictView(options) {
	const {i18n, formatter, collection, fields = [], conflict, saving = false, onReapply, onReload} = options;
	const t = (key, params) => i18n.t(key, params);
	const props = conflict.current?.properties || {};
	const value = (key, properties) => {
		const field = fields.find((f) => f.key === key) || {key, kind: 'text'};
		return formatter.format(field, properties?.[key], properties) ?? t('value.empty');
	};
	const label = (key) => {
		if (key === 'geom') {
			return t('field.geom');
		}
		const labelKey = fieldLabelKey(collection, key, i18n.messages);
		return i18n.has(labelKey) ? t(labelKey) : key;
	};
	const shape = (changed) => t(changed ? 'edit.conflict.shapeChanged' : 'edit.conflict.shapeSame');
	const rows = conflict.rows.map((row) => el('tr', {class: row.both ? 'is-clash' : null, 'data-field': row.key},
		el('th', {scope: 'row'}, label(row.key), row.both ? el('span', {class: 'hetu-tag hetu-tag--delete hetu-conflict__clash'}, t('edit.conflict.both')) : null),
		el('td', {'data-label': t('edit.conflict.mine'), class: row.mineChanged ? 'is-changed' : null, 'data-side': 'mine'},
			row.key === 'geom' ? shape(row.mineChanged) : value(row.key, conflict.mine.properties)),
		el('td', {'data-label': t('edit.conflict.theirs'), class: row.theirsChanged ? 'is-changed' : null, 'data-side': 'theirs'},
			row.key === 'geom' ? shape(row.theirsChanged) : value(row.key, props))));
	return el('section', {class: 'hetu-conflict', role: 'alert'},
		el('h3', {class: 'hetu-conflict__title'}, t('edit.conflict.title')),
		el('p', {class: 'hetu-conflict__lead'}, props.updated_by
			? t('edit.conflict.lead', {user: props.updated_by, time: props.updated_at ? formatDateTime(props.updated_at) : '—'})
			: t('edit.conflict.leadAnonymous')),
		el('div', {class: 'hetu-table-wrap'}, el('table', {class: 'hetu-table hetu-conflict__table'},
			el('thead', {}, el('tr', {},
				el('th', {scope: 'col'}, t('edit.conflict.field')),
				el('th', {scope: 'col'}, t('edit.conflict.mine')),
				el('th', {scope: 'col'}, t('edit.conflict.theirs')))),
			el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', {colspan: '3'}, t('edit.conflict.noDifference')))))),
		conflict.current?.geometry && conflict.rows.some((r) => r.key === 'geom') ? el('p', {class: 'hetu-hint'}, t('edit.conflict.mapHint')) : null,
		el('div', {class: 'hetu-conflict__actions'},
			el('button', {type: 'button', class: 'hetu-button', 'data-action': 'reapply', disabled: saving, onclick: onReapply}, t('edit.conflict.reapply')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'reload', disabled: saving, onclick: onReload}, t('edit.conflict.reload'))));
}
