import {isAbort} from '../api/ApiError.js';
import {editableFieldsOf, fieldLabelKey} from '../catalog/Schema.js';
import {validateValues} from '../edit/FormValues.js';
import {buildMergePatch, conflictRows} from '../edit/MergePatch.js';
import {formatAmount, formatDate, formatDateTime, formatMoney10k, formatNumber, countyToday} from '../format/Units.js';
import {statusColor} from '../layers/Symbology.js';
import {ApprovalTimeline} from '../invest/ApprovalTimeline.js';
import {ConflictsView} from '../land/ConflictsView.js';
import {MiniMap} from '../map/MiniMap.js';
import {LIFECYCLE, allowedTransitions} from './Lifecycle.js';
import {daysSince, projectProperties} from './ProjectDetail.js';
import {debounce} from '../util/debounce.js';
import {el, replaceChildren} from '../util/dom.js';
import {attributeForm} from '../edit/AttributeForm.js';
import {conflictView} from '../ui/conflictView.js';
import {problemText} from '../ui/problemText.js';
import {overdueBadge, progressBar, progressMethodText, statusChip} from '../ui/statusChip.js';

/** The fields listed on a project's page, in order. */
const SHOWN_FIELDS = ['code', 'department', 'town', 'category', 'year', 'lead_unit', 'planned_start', 'planned_end', 'actual_start', 'actual_end',
	'investment_planned', 'investment_done', 'target_value', 'target_description', 'target_measure', 'remarks'];

/**
 * One key project: where it is (a small map of its footprint or linked assets), its fields,
 * progress against the target (measured from linked assets where the target says so), its
 * milestones with due and done dates and overdue flags, its status timeline, the lifecycle
 * buttons of the statuses it may move to (each asking why), and its linked assets. Users who
 * may edit projects change fields and milestones, link and unlink assets, derive the
 * footprint from them or draw it on the map.
 */
export class ProjectPage {
	constructor(options) {
		const {
			container, i18n, api, session, departments, departmentName, collectionTitle, formatter, county,
			onOpenFeature, onShowOnMap, onEditFootprint, onPickAsset, onList, onChanged, onDeleted
		} = options;
		Object.assign(this, {container, i18n, api, session, departments, departmentName, collectionTitle, formatter, county});
		this.callbacks = {onOpenFeature, onShowOnMap, onEditFootprint, onPickAsset, onList, onChanged, onDeleted};
		this.titleKey = 'project.title';
		this.id = null;
		this.detail = null;
		this.state = 'idle';
		this._reset();
		this._search = debounce((q) => this._searchAssets(q), 300);
		this._unsubscribe = i18n.onChange(() => {
			this.render();
			this._mini?.refreshLabels();
		});
	}

	destroy() {
		this._unsubscribe();
		this._search.cancel();
		this._controller?.abort();
		this._mini?.destroy();
		this._mini = null;
		this._timeline?.destroy();
		this._conflicts?.destroy();
	}

	_reset() {
		this.transition = null;
		this.editing = false;
		this.editValues = null;
		this.fieldConflict = null;
		this.milestoneEdit = null;
		this.confirmUnlink = null;
		this.confirmDelete = false;
		this.linkSearch = {q: '', state: 'idle', results: []};
		this.notice = null;
		this.busy = null;
	}

	get canEdit() {
		return this.session.canEdit('project');
	}

	/** Shows project `params.id`, loading it unless it is on show already; `notice` is a message key to show on top. */
	show(params = {}, options = {}) {
		const {reload = false, notice = null} = options;
		const id = String(params.id);
		if (id !== this.id || reload || this.state !== 'loaded') {
			if (id !== this.id) {
				this._reset();
				this._mini?.destroy();
				this._mini = null;
			}
			this.id = id;
			this._load();
		} else {
			this.render();
		}
		if (notice) {
			this.notice = {kind: 'ok', text: this.i18n.t(notice)};
		}
	}

	async _load() {
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this.state = this.detail && String(this.detail.summary.id) === this.id ? 'reloading' : 'loading';
		this.render();
		try {
			const detail = await this.api.project(this.id, {signal: controller.signal});
			if (controller !== this._controller) {
				return;
			}
			this._setDetail(detail);
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this.state = error.status === 404 ? 'notfound' : 'error';
			this._error = error;
			this.render();
		}
	}

	_setDetail(detail) {
		this.detail = detail;
		this.state = 'loaded';
		this.render();
		this._drawMiniMap();
		this._showConflicts();
	}

