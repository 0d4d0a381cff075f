import '../styles/river.css';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {IssueDetail, escalation, statusBadge} from './IssueDetail.js';
import {parseMonth} from './month.js';
import {CATEGORIES, RiverApi, STATUSES} from './RiverApi.js';
import {countyTimeZone} from '../county/County.js';

/** The list's filters as they stand in the hash (#/issues?status=…). */
export const ISSUE_FILTERS = ['status', 'overdue', 'town', 'category', 'month'];

/** The filters of `params` that the back end understands, cleaned. */
export function issueFilters(params = {}) {
	return {
		status: STATUSES.includes(params.status) ? params.status : undefined,
		overdue: params.overdue === 'true' ? true : undefined,
		town: params.town || undefined,
		category: CATEGORIES.includes(params.category) ? params.category : undefined,
		month: parseMonth(params.month) || undefined
	};
}

/**
 * Issues for the office and the chiefs (#/issues): filters, the list with overdue and
 * escalation flags, and beside it (on a phone, instead of it) the issue's detail and workflow.
 */
export class IssuesPage {
	constructor(options) {
		const {container, api, i18n, session, county, toast = null, onParams} = options;
		Object.assign(this, {container, i18n, session, toast, onParams});
		this.riverApi = new RiverApi({api});
		this.params = {};
		this.towns = [];
		this.filtersBox = el('form', {class: 'hetu-river-filters', 'data-role': 'issue-filters', onsubmit: (e) => e.preventDefault()});
		this.listBox = el('div', {class: 'hetu-river-issues__list', 'data-role': 'issue-list', 'aria-live': 'polite'});
		this.detailBox = el('div', {class: 'hetu-river-issues__detail'});
		this.root = el('div', {class: 'hetu-river-issues'}, this.filtersBox, el('div', {class: 'hetu-river-issues__body'}, this.listBox, this.detailBox));
		container.append(this.root);
		this.detail = new IssueDetail({
			container: this.detailBox, i18n, session, county, riverApi: this.riverApi,
			onChanged: () => this._loadList(),
			onClose: () => this.onParams({...this.params, issue: undefined})
		});
		this._unsubscribe = i18n.onChange(() => {
			this._drawFilters();
			this._drawList();
			this.detail.render();
		});
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
		this.detail.destroy();
	}

	async show(params = {}) {
		const listChanged = ISSUE_FILTERS.some((key) => (params[key] || '') !== (this.params[key] || '')) || !this.items;
		this.params = {...params};
		this.root.classList.toggle('has-issue', Boolean(params.issue));
		if (!this._townsLoaded) {
			this._townsLoaded = true;
			this.riverApi.chiefs().then((chiefs) => {
				this.towns = [...new Set(chiefs.map((c) => c.town).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
				this._drawFilters();
			}, (error) => {
				// The town filter lists the chiefs' towns; without them it offers none, and says why.
				this._townsLoaded = false;
				this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
			});
		}
		this._drawFilters();
		if (listChanged) {
			await this._loadList();
		} else {
			this._drawList();
		}
		if (params.issue && params.issue !== this.detail.issue?.id) {
			await this.detail.load(params.issue);
		}
	}

	async _loadList() {
		this._abort?.abort();
		const controller = this._abort = new AbortController();
		replaceChildren(this.listBox, el('p', {class: 'hetu-hint'}, this.i18n.t('common.loading')));
		try {
			this.items = await this.riverApi.issues(issueFilters(this.params), {signal: controller.signal});
			this._drawList();
		} catch (error) {
			if (!isAbort(error)) {
				this.items = null;
				replaceChildren(this.listBox, el('p', {class: 'hetu-river-problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_set(key, value) {
		this.onParams({...this.params, [key]: value || undefined, issue: undefined});
	}

	_drawFilters() {
		const t = (key) => this.i18n.t(key);
		const p = this.params;
		const select = (key, values, label) => el('label', {class: 'hetu-river-filter'},
			el('span', {}, t(`river.filter.${key}`)),
			el('select', {class: 'hetu-select', name: key, onchange: (e) => this._set(key, e.target.value)},
				el('option', {value: ''}, t('river.filter.all')),
				values.map((value) => el('option', {value, selected: p[key] === value}, label(value)))));
		replaceChildren(this.filtersBox,
			select('status', STATUSES, (s) => t(`river.status.${s}`)),
			select('category', CATEGORIES, (c) => t(`river.category.${c}`)),
			select('town', this.towns, (town) => town),
			el('label', {class: 'hetu-river-filter'}, el('span', {}, t('river.filter.month')),
				el('input', {class: 'hetu-input', type: 'month', name: 'month', value: parseMonth(p.month) || '', onchange: (e) => this._set('month', e.target.value)})),
			el('label', {class: 'hetu-river-filter hetu-river-filter--check'},
				el('input', {type: 'checkbox', name: 'overdue', checked: p.overdue === 'true', onchange: (e) => this._set('overdue', e.target.checked ? 'true' : '')}),
				el('span', {}, t('river.filter.overdue'))));
	}

	_drawList() {
		const t = (key, params) => this.i18n.t(key, params);
		if (!this.items) {
			return;
		}
		if (!this.items.length) {
			replaceChildren(this.listBox, el('p', {class: 'hetu-hint', 'data-role': 'empty'}, t('river.issues.empty')));
			return;
		}
		const time = (value) => new Date(value).toLocaleDateString(this.i18n.locale, {timeZone: countyTimeZone()});
		replaceChildren(this.listBox,
			el('p', {class: 'hetu-hint', 'data-role': 'count'}, t('river.issues.count', {count: this.items.length})),
			el('ul', {class: 'hetu-river-issue-list'}, this.items.map((issue) => el('li', {},
				el('a', {
					class: `hetu-river-issue${issue.id === this.params.issue ? ' is-selected' : ''}${issue.overdue ? ' is-overdue' : ''}`,
					href: '#', 'data-id': issue.id, 'data-status': issue.status,
					onclick: (e) => {
						e.preventDefault();
						this.onParams({...this.params, issue: issue.id}, {push: true});
					}
				},
				el('span', {class: 'hetu-river-issue__top'},
					el('strong', {}, t(`river.category.${issue.category}`)),
					statusBadge(issue.status, this.i18n),
					issue.overdue ? el('span', {class: 'hetu-river-flag hetu-river-flag--overdue'}, t('river.issues.overdue')) : null,
					escalation(issue, this.i18n)),
				el('span', {class: 'hetu-river-issue__text'}, issue.description),
				el('span', {class: 'hetu-river-issue__meta'},
					[issue.segmentName || t('river.issues.noSegment'), issue.town, time(issue.reportedAt), issue.deadline ? t('river.issues.due', {date: issue.deadline}) : null].filter(Boolean).join(' · ')))))));
	}
}
