import {isAbort} from '../api/ApiError.js';
import {statusColor, textColorOn} from '../layers/Symbology.js';
import {debounce} from '../util/debounce.js';
import {el, replaceChildren} from '../util/dom.js';
import {problemText} from './problemText.js';

/**
 * One box that finds features by name or code across all collections (the server
 * searches), as a combobox: arrows move, Enter opens, Escape closes.
 */
export class SearchBox {
	constructor(options) {
		const {container, i18n, api, collectionTitle, onSelect, debounceMs = 250, limit = 20} = options;
		Object.assign(this, {container, i18n, api, collectionTitle, limit});
		this.onSelect = onSelect;
		this._results = [];
		this._active = -1;
		this._state = 'idle';
		this._controller = null;
		this._query = debounce((q) => this._search(q), debounceMs);
		this._build();
		this._unsubscribe = i18n.onChange(() => this._translate());
	}

	destroy() {
		this._unsubscribe();
		this._query.cancel();
		this._controller?.abort();
		document.removeEventListener('pointerdown', this._onDocument);
	}

	_build() {
		this.input = el('input', {
			type: 'search', class: 'hetu-search__input', id: 'hetu-search-input', autocomplete: 'off', spellcheck: 'false',
			role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'hetu-search-results', 'aria-autocomplete': 'list',
			enterkeyhint: 'search',
			oninput: () => this._onInput(),
			onkeydown: (e) => this._onKey(e),
			onfocus: () => this._results.length && this._open(true)
		});
		this.list = el('ul', {class: 'hetu-search__results', id: 'hetu-search-results', role: 'listbox', hidden: true});
		this.icon = el('span', {class: 'hetu-search__icon', 'aria-hidden': 'true', html: '<svg width="18" height="18" viewBox="0 0 24 24"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M15.5 15.5L21 21" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>'});
		this.form = el('form', {class: 'hetu-search', role: 'search', onsubmit: (e) => {
			e.preventDefault();
			this._choose(this._active >= 0 ? this._active : 0);
		}}, this.icon, this.input, this.list);
		this.container.append(this.form);
		this._onDocument = (e) => {
			if (!this.form.contains(e.target)) {
				this._open(false);
			}
		};
		document.addEventListener('pointerdown', this._onDocument);
		this._translate();
	}

	_translate() {
		const t = (key) => this.i18n.t(key);
		this.input.placeholder = t('search.placeholder');
		this.input.setAttribute('aria-label', t('search.label'));
		this.form.setAttribute('aria-label', t('search.label'));
		this._drawResults();
	}

	_onInput() {
		const q = this.input.value.trim();
		if (!q) {
			this._query.cancel();
			this._controller?.abort();
			this._results = [];
			this._state = 'idle';
			this._drawResults();
			return;
		}
		this._state = 'searching';
		this._drawResults();
		this._query(q);
	}

	async _search(q) {
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		try {
			const results = await this.api.search(q, {limit: this.limit}, {signal: controller.signal});
			if (controller !== this._controller) {
				return;
			}
			this._results = Array.isArray(results) ? results : [];
			this._state = 'done';
			this._active = this._results.length ? 0 : -1;
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this._results = [];
			this._state = 'failed';
			this._error = error;
		}
		this._drawResults();
	}

	_drawResults() {
		const t = (key, params) => this.i18n.t(key, params);
		const q = this.input.value.trim();
		let items;
		if (this._state === 'searching' && !this._results.length) {
			items = [el('li', {class: 'hetu-search__message'}, t('search.searching'))];
		} else if (this._state === 'failed') {
			items = [el('li', {class: 'hetu-search__message'}, t('search.failed', {detail: problemText(this._error, this.i18n)}))];
		} else if (this._state === 'done' && !this._results.length) {
			items = [el('li', {class: 'hetu-search__message'}, t('search.noResults', {q}))];
		} else {
			items = this._results.map((r, i) => {
				const color = statusColor(r.status);
				return el('li', {
					id: `hetu-search-option-${i}`, role: 'option', class: 'hetu-search__result',
					'aria-selected': String(i === this._active), 'data-key': `${r.collection}/${r.id}`,
					onpointerdown: (e) => e.preventDefault(),
					onclick: () => this._choose(i)
				},
				el('span', {class: 'hetu-search__name'}, r.name),
				el('span', {class: 'hetu-search__meta'},
					el('span', {class: 'hetu-search__kind'}, this.collectionTitle(r.collection)),
					r.code ? el('span', {class: 'hetu-search__code'}, r.code) : null,
					el('span', {class: 'hetu-chip hetu-chip--small', style: {background: color, color: textColorOn(color)}}, t(`enum.work_status.${r.status || 'none'}`))));
			});
		}
		replaceChildren(this.list, items);
		this.input.setAttribute('aria-activedescendant', this._active >= 0 && this._results.length ? `hetu-search-option-${this._active}` : '');
		this._open(this._state !== 'idle' && document.activeElement === this.input);
	}

	_open(open) {
		this.list.hidden = !open;
		this.input.setAttribute('aria-expanded', String(open));
	}

	_onKey(e) {
		if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
			if (!this._results.length) {
				return;
			}
			e.preventDefault();
			const step = e.key === 'ArrowDown' ? 1 : -1;
			this._active = (this._active + step + this._results.length) % this._results.length;
			this._drawResults();
		} else if (e.key === 'Escape') {
			this._open(false);
		}
	}

	async _choose(index) {
		if (this._state === 'searching' || !this._results.length) {
			// Enter pressed before the answer: search now and take the first result.
			const q = this.input.value.trim();
			if (!q) {
				return;
			}
			this._query.cancel();
			await this._search(q);
			index = 0;
		}
		const result = this._results[index];
		if (!result) {
			return;
		}
		this._open(false);
		this.input.blur();
		this.onSelect(result);
	}
}
