import {statusColor, textColorOn} from '../layers/Symbology.js';
import {countyToday} from '../format/Units.js';
import {el} from '../util/dom.js';

/** A work status as a coloured chip, in the map's colours. */
export function statusChip(status, i18n, options = {}) {
	const {small = false} = options;
	const value = status || 'none';
	const color = statusColor(value);
	return el('span', {
		class: `hetu-chip${small ? ' hetu-chip--small' : ''}`, 'data-status': value,
		style: {background: color, color: textColorOn(color)}
	}, i18n.t(`enum.work_status.${value}`));
}

/** A progress bar with its percentage, in a status colour. */
export function progressBar(pct, i18n, options = {}) {
	const {color = '#0B6E99', label = null} = options;
	const value = Math.max(0, Math.min(100, Number(pct) || 0));
	const text = `${new Intl.NumberFormat(i18n.locale, {maximumFractionDigits: 1}).format(value)}%`;
	return el('span', {class: 'hetu-progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(value), 'aria-label': label},
		el('span', {class: 'hetu-progress__track'}, el('span', {class: 'hetu-progress__fill', style: {width: `${value}%`, background: color}})),
		el('span', {class: 'hetu-progress__value'}, text));
}

/**
 * How a project's progress ({pct, method, reportedBy, reportedAt} from the API) was measured, in words:
 * "县水利局 于 2026-10-27 上报", "按节点完成情况", ...; says so when there was nothing to measure.
 */
export function progressMethodText(progress, i18n) {
	const p = progress || {};
	if (p.pct === null || p.pct === undefined) {
		return i18n.t('progress.unmeasured', {method: i18n.t(`progress.method.${p.method || 'investment'}`)});
	}
	if (p.method === 'reported' && p.reportedAt) {
		return i18n.t('progress.reportedBy', {who: p.reportedBy || '', when: countyToday(new Date(p.reportedAt))});
	}
	return i18n.t(`progress.method.${p.method}`);
}

/** A project's progress bar with the way it was measured beneath; a dash, not 0 %, when nothing could be measured. */
export function projectProgress(progress, i18n, options = {}) {
	const p = progress || {};
	const how = progressMethodText(p, i18n);
	const measured = p.pct !== null && p.pct !== undefined;
	return el('span', {class: 'hetu-project-progress', 'data-method': p.method || '', title: how},
		measured ? progressBar(p.pct, i18n, options) : el('span', {class: 'hetu-progress__value is-empty'}, i18n.t('value.empty')),
		el('span', {class: 'hetu-project-progress__how hetu-hint'}, how));
}

/** The red badge of a project with overdue milestones; null when none is overdue. */
export function overdueBadge(count, i18n) {
	const n = Number(count) || 0;
	return n > 0 ? el('span', {class: 'hetu-badge hetu-badge--overdue', 'data-overdue': String(n), title: i18n.t('projects.overdueTitle', {n})},
		i18n.t('projects.overdueBadge', {n})) : null;
}