	/** What the footprint enters of the control lines (land/ConflictsView), kept across renders like the small map. */
	_showConflicts() {
		this._conflicts?.destroy();
		this._conflicts = null;
		const slot = this.container.querySelector('.hetu-project__conflicts-slot');
		if (slot && this.detail.footprint) {
			this._conflicts = new ConflictsView({container: slot, api: this.api, i18n: this.i18n, county: this.county});
			this._conflicts.show('project', this.detail.summary.id, this.detail.footprint);
		}
	}

	/** After a change made here: the new detail, the map told, a message. */
	_changed(detail, noticeKey) {
		this.busy = null;
		this.notice = noticeKey ? {kind: 'ok', text: this.i18n.t(noticeKey)} : null;
		this._setDetail(detail);
		this.callbacks.onChanged?.(detail);
	}

	_failed(error, fallbackKey = null) {
		this.busy = null;
		const t = (key, params) => this.i18n.t(key, params);
		let text;
		if (error.status === 403) {
			text = t('edit.forbidden');
		} else if (error.status === 409) {
			text = t('project.stale');
		} else if (error.status === 400) {
			text = fallbackKey ? t(fallbackKey) : t('edit.refused');
		} else {
			text = problemText(error, this.i18n);
		}
		this.notice = {kind: 'error', text};
		this.render();
		if (error.status === 409) {
			this._load();
		}
	}

