import {isAbort} from '../api/ApiError.js';
import {formatDate, formatDateTime, formatNumber} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {ConflictsView} from '../land/ConflictsView.js';
import {el, replaceChildren} from '../util/dom.js';
import {allowedStatuses, isFinal, planBody, planErrors} from './DisposalFlow.js';
import {DISPOSAL_METHODS, DISPOSAL_STATUSES} from './ParcelQuery.js';
import {disposalColor} from './parcelStyle.js';

const FIELDS = ['disposalMethod', 'responsibleUnit', 'targetDate', 'disposalStatus', 'disposedOn', 'note'];

/**
 * One parcel's disposal plan (一地一策) beside the map, a bottom sheet on a phone: method,
 * responsible unit, target date and status (pending → in_progress → disposed, disposed being
 * final), with the history of progress notes. Planners and administrators (whose
 * editableCollections hold land_parcel) change it; everyone else reads it.
 */
export class ParcelPlanPanel {
	constructor(options) {
		const {container, i18n, parcelApi, canEdit = () => false, townLabel = (name) => name, userName = (name) => name, onClose, onSaved, onLocate} = options;
		Object.assign(this, {i18n, parcelApi, canEdit, townLabel, userName});
		this.callbacks = {onClose, onSaved, onLocate};
		this.element = el('aside', {class: 'hetu-parcel-plan', id: 'hetu-parcel-plan', hidden: true, 'aria-labelledby': 'hetu-parcel-plan-name', tabindex: '-1'});
		container.append(this.element);
		this.state = null;
	}

	get isOpen() {
		return Boolean(this.state);
	}

	get parcelId() {
		return this.state?.id ?? null;
	}

	destroy() {
		this._controller?.abort();
		this.element.remove();
	}

	/** Opens the plan of parcel `id`; `feature` (from the results) shows its name while the plan loads. */
	async open(id, feature = null) {
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this.state = {id: String(id), feature, plan: null, status: 'loading', error: null, draft: null, errors: {}, saving: false, notice: null};
		this.element.hidden = false;
		this.render();
		try {
			const plan = await this.parcelApi.plan(id, {signal: controller.signal});
			if (controller !== this._controller) {
				return;
			}
			this._loaded(plan);
		} catch (error) {
			if (isAbort(error) || controller !== this._controller) {
				return;
			}
			this.state.status = 'error';
			this.state.error = error;
			this.render();
		}
	}

	close() {
		this._controller?.abort();
		this._conflicts?.destroy();
		this._conflicts = null;
		this.state = null;
		this.element.hidden = true;
		this.element.replaceChildren();
	}

	_loaded(plan, notice = null) {
		this.state.plan = plan;
		this.state.status = 'ready';
		this.state.errors = {};
		this.state.notice = notice;
		this.state.draft = {
			disposalMethod: plan.disposalMethod || '', responsibleUnit: plan.responsibleUnit || '', targetDate: plan.targetDate || '',
			disposalStatus: plan.disposalStatus, disposedOn: plan.disposedOn || '', note: ''
		};
		if (!this._conflicts || this._conflicts.parcelId !== this.state.id) {
			this._conflicts?.destroy();
			this._conflicts = new ConflictsView({container: this.element, api: this.parcelApi.api, i18n: this.i18n});
			this._conflicts.parcelId = this.state.id;
			this._conflicts.show('land_parcel', this.state.id, this.state.feature?.geometry || null);
		}
		this.render();
	}

	render() {
		if (!this.state) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const {plan, feature, status} = this.state;
		const props = feature?.properties || {};
		const name = plan?.name || props.name || plan?.code || props.code || `#${this.state.id}`;
		const code = plan?.code || props.code || '';
		const category = plan?.category || props.category;
		const head = el('div', {class: 'hetu-parcel-plan__head'},
			el('div', {class: 'hetu-detail__handle', 'aria-hidden': 'true'}),
			el('div', {class: 'hetu-parcel-plan__titles'},
				el('span', {class: 'hetu-detail__kind'}, t('parcels.plan.kind')),
				el('h3', {class: 'hetu-parcel-plan__name', id: 'hetu-parcel-plan-name'}, name),
				el('div', {class: 'hetu-parcel-plan__meta'},
					code ? el('span', {class: 'hetu-mono'}, code) : null,
					category ? el('span', {class: 'hetu-parcel-tag', 'data-category': category}, t(`enum.parcel_category.${category}`)) : null)),
			el('button', {type: 'button', class: 'hetu-icon-button hetu-detail__close', 'data-action': 'close-plan', 'aria-label': t('parcels.plan.close'),
				title: t('parcels.plan.close'), onclick: () => this.callbacks.onClose?.()}, '×'));
		let body;
		if (status === 'loading') {
			body = el('p', {class: 'hetu-hint hetu-parcel-plan__message'}, t('common.loading'));
		} else if (status === 'error') {
			const error = this.state.error;
			body = el('p', {class: 'hetu-parcel-plan__message hetu-page__status--error', role: 'alert'},
				error?.status === 404 ? t('parcels.plan.notFound') : error?.status === 403 ? t('parcels.forbidden') : problemText(error, this.i18n));
		} else {
			body = el('div', {class: 'hetu-parcel-plan__body'},
				this._facts(),
				this._steps(),
				this.canEdit() ? this._form() : this._readOnly(),
				this._notes(),
				this._conflicts?.element || null);
		}
		replaceChildren(this.element, head, body);
		this.element.dataset.status = plan?.disposalStatus || '';
	}

