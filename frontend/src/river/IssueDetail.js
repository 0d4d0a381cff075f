import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {checkPhotos} from './photos.js';
import {PHOTO_TYPES} from './RiverApi.js';
import {canPatrol} from './roles.js';
import {formatDistance} from './track.js';
import {refusalKey, stepsFrom} from './workflow.js';
import {countyTimeZone} from '../county/County.js';

/**
 * One issue: what was reported where, its photos with their EXIF evidence against the report
 * (time and distance, and a warning when they do not match), every workflow step with who,
 * when and the note, and the steps this user may take next.
 */
export class IssueDetail {
	constructor(options) {
		const {container, i18n, session, riverApi, onChanged, onClose} = options;
		Object.assign(this, {i18n, session, riverApi, onChanged, onClose});
		this.element = el('article', {class: 'hetu-river-detail', 'data-role': 'issue-detail'});
		container.append(this.element);
		this.issue = null;
		this.openStep = null;
	}

	async load(id) {
		this._abort?.abort();
		const controller = this._abort = new AbortController();
		this.openStep = null;
		replaceChildren(this.element, el('p', {class: 'hetu-hint'}, this.i18n.t('common.loading')));
		try {
			this.issue = await this.riverApi.issue(id, {signal: controller.signal});
			this.problem = null;
			this.render();
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.element, el('p', {class: 'hetu-river-problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		const issue = this.issue;
		if (!issue) {
			return;
		}
		this.element.dataset.status = issue.status;
		this.element.dataset.id = issue.id;
		const photos = issue.photos || [];
		this.map?.destroy();
		const mapBox = el('div', {class: 'hetu-issue-map-box', 'data-role': 'issue-map'});
		replaceChildren(this.element,
			el('header', {class: 'hetu-river-detail__head'},
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-river-detail__back', 'data-action': 'close-issue', onclick: () => this.onClose()}, t('river.issues.back')),
				el('h3', {}, t(`river.category.${issue.category}`)),
				statusBadge(issue.status, this.i18n),
				issue.overdue ? el('span', {class: 'hetu-river-flag hetu-river-flag--overdue', 'data-role': 'overdue'}, t('river.issues.overdue')) : null,
				escalation(issue, this.i18n)),
			el('p', {class: 'hetu-river-detail__description'}, issue.description),
			el('dl', {class: 'hetu-river-facts'},
				fact(t('river.issues.segment'), [issue.segmentName || t('river.issues.noSegment'), issue.town].filter(Boolean).join(' · '), 'segment'),
				issue.chief ? fact(t('river.issues.chief'), `${issue.chief.name} · ${t(`river.level.${issue.chief.level}`)}`, 'chief') : null,
				fact(t('river.issues.reported'), `${issue.reportedBy} · ${this._time(issue.reportedAt)}`),
				issue.assignee ? fact(t('river.issues.assignee'), issue.assignee, 'assignee') : null,
				issue.deadline ? fact(t('river.issues.deadline'), issue.deadline, 'deadline') : null),
			mapBox,
			el('h4', {}, t('river.issues.photos', {count: photos.length})),
			photos.length ? el('div', {class: 'hetu-river-photos'}, photos.map((photo) => this._photo(photo))) : el('p', {class: 'hetu-hint'}, t('river.issues.noPhotos')),
			el('h4', {}, t('river.issues.history')),
			el('ol', {class: 'hetu-river-events'}, (issue.events || []).map((event) => el('li', {class: `hetu-river-event is-${event.kind || 'transition'}`, 'data-to': event.toStatus || '', 'data-kind': event.kind || 'transition'},
				el('strong', {}, this._eventTitle(event)),
				el('span', {class: 'hetu-river-event__meta'}, `${event.byUser} · ${this._time(event.at)}`),
				event.note ? el('p', {class: 'hetu-river-event__note'}, event.note) : null))),
			this._actions());
		this._drawMap(mapBox, issue);
	}

	/** Where the issue is, on the offline county map, with the segment it was reported on (Leaflet loads with the first map). */
	async _drawMap(container, issue) {
		const {issueMap} = await import('./issueMap.js');
		if (container.isConnected && this.issue === issue) {
			this.map = issueMap({container, issue, api: this.riverApi.api, i18n: this.i18n, county: this.county});
		}
	}

	destroy() {
		this.map?.destroy();
		this.map = null;
	}

	_eventTitle(event) {
		const t = (key, params) => this.i18n.t(key, params);
		if (event.kind === 'escalated') {
			return t('river.issues.escalated', {level: t(`river.level.${event.level}`)});
		}
		return event.fromStatus ? `${t(`river.status.${event.fromStatus}`)} → ${t(`river.status.${event.toStatus}`)}` : t(`river.status.${event.toStatus}`);
	}

	_time(value) {
		return value ? new Date(value).toLocaleString(this.i18n.locale, {dateStyle: 'medium', timeStyle: 'short', timeZone: countyTimeZone()}) : '';
	}

	_photo(photo) {
		const t = (key, params) => this.i18n.t(key, params);
		const evidence = [];
		if (photo.takenAt) {
			evidence.push(t('river.photo.takenAt', {time: this._time(photo.takenAt)}));
		}
		if (Number.isFinite(photo.minutesFromReport)) {
			evidence.push(t('river.photo.minutes', {minutes: Math.round(photo.minutesFromReport)}));
		}
		if (Number.isFinite(photo.distanceFromReportM)) {
			evidence.push(t('river.photo.distance', {distance: formatDistance(photo.distanceFromReportM)}));
		}
		if (!photo.takenAt && !Number.isFinite(photo.distanceFromReportM)) {
			evidence.push(t('river.photo.noExif'));
		}
		const mismatch = photo.evidenceMatches === false;
		return el('figure', {class: `hetu-river-photo${mismatch ? ' is-mismatch' : ''}`, 'data-kind': photo.kind},
			el('a', {href: photo.url, target: '_blank', rel: 'noopener'}, el('img', {src: photo.thumbnailUrl || photo.url, alt: t(`river.photo.kind.${photo.kind}`), loading: 'lazy'})),
			el('figcaption', {},
				el('strong', {}, t(`river.photo.kind.${photo.kind}`)),
				evidence.map((line) => el('span', {}, line)),
				mismatch ? el('span', {class: 'hetu-river-warning', role: 'note', 'data-role': 'evidence-warning'}, t('river.photo.mismatch')) : null));
	}

	_actions() {
		const t = (key, params) => this.i18n.t(key, params);
		if (!canPatrol(this.session)) {
			return null;
		}
		const steps = stepsFrom(this.issue.status);
		if (!steps.length) {
			return null;
		}
		this.problemLine = el('p', {class: 'hetu-river-problem', role: 'alert', hidden: !this.problem, 'data-role': 'problem'}, this.problem || '');
		const open = steps.find((step) => step.action === this.openStep);
		return el('section', {class: 'hetu-river-actions', 'aria-label': t('river.issues.actions')},
			el('div', {class: 'hetu-river-row'}, steps.map((step) => el('button', {
				type: 'button', class: `hetu-button${step.action === 'sendBack' || step.action === 'reopen' ? ' hetu-button--secondary' : ''}`,
				'data-action': `issue-${step.action}`, 'aria-expanded': String(step === open),
				onclick: () => {
					this.openStep = this.openStep === step.action ? null : step.action;
					this.problem = null;
					this.render();
				}
			}, t(`river.action.${step.action}`)))),
			open ? this._stepForm(open) : null,
			this.problemLine);
	}

	_stepForm(step) {
		const t = (key, params) => this.i18n.t(key, params);
		const needs = step.needs || [];
		const field = (label, input) => el('label', {class: 'hetu-river-field'}, el('span', {class: 'hetu-river-field__label'}, label), input);
		const assignee = needs.includes('assignee') ? el('input', {class: 'hetu-input', name: 'assignee', required: true, maxlength: '200', placeholder: t('river.action.assigneeHint')}) : null;
		const deadline = needs.includes('deadline') ? el('input', {class: 'hetu-input', name: 'deadline', type: 'date', required: true}) : null;
		const photo = needs.includes('afterPhoto') ? el('input', {class: 'hetu-river-file', name: 'after', type: 'file', accept: PHOTO_TYPES.join(','), capture: 'environment'}) : null;
		const note = el('textarea', {class: 'hetu-input', name: 'note', rows: '2', maxlength: '2000'});
		const submit = el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'issue-confirm'}, t('river.action.confirm'));
		return el('form', {class: 'hetu-river-step', 'data-step': step.action, novalidate: true, onsubmit: (e) => {
			e.preventDefault();
			this._take(step, {assignee: assignee?.value.trim(), deadline: deadline?.value, file: photo?.files[0], note: note.value.trim()}, submit);
		}},
		assignee ? field(t('river.action.assignee'), assignee) : null,
		deadline ? field(t('river.action.deadline'), deadline) : null,
		photo ? field(t('river.action.afterPhoto'), photo) : null,
		field(t('river.action.note'), note),
		submit);
	}

	async _take(step, values, submit) {
		const t = (key, params) => this.i18n.t(key, params);
		const needs = step.needs || [];
		const missing = needs.includes('assignee') && !values.assignee ? 'river.action.needAssignee'
			: needs.includes('deadline') && !values.deadline ? 'river.action.needDeadline'
				: needs.includes('afterPhoto') && !values.file ? 'river.action.needAfterPhoto' : null;
		if (missing) {
			this._showProblem(t(missing));
			return;
		}
		if (values.file) {
			const {refused} = checkPhotos([], [values.file]);
			if (refused.length) {
				this._showProblem(t(`river.photo.refused.${refused[0].reason}`, {name: values.file.name, max: 1}));
				return;
			}
		}
		submit.disabled = true;
		try {
			if (values.file) {
				await this.riverApi.uploadPhoto(this.issue.id, {id: crypto.randomUUID(), kind: 'after', blob: values.file, name: values.file.name});
			}
			await this.riverApi.transition(this.issue.id, {
				to: step.to, note: values.note || null, assignee: values.assignee || null, deadline: values.deadline || null, version: this.issue.version
			});
			this.openStep = null;
			await this.load(this.issue.id);
			this.onChanged();
		} catch (error) {
			submit.disabled = false;
			const key = refusalKey(error);
			this._showProblem(key ? t(key) : problemText(error, this.i18n));
			if (key === 'river.problem.conflict') {
				await this.load(this.issue.id);
				this._showProblem(t(key));
			}
		}
	}

	_showProblem(text) {
		this.problem = text;
		if (this.issue && !this.problemLine?.isConnected) {
			this.render();
		}
		this.problemLine.hidden = false;
		this.problemLine.textContent = text;
	}
}

function fact(label, value, role) {
	return [el('dt', {}, label), el('dd', {'data-role': role}, value)];
}

/** An issue status as a coloured badge. */
export function statusBadge(status, i18n) {
	return el('span', {class: `hetu-river-status hetu-river-status--${status}`, 'data-status': status}, i18n.t(`river.status.${status}`));
}

/** "已升级至县级河长" when the back end escalated an overdue issue; null otherwise. */
export function escalation(issue, i18n) {
	if (!issue.escalatedLevel) {
		return null;
	}
	const level = i18n.t(`river.level.${issue.escalatedLevel}`);
	const to = (issue.escalatedTo || []).map((chief) => chief.name).join(i18n.isChinese ? '、' : ', ');
	return el('span', {class: 'hetu-river-flag hetu-river-flag--escalated', 'data-role': 'escalated'},
		to ? i18n.t('river.issues.escalatedTo', {level, to}) : i18n.t('river.issues.escalated', {level}));
}
