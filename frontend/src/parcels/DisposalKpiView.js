import {isAbort} from '../api/ApiError.js';
import {loadChart} from '../dashboard/loadChart.js';
import {formatDateTime, formatNumber} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {fromSquareMetres} from './AreaUnits.js';
import {groupLabel, kpiYears, rateAxisMax, rateState} from './DisposalRate.js';
import {categoryColor} from './parcelStyle.js';

const STATE_COLORS = {met: '#009E73', close: '#E69F00', behind: '#C8102E'};

/** Draws the target as a dashed vertical line across a horizontal bar chart. */
function targetLine(targetPct, label) {
	return {
		id: 'hetuTarget',
		afterDatasetsDraw(chart) {
			const {ctx, chartArea, scales} = chart;
			const x = scales.x.getPixelForValue(targetPct);
			ctx.save();
			ctx.strokeStyle = '#1F2933';
			ctx.lineWidth = 1.5;
			ctx.setLineDash([5, 4]);
			ctx.beginPath();
			ctx.moveTo(x, chartArea.top - 4);
			ctx.lineTo(x, chartArea.bottom);
			ctx.stroke();
			ctx.setLineDash([]);
			ctx.fillStyle = '#1F2933';
			ctx.font = '600 11px sans-serif';
			ctx.textAlign = 'left';
			ctx.fillText(label, x + 4, chartArea.top + 8);
			ctx.restore();
		}
	};
}

/**
 * The annual disposal rate against the plans' 20% target, for a chosen year: the two plan
 * groups (批而未供和闲置土地, 工业低效用地) as figures with bars, each category and town as
 * bar charts with the target line, every figure in a table as well, the date the year's
 * baseline was frozen, and construction land per unit of GDP with the form in which planners
 * enter the year's GDP and construction land.
 */
export class DisposalKpiView {
	constructor(options) {
		const {container, i18n, parcelApi, canEdit = () => false, townLabel = (name) => name, onYear} = options;
		Object.assign(this, {i18n, parcelApi, canEdit, townLabel});
		this.callbacks = {onYear};
		this.element = el('div', {class: 'hetu-parcel-kpi'});
		container.append(this.element);
		this.year = null;
		this.state = {status: 'idle', report: null, error: null};
		this.charts = [];
		this.indicator = {open: false, saving: false, notice: null, errors: {}};
	}

	destroy() {
		this._controller?.abort();
		this._destroyCharts();
		this.element.remove();
	}

	_destroyCharts() {
		for (const chart of this.charts.splice(0)) {
			chart.destroy();
		}
	}

	show(year) {
		if (year === this.year && this.state.status !== 'idle' && this.state.status !== 'error') {
			this.render();
			return;
		}
		this.year = year;
		this.indicator = {open: false, saving: false, notice: null, errors: {}};
		this._load();
	}

	reload() {
		if (this.year) {
			this._load();
		}
	}