	// ---- drawing

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		if (this.state === 'loading' || this.state === 'idle') {
			replaceChildren(this.container, el('p', {class: 'hetu-hint hetu-page__status'}, t('common.loading')));
			return;
		}
		if (this.state === 'notfound' || this.state === 'error') {
			replaceChildren(this.container,
				el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'},
					this.state === 'notfound' ? t('project.notFound') : problemText(this._error, this.i18n)),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => this.callbacks.onList()}, t('project.backToList')));
			return;
		}
		const d = this.detail;
		replaceChildren(this.container,
			el('div', {class: 'hetu-project-page', 'data-project': String(d.summary.id), 'data-status': d.summary.status, 'data-version': String(d.summary.version)},
				el('nav', {class: 'hetu-crumbs', 'aria-label': t('project.crumbs')},
					el('a', {href: '#/projects', onclick: (e) => {
						e.preventDefault();
						this.callbacks.onList();
					}}, t('projects.title')),
					el('span', {'aria-hidden': 'true'}, ' / '),
					el('span', {}, d.summary.code)),
				this.notice ? el('p', {class: `hetu-notice hetu-notice--${this.notice.kind === 'error' ? 'error' : 'ok'}`, role: this.notice.kind === 'error' ? 'alert' : 'status'}, this.notice.text) : null,
				this._head(d),
				this._lifecycle(d),
				el('div', {class: 'hetu-page__grid hetu-project__grid'}, this._where(d), this._progress(d)),
				el('div', {class: 'hetu-card hetu-project__conflicts-slot'}),
				this._fields(d),
				this._milestones(d),
				this._approvals(d),
				el('div', {class: 'hetu-page__grid hetu-project__grid'}, this._links(d), this._history(d))));
		if (this._conflicts) {
			this.container.querySelector('.hetu-project__conflicts-slot')?.append(this._conflicts.element);
		}
		if (this._mini) {
			this.container.querySelector('.hetu-project__minimap-slot')?.append(this._mini.element);
			requestAnimationFrame(() => this._mini?.map?.invalidateSize());
		}
	}

	_head(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const s = d.summary;
		const meta = [
			this.departmentName(s.department) || s.departmentName,
			s.category ? t(`enum.project_category.${s.category}`) : null,
			s.year ? t('project.yearOf', {year: s.year}) : null,
			s.town
		].filter(Boolean);
		let remove = null;
		if (this.canEdit) {
			remove = this.confirmDelete
				? el('span', {class: 'hetu-inline-confirm'}, el('span', {}, t('project.confirmDelete')),
					el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--danger', 'data-action': 'confirm-delete-project',
						onclick: () => this._delete()}, t('project.delete')),
					el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', onclick: () => {
						this.confirmDelete = false;
						this.render();
					}}, t('common.cancel')))
				: el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--danger-text', 'data-action': 'delete-project',
					onclick: () => {
						this.confirmDelete = true;
						this.render();
					}}, t('project.delete'));
		}
		return el('header', {class: 'hetu-card hetu-project__head'},
			el('div', {class: 'hetu-project__titles'},
				el('div', {class: 'hetu-project__kind'}, el('span', {}, t('collection.project')), el('span', {class: 'hetu-mono'}, s.code)),
				el('h3', {class: 'hetu-project__name'}, s.name),
				el('div', {class: 'hetu-project__meta'}, statusChip(s.status, this.i18n), overdueBadge(s.overdueMilestones, this.i18n),
					meta.map((m) => el('span', {class: 'hetu-project__fact'}, m)))),
			el('div', {class: 'hetu-project__actions'},
				el('button', {type: 'button', class: 'hetu-button', 'data-action': 'show-on-map', onclick: () => this.callbacks.onShowOnMap(s.id)}, t('project.showOnMap')),
				this.canEdit ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'edit-fields', onclick: () => {
					this.editing = true;
					this.editValues = null;
					this.fieldConflict = null;
					this.render();
					this.container.querySelector('.hetu-project__form input, .hetu-project__form select')?.focus();
				}}, t('project.edit')) : null,
				remove));
	}

	_lifecycle(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const status = d.summary.status;
		const current = LIFECYCLE.indexOf(status);
		const lastOnLine = current >= 0 ? current : Math.max(-1, ...LIFECYCLE.map((s, i) => (d.history.some((h) => h.toStatus === s) ? i : -1)));
		const steps = el('ol', {class: 'hetu-stepper'}, LIFECYCLE.map((s, i) => el('li', {
			class: `hetu-stepper__step${i < lastOnLine || (i === lastOnLine && current < 0) ? ' is-done' : ''}${i === current ? ' is-current' : ''}`,
			'data-status': s, 'aria-current': i === current ? 'step' : null
		}, el('span', {class: 'hetu-stepper__dot', style: i === current ? {background: statusColor(s), borderColor: statusColor(s)} : null}, String(i + 1)),
		el('span', {class: 'hetu-stepper__label'}, t(`enum.work_status.${s}`)))));
		const allowed = this.canEdit ? allowedTransitions(status) : [];
		let body;
		if (this.transition) {
			const reason = el('textarea', {class: 'hetu-input hetu-textarea', id: 'hetu-transition-reason', rows: '3', name: 'reason',
				placeholder: t('project.reasonPlaceholder'), 'aria-describedby': 'hetu-transition-reason-error'});
			reason.value = this.transition.reason || '';
			const error = el('p', {class: 'hetu-form__error', id: 'hetu-transition-reason-error', role: 'alert', hidden: !this.transition.error}, this.transition.error || '');
			body = el('form', {class: 'hetu-transition', 'data-to': this.transition.to, novalidate: true, onsubmit: (e) => {
				e.preventDefault();
				this.transition.reason = reason.value;
				this._transition();
			}},
			el('p', {class: 'hetu-transition__title'}, t('project.transitionTitle', {
				from: t(`enum.work_status.${status}`), to: t(`enum.work_status.${this.transition.to}`)
			})),
			el('label', {class: 'hetu-field-label', for: 'hetu-transition-reason'}, t('project.reason'), el('span', {class: 'hetu-form__required', 'aria-hidden': 'true'}, ' *')),
			reason, error,
			el('div', {class: 'hetu-form__actions'},
				el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'confirm-transition', disabled: this.busy === 'transition'},
					t(this.busy === 'transition' ? 'project.saving' : 'project.confirmTransition')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => {
					this.transition = null;
					this.render();
				}}, t('common.cancel'))));
		} else if (allowed.length) {
			body = el('div', {class: 'hetu-transition__buttons'},
				el('span', {class: 'hetu-hint'}, t('project.nextStatuses')),
				allowed.map((to) => el('button', {
					type: 'button', class: `hetu-button ${to === 'suspended' ? 'hetu-button--secondary hetu-button--danger-text' : 'hetu-button--secondary'}`,
					'data-action': 'transition', 'data-to': to,
					onclick: () => {
						this.transition = {to, reason: '', error: null};
						this.render();
						this.container.querySelector('#hetu-transition-reason')?.focus();
					}
				}, t(`project.to.${to}`))));
		} else {
			body = el('p', {class: 'hetu-hint'}, t(this.canEdit ? (status === 'completed' ? 'project.finished' : 'project.noTransitions') : 'project.readOnly'));
		}
		return el('section', {class: 'hetu-card hetu-project__lifecycle', 'aria-labelledby': 'hetu-project-lifecycle'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-lifecycle'}, t('project.lifecycle'),
				status === 'suspended' ? statusChip('suspended', this.i18n, {small: true}) : null),
			steps, body);
	}

	_where(d) {
		const t = (key) => this.i18n.t(key);
		const hasFootprint = Boolean(d.footprint);
		return el('section', {class: 'hetu-card hetu-project__where', 'aria-labelledby': 'hetu-project-where'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-where'}, t('project.where')),
			el('div', {class: 'hetu-project__minimap-slot'}),
			el('p', {class: 'hetu-hint hetu-project__where-note', 'data-footprint': String(hasFootprint)},
				t(hasFootprint ? 'project.footprintShown' : d.links.length ? 'project.linksShown' : 'project.noFootprint')),
			el('div', {class: 'hetu-form__actions'},
				this.canEdit ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'edit-footprint',
					onclick: () => this.callbacks.onEditFootprint(d.summary.id)}, t(hasFootprint ? 'project.editFootprint' : 'project.drawFootprint')) : null,
				this.canEdit && d.links.length ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'derive-footprint',
					disabled: this.busy === 'derive', onclick: () => this._derive()}, t('project.deriveFootprint')) : null));
	}

	_progress(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const s = d.summary;
		const p = d.progress || {};
		const color = statusColor(s.status);
		const byAssets = p.measure && p.measure !== 'manual';
		const pct = p.pct === null || p.pct === undefined ? null : Number(p.pct);
		const assets = byAssets ? t('project.measured', {
			how: t(`enum.target_measure.${p.measure}`),
			measured: formatAmount(p.measured ?? 0, p.unit, this.i18n),
			target: formatAmount(p.target ?? 0, p.unit, this.i18n)
		}) : null;
		const planned = Number(s.investmentPlanned || 0);
		const done = Number(s.investmentDone || 0);
		return el('section', {class: 'hetu-card hetu-project__progress', 'aria-labelledby': 'hetu-project-progress'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-progress'}, t('project.progress')),
			el('div', {class: 'hetu-figure'},
				el('span', {class: 'hetu-figure__value', 'data-progress': pct === null ? '' : String(pct)},
					pct === null ? t('value.empty') : `${formatNumber(pct, this.i18n, {digits: 1})}%`),
				el('span', {class: 'hetu-figure__label'}, p.description || t('project.progressOfTarget'))),
			pct === null ? null : progressBar(pct, this.i18n, {color, label: t('project.progress')}),
			el('p', {class: 'hetu-project__method', 'data-method': p.method || ''}, progressMethodText(p, this.i18n)),
			assets ? el('p', {class: 'hetu-project__measure is-measured', 'data-measure': p.measure}, assets) : null,
			el('dl', {class: 'hetu-facts hetu-project__money'},
				el('div', {}, el('dt', {}, t('field.investment_planned')), el('dd', {}, s.investmentPlanned === null || s.investmentPlanned === undefined ? t('value.empty') : formatMoney10k(planned, this.i18n))),
				el('div', {}, el('dt', {}, t('field.investment_done')), el('dd', {}, formatMoney10k(done, this.i18n),
					planned > 0 ? el('span', {class: 'hetu-hint'}, ` · ${formatNumber((done / planned) * 100, this.i18n, {digits: 1})}%`) : null))),
			planned > 0 ? progressBar((done / planned) * 100, this.i18n, {color: '#0B6E99', label: t('field.investment_done')}) : null);
	}

	_fields(d) {
		const t = (key) => this.i18n.t(key);
		const props = projectProperties(d);
		if (this.editing) {
			return this._editForm(d, props);
		}
		const fields = editableFieldsOf('project');
		const rows = SHOWN_FIELDS.map((key) => {
			const field = fields.find((f) => f.key === key) || {key, kind: 'text'};
			const text = this.formatter.format(field, props[key], props);
			const labelKey = fieldLabelKey('project', key, this.i18n.messages);
			return el('div', {'data-field': key}, el('dt', {}, t(labelKey)), el('dd', {class: text === null ? 'is-empty' : null}, text ?? t('value.empty')));
		});
		return el('section', {class: 'hetu-card hetu-project__fields', 'aria-labelledby': 'hetu-project-fields'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-fields'}, t('project.fields')),
			el('dl', {class: 'hetu-facts hetu-facts--columns'}, rows));
	}

	_editFields() {
		return editableFieldsOf('project');
	}

	_editForm(d, props) {
		const t = (key, params) => this.i18n.t(key, params);
		const fields = this._editFields(d);
		const form = attributeForm({
			fields, values: this.editValues || props, collection: 'project', i18n: this.i18n, departments: this.departments,
			departmentName: this.departmentName, idPrefix: 'hetu-project-edit'
		});
		const card = el('section', {class: 'hetu-card hetu-project__fields', 'aria-labelledby': 'hetu-project-fields'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-fields'}, t('project.editTitle')));
		if (this.fieldConflict) {
			card.append(conflictView({
				i18n: this.i18n, formatter: this.formatter, collection: 'project', fields, conflict: this.fieldConflict, saving: this.busy === 'fields',
				onReapply: () => this._saveFields(this.fieldConflict.mine.properties, {reapply: true}),
				onReload: () => {
					this.fieldConflict = null;
					this.editValues = null;
					this.notice = {kind: 'ok', text: t('edit.reloaded')};
					this._load();
				}
			}));
			return card;
		}
		card.append(el('form', {class: 'hetu-project__form', novalidate: true, onsubmit: (e) => {
			e.preventDefault();
			const read = form.read();
			this.editValues = {...props, ...read};
			const errors = validateValues(fields, read);
			if (read.planned_start && read.planned_end && read.planned_end < read.planned_start) {
				errors.planned_end = 'projects.endBeforeStart';
			}
			form.setErrors(errors);
			if (Object.keys(errors).length) {
				form.focusFirstError();
				return;
			}
			this._saveFields(read);
		}},
		form.element,
		el('div', {class: 'hetu-form__actions'},
			el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save-project', disabled: this.busy === 'fields'},
				t(this.busy === 'fields' ? 'project.saving' : 'common.save')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => {
				this.editing = false;
				this.editValues = null;
				this.render();
			}}, t('common.cancel')))));
		this._form = form;
		return card;
	}

	async _saveFields(values, options = {}) {
		const {reapply = false} = options;
		const d = this.detail;
		const fields = this._editFields(d);
		const before = projectProperties(d);
		const base = reapply ? this.fieldConflict.current.properties : before;
		const pick = (props) => Object.fromEntries(fields.map((f) => [f.key, props[f.key] ?? null]));
		const mine = pick({...before, ...values});
		const patch = buildMergePatch(reapply ? pick(base) : pick(before), reapply ? {...pick(base), ...buildChanges(pick(before), mine)} : mine);
		if (!Object.keys(patch).length) {
			this.editing = false;
			this.fieldConflict = null;
			this.notice = {kind: 'ok', text: this.i18n.t('edit.nothingChanged')};
			this.render();
			return;
		}
		this.busy = 'fields';
		this.render();
		try {
			const version = reapply ? this.fieldConflict.current.properties.version : d.summary.version;
			const detail = await this.api.updateProject(d.summary.id, {properties: {...patch, version}});
			this.editing = false;
			this.editValues = null;
			this.fieldConflict = null;
			this._changed(detail, 'project.saved');
		} catch (error) {
			this.busy = null;
			if (error.isStale) {
				const current = error.current;
				const baseFeature = {properties: pick(before)};
				const mineFeature = {properties: mine};
				this.fieldConflict = {current, mine: mineFeature, rows: conflictRows(baseFeature, mineFeature, {properties: pick(current.properties || {})})};
				this.render();
				return;
			}
			if (error.status === 400 && error.parameter && fields.some((f) => f.key === error.parameter)) {
				this.render();
				this._form?.setErrors({[error.parameter]: 'edit.invalidValue'});
				this._form?.focusFirstError();
				return;
			}
			this.notice = {kind: 'error', text: error.status === 403 ? this.i18n.t('edit.forbidden') : error.status === 400 ? this.i18n.t('edit.refused') : problemText(error, this.i18n)};
			this.render();
		}
	}

	/** The approvals timeline (审批时间轴), loaded once per project beside the page's own detail. */
	_approvals(d) {
		this._timeline ||= new ApprovalTimeline({api: this.api, i18n: this.i18n});
		this._timeline.load(d.summary.id);
		return this._timeline.element;
	}

	_milestones(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const nextId = d.milestones.find((m) => !m.doneOn)?.id;
		const rows = d.milestones.map((m) => {
			if (this.milestoneEdit === m.id) {
				return this._milestoneForm(m);
			}
			let state;
			if (m.doneOn) {
				state = el('span', {class: 'hetu-tag hetu-tag--create'}, t('project.milestoneDone'));
			} else if (m.overdue) {
				state = el('span', {class: 'hetu-badge hetu-badge--overdue', 'data-overdue': 'true'}, t('project.milestoneOverdue', {n: daysSince(m.dueOn)}));
			} else {
				state = el('span', {class: `hetu-tag${m.id === nextId ? ' hetu-tag--update' : ''}`}, t(m.id === nextId ? 'project.milestoneNext' : 'project.milestonePending'));
			}
			return el('tr', {class: `hetu-milestone${m.overdue ? ' is-overdue' : ''}${m.doneOn ? ' is-done' : ''}`, 'data-milestone': String(m.id)},
				el('td', {'data-label': t('project.milestoneSeq'), class: 'is-number hetu-milestone__seq'}, String(m.seq)),
				el('td', {'data-label': t('project.milestoneName'), class: 'hetu-milestone__name'}, m.name),
				el('td', {'data-label': t('project.milestoneDue')}, m.dueOn ? el('time', {datetime: m.dueOn}, formatDate(m.dueOn)) : t('value.empty')),
				el('td', {'data-label': t('project.milestoneDoneOn')}, m.doneOn ? el('time', {datetime: m.doneOn}, formatDate(m.doneOn)) : t('value.empty')),
				el('td', {'data-label': t('project.milestoneState'), class: 'hetu-milestone__state'}, state),
				el('td', {'data-label': t('field.remarks'), class: 'hetu-table__fields hetu-milestone__remarks'}, m.remarks || null),
				this.canEdit ? el('td', {class: 'hetu-table__actions'}, el('button', {
					type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'edit-milestone',
					onclick: () => {
						this.milestoneEdit = m.id;
						this.render();
						this.container.querySelector(`#hetu-milestone-done-${m.id}`)?.focus();
					}
				}, t('project.milestoneEdit'))) : null);
		});
		const overdue = d.milestones.filter((m) => m.overdue).length;
		return el('section', {class: 'hetu-card hetu-project__milestones', 'aria-labelledby': 'hetu-project-milestones'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-milestones'}, t('project.milestones'),
				overdue ? el('span', {class: 'hetu-badge hetu-badge--overdue'}, t('projects.overdueBadge', {n: overdue})) : null),
			d.milestones.length ? el('div', {class: 'hetu-table-wrap'}, el('table', {class: 'hetu-table hetu-table--milestones'},
				el('thead', {}, el('tr', {},
					['project.milestoneSeq', 'project.milestoneName', 'project.milestoneDue', 'project.milestoneDoneOn', 'project.milestoneState', 'field.remarks']
						.map((key) => el('th', {scope: 'col'}, t(key))),
					this.canEdit ? el('th', {scope: 'col'}, el('span', {class: 'hetu-visually-hidden'}, t('common.actions'))) : null)),
				el('tbody', {}, rows))) : el('p', {class: 'hetu-hint'}, t('project.noMilestones')));
	}

	_milestoneForm(m) {
		const t = (key) => this.i18n.t(key);
		const due = el('input', {type: 'date', class: 'hetu-input', id: `hetu-milestone-due-${m.id}`, name: 'dueOn'});
		due.value = m.dueOn || '';
		const done = el('input', {type: 'date', class: 'hetu-input', id: `hetu-milestone-done-${m.id}`, name: 'doneOn'});
		done.value = m.doneOn || '';
		const remarks = el('input', {type: 'text', class: 'hetu-input', id: `hetu-milestone-remarks-${m.id}`, name: 'remarks', autocomplete: 'off'});
		remarks.value = m.remarks || '';
		const field = (input, label) => el('div', {class: 'hetu-form__field'}, el('label', {class: 'hetu-field-label', for: input.id}, label), input);
		return el('tr', {class: 'hetu-table__editor', 'data-milestone': String(m.id)}, el('td', {colspan: this.canEdit ? '7' : '6'},
			el('form', {class: 'hetu-milestone-form', novalidate: true, onsubmit: (e) => {
				e.preventDefault();
				this._saveMilestone(m, {dueOn: due.value || null, doneOn: done.value || null, remarks: remarks.value.trim() || null});
			}},
			el('p', {class: 'hetu-milestone-form__title'}, `${m.seq}. ${m.name}`),
			el('div', {class: 'hetu-milestone-form__grid'},
				field(due, t('project.milestoneDue')),
				field(done, t('project.milestoneDoneOn')),
				field(remarks, t('field.remarks'))),
			el('div', {class: 'hetu-form__actions'},
				el('button', {type: 'submit', class: 'hetu-button hetu-button--small', 'data-action': 'save-milestone', disabled: this.busy === 'milestone'}, t('common.save')),
				m.doneOn ? null : el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'done-today',
					onclick: () => {
						done.value = countyToday();
					}}, t('project.doneToday')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', onclick: () => {
					this.milestoneEdit = null;
					this.render();
				}}, t('common.cancel'))))));
	}

	_history(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const changes = [...(d.history || [])].reverse();
		return el('section', {class: 'hetu-card hetu-project__history', 'aria-labelledby': 'hetu-project-history'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-history'}, t('project.history')),
			changes.length ? el('ol', {class: 'hetu-changes hetu-timeline'}, changes.map((h) => el('li', {class: 'hetu-change', 'data-to': h.toStatus},
				el('div', {class: 'hetu-change__head'},
					el('time', {class: 'hetu-change__time', datetime: h.changedAt}, formatDateTime(h.changedAt)),
					el('span', {class: 'hetu-change__user'}, t('history.by', {user: h.changedBy === 'system' ? t('history.system') : h.changedBy}))),
				el('div', {class: 'hetu-timeline__statuses'},
					h.fromStatus ? statusChip(h.fromStatus, this.i18n, {small: true}) : el('span', {class: 'hetu-hint'}, t('project.created')),
					el('span', {class: 'hetu-change__arrow', 'aria-label': t('project.changedTo')}, '→'),
					statusChip(h.toStatus, this.i18n, {small: true})),
				h.reason ? el('p', {class: 'hetu-timeline__reason'}, el('span', {class: 'hetu-hint'}, `${t('project.reason')}：`), h.reason) : null)))
				: el('p', {class: 'hetu-hint'}, t('project.noHistory')));
	}

	_links(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const items = d.links.map((link) => {
			const key = `${link.collection}/${link.assetId}`;
			const confirming = this.confirmUnlink === key;
			return el('li', {class: 'hetu-link-item', 'data-link': key},
				el('div', {class: 'hetu-link-item__text'},
					el('a', {href: `#/${link.collection}/${link.assetId}`, class: 'hetu-link-item__name', onclick: (e) => {
						e.preventDefault();
						this.callbacks.onOpenFeature(link.collection, link.assetId);
					}}, link.name || link.code),
					el('span', {class: 'hetu-link-item__meta'},
						el('span', {}, this.collectionTitle(link.collection)),
						link.code ? el('span', {class: 'hetu-mono'}, link.code) : null,
						statusChip(link.status, this.i18n, {small: true}))),
				el('div', {class: 'hetu-link-item__actions'},
					el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'open-asset',
						onclick: () => this.callbacks.onOpenFeature(link.collection, link.assetId)}, t('project.openOnMap')),
					!this.canEdit ? null : confirming
						? el('span', {class: 'hetu-inline-confirm'},
							el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--danger', 'data-action': 'confirm-unlink',
								onclick: () => this._unlink(link)}, t('project.unlink')),
							el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', onclick: () => {
								this.confirmUnlink = null;
								this.render();
							}}, t('common.cancel')))
						: el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary hetu-button--danger-text', 'data-action': 'unlink',
							onclick: () => {
								this.confirmUnlink = key;
								this.render();
							}}, t('project.unlink'))));
		});
		return el('section', {class: 'hetu-card hetu-project__links', 'aria-labelledby': 'hetu-project-links'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-project-links'}, t('project.links', {n: d.links.length})),
			items.length ? el('ul', {class: 'hetu-link-list'}, items) : el('p', {class: 'hetu-hint'}, t('project.noLinks')),
			this.canEdit ? this._linkAdder(d) : null);
	}

	_linkAdder(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const input = el('input', {
			type: 'search', class: 'hetu-input', id: 'hetu-link-search', autocomplete: 'off', placeholder: t('project.linkSearchPlaceholder'),
			oninput: (e) => {
				this.linkSearch.q = e.target.value;
				this._search(e.target.value.trim());
			}
		});
		input.value = this.linkSearch.q;
		const linked = new Set(d.links.map((l) => `${l.collection}/${l.assetId}`));
		const {state, results} = this.linkSearch;
		let list = null;
		if (state === 'loading') {
			list = el('p', {class: 'hetu-hint'}, t('search.searching'));
		} else if (state === 'loaded' && !results.length) {
			list = el('p', {class: 'hetu-hint'}, t('search.noResults', {q: this.linkSearch.q}));
		} else if (results.length) {
			list = el('ul', {class: 'hetu-link-results'}, results.map((r) => {
				const key = `${r.collection}/${r.id}`;
				return el('li', {class: 'hetu-link-results__item', 'data-result': key},
					el('span', {class: 'hetu-link-item__text'}, el('strong', {}, r.name || r.code),
						el('span', {class: 'hetu-link-item__meta'}, el('span', {}, this.collectionTitle(r.collection)), r.code ? el('span', {class: 'hetu-mono'}, r.code) : null)),
					linked.has(key) ? el('span', {class: 'hetu-tag'}, t('project.alreadyLinked'))
						: el('button', {type: 'button', class: 'hetu-button hetu-button--small', 'data-action': 'link-asset', disabled: this.busy === 'link',
							onclick: () => this._link(r.collection, r.id)}, t('project.link')));
			}));
		}
		return el('div', {class: 'hetu-link-adder'},
			el('label', {class: 'hetu-field-label', for: 'hetu-link-search'}, t('project.linkAsset')),
			el('div', {class: 'hetu-link-adder__row'}, input,
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'pick-on-map',
					onclick: () => this.callbacks.onPickAsset({id: d.summary.id, name: d.summary.name})}, t('project.pickOnMap'))),
			list);
	}

	// ---- actions

	async _transition() {
		const t = (key) => this.i18n.t(key);
		const {to, reason} = this.transition;
		if (!String(reason || '').trim()) {
			this.transition.error = t('project.reasonRequired');
			this.render();
			this.container.querySelector('#hetu-transition-reason')?.focus();
			return;
		}
		this.busy = 'transition';
		this.render();
		try {
			const detail = await this.api.transitionProject(this.detail.summary.id, {to, reason: reason.trim(), version: this.detail.summary.version});
			this.transition = null;
			this._changed(detail, 'project.transitioned');
		} catch (error) {
			this.busy = null;
			if (error.status === 400) {
				this.transition.error = t('project.reasonRequired');
				this.render();
				return;
			}
			this.transition = null;
			this._failed(error);
		}
	}

	async _saveMilestone(m, change) {
		if (change.dueOn && change.doneOn && change.doneOn > countyToday()) {
			this.notice = {kind: 'error', text: this.i18n.t('project.doneInFuture')};
			this.render();
			return;
		}
		this.busy = 'milestone';
		try {
			const detail = await this.api.updateMilestone(this.detail.summary.id, m.id, {...change, version: m.version});
			this.milestoneEdit = null;
			this._changed(detail, 'project.milestoneSaved');
		} catch (error) {
			this.milestoneEdit = null;
			this._failed(error);
		}
	}

	async _searchAssets(q) {
		if (!q) {
			this.linkSearch = {q: '', state: 'idle', results: []};
			this.render();
			return;
		}
		this.linkSearch = {q, state: 'loading', results: this.linkSearch.results};
		this._renderKeepingFocus();
		try {
			const results = await this.api.search(q, {limit: 12});
			if (this.linkSearch.q !== q) {
				return;
			}
			this.linkSearch = {q, state: 'loaded', results: (results || []).filter((r) => r.collection !== 'project')};
		} catch {
			this.linkSearch = {q, state: 'loaded', results: []};
		}
		this._renderKeepingFocus();
	}

	/** Draws again without taking the caret out of the asset search. */
	_renderKeepingFocus() {
		const focused = document.activeElement?.id === 'hetu-link-search';
		const position = focused ? document.activeElement.selectionStart : null;
		this.render();
		if (focused) {
			const input = this.container.querySelector('#hetu-link-search');
			input?.focus();
			input?.setSelectionRange(position, position);
		}
	}

	async _link(collection, assetId) {
		this.busy = 'link';
		try {
			const detail = await this.api.linkAsset(this.detail.summary.id, collection, assetId);
			this.linkSearch = {q: '', state: 'idle', results: []};
			this._changed(detail, 'project.linked');
		} catch (error) {
			this._failed(error);
		}
	}

	/** Links an asset picked on the map; answers the new detail. */
	async linkPicked(collection, assetId) {
		const detail = await this.api.linkAsset(this.id, collection, assetId);
		this.notice = {kind: 'ok', text: this.i18n.t('project.linked')};
		this.detail = detail;
		this.callbacks.onChanged?.(detail);
		return detail;
	}

	async _unlink(link) {
		this.busy = 'unlink';
		try {
			const detail = await this.api.unlinkAsset(this.detail.summary.id, link.collection, link.assetId);
			this.confirmUnlink = null;
			this._changed(detail, 'project.unlinked');
		} catch (error) {
			this.confirmUnlink = null;
			this._failed(error);
		}
	}

	async _derive() {
		this.busy = 'derive';
		this.render();
		try {
			const detail = await this.api.deriveFootprint(this.detail.summary.id);
			this._changed(detail, 'project.derived');
		} catch (error) {
			this._failed(error, 'project.deriveFailed');
		}
	}

	async _delete() {
		try {
			await this.api.deleteProject(this.detail.summary.id, this.detail.summary.version);
			const id = this.detail.summary.id;
			this.confirmDelete = false;
			this.detail = null;
			this.state = 'idle';
			this.id = null;
			this.callbacks.onDeleted?.(id);
		} catch (error) {
			this.confirmDelete = false;
			this._failed(error);
		}
	}

	// ---- the small map

	async _drawMiniMap() {
		const d = this.detail;
		const slot = this.container.querySelector('.hetu-project__minimap-slot');
		if (!slot) {
			return;
		}
		if (!this._mini) {
			this._mini = new MiniMap({container: slot, county: this.county, api: this.api, i18n: this.i18n});
		}
		const label = this.i18n.t('project.where');
		if (d.footprint) {
			this._mini.show([{collection: 'project', feature: {type: 'Feature', id: d.summary.id, properties: {status: d.summary.status}, geometry: d.footprint}}], {label});
			return;
		}
		const links = d.links.slice(0, 30);
		this._mini.show([], {label});
		const features = await Promise.all(links.map((l) => this.api.item(l.collection, l.assetId).then((f) => ({collection: l.collection, feature: f})).catch(() => null)));
		if (this.detail === d && this._mini) {
			this._mini.show(features.filter(Boolean), {label});
		}
	}
}

/** The keys whose values differ, with the new values. */
function buildChanges(before, after) {
	return Object.fromEntries(Object.entries(after).filter(([key, value]) => JSON.stringify(before[key] ?? null) !== JSON.stringify(value ?? null)));
}
