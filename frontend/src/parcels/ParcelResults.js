import {formatDate, formatNumber} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {landUseLabel} from './LandUses.js';
import {EXPORT_CRS, EXPORT_FORMATS} from './ParcelApi.js';
import {CATEGORIES, nextSort, sortState} from './ParcelQuery.js';
import {categoryColor} from './parcelStyle.js';

/** The orders a phone offers in a list, where the table's headings are not shown. */
export const SORT_OPTIONS = ['code', '-area', 'area', 'idle_since', '-idle_since', 'town', 'target_date', 'approved_on'];

/** The table's columns: [key, label, sort key or null, numeric]. */
const COLUMNS = [
	['parcel', 'parcels.col.parcel', 'code', false],
	['category', 'parcels.col.category', null, false],
	['town', 'parcels.col.town', 'town', false],
	['area', 'parcels.col.area', 'area', true],
	['idle', 'parcels.col.idleSince', 'idle_since', false],
	['status', 'parcels.col.status', null, false],
	['method', 'parcels.col.method', null, false],
	['target', 'parcels.col.targetDate', 'target_date', false]
];

/**
 * What a parcel query found: totals (count, area in ha and 亩), breakdowns by category and
 * town, and the matches as a sortable, paged table whose rows open each parcel's plan; with
 * the export of every match (GeoJSON, CSV with WKT, Shapefile, GeoPackage, KML, Excel) in
 * WGS84 or CGCS2000 and the query's link.
 */
export class ParcelResults {
	constructor(options) {
		const {container, i18n, townLabel = (name) => name, errorText = null, onSort, onPage, onOpen, onExport, onCopyLink} = options;
		Object.assign(this, {container, i18n, townLabel, errorText});
		this.callbacks = {onSort, onPage, onOpen, onExport, onCopyLink};
		this.state = {status: 'idle', result: null, error: null, sort: 'code', page: 0, size: 20, selected: null, exporting: null};
		this.exportChoice = {format: 'shp', crs: '4490'};
		this.element = el('div', {class: 'hetu-parcel-results'});
		container.append(this.element);
	}

	destroy() {
		this.element.remove();
	}

	update(patch) {
		Object.assign(this.state, patch);
		this.render();
	}

	render() {
		const {status, result, error} = this.state;
		const t = (key, params) => this.i18n.t(key, params);
		if (status === 'error') {
			replaceChildren(this.element, el('div', {class: 'hetu-parcel-results__message', role: 'alert'},
				el('p', {class: 'hetu-page__status--error'}, this.errorText ? this.errorText(error)
					: error?.status === 403 ? t('parcels.forbidden') : t('parcels.searchFailed', {detail: problemText(error, this.i18n)}))));
			return;
		}
		if (!result) {
			replaceChildren(this.element, el('p', {class: 'hetu-hint hetu-parcel-results__message'}, status === 'loading' ? t('common.loading') : t('parcels.noSearch')));
			return;
		}
		replaceChildren(this.element,
			this._toolbar(),
			this._totals(),
			result.numberMatched ? this._table() : el('p', {class: 'hetu-hint hetu-parcel-results__message', 'data-state': 'empty'}, t('parcels.empty')));
		this.element.setAttribute('aria-busy', String(status === 'loading'));
	}