	async _load() {
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		this.state = {status: 'loading', report: this.state.report?.year === this.year ? this.state.report : null, error: null};
		this.render();
		try {
			const [report, Chart] = await Promise.all([
				this.parcelApi.disposalRate(this.year, {signal: controller.signal}),
				loadChart().catch(() => null)
			]);
			if (controller !== this._controller) {
				return;
			}
			this.Chart = Chart;
			this.state = {status: 'ready', report, error: null};
		} catch (error) {
			if (isAbort(error) || controller !== this._controller) {
				return;
			}
			this.state = {status: 'error', report: null, error};
		}
		this.render();
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		this._destroyCharts();
		const {status, report, error} = this.state;
		const years = el('select', {class: 'hetu-select', id: 'hetu-kpi-year', name: 'year', onchange: (e) => this.callbacks.onYear?.(Number(e.target.value))},
			kpiYears().map((y) => el('option', {value: String(y)}, t('parcels.kpi.yearOption', {year: y}))));
		years.value = String(this.year);
		const head = el('div', {class: 'hetu-parcel-kpi__head'},
			el('div', {class: 'hetu-parcel-kpi__titles'},
				el('h3', {class: 'hetu-parcel-kpi__title'}, t('parcels.kpi.title')),
				el('p', {class: 'hetu-parcel-kpi__lead'}, t('parcels.kpi.lead'))),
			el('div', {class: 'hetu-parcel-kpi__year'},
				el('label', {class: 'hetu-field-label', for: 'hetu-kpi-year'}, t('parcels.kpi.year')), years));
		if (status === 'error') {
			replaceChildren(this.element, head, el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'},
				error?.status === 403 ? t('parcels.forbidden') : t('parcels.kpi.failed', {detail: problemText(error, this.i18n)})));
			return;
		}
		if (!report) {
			replaceChildren(this.element, head, el('p', {class: 'hetu-hint hetu-page__status'}, t('common.loading')));
			return;
		}
		const target = Number(report.targetPct) || 20;
		if (report.hasBaseline === false) {
			replaceChildren(this.element, head,
				el('p', {class: 'hetu-parcel-kpi__baseline hetu-parcel-kpi__baseline--none', role: 'status', 'data-baseline': 'none'},
					t('parcels.kpi.noBaseline', {year: report.year})),
				this._landPerGdp(report));
			return;
		}
		replaceChildren(this.element,
			head,
			el('p', {class: 'hetu-parcel-kpi__baseline', 'data-baseline': report.baselineFrozenAt || ''},
				el('span', {class: 'hetu-parcel-kpi__baseline-icon', 'aria-hidden': 'true'}, '❄'),
				t('parcels.kpi.baseline', {year: report.year, asOf: formatDateTime(report.baselineAsOf), at: formatDateTime(report.baselineFrozenAt),
					by: report.baselineFrozenBy})),
			el('div', {class: 'hetu-parcel-kpi__groups'}, (report.county || []).map((row) => this._groupCard(row, target, report))),
			el('div', {class: 'hetu-parcel-kpi__charts'},
				this._chartCard('category', t('parcels.kpi.byCategory'), (report.byCategory || []).map((r) => ({
					label: this.i18n.has(`enum.parcel_category.${r.category}`) ? t(`enum.parcel_category.${r.category}`) : r.category, row: r, color: categoryColor(r.category)
				})), target),
				this._chartCard('town', t('parcels.kpi.byTown'), (report.byTown || []).map((r) => ({
					label: r.town ? this.townLabel(r.town) : t('parcels.noTown'), row: r
				})), target)),
			this._table(report, target),
			this._landPerGdp(report));
		this.element.setAttribute('aria-busy', String(status === 'loading'));
		this._drawCharts(report, target);
	}

	_area(m2) {
		return this.i18n.t('parcels.kpi.areaMu', {value: formatNumber(fromSquareMetres(Number(m2) || 0, 'mu'), this.i18n, {digits: 1, minDigits: 1})});
	}

	_groupCard(row, target, report) {
		const t = (key, params) => this.i18n.t(key, params);
		const state = rateState(row.ratePct, target);
		const axis = rateAxisMax([row.ratePct], target);
		const rate = formatNumber(row.ratePct, this.i18n, {digits: 1, minDigits: 1});
		return el('section', {class: `hetu-parcel-kpi__group is-${state}`, 'data-group': row.group, 'data-rate': String(row.ratePct), 'data-meets': String(Boolean(row.meetsTarget))},
			el('h4', {class: 'hetu-parcel-kpi__group-title'}, groupLabel(row.group, this.i18n)),
			el('div', {class: 'hetu-parcel-kpi__figure'},
				el('span', {class: 'hetu-parcel-kpi__rate'}, `${rate}%`, el('span', {class: 'hetu-parcel-kpi__rate-year'}, t('parcels.kpi.rateOfYear', {year: report.year}))),
				el('span', {class: `hetu-parcel-kpi__verdict is-${row.meetsTarget ? 'met' : 'behind'}`},
					t(row.meetsTarget ? 'parcels.kpi.met' : 'parcels.kpi.behind', {target: formatNumber(target, this.i18n)}))),
			el('div', {class: 'hetu-parcel-kpi__bar', role: 'img', 'aria-label': t('parcels.kpi.barLabel', {rate, target: formatNumber(target, this.i18n)})},
				el('span', {class: 'hetu-parcel-kpi__fill', style: {width: `${Math.min(100, (row.ratePct / axis) * 100)}%`, background: STATE_COLORS[state]}}),
				el('span', {class: 'hetu-parcel-kpi__target', style: {left: `${(target / axis) * 100}%`}},
					el('span', {class: 'hetu-parcel-kpi__target-label'}, t('parcels.kpi.target', {target: formatNumber(target, this.i18n)})))),
			el('dl', {class: 'hetu-parcel-kpi__numbers'},
				el('div', {}, el('dt', {}, t('parcels.kpi.stock')), el('dd', {}, this._area(row.stockM2))),
				el('div', {}, el('dt', {}, t('parcels.kpi.disposed')), el('dd', {}, this._area(row.disposedM2))),
				el('div', {}, el('dt', {}, t('parcels.kpi.parcels')), el('dd', {}, formatNumber(row.parcels, this.i18n)))));
	}

	_chartCard(kind, title, items, target) {
		const canvas = el('canvas', {'aria-hidden': 'true'});
		const card = el('section', {class: 'hetu-card hetu-parcel-kpi__chart', 'data-chart': kind},
			el('h4', {class: 'hetu-card__title'}, title),
			el('div', {class: 'hetu-parcel-kpi__canvas', style: {height: `${Math.max(140, items.length * 34 + 50)}px`}}, canvas));
		card._chart = {canvas, items, target};
		(this._chartCards ||= []).push(card);
		return card;
	}

	_drawCharts() {
		const cards = this._chartCards || [];
		this._chartCards = [];
		const Chart = this.Chart;
		if (!Chart) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		for (const card of cards) {
			const {canvas, items, target} = card._chart;
			const axis = rateAxisMax(items.map((i) => i.row.ratePct), target);
			this.charts.push(new Chart(canvas, {
				type: 'bar',
				data: {
					labels: items.map((i) => i.label),
					datasets: [{
						label: t('parcels.kpi.rate'),
						data: items.map((i) => i.row.ratePct),
						backgroundColor: items.map((i) => STATE_COLORS[rateState(i.row.ratePct, target)]),
						borderRadius: 4, barThickness: 18
					}]
				},
				options: {
					indexAxis: 'y', responsive: true, maintainAspectRatio: false,
					scales: {
						x: {min: 0, max: axis, ticks: {callback: (v) => `${v}%`}, grid: {color: '#EEF2F6'}},
						y: {grid: {display: false}}
					},
					plugins: {
						legend: {display: false},
						tooltip: {callbacks: {label: (ctx) => `${formatNumber(ctx.parsed.x, this.i18n, {digits: 1, minDigits: 1})}%`}}
					}
				},
				plugins: [targetLine(target, t('parcels.kpi.target', {target: formatNumber(target, this.i18n)}))]
			}));
		}
	}

	_table(report, target) {
		const t = (key, params) => this.i18n.t(key, params);
		const row = (kind, label, r) => el('tr', {'data-kind': kind, 'data-key': r.category || r.town || r.group, class: r.meetsTarget ? null : 'is-behind'},
			el('th', {scope: 'row', 'data-label': t('parcels.kpi.col.group')}, label),
			el('td', {'data-label': t('parcels.kpi.parcels'), class: 'is-number'}, formatNumber(r.parcels, this.i18n)),
			el('td', {'data-label': t('parcels.kpi.stock'), class: 'is-number'}, this._area(r.stockM2)),
			el('td', {'data-label': t('parcels.kpi.disposed'), class: 'is-number'}, this._area(r.disposedM2)),
			el('td', {'data-label': t('parcels.kpi.rate'), class: 'is-number hetu-parcel-kpi__cell-rate', 'data-rate': String(r.ratePct)},
				`${formatNumber(r.ratePct, this.i18n, {digits: 1, minDigits: 1})}%`),
			el('td', {'data-label': t('parcels.kpi.col.verdict')},
				el('span', {class: `hetu-parcel-kpi__verdict is-${r.meetsTarget ? 'met' : 'behind'}`}, t(r.meetsTarget ? 'parcels.kpi.yes' : 'parcels.kpi.no'))));
		const section = (title) => el('tr', {class: 'hetu-parcel-kpi__table-section'}, el('th', {colspan: '6', scope: 'colgroup'}, title));
		return el('details', {class: 'hetu-card hetu-parcel-kpi__details'},
			el('summary', {class: 'hetu-parcel-kpi__summary'}, t('parcels.kpi.tableTitle', {target: formatNumber(target, this.i18n)})),
			el('div', {class: 'hetu-table-wrap'},
				el('table', {class: 'hetu-table hetu-table--kpi'},
					el('thead', {}, el('tr', {},
						el('th', {scope: 'col'}, t('parcels.kpi.col.group')),
						el('th', {scope: 'col', class: 'is-number'}, t('parcels.kpi.parcels')),
						el('th', {scope: 'col', class: 'is-number'}, t('parcels.kpi.stock')),
						el('th', {scope: 'col', class: 'is-number'}, t('parcels.kpi.disposed')),
						el('th', {scope: 'col', class: 'is-number'}, t('parcels.kpi.rate')),
						el('th', {scope: 'col'}, t('parcels.kpi.col.verdict')))),
					el('tbody', {},
						section(t('parcels.kpi.county')),
						(report.county || []).map((r) => row('group', groupLabel(r.group, this.i18n), r)),
						section(t('parcels.kpi.byCategory')),
						(report.byCategory || []).map((r) => row('category', t(`enum.parcel_category.${r.category}`), r)),
						section(t('parcels.kpi.byTown')),
						(report.byTown || []).map((r) => row('town', r.town ? this.townLabel(r.town) : t('parcels.noTown'), r))))));
	}

	_landPerGdp(report) {
		const t = (key, params) => this.i18n.t(key, params);
		const value = report.landPerGdp;
		const figure = (v) => (v === null || v === undefined ? t('value.empty') : formatNumber(Number(v), this.i18n, {digits: 2, minDigits: 2}));
		const change = value?.changePct;
		const falling = change !== null && change !== undefined && Number(change) <= -5;
		const body = value ? el('div', {class: 'hetu-parcel-gdp__figures', 'data-land-per-gdp': String(value.haPer100m)},
			el('div', {class: 'hetu-parcel-gdp__figure'},
				el('span', {class: 'hetu-parcel-gdp__value'}, figure(value.haPer100m)),
				el('span', {class: 'hetu-parcel-gdp__unit'}, t('parcels.gdp.unit')),
				el('span', {class: 'hetu-parcel-gdp__label'}, t('parcels.gdp.thisYear', {year: report.year}))),
			el('div', {class: 'hetu-parcel-gdp__figure'},
				el('span', {class: 'hetu-parcel-gdp__value is-muted'}, figure(value.previousHaPer100m)),
				el('span', {class: 'hetu-parcel-gdp__unit'}, t('parcels.gdp.unit')),
				el('span', {class: 'hetu-parcel-gdp__label'}, t('parcels.gdp.lastYear', {year: report.year - 1}))),
			change !== null && change !== undefined ? el('div', {class: `hetu-parcel-gdp__figure is-${falling ? 'met' : 'behind'}`},
				el('span', {class: 'hetu-parcel-gdp__value'}, `${Number(change) > 0 ? '+' : ''}${formatNumber(Number(change), this.i18n, {digits: 2, minDigits: 2})}%`),
				el('span', {class: 'hetu-parcel-gdp__label'}, t(falling ? 'parcels.gdp.falling' : 'parcels.gdp.notFalling'))) : null)
			: el('p', {class: 'hetu-hint', 'data-land-per-gdp': 'none'}, t('parcels.gdp.none', {year: report.year}));
		return el('section', {class: 'hetu-card hetu-parcel-gdp'},
			el('div', {class: 'hetu-toolbar'},
				el('h4', {class: 'hetu-card__title'}, t('parcels.gdp.title')),
				this.canEdit() && !this.indicator.open ? el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'enter-indicators',
					onclick: () => {
						this.indicator = {open: true, saving: false, notice: null, errors: {}};
						this.render();
						this.element.querySelector('#hetu-gdp-value')?.focus();
					}}, t('parcels.gdp.enter', {year: report.year})) : null),
			el('p', {class: 'hetu-card__lead'}, t('parcels.gdp.lead')),
			body,
			this.indicator.open && this.canEdit() ? this._indicatorForm(report) : null,
			this.indicator.notice ? el('p', {class: `hetu-form__note hetu-form__note--${this.indicator.notice.kind}`, role: 'status'}, this.indicator.notice.text) : null);
	}

	_indicatorForm(report) {
		const t = (key, params) => this.i18n.t(key, params);
		const {errors, saving} = this.indicator;
		const input = (id, name, labelKey, unitKey) => el('div', {class: 'hetu-form__field'},
			el('label', {class: 'hetu-field-label', for: id}, t(labelKey), ' ', el('span', {class: 'hetu-form__unit'}, t(unitKey))),
			el('input', {type: 'number', class: 'hetu-input', id, name, min: '0.01', step: '0.01', inputmode: 'decimal', required: true,
				value: this.indicator.values?.[name] ?? null, 'aria-invalid': errors[name] ? 'true' : null, 'aria-describedby': `${id}-error`}),
			el('p', {class: 'hetu-form__error', id: `${id}-error`, role: 'alert', hidden: !errors[name]}, errors[name] ? t(errors[name]) : ''));
		return el('form', {class: 'hetu-parcel-gdp__form', novalidate: true, onsubmit: (e) => {
			e.preventDefault();
			const form = e.currentTarget;
			this._saveIndicator(report.year, Number(form.elements.gdp100mCny.value), Number(form.elements.constructionLandHa.value),
				form.elements.gdp100mCny.value, form.elements.constructionLandHa.value);
		}},
		el('p', {class: 'hetu-parcel-gdp__form-title'}, t('parcels.gdp.formTitle', {year: report.year})),
		el('div', {class: 'hetu-parcel-gdp__grid'},
			input('hetu-gdp-value', 'gdp100mCny', 'parcels.gdp.gdp', 'parcels.gdp.gdpUnit'),
			input('hetu-gdp-land', 'constructionLandHa', 'parcels.gdp.land', 'parcels.gdp.landUnit')),
		el('div', {class: 'hetu-form__actions'},
			el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'save-indicators', disabled: saving}, t(saving ? 'parcels.plan.saving' : 'parcels.gdp.save')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', onclick: () => {
				this.indicator = {open: false, saving: false, notice: null, errors: {}};
				this.render();
			}}, t('common.cancel'))));
	}

	async _saveIndicator(year, gdp, land, gdpText, landText) {
		const errors = {};
		this.indicator.values = {gdp100mCny: gdpText, constructionLandHa: landText};
		if (gdpText === '' || !(gdp > 0)) {
			errors.gdp100mCny = 'parcels.gdp.positive';
		}
		if (landText === '' || !(land > 0)) {
			errors.constructionLandHa = 'parcels.gdp.positive';
		}
		if (Object.keys(errors).length) {
			this.indicator = {...this.indicator, errors};
			this.render();
			this.element.querySelector('[aria-invalid="true"]')?.focus();
			return;
		}
		this.indicator = {...this.indicator, saving: true, errors: {}, notice: null};
		this.render();
		try {
			await this.parcelApi.saveIndicator(year, {gdp100mCny: gdp, constructionLandHa: land});
			this.indicator = {open: false, saving: false, errors: {}, notice: {kind: 'ok', text: this.i18n.t('parcels.gdp.saved', {year})}};
			this._load();
		} catch (error) {
			const text = error?.status === 403 ? this.i18n.t('parcels.plan.forbidden') : problemText(error, this.i18n);
			this.indicator = {...this.indicator, saving: false, notice: {kind: 'error', text}};
			this.render();
		}
	}
}
