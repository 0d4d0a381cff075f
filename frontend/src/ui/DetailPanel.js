import {ATTRIBUTE_FIELDS, HIDDEN_PROPERTIES, fieldLabelKey, fieldsOf} from '../catalog/Schema.js';
import {AttributeFormatter} from '../format/AttributeFormatter.js';
import {formatDateTime, formatPercent} from '../format/Units.js';
import {STATUS_COLORS, statusColor, textColorOn} from '../layers/Symbology.js';
import {copyText} from '../util/copyText.js';
import {el, replaceChildren} from '../util/dom.js';
import {HistoryView} from './HistoryView.js';
import {progressMethodText} from './statusChip.js';

/**
 * The details of one feature: every attribute under its label with units, the linked
 * projects and a link that opens the same feature for anyone; a second tab holds its
 * history (signed-in users only). A side panel on wide screens, a bottom sheet on phones
 * (CSS decides).
 */
export class DetailPanel {
	constructor(options) {
		const {
			container, i18n, collectionTitle, departmentName, shareUrl, onClose, onZoom, onOpenFeature,
			history = null, canEdit = () => false, onEdit = null, onOpenProject = null, fieldTitle = () => null
		} = options;
		// fieldTitle(collection, key): an imported field's name in its file, for columns Hetu has no label for.
		Object.assign(this, {container, i18n, collectionTitle, departmentName, shareUrl, canEdit, fieldTitle});
		this.callbacks = {onClose, onZoom, onOpenFeature, onEdit, onOpenProject};
		// {load, canRestore, onRestore, onShowVersion, userName}, or null when nobody is signed in.
		this.historyOptions = history;
		this.formatter = new AttributeFormatter({i18n, departmentName});
		this._content = null;
		this._tab = 'details';
		this._history = null;
		this._unsubscribe = i18n.onChange(() => this._draw());
		this.container.hidden = true;
	}

	destroy() {
		this._unsubscribe();
		this._history?.destroy();
		document.body.classList.remove('has-detail');
	}

	/** The tab on show: 'details' or 'history'. */
	get tab() {
		return this._tab;
	}

	showTab(tab) {
		this._tab = tab === 'history' && this.historyOptions ? 'history' : 'details';
		if (this._tab === 'history' && this._history?.state === 'idle') {
			this._history.refresh();
		}
		this._draw();
	}

	get isOpen() {
		return !this.container.hidden;
	}

	showLoading(collection, id) {
		this._content = {kind: 'loading', collection, id};
		this._draw();
	}

	showError(collection, id, message) {
		this._content = {kind: 'error', collection, id, message};
		this._draw();
	}

	/**
	 * Shows a feature; the same feature again (after a restore) keeps its tab and reloads its history.
	 * `deleted` ({deletedAt, deletedBy}) shows a deleted feature as it was, without editing.
	 */
	show(collection, feature, deleted = null) {
		const same = this._history && this._history.collection === collection && String(this._history.featureId) === String(feature.id);
		if (!same) {
			this._history?.destroy();
			this._history = this.historyOptions ? new HistoryView({
				...this.historyOptions, i18n: this.i18n, formatter: this.formatter, collection, featureId: feature.id
			}) : null;
			this._tab = 'details';
		} else if (this._tab === 'history') {
			this._history.refresh();
		} else {
			this._history.state = 'idle';
		}
		this._content = {kind: 'feature', collection, feature, deleted, projects: {state: 'loading', list: []}};
		this._draw();
	}

	/**
	 * Linked projects arrive after the feature; `list` null means they could not be loaded,
	 * 'signin' that only signed-in users may see them.
	 */
	setProjects(collection, id, list) {
		const c = this._content;
		if (c?.kind === 'feature' && c.collection === collection && String(c.feature.id) === String(id)) {
			if (list === 'signin') {
				c.projects = {state: 'signin', list: []};
			} else {
				c.projects = list ? {state: 'loaded', list} : {state: 'error', list: []};
			}
			this._draw();
		}
	}

	hide() {
		this._history?.destroy();
		this._history = null;
		this._tab = 'details';
		this._content = null;
		this.container.hidden = true;
		document.body.classList.remove('has-detail');
	}