	_toolbar() {
		const t = (key, params) => this.i18n.t(key, params);
		const {exporting} = this.state;
		const format = el('select', {class: 'hetu-select hetu-select--small', id: 'hetu-parcels-export-format', 'aria-label': t('parcels.export.format'),
			onchange: (e) => {
				this.exportChoice.format = e.target.value;
			}}, EXPORT_FORMATS.map((f) => el('option', {value: f}, t(`parcels.export.format.${f}`))));
		format.value = this.exportChoice.format;
		const crs = el('select', {class: 'hetu-select hetu-select--small', id: 'hetu-parcels-export-crs', 'aria-label': t('parcels.export.crs'),
			onchange: (e) => {
				this.exportChoice.crs = e.target.value;
			}}, EXPORT_CRS.map((c) => el('option', {value: c}, t(`parcels.export.crs.${c}`))));
		crs.value = this.exportChoice.crs;
		const sort = el('select', {class: 'hetu-select hetu-select--small', id: 'hetu-parcels-sort',
			onchange: (e) => this.callbacks.onSort?.(e.target.value)},
		SORT_OPTIONS.map((key) => el('option', {value: key}, t(`parcels.sort.${key.replace('-', 'desc.')}`))));
		sort.value = SORT_OPTIONS.includes(this.state.sort) ? this.state.sort : 'code';
		return el('div', {class: 'hetu-parcel-results__toolbar'},
			el('h3', {class: 'hetu-parcel-results__title'}, t('parcels.results.title')),
			el('div', {class: 'hetu-parcel-results__actions'},
				el('div', {class: 'hetu-parcel-export', role: 'group', 'aria-label': t('parcels.export.title')},
					el('span', {class: 'hetu-parcel-export__label'}, t('parcels.export.title')),
					format, crs,
					el('button', {type: 'button', class: 'hetu-button hetu-button--small', 'data-action': 'export', disabled: Boolean(exporting) || !this.state.result?.numberMatched,
						onclick: () => this.callbacks.onExport?.(this.exportChoice.format, this.exportChoice.crs)},
					t(exporting ? 'parcels.export.running' : 'parcels.export.run'))),
				el('div', {class: 'hetu-parcel-sort'},
					el('label', {class: 'hetu-parcel-sort__label', for: 'hetu-parcels-sort'}, t('parcels.sort.label')), sort),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'copy-query-link',
					onclick: () => this.callbacks.onCopyLink?.()}, t('parcels.results.copyLink'))));
	}

	_area(totals, options = {}) {
		const {compact = false} = options;
		const ha = formatNumber(totals?.areaHa ?? 0, this.i18n, {digits: 2, minDigits: 2});
		const mu = formatNumber(totals?.areaMu ?? 0, this.i18n, {digits: 2, minDigits: 2});
		return compact ? this.i18n.t('parcels.results.areaShort', {ha, mu}) : {ha, mu};
	}

	_totals() {
		const t = (key, params) => this.i18n.t(key, params);
		const {result} = this.state;
		const totals = result.totals || {count: result.numberMatched, areaHa: 0, areaMu: 0, areaM2: 0};
		const {ha, mu} = this._area(totals);
		const tiles = el('div', {class: 'hetu-parcel-totals', 'data-count': String(totals.count), 'data-area-ha': String(totals.areaHa), 'data-area-mu': String(totals.areaMu)},
			el('div', {class: 'hetu-parcel-total'},
				el('span', {class: 'hetu-parcel-total__label'}, t('parcels.results.count')),
				el('span', {class: 'hetu-parcel-total__value', 'data-total': 'count'}, formatNumber(totals.count, this.i18n)),
				el('span', {class: 'hetu-parcel-total__unit'}, t('parcels.results.countUnit'))),
			el('div', {class: 'hetu-parcel-total'},
				el('span', {class: 'hetu-parcel-total__label'}, t('parcels.results.areaHa')),
				el('span', {class: 'hetu-parcel-total__value', 'data-total': 'ha'}, ha),
				el('span', {class: 'hetu-parcel-total__unit'}, t('parcels.unit.ha'))),
			el('div', {class: 'hetu-parcel-total'},
				el('span', {class: 'hetu-parcel-total__label'}, t('parcels.results.areaMu')),
				el('span', {class: 'hetu-parcel-total__value', 'data-total': 'mu'}, mu),
				el('span', {class: 'hetu-parcel-total__unit'}, t('parcels.unit.mu'))));
		const categoryRows = CATEGORIES.map((c) => result.byCategory?.find((g) => g.key === c) || {key: c, totals: {count: 0, areaHa: 0, areaMu: 0, areaM2: 0}})
			.concat((result.byCategory || []).filter((g) => !CATEGORIES.includes(g.key)));
		return el('div', {class: 'hetu-parcel-summary'},
			tiles,
			el('div', {class: 'hetu-parcel-breakdowns'},
				this._breakdown('category', t('parcels.results.byCategory'), categoryRows,
					(key) => (this.i18n.has(`enum.parcel_category.${key}`) ? t(`enum.parcel_category.${key}`) : key), categoryColor, totals),
				this._breakdown('town', t('parcels.results.byTown'), result.byTown || [],
					(key) => (key ? this.townLabel(key) : t('parcels.noTown')), () => '#0B6E99', totals)));
	}

	_breakdown(kind, title, groups, label, color, totals) {
		const t = (key, params) => this.i18n.t(key, params);
		const whole = Number(totals.areaM2) || 0;
		return el('section', {class: 'hetu-parcel-breakdown', 'data-breakdown': kind},
			el('h4', {class: 'hetu-parcel-breakdown__title'}, title),
			groups.length ? el('ul', {class: 'hetu-parcel-breakdown__list'}, groups.map((g) => {
				const share = whole > 0 ? (Number(g.totals?.areaM2) || 0) / whole : 0;
				return el('li', {class: 'hetu-parcel-breakdown__row', 'data-key': g.key, 'data-count': String(g.totals?.count ?? 0)},
					el('span', {class: 'hetu-parcel-breakdown__name'},
						el('span', {class: 'hetu-parcel-breakdown__swatch', 'aria-hidden': 'true', style: {background: color(g.key)}}), label(g.key)),
					el('span', {class: 'hetu-parcel-breakdown__count'}, t('parcels.results.parcels', {n: formatNumber(g.totals?.count ?? 0, this.i18n)})),
					el('span', {class: 'hetu-parcel-breakdown__area'}, this._area(g.totals, {compact: true})),
					el('span', {class: 'hetu-parcel-breakdown__bar', 'aria-hidden': 'true'},
						el('span', {style: {width: `${Math.round(share * 1000) / 10}%`, background: color(g.key)}})));
			})) : el('p', {class: 'hetu-hint'}, t('parcels.empty')));
	}

	_table() {
		const t = (key, params) => this.i18n.t(key, params);
		const {result, sort, page, size} = this.state;
		const pages = Math.max(1, Math.ceil((result.numberMatched || 0) / size));
		const head = ([key, labelKey, sortKey, numeric]) => {
			if (!sortKey) {
				return el('th', {scope: 'col', class: numeric ? 'is-number' : null}, t(labelKey));
			}
			const state = sortState(sort, sortKey);
			return el('th', {scope: 'col', class: numeric ? 'is-number' : null, 'aria-sort': state, 'data-column': key},
				el('button', {type: 'button', class: 'hetu-sort', 'data-sort': sortKey, onclick: () => this.callbacks.onSort?.(nextSort(sort, sortKey))},
					t(labelKey), el('span', {class: `hetu-sort__icon hetu-sort__icon--${state}`, 'aria-hidden': 'true'})));
		};
		const from = page * size + 1;
		const to = page * size + (result.numberReturned || 0);
		return el('div', {class: 'hetu-parcel-table'},
			el('div', {class: 'hetu-table-wrap'},
				el('table', {class: 'hetu-table hetu-table--parcels'},
					el('caption', {class: 'hetu-visually-hidden'}, t('parcels.results.title')),
					el('thead', {}, el('tr', {}, COLUMNS.map(head))),
					el('tbody', {}, (result.features || []).map((f) => this._row(f))))),
			el('nav', {class: 'hetu-pager', 'aria-label': t('parcels.results.pages')},
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'previous-page', disabled: page <= 0,
					onclick: () => this.callbacks.onPage?.(page - 1)}, t('parcels.results.previous')),
				el('span', {class: 'hetu-pager__text', 'data-page': String(page + 1)}, t('parcels.results.range', {from, to, n: formatNumber(result.numberMatched, this.i18n), page: page + 1, pages})),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'next-page', disabled: page + 1 >= pages,
					onclick: () => this.callbacks.onPage?.(page + 1)}, t('parcels.results.next'))));
	}

	_row(feature) {
		const t = (key, params) => this.i18n.t(key, params);
		const p = feature.properties || {};
		const empty = () => el('span', {class: 'hetu-hint'}, t('value.empty'));
		const selected = String(feature.id) === String(this.state.selected);
		const open = (e) => {
			if (e.target.closest('a') && (e.ctrlKey || e.metaKey)) {
				return;
			}
			e.preventDefault();
			this.callbacks.onOpen?.(feature);
		};
		const overdue = p.target_date && p.disposal_status !== 'disposed' && p.target_date < new Date().toISOString().slice(0, 10);
		return el('tr', {class: `hetu-parcel-row${selected ? ' is-selected' : ''}`, 'data-parcel': String(feature.id), onclick: open},
			el('td', {'data-label': t('parcels.col.parcel'), class: 'hetu-parcel-row__name'},
				el('a', {href: `#/parcels?parcel=${feature.id}`, onclick: open}, p.name || p.code),
				el('span', {class: 'hetu-mono hetu-parcel-row__code'}, p.code),
				p.land_use ? el('span', {class: 'hetu-parcel-row__use'}, landUseLabel(p.land_use, this.i18n)) : null),
			el('td', {'data-label': t('parcels.col.category')},
				el('span', {class: 'hetu-parcel-tag', 'data-category': p.category}, t(`enum.parcel_category.${p.category}`))),
			el('td', {'data-label': t('parcels.col.town')}, p.town ? this.townLabel(p.town) : empty()),
			el('td', {'data-label': t('parcels.col.area'), class: 'is-number'},
				el('span', {class: 'hetu-parcel-row__mu'}, `${formatNumber(p.area_mu ?? 0, this.i18n, {digits: 2, minDigits: 2})} ${t('parcels.unit.mu')}`),
				el('span', {class: 'hetu-parcel-row__ha'}, `${formatNumber(p.area_ha ?? 0, this.i18n, {digits: 2, minDigits: 2})} ${t('parcels.unit.ha')}`)),
			el('td', {'data-label': t('parcels.col.idleSince')}, p.idle_since ? el('time', {datetime: p.idle_since}, formatDate(p.idle_since)) : empty()),
			el('td', {'data-label': t('parcels.col.status')},
				el('span', {class: 'hetu-parcel-status', 'data-status': p.disposal_status},
					t(`enum.disposal_status.${p.disposal_status}`))),
			el('td', {'data-label': t('parcels.col.method')}, p.disposal_method ? t(`enum.disposal_method.${p.disposal_method}`) : empty()),
			el('td', {'data-label': t('parcels.col.targetDate')}, p.target_date
				? el('time', {datetime: p.target_date, class: overdue ? 'is-overdue' : null}, formatDate(p.target_date)) : empty()));
	}
}
