import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';

/**
 * A key project's approvals (审批时间轴) in their order, with the stage of the approval service, the green
 * channel, the working days used against each limit, and overdue or blocked approvals flagged. It loads once
 * per project and keeps its element, so the project page can draw it again without asking again.
 */
export class ApprovalTimeline {
	constructor({api, i18n}) {
		Object.assign(this, {api, i18n});
		this.element = el('section', {class: 'hetu-card hetu-approvals', 'data-role': 'approvals'});
		this._unsubscribe = i18n.onChange(() => this._draw());
	}

	destroy() {
		this._unsubscribe();
	}

	/** Loads the chain of a project unless it is the one shown; a project without one says so. */
	async load(projectId) {
		if (this.projectId === projectId) {
			return;
		}
		this.projectId = projectId;
		try {
			const chain = await this.api.get(`/api/v1/projects/${projectId}/approvals`);
			this.chain = chain.stage ? chain : null;
			this._draw();
		} catch (error) {
			this.projectId = null;
			replaceChildren(this.element, el('h3', {class: 'hetu-card__title'}, this.i18n.t('approvals.title')),
				el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(error, this.i18n)));
		}
	}

	_draw() {
		const t = (key, params) => this.i18n.t(key, params);
		const title = el('h3', {class: 'hetu-card__title'}, t('approvals.title'));
		if (!this.chain) {
			replaceChildren(this.element, title, el('p', {class: 'hetu-hint'}, t('approvals.none')));
			return;
		}
		const c = this.chain;
		replaceChildren(this.element, title,
			el('p', {}, t(`approvals.stage.${c.stage}`), c.greenChannel ? el('span', {class: 'hetu-tag hetu-tag--create'}, ' ', t('approvals.greenChannel')) : null),
			el('ol', {class: 'hetu-approvals__list'}, c.approvals.map((a) => el('li', {'data-approval': a.type, 'data-state': a.state},
				el('strong', {}, a.nameZh), ` · ${a.department} · `,
				a.state === 'not_started' ? t('approvals.notStarted', {limit: a.limitDays}) : t('approvals.days', {used: a.usedDays, limit: a.limitDays}),
				a.overdue ? el('span', {class: 'hetu-badge hetu-badge--overdue'}, ' ', t('approvals.overdue')) : null,
				a.blocked ? el('span', {class: 'hetu-badge hetu-badge--overdue'}, ' ', t('approvals.blocked'), `：${a.issue}`) : null))));
	}
}