	_draw() {
		const c = this._content;
		if (!c) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		this.container.hidden = false;
		document.body.classList.add('has-detail');
		const close = el('button', {
			type: 'button', class: 'hetu-icon-button hetu-detail__close', 'aria-label': t('detail.close'), title: t('detail.close'),
			onclick: () => this.callbacks.onClose()
		}, '×');
		const handle = el('div', {class: 'hetu-detail__handle', 'aria-hidden': 'true'});
		if (c.kind === 'loading') {
			replaceChildren(this.container, handle, el('div', {class: 'hetu-detail__head'}, el('p', {class: 'hetu-detail__message'}, t('detail.loading')), close));
			return;
		}
		if (c.kind === 'error') {
			replaceChildren(this.container, handle, el('div', {class: 'hetu-detail__head'},
				el('p', {class: 'hetu-detail__message hetu-detail__message--error', role: 'alert'}, c.message || t('detail.notFound', {key: `${c.collection}/${c.id}`})), close));
			return;
		}
		const {collection, feature} = c;
		const props = feature.properties || {};
		const status = props.status || 'none';
		const color = statusColor(status);

		const head = el('div', {class: 'hetu-detail__head'},
			el('div', {class: 'hetu-detail__titles'},
				el('div', {class: 'hetu-detail__kind'}, this.collectionTitle(collection)),
				el('h2', {class: 'hetu-detail__name'}, props.name || props.code || `${collection}/${feature.id}`),
				el('div', {class: 'hetu-detail__meta'},
					el('span', {class: 'hetu-chip', 'data-status': status, style: {background: color, color: textColorOn(color)}},
						t(`enum.work_status.${status}`)),
					props.code ? el('span', {class: 'hetu-detail__code'}, props.code) : null)),
			close);

		const actions = el('div', {class: 'hetu-detail__actions'},
			feature.geometry
				? el('button', {type: 'button', class: 'hetu-button', onclick: () => this.callbacks.onZoom(feature)}, t('detail.zoomTo'))
				: el('span', {class: 'hetu-hint'}, t('detail.noGeometry')),
			collection === 'project' && this.callbacks.onOpenProject
				? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'open-project',
					onclick: () => this.callbacks.onOpenProject(feature.id)}, t('detail.openProject'))
				: null,
			this.callbacks.onEdit && this.canEdit(collection) && !c.deleted
				? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'edit-feature',
					onclick: () => this.callbacks.onEdit(collection, feature)}, t(collection === 'project' ? 'detail.editFootprint' : 'detail.edit'))
				: null,
			...this._shareControls(collection, feature));

		const tabs = this._history ? this._tabs() : null;
		const body = this._tab === 'history' && this._history
			? el('div', {class: 'hetu-detail__body', id: 'hetu-detail-tabpanel', role: 'tabpanel', 'data-tab': 'history'},
				this._history.render())
			: el('div', {class: 'hetu-detail__body', id: 'hetu-detail-tabpanel', role: tabs ? 'tabpanel' : null, 'data-tab': 'details'},
				actions,
				el('h3', {class: 'hetu-detail__section'}, t('detail.attributes')),
				this._attributes(collection, props),
				this._extras(props),
				this._milestones(props),
				this._projects(c.projects));
		const deleted = c.deleted ? el('p', {class: 'hetu-detail__message hetu-detail__message--deleted', role: 'status', 'data-deleted': 'true'},
			t('detail.deleted', {time: formatDateTime(c.deleted.deletedAt), user: c.deleted.deletedBy || ''})) : null;
		replaceChildren(this.container, handle, head, deleted, tabs, body);
	}

	_tabs() {
		const t = (key) => this.i18n.t(key);
		const tab = (id, label) => el('button', {
			type: 'button', role: 'tab', class: 'hetu-tab', 'data-tab': id, id: `hetu-detail-tab-${id}`,
			'aria-selected': String(this._tab === id), 'aria-controls': 'hetu-detail-tabpanel', tabindex: this._tab === id ? '0' : '-1',
			onclick: () => this.showTab(id),
			onkeydown: (e) => {
				if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
					e.preventDefault();
					this.showTab(id === 'details' ? 'history' : 'details');
					this.container.querySelector(`.hetu-tab[aria-selected="true"]`)?.focus();
				}
			}
		}, label);
		return el('div', {class: 'hetu-tabs', role: 'tablist', 'aria-label': t('detail.tabs')},
			tab('details', t('detail.tabDetails')), tab('history', t('detail.tabHistory')));
	}

	_shareControls(collection, feature) {
		const t = (key) => this.i18n.t(key);
		const url = this.shareUrl(collection, feature.id);
		const copy = el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'copy-link'}, t('detail.copy'));
		copy.addEventListener('click', async () => {
			await copyText(url);
			copy.textContent = t('detail.copied');
			setTimeout(() => {
				copy.textContent = t('detail.copy');
			}, 1800);
		});
		const link = el('a', {class: 'hetu-share__link', href: url, target: '_blank', rel: 'noopener', 'data-share': 'link', title: url,
			html: '<svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><path d="M10 14L20 4M14 4h6v6M19 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>'},
		t('detail.share'));
		return [copy, link];
	}

	_attributes(collection, props) {
		const messages = this.i18n.messages;
		const known = new Set();
		const rows = [];
		for (const field of fieldsOf(collection)) {
			known.add(field.key);
			const text = this.formatter.format(field, props[field.key], props);
			rows.push(el('div', {class: 'hetu-attr', 'data-field': field.key},
				el('dt', {}, this.i18n.t(fieldLabelKey(collection, field.key, messages))),
				el('dd', {class: text === null ? 'is-empty' : null}, text ?? this.i18n.t('value.empty'))));
		}
		for (const [key, value] of Object.entries(props)) {
			if (known.has(key) || HIDDEN_PROPERTIES.has(key) || value === null || typeof value === 'object') {
				continue;
			}
			const labelKey = fieldLabelKey(collection, key, messages);
			rows.push(el('div', {class: 'hetu-attr', 'data-field': key},
				el('dt', {}, this.i18n.has(labelKey) ? this.i18n.t(labelKey) : this.fieldTitle(collection, key) ?? key),
				el('dd', {}, String(value))));
		}
		return el('dl', {class: 'hetu-attrs'}, rows);
	}

	/** The free-form `attributes` object: known keys under their labels and units, others as they are. */
	_extras(props) {
		const extras = props.attributes && typeof props.attributes === 'object' ? Object.entries(props.attributes) : [];
		if (!extras.length) {
			return null;
		}
		const known = new Map(ATTRIBUTE_FIELDS.map((f) => [f.key, f]));
		const order = (key) => (known.has(key) ? ATTRIBUTE_FIELDS.indexOf(known.get(key)) : ATTRIBUTE_FIELDS.length);
		extras.sort(([a], [b]) => order(a) - order(b));
		return el('div', {},
			el('h3', {class: 'hetu-detail__section'}, this.i18n.t('detail.extra')),
			el('dl', {class: 'hetu-attrs'}, extras.map(([key, value]) => {
				const labelKey = `attr.${key}`;
				const field = known.get(key) || {key, kind: typeof value === 'boolean' ? 'bool' : 'text'};
				const text = this.formatter.format(field, value, props);
				return el('div', {class: 'hetu-attr', 'data-field': `attributes.${key}`},
					el('dt', {}, this.i18n.has(labelKey) ? this.i18n.t(labelKey) : key),
					el('dd', {class: text === null ? 'is-empty' : null}, text ?? this.i18n.t('value.empty')));
			})));
	}

	_milestones(props) {
		if (!Array.isArray(props.milestones) || !props.milestones.length) {
			return null;
		}
		return el('div', {},
			el('h3', {class: 'hetu-detail__section'}, this.i18n.t('detail.milestones')),
			el('ol', {class: 'hetu-milestones'}, props.milestones.map((m) => el('li', {class: m.done_on ? 'is-done' : null},
				el('span', {class: 'hetu-milestones__name'}, m.name),
				el('span', {class: 'hetu-milestones__date'}, m.done_on || m.due_on || '')))));
	}

	_projects(projects) {
		const t = (key) => this.i18n.t(key);
		let body;
		if (projects.state === 'loading') {
			body = el('p', {class: 'hetu-hint'}, t('detail.loading'));
		} else if (projects.state === 'error') {
			body = el('p', {class: 'hetu-hint'}, t('detail.projectsFailed'));
		} else if (projects.state === 'signin') {
			body = el('p', {class: 'hetu-hint'}, t('auth.signInToView'));
		} else if (!projects.list.length) {
			body = el('p', {class: 'hetu-hint'}, t('detail.noProjects'));
		} else {
			body = el('ul', {class: 'hetu-projects'}, projects.list.map((p) => {
				const status = p.status || 'none';
				const color = STATUS_COLORS[status] || STATUS_COLORS.none;
				// The project's measured progress; a dash when there was nothing to measure, never a made-up 0 %.
				const measured = p.progress?.pct !== null && p.progress?.pct !== undefined;
				const pct = measured ? Number(p.progress.pct) : 0;
				return el('li', {},
					el('a', {
						class: 'hetu-project', href: this.shareUrl('project', p.id), 'data-project': String(p.id),
						onclick: (e) => {
							e.preventDefault();
							this.callbacks.onOpenFeature('project', p.id);
						}
					},
					el('span', {class: 'hetu-project__name'}, p.name),
					el('span', {class: 'hetu-project__meta'},
						el('span', {class: 'hetu-chip hetu-chip--small', style: {background: color, color: textColorOn(color)}}, t(`enum.work_status.${status}`)),
						p.code ? el('span', {class: 'hetu-detail__code'}, p.code) : null,
						el('span', {class: 'hetu-project__pct', title: progressMethodText(p.progress, this.i18n)},
							measured ? formatPercent(pct, this.i18n) : t('value.empty'))),
					el('span', {class: 'hetu-progress-bar__track'}, el('span', {class: 'hetu-progress-bar__fill', style: {width: `${Math.max(0, Math.min(100, pct))}%`, background: color}}))));
			}));
		}
		return el('div', {class: 'hetu-detail__projects'}, el('h3', {class: 'hetu-detail__section'}, t('detail.projects')), body);
	}
}