	_facts() {
		const t = (key, params) => this.i18n.t(key, params);
		const {plan} = this.state;
		const mu = formatNumber(plan.areaMu ?? 0, this.i18n, {digits: 2, minDigits: 2});
		const ha = formatNumber((plan.areaM2 ?? 0) / 10000, this.i18n, {digits: 2, minDigits: 2});
		return el('dl', {class: 'hetu-parcel-plan__facts'},
			el('div', {}, el('dt', {}, t('parcels.col.town')), el('dd', {}, plan.town ? this.townLabel(plan.town) : t('value.empty'))),
			el('div', {}, el('dt', {}, t('parcels.col.area')), el('dd', {}, `${mu} ${t('parcels.unit.mu')} · ${ha} ${t('parcels.unit.ha')}`)),
			el('div', {}, el('dt', {}, t('parcels.plan.targetDate')), el('dd', {},
				plan.targetDate ? el('time', {datetime: plan.targetDate}, formatDate(plan.targetDate)) : t('value.empty'),
				plan.overdue ? el('span', {class: 'hetu-badge hetu-badge--overdue', 'data-overdue': 'true'}, t('parcels.plan.overdue')) : null)),
			plan.disposedOn ? el('div', {}, el('dt', {}, t('parcels.plan.disposedOn')), el('dd', {}, formatDate(plan.disposedOn))) : null,
			el('div', {}, el('dt', {}, ''), el('dd', {},
				el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'locate-parcel', onclick: () => this.callbacks.onLocate?.(this.state.id)},
					t('parcels.plan.locate')))));
	}

	/** The way a plan goes, with the current step marked. */
	_steps() {
		const t = (key) => this.i18n.t(key);
		const current = this.state.plan.disposalStatus;
		const index = DISPOSAL_STATUSES.indexOf(current);
		return el('ol', {class: 'hetu-parcel-steps', 'aria-label': t('parcels.plan.steps')},
			DISPOSAL_STATUSES.map((s, i) => el('li', {
				class: `hetu-parcel-steps__step${i < index ? ' is-done' : ''}${i === index ? ' is-current' : ''}`,
				'data-status': s, 'aria-current': i === index ? 'step' : null
			}, el('span', {class: 'hetu-parcel-steps__dot', 'aria-hidden': 'true'}, i < index ? '✓' : String(i + 1)), t(`enum.disposal_status.${s}`))));
	}

	_readOnly() {
		const t = (key) => this.i18n.t(key);
		const {plan} = this.state;
		return el('section', {class: 'hetu-parcel-plan__section'},
			el('h4', {class: 'hetu-detail__section'}, t('parcels.plan.title')),
			el('dl', {class: 'hetu-parcel-plan__facts'},
				el('div', {}, el('dt', {}, t('parcels.plan.method')), el('dd', {'data-field': 'disposalMethod'},
					plan.disposalMethod ? t(`enum.disposal_method.${plan.disposalMethod}`) : t('value.empty'))),
				el('div', {}, el('dt', {}, t('parcels.plan.unit')), el('dd', {'data-field': 'responsibleUnit'}, plan.responsibleUnit || t('value.empty'))),
				el('div', {}, el('dt', {}, t('parcels.plan.status')), el('dd', {'data-field': 'disposalStatus'}, t(`enum.disposal_status.${plan.disposalStatus}`)))),
			el('p', {class: 'hetu-hint hetu-parcel-plan__readonly'}, t('parcels.plan.readOnly')));
	}

	_form() {
		const t = (key, params) => this.i18n.t(key, params);
		const {plan, draft, errors, saving, notice} = this.state;
		const final = isFinal(plan.disposalStatus);
		const field = (id, labelKey, input, key, options = {}) => {
			const {hint = null, required = false} = options;
			input.id = id;
			const error = errors[key];
			if (error) {
				input.setAttribute('aria-invalid', 'true');
			}
			input.setAttribute('aria-describedby', `${id}-error`);
			return el('div', {class: 'hetu-form__field', 'data-field': key},
				el('label', {class: 'hetu-field-label', for: id}, t(labelKey), required ? el('span', {class: 'hetu-form__required', 'aria-hidden': 'true'}, ' *') : null),
				input,
				hint ? el('p', {class: 'hetu-form__hint'}, hint) : null,
				el('p', {class: 'hetu-form__error', id: `${id}-error`, role: 'alert', hidden: !error}, error ? t(error) : ''));
		};
		const set = (key) => (e) => {
			draft[key] = e.target.value;
			if (key === 'disposalStatus') {
				this.state.errors = {};
				this.render();
				this.element.querySelector(`[name="plan-status"][value="${CSS.escape(draft.disposalStatus)}"]`)?.focus();
			}
		};
		const method = el('select', {class: 'hetu-select', name: 'disposalMethod', disabled: final, onchange: set('disposalMethod')},
			el('option', {value: ''}, t('parcels.plan.noMethod')),
			DISPOSAL_METHODS.map((m) => el('option', {value: m}, t(`enum.disposal_method.${m}`))));
		method.value = draft.disposalMethod;
		const unit = el('input', {type: 'text', class: 'hetu-input', name: 'responsibleUnit', autocomplete: 'organization', disabled: final,
			placeholder: t('parcels.plan.unitPlaceholder'), oninput: set('responsibleUnit')});
		unit.value = draft.responsibleUnit;
		const target = el('input', {type: 'date', class: 'hetu-input', name: 'targetDate', disabled: final, onchange: set('targetDate')});
		target.value = draft.targetDate;
		const statuses = allowedStatuses(plan.disposalStatus);
		const statusChanged = draft.disposalStatus !== plan.disposalStatus;
		const statusGroup = el('fieldset', {class: 'hetu-parcel-plan__statuses', 'data-field': 'disposalStatus'},
			el('legend', {class: 'hetu-field-label'}, t('parcels.plan.status')),
			el('div', {class: 'hetu-segmented hetu-segmented--wide', role: 'radiogroup'},
				statuses.map((s) => el('label', {class: `hetu-segmented__item${draft.disposalStatus === s ? ' is-on' : ''}`, 'data-status': s},
					el('input', {type: 'radio', name: 'plan-status', value: s, class: 'hetu-visually-hidden', checked: draft.disposalStatus === s, disabled: final,
						onchange: set('disposalStatus')}),
					el('span', {class: 'hetu-parcel-status__dot', 'aria-hidden': 'true', style: {background: disposalColor(s)}}),
					s === plan.disposalStatus ? t('parcels.plan.keep', {status: t(`enum.disposal_status.${s}`)}) : t(`parcels.plan.to.${s}`)))),
			final ? el('p', {class: 'hetu-form__hint', 'data-final': 'true'}, t('parcels.plan.final')) : null,
			errors.disposalStatus ? el('p', {class: 'hetu-form__error', role: 'alert'}, t(errors.disposalStatus)) : null);
		const disposedOn = el('input', {type: 'date', class: 'hetu-input', name: 'disposedOn', onchange: set('disposedOn')});
		disposedOn.value = draft.disposedOn || new Date().toISOString().slice(0, 10);
		if (!draft.disposedOn) {
			draft.disposedOn = disposedOn.value;
		}
		const note = el('textarea', {class: 'hetu-input hetu-textarea', name: 'note', rows: '3', maxlength: '2000', disabled: final && false,
			placeholder: t(statusChanged ? 'parcels.plan.notePlaceholderChange' : 'parcels.plan.notePlaceholder'), oninput: set('note')});
		note.value = draft.note;
		const submit = el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save-plan', disabled: saving},
			t(saving ? 'parcels.plan.saving' : 'parcels.plan.save'));
		return el('form', {class: 'hetu-parcel-plan__form', novalidate: true, onsubmit: (e) => {
			e.preventDefault();
			this._save();
		}},
		el('h4', {class: 'hetu-detail__section'}, t('parcels.plan.title')),
		notice ? el('p', {class: `hetu-form__note hetu-form__note--${notice.kind}`, role: notice.kind === 'error' ? 'alert' : 'status'}, notice.text) : null,
		field('hetu-plan-method', 'parcels.plan.method', method, 'disposalMethod', {required: draft.disposalStatus !== 'pending'}),
		field('hetu-plan-unit', 'parcels.plan.unit', unit, 'responsibleUnit'),
		field('hetu-plan-target', 'parcels.plan.targetDate', target, 'targetDate'),
		statusGroup,
		draft.disposalStatus === 'disposed' && !final ? field('hetu-plan-disposed-on', 'parcels.plan.disposedOn', disposedOn, 'disposedOn') : null,
		field('hetu-plan-note', statusChanged ? 'parcels.plan.noteRequired' : 'parcels.plan.note', note, 'note', {required: statusChanged}),
		el('div', {class: 'hetu-form__actions'}, submit));
	}

	async _save() {
		const {plan, draft} = this.state;
		const errors = planErrors(plan, draft);
		if (Object.keys(errors).length) {
			this.state.errors = errors;
			this.state.notice = null;
			this.render();
			this._focusFirstError();
			return;
		}
		if (isFinal(plan.disposalStatus) && !draft.note.trim()) {
			this.state.errors = {note: 'parcels.plan.error.noteOnly'};
			this.render();
			this._focusFirstError();
			return;
		}
		this.state.saving = true;
		this.state.errors = {};
		this.state.notice = null;
		this.render();
		const id = this.state.id;
		try {
			const saved = await this.parcelApi.savePlan(id, planBody(plan, draft));
			if (this.state?.id !== id) {
				return;
			}
			this.state.saving = false;
			this._loaded(saved, {kind: 'ok', text: this.i18n.t('parcels.plan.saved')});
			this.callbacks.onSaved?.(saved);
		} catch (error) {
			if (this.state?.id !== id) {
				return;
			}
			this.state.saving = false;
			await this._failed(error);
		}
	}

	async _failed(error) {
		const t = (key) => this.i18n.t(key);
		if (error?.status === 409) {
			// Someone else saved first: show the plan as it now is, keeping what was typed as the note.
			const typed = this.state.draft.note;
			try {
				const plan = await this.parcelApi.plan(this.state.id);
				this._loaded(plan, {kind: 'error', text: t('parcels.plan.stale')});
				this.state.draft.note = typed;
				this.render();
			} catch {
				this.state.notice = {kind: 'error', text: t('parcels.plan.stale')};
				this.render();
			}
			return;
		}
		if (error?.status === 400 && FIELDS.includes(error.parameter)) {
			const key = {note: 'parcels.plan.error.noteNeeded', disposalMethod: 'parcels.plan.error.methodNeeded', disposalStatus: 'parcels.plan.error.transition'}[error.parameter]
				|| 'parcels.plan.error.invalid';
			this.state.errors = {[error.parameter]: key};
			this.render();
			this._focusFirstError();
			return;
		}
		const text = error?.status === 403 ? t('parcels.plan.forbidden')
			: error?.status === 400 ? t('parcels.plan.refused') : problemText(error, this.i18n);
		this.state.notice = {kind: 'error', text};
		this.render();
	}

	_focusFirstError() {
		this.element.querySelector('[aria-invalid="true"], .hetu-parcel-plan__statuses input:checked')?.focus();
	}

	_notes() {
		const t = (key, params) => this.i18n.t(key, params);
		const notes = [...(this.state.plan.notes || [])].reverse();
		return el('section', {class: 'hetu-parcel-plan__section', 'data-section': 'notes'},
			el('h4', {class: 'hetu-detail__section'}, t('parcels.plan.notes'), el('span', {class: 'hetu-parcel-plan__count'}, String(notes.length))),
			notes.length ? el('ol', {class: 'hetu-changes hetu-parcel-notes'}, notes.map((n) => el('li', {class: 'hetu-change hetu-parcel-note', 'data-status': n.statusAfter},
			el('div', {class: 'hetu-change__head'},
				el('time', {class: 'hetu-change__time', datetime: n.createdAt}, formatDateTime(n.createdAt)),
				el('span', {class: 'hetu-change__user'}, this.userName(n.createdBy)),
				el('span', {class: 'hetu-parcel-status', 'data-status': n.statusAfter},
					t(`enum.disposal_status.${n.statusAfter}`))),
			el('p', {class: 'hetu-parcel-note__text'}, n.note))))
				: el('p', {class: 'hetu-hint'}, t('parcels.plan.noNotes')));
	}
}
