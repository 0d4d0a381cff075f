import {el, replaceChildren} from '../util/dom.js';
import {formatDistance} from './track.js';

/**
 * "N 条待上传": how many patrols, issues and photos still wait for the server, opening into
 * the state of each (sending, waiting for the network, retrying at, refused and why), and what
 * went up in this session with what the server made of it (the responsible segment, the
 * segments a patrol covered).
 */
export class QueueBadge {
	constructor(options) {
		const {container, i18n, queue, categoryName} = options;
		Object.assign(this, {i18n, queue, categoryName});
		this.open = false;
		this.button = el('button', {type: 'button', class: 'hetu-river-badge', 'data-action': 'queue', 'aria-expanded': 'false',
			onclick: () => this.toggle()});
		this.list = el('div', {class: 'hetu-river-queue', hidden: true, 'data-role': 'queue-list'});
		container.append(this.button, this.list);
		this._unsubscribe = queue.onChange(() => this.render());
		this.render();
	}

	destroy() {
		this._unsubscribe();
	}

	toggle() {
		this.open = !this.open;
		this.render();
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		const {queue} = this;
		this.button.dataset.count = String(queue.size);
		this.button.classList.toggle('is-empty', !queue.size);
		this.button.textContent = queue.size ? t('river.queue.pending', {count: queue.size}) : t('river.queue.empty');
		this.button.setAttribute('aria-expanded', String(this.open));
		this.list.hidden = !this.open;
		if (!this.open) {
			return;
		}
		const blocked = queue.blocked();
		const rows = queue.items.map((item) => el('li', {class: `hetu-river-queue__item is-${this._state(item, blocked)}`, 'data-kind': item.kind, 'data-state': this._state(item, blocked)},
			el('span', {class: 'hetu-river-queue__what'}, this._what(item)),
			el('span', {class: 'hetu-river-queue__state'}, this._stateText(item, blocked)),
			item.state === 'rejected' ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => queue.discard(item.id)}, t('river.queue.discard')) : null));
		const sent = queue.sent.map((entry) => el('li', {class: 'hetu-river-queue__item is-sent', 'data-kind': entry.kind, 'data-state': 'sent'},
			el('span', {class: 'hetu-river-queue__what'}, t(`river.queue.kind.${entry.kind}`)),
			el('span', {class: 'hetu-river-queue__state'}, this._sentText(entry))));
		replaceChildren(this.list,
			rows.length ? el('ul', {class: 'hetu-river-queue__list'}, rows) : el('p', {class: 'hetu-hint'}, t('river.queue.nothing')),
			rows.length ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'queue-retry', onclick: () => queue.retryNow()}, t('river.queue.retry')) : null,
			sent.length ? el('h4', {class: 'hetu-river-queue__heading'}, t('river.queue.sent')) : null,
			sent.length ? el('ul', {class: 'hetu-river-queue__list'}, sent) : null);
	}

	_state(item, blocked) {
		if (this.queue.sending === item.id) {
			return 'sending';
		}
		if (blocked.has(item.id)) {
			return 'blocked';
		}
		return item.state === 'rejected' ? 'rejected' : item.attempts ? 'retrying' : 'waiting';
	}

	_what(item) {
		const t = (key, params) => this.i18n.t(key, params);
		const kind = t(`river.queue.kind.${item.kind}`);
		if (item.kind === 'patrol') {
			return `${kind} · ${item.summary?.distance !== undefined ? formatDistance(item.summary.distance) : ''}`;
		}
		if (item.kind === 'issue') {
			return `${kind} · ${this.categoryName(item.payload.category)} · ${item.payload.description.slice(0, 24)}`;
		}
		return `${kind} · ${item.payload.name || ''}`;
	}

	_stateText(item, blocked) {
		const t = (key, params) => this.i18n.t(key, params);
		const state = this._state(item, blocked);
		if (state === 'retrying') {
			const at = new Date(item.nextAttemptAt);
			return t('river.queue.state.retrying', {time: at.toLocaleTimeString(this.i18n.locale, {hour: '2-digit', minute: '2-digit', second: '2-digit'})});
		}
		if (state === 'rejected') {
			return t('river.queue.state.rejected', {status: item.error?.status || '?'});
		}
		return t(`river.queue.state.${state}`);
	}

	_sentText(entry) {
		const t = (key, params) => this.i18n.t(key, params);
		const result = entry.result || {};
		if (entry.kind === 'issue') {
			return result.segmentName ? t('river.queue.sentIssue', {segment: result.segmentName}) : t('river.queue.sentIssueNoSegment');
		}
		if (entry.kind === 'patrol') {
			const names = (result.coverage || []).map((c) => c.name).filter(Boolean);
			return names.length ? t('river.queue.sentPatrol', {segments: names.join(this.i18n.isChinese ? '、' : ', ')}) : t('river.queue.sentOk');
		}
		return t('river.queue.sentOk');
	}
}
