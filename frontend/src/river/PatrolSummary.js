import {el, replaceChildren} from '../util/dom.js';
import {formatDistance, formatDuration, trackLengthM} from './track.js';

/** How many ended patrols the phone keeps in its history. */
export const HISTORY_SIZE = 10;

/** The summary of a patrol that has just ended, before the server has seen it. */
export function summarise(walking, endedAt) {
	return {
		id: walking.id, chiefName: walking.chiefName, startedAt: walking.startedAt, endedAt, source: walking.source,
		distanceM: trackLengthM(walking.points), durationMs: Date.parse(endedAt) - Date.parse(walking.startedAt),
		issues: walking.issues || 0, uploaded: false, covered: null
	};
}

/** The history with `summary` first, the oldest beyond the kept number dropped. */
export function withSummary(history, summary) {
	return [summary, ...history.filter((s) => s.id !== summary.id)].slice(0, HISTORY_SIZE);
}

/**
 * The history updated from what the server answered to patrols sent (the upload queue's `sent`):
 * its length of the track and the segments it covered. Null when nothing changed.
 */
export function withServerAnswers(history, sent) {
	let changed = false;
	const next = history.map((summary) => {
		const answer = !summary.uploaded && sent.find((s) => s.kind === 'patrol' && s.id === summary.id)?.result;
		if (!answer) {
			return summary;
		}
		changed = true;
		const covered = (answer.coverage || []).map((c) => ({name: c.name, coveredM: c.coveredM}));
		return {...summary, uploaded: true, distanceM: answer.distanceM ?? summary.distanceM, covered};
	});
	return changed ? next : null;
}

/**
 * What the chief sees after ending a patrol: its distance, time, issues reported and (once the
 * server has it) the segments it covered, kept on screen until the next patrol starts; below it,
 * the chief's recent patrols on this phone.
 */
export class PatrolSummary {
	constructor(options) {
		const {container, i18n, onClose} = options;
		Object.assign(this, {i18n, onClose});
		this.element = el('section', {class: 'hetu-river-summary', 'data-role': 'summary', hidden: true});
		this.recent = el('details', {class: 'hetu-river-recent', 'data-role': 'recent-patrols', hidden: true});
		container.append(this.element, this.recent);
	}

	render(history, {showLast}) {
		const t = (key, params) => this.i18n.t(key, params);
		const last = showLast ? history[0] : null;
		this.element.hidden = !last;
		if (last) {
			const figure = (key, value, role) => [el('dt', {}, t(key)), el('dd', {'data-role': role}, value)];
			replaceChildren(this.element,
				el('h2', {class: 'hetu-river-summary__title'}, t('river.summary.title')),
				el('dl', {class: 'hetu-river-summary__figures'},
					figure('river.patrol.distance', formatDistance(last.distanceM), 'summary-distance'),
					figure('river.patrol.duration', formatDuration(last.durationMs), 'summary-duration'),
					figure('river.summary.issues', String(last.issues), 'summary-issues')),
				el('p', {class: 'hetu-river-summary__covered', 'data-role': 'summary-covered'}, this._covered(last)),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'close-summary', onclick: () => this.onClose()},
					t('river.summary.close')));
		}
		this.recent.hidden = history.length === 0;
		replaceChildren(this.recent,
			el('summary', {}, t('river.summary.recent', {count: history.length})),
			el('ol', {class: 'hetu-river-recent__list'}, history.map((s) => el('li', {'data-state': s.uploaded ? 'sent' : 'waiting'},
				`${this._date(s.startedAt)} · ${formatDistance(s.distanceM)} · ${formatDuration(s.durationMs)} · `
				+ `${t('river.summary.issueCount', {count: s.issues})} · ${t(s.uploaded ? 'river.summary.uploaded' : 'river.summary.waiting')}`))));
	}

	_covered(summary) {
		const t = (key, params) => this.i18n.t(key, params);
		if (!summary.uploaded) {
			return t('river.summary.coveredLater');
		}
		if (!summary.covered?.length) {
			return t('river.summary.coveredNone');
		}
		return t('river.summary.covered', {names: summary.covered.map((c) => `${c.name || '—'} ${formatDistance(c.coveredM)}`).join('、')});
	}

	_date(iso) {
		const date = new Date(iso);
		const two = (n) => String(n).padStart(2, '0');
		return `${date.getMonth() + 1}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
	}
}
