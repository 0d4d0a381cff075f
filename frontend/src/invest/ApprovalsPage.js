import '../styles/invest.css';
import {loadPage} from '../ui/loadPage.js';
import {el, replaceChildren} from '../util/dom.js';
import {figure, renderLoaded} from './figures.js';

const STAGES = ['guidance', 'parallel', 'coordination', 'follow_up'];

/**
 * The approval bureau's county view (#/approvals): the year's figures (key projects by stage of the four, green
 * channel, approvals in progress, overdue, blocked, finished within their limit) and every approval in progress,
 * fewest working days left first, overdue and blocked ones flagged. Limits are in working days.
 */
export class ApprovalsPage {
	constructor(options) {
		const {container, api, i18n, onParams, navigate} = options;
		Object.assign(this, {container, api, i18n, onParams, navigate});
		this.root = el('div', {class: 'hetu-invest-page'});
		container.append(this.root);
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._controller?.abort();
	}

	async show(params = {}) {
		this.params = params;
		const overdue = params.overdue === 'true' ? '?overdue=true' : '';
		await loadPage(this, (signal) => Promise.all([
			this.api.get('/api/v1/approvals/figures', {signal}),
			this.api.get(`/api/v1/approvals${overdue}`, {signal})
		]), ([figures, approvals]) => {
			this.figures = figures;
			this.approvals = approvals;
		});
	}

	render() {
		renderLoaded(this);
	}

	_draw() {
		if (!this.figures) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const f = this.figures;
		replaceChildren(this.root,
			el('p', {class: 'hetu-hint'}, t('approvalsPage.rule', {today: f.today})),
			el('div', {class: 'hetu-invest__figures', 'data-role': 'figures'},
				figure('projects', t('approvalsPage.projects'), f.projects),
				STAGES.map((s) => figure(`stage-${s}`, t(`approvals.stage.${s}`), f.byStage.find((b) => b.stage === s)?.projects ?? 0)),
				figure('green', t('approvals.greenChannel'), f.greenChannel),
				figure('inProgress', t('approvalsPage.inProgress'), f.inProgress),
				figure('overdue', t('approvals.overdue'), f.overdue, f.overdue > 0),
				figure('blocked', t('approvals.blocked'), f.blocked, f.blocked > 0),
				figure('onTime', t('approvalsPage.onTime', {year: f.year}),
					f.onTimePct === null ? '—' : `${f.onTimePct}%`, false, t('approvalsPage.onTimeOf', {n: f.finishedOnTime, of: f.finishedInYear}))),
			el('label', {}, el('input', {type: 'checkbox', 'data-filter': 'overdue', checked: this.params.overdue === 'true',
				onchange: (e) => this.onParams({overdue: e.target.checked ? 'true' : undefined})}), ' ', t('approvalsPage.onlyOverdue')),
			el('table', {class: 'hetu-table', 'data-role': 'approvals'},
				el('thead', {}, el('tr', {}, ['project', 'approval', 'department', 'started', 'used', 'left', 'flags'].map((c) => el('th', {}, t(`approvalsPage.col.${c}`))))),
				el('tbody', {}, this.approvals.map((a) => el('tr', {'data-approval': a.id, class: a.overdue ? 'hetu-invest__late' : null},
					el('td', {}, el('a', {href: `#/projects/${a.projectId}`}, `${a.projectCode} ${a.projectName}`)),
					el('td', {}, this.i18n.locale === 'en' ? a.nameEn : a.nameZh),
					el('td', {}, a.department),
					el('td', {}, a.startedOn),
					el('td', {}, t('approvals.days', {used: a.usedDays, limit: a.limitDays})),
					el('td', {'data-role': 'days-left'}, String(a.daysLeft)),
					el('td', {}, [a.overdue ? t('approvals.overdue') : null, a.blocked ? `${t('approvals.blocked')}：${a.issue}` : null,
						a.greenChannel ? t('approvals.greenChannel') : null].filter(Boolean).join(' · ')))))));
	}
}
