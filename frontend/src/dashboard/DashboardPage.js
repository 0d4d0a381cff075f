import {WORK_STATUSES} from '../catalog/Schema.js';
import {countyDateParts} from '../county/County.js';
import {loadChart} from './loadChart.js';
import {tilePercent, tileStatus} from './TileStatus.js';
import {formatAmount, formatMoney10k, formatNumber} from '../format/Units.js';
import {FarmlandTasksTile} from '../land/FarmlandTasksTile.js';
import {STATUS_COLORS} from '../layers/Symbology.js';
import {el, replaceChildren} from '../util/dom.js';
import {loadPage} from '../ui/loadPage.js';
import {problemText} from '../ui/problemText.js';

const PLANNED_COLOR = '#7FA7C4';
const DONE_COLOR = '#0B6E99';
const TILE_COLORS = {done: '#009E73', on_track: '#0B6E99', behind: '#C8102E', missed: '#8B1A1A', unavailable: '#8C949C'};

/** A ring showing `pct` percent, as SVG text. */
function ringSvg(pct, color) {
	const r = 26;
	const c = 2 * Math.PI * r;
	const length = (Math.max(0, Math.min(100, pct)) / 100) * c;
	return `<svg width="64" height="64" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="${r}" fill="none" stroke="#E4EAF0" stroke-width="8"/>`
		+ (length < 0.5 ? '</svg>' : `<circle cx="32" cy="32" r="${r}" fill="none" stroke="${color}" stroke-width="8" stroke-linecap="round" stroke-dasharray="${length.toFixed(2)} ${(c - length).toFixed(2)}" transform="rotate(-90 32 32)"/></svg>`);
}

/**
 * Figures for leaders at a glance: the number of key projects, investment planned and done,
 * overdue milestones, projects by status and by department, investment by department, and
 * the plans' own targets as tiles (value against target, red when behind the year), each
 * opening the map view that shows it. Chart.js loads with the page.
 */
export class DashboardPage {
	constructor(options) {
		const {container, i18n, api, collectionTitle, departmentName, onNavigate, now = () => new Date()} = options;
		Object.assign(this, {container, i18n, api, collectionTitle, departmentName, onNavigate, now});
		this.year = null;
		this.titleKey = 'dashboard.title';
		this.state = 'idle';
		this.data = null;
		this.charts = [];
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._controller?.abort();
		this._destroyCharts();
	}

	/** The figures changed (a project moved on): load them again when the page next opens. */
	invalidate() {
		if (this.state === 'loaded') {
			this.state = 'stale';
		}
	}

	show(params = {}, options = {}) {
		const {reload = false} = options;
		const year = /^\d{4}$/.test(params.year || '') ? Number(params.year) : this._currentYear();
		const yearChanged = year !== this.year;
		this.year = year;
		if (reload || yearChanged || this.state !== 'loaded') {
			this._load();
		} else {
			this.render();
		}
	}

	_load() {
		return loadPage(this,
			(signal) => Promise.all([this.api.overview({signal, year: this.year}), loadChart().catch(() => null)]),
			([data]) => {
				this.data = data;
			});
	}

	/** The county's year today, in the county profile's time zone. */
	_currentYear() {
		return countyDateParts(this.now()).year;
	}

	/** The year whose plans the tiles show: the years that have plans, this year and the next. */
	_yearPicker() {
		const current = this._currentYear();
		const years = [...new Set([...(this.data?.planYears || []), current + 1, current, this.year])].sort((a, b) => b - a);
		return el('label', {class: 'hetu-dashboard__year'}, this.i18n.t('dashboard.year'),
			el('select', {class: 'hetu-input', name: 'year', 'data-role': 'year',
				onchange: (e) => this.onNavigate(`#/dashboard?year=${e.target.value}`)},
			years.map((y) => el('option', {value: String(y), selected: y === this.year}, String(y)))));
	}

	_destroyCharts() {
		for (const chart of this.charts.splice(0)) {
			chart.destroy();
		}
	}

	render() {
		const t = (key, params) => this.i18n.t(key, params);
		this._destroyCharts();
		if (this.state === 'loading' || this.state === 'idle') {
			replaceChildren(this.container, el('p', {class: 'hetu-hint hetu-page__status'}, t('common.loading')));
			return;
		}
		if (this.state === 'error') {
			replaceChildren(this.container,
				el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, problemText(this._error, this.i18n)),
				el('button', {type: 'button', class: 'hetu-button', onclick: () => this._load()}, t('common.retry')));
			return;
		}
		const d = this.data;
		const statusCanvas = el('canvas', {class: 'hetu-chart__canvas', role: 'img', 'aria-label': t('dashboard.byStatus')});
		const departmentCanvas = el('canvas', {class: 'hetu-chart__canvas', role: 'img', 'aria-label': t('dashboard.byDepartment')});
		const investmentCanvas = el('canvas', {class: 'hetu-chart__canvas', role: 'img', 'aria-label': t('dashboard.investment')});
		const farmland = el('div', {class: 'hetu-dashboard__section', 'data-role': 'farmland-tasks'});
		replaceChildren(this.container,
			el('p', {class: 'hetu-page__lead'}, t('dashboard.lead')),
			this._kpis(d),
			el('section', {class: 'hetu-dashboard__section', 'aria-labelledby': 'hetu-dashboard-tiles'},
				el('h3', {class: 'hetu-section-title', id: 'hetu-dashboard-tiles'}, t('dashboard.tiles', {year: this.year}),
					el('span', {class: 'hetu-hint'}, t('dashboard.tilesHint')), this._yearPicker(),
					el('a', {href: `#/plans?year=${this.year}`, class: 'hetu-link', 'data-action': 'open-plans', onclick: (e) => {
						e.preventDefault();
						this.onNavigate(`#/plans?year=${this.year}`);
					}}, t('dashboard.openPlans'))),
				(d.tiles || []).length ? el('div', {class: 'hetu-tiles'}, d.tiles.map((tile) => this._tile(tile)))
					: el('p', {class: 'hetu-hint', 'data-role': 'no-tiles'}, t('dashboard.noPlans', {year: this.year}))),
			el('div', {class: 'hetu-dashboard__charts'},
				el('section', {class: 'hetu-card hetu-chart hetu-chart--status', 'aria-labelledby': 'hetu-chart-status'},
					el('h3', {class: 'hetu-card__title', id: 'hetu-chart-status'}, t('dashboard.byStatus')),
					el('div', {class: 'hetu-chart__body hetu-chart__body--doughnut'},
						el('div', {class: 'hetu-chart__box hetu-chart__box--doughnut'}, statusCanvas),
						this._statusLegend(d))),
				el('section', {class: 'hetu-card hetu-chart', 'aria-labelledby': 'hetu-chart-department'},
					el('h3', {class: 'hetu-card__title', id: 'hetu-chart-department'}, t('dashboard.byDepartment')),
					el('div', {class: 'hetu-chart__box'}, departmentCanvas),
					this._departmentTable(d)),
				el('section', {class: 'hetu-card hetu-chart hetu-chart--wide', 'aria-labelledby': 'hetu-chart-investment'},
					el('h3', {class: 'hetu-card__title', id: 'hetu-chart-investment'}, t('dashboard.investment'),
						el('span', {class: 'hetu-hint'}, t('dashboard.investmentUnit'))),
					el('div', {class: 'hetu-chart__box hetu-chart__box--tall'}, investmentCanvas))),
			farmland,
			this._assets(d));
		this._drawCharts(d, {statusCanvas, departmentCanvas, investmentCanvas});
		new FarmlandTasksTile({container: farmland, i18n: this.i18n, api: this.api,
			onOpen: (year) => this.onNavigate(`#/constraints?tab=tasks&year=${year}`)}).show(this.year);
	}

	_kpis(d) {
		const t = (key, params) => this.i18n.t(key, params);
		const planned = Number(d.investmentPlanned || 0);
		const done = Number(d.investmentDone || 0);
		const kpi = (key, value, label, extra = {}) => el(extra.href ? 'a' : 'div', {
			class: `hetu-kpi${extra.alert ? ' is-alert' : ''}`, 'data-kpi': key, href: extra.href || null,
			onclick: extra.href ? (e) => {
				e.preventDefault();
				this.onNavigate(extra.href);
			} : null
		}, el('span', {class: 'hetu-kpi__label'}, label), el('span', {class: 'hetu-kpi__value'}, value), extra.note ? el('span', {class: 'hetu-kpi__note'}, extra.note) : null);
		return el('div', {class: 'hetu-kpis'},
			kpi('projects', formatNumber(d.projects || 0, this.i18n), t('dashboard.projects'), {href: '#/projects', note: t('dashboard.projectsNote')}),
			kpi('planned', this._roundMoney(planned), t('dashboard.investmentPlanned')),
			kpi('done', this._roundMoney(done), t('dashboard.investmentDone'),
				{note: planned > 0 ? t('dashboard.ofPlanned', {pct: formatNumber((done / planned) * 100, this.i18n, {digits: 1})}) : null}),
			kpi('overdue', formatNumber(d.overdueMilestones || 0, this.i18n), t('dashboard.overdue'),
				{href: '#/projects?overdue=true&sort=-overdue', alert: Number(d.overdueMilestones) > 0, note: t('dashboard.overdueNote')}));
	}

	_tile(tile) {
		const t = (key, params) => this.i18n.t(key, params);
		const status = tileStatus(tile);
		const href = tile.mapView || tile.planView || '#';
		const pct = tilePercent(tile);
		const color = TILE_COLORS[status];
		const measured = tile.value !== null && tile.value !== undefined;
		const rate = tile.unit === '%';
		const value = !measured ? t('dashboard.noValue')
			: tile.target !== null && tile.target !== undefined && !rate
			? t('dashboard.valueOfTarget', {value: formatAmount(tile.value, '', this.i18n), target: formatAmount(tile.target, tile.unit, this.i18n)})
			: tile.unit === '%' && tile.target !== null && tile.target !== undefined
				? t('dashboard.rateOfTarget', {value: formatAmount(tile.value, '%', this.i18n), target: formatAmount(tile.target, '%', this.i18n)})
				: formatAmount(tile.value, tile.unit, this.i18n);
		return el('a', {
			class: `hetu-tile hetu-tile--${status}`, href, 'data-tile': tile.key, 'data-indicator': String(tile.indicatorId), 'data-status': status,
			title: tile.problem || null,
			'aria-label': `${this.i18n.pick(tile.titleZh, tile.titleEn)}: ${value}, ${t(`dashboard.tileStatus.${status}`)}. ${t(tile.mapView ? 'dashboard.openMap' : 'dashboard.openPlan')}`,
			onclick: (e) => {
				e.preventDefault();
				if (href !== '#') {
					this.onNavigate(href);
				}
			}
		},
		// A rate's ring holds the rate itself; how far the ring is filled (the share of the target) is said in words.
		el('span', {class: 'hetu-tile__ring', html: ringSvg(pct, color)},
			el('span', {class: 'hetu-tile__pct', 'data-role': 'ring-figure'}, !measured || !tile.target ? '—'
				: rate ? formatAmount(tile.value, '%', this.i18n) : `${formatNumber(pct, this.i18n, {digits: 0})}%`)),
		el('span', {class: 'hetu-tile__text'},
			el('span', {class: 'hetu-tile__title'}, this.i18n.pick(tile.titleZh, tile.titleEn)),
			el('span', {class: 'hetu-tile__value', 'data-role': 'value'}, value),
			rate && measured && tile.target ? el('span', {class: 'hetu-tile__ring-note', 'data-role': 'ring-note'},
				t('dashboard.ringOfTarget', {pct: formatNumber(pct, this.i18n, {digits: 0})})) : null,
			el('span', {class: 'hetu-tile__status'}, t(`dashboard.tileStatus.${status}`)),
			el('span', {class: 'hetu-tile__link'}, t(tile.mapView ? 'dashboard.openMap' : 'dashboard.openPlan'), ' →')));
	}

	_statusLegend(d) {
		const t = (key) => this.i18n.t(key);
		const counts = new Map((d.projectsByStatus || []).map((s) => [s.status, s]));
		return el('ul', {class: 'hetu-chart__legend'}, WORK_STATUSES.filter((s) => counts.has(s)).map((status) => {
			const figure = counts.get(status);
			return el('li', {'data-status': status},
				el('span', {class: 'hetu-chart__swatch', style: {background: STATUS_COLORS[status]}}),
				el('a', {href: `#/projects?status=${status}`, onclick: (e) => {
					e.preventDefault();
					this.onNavigate(`#/projects?status=${status}`);
				}}, t(`enum.work_status.${status}`)),
				el('span', {class: 'hetu-chart__count', 'data-count': String(figure.count)}, formatNumber(figure.count, this.i18n)));
		}));
	}

	_departmentTable(d) {
		const t = (key) => this.i18n.t(key);
		return el('table', {class: 'hetu-visually-hidden'},
			el('caption', {}, t('dashboard.byDepartment')),
			el('tbody', {}, (d.projectsByDepartment || []).map((dep) => el('tr', {'data-department': dep.department},
				el('th', {scope: 'row'}, this.i18n.pick(dep.nameZh, dep.nameEn)),
				el('td', {}, String(dep.count))))));
	}

	_assets(d) {
		const t = (key) => this.i18n.t(key);
		const entries = Object.entries(d.assets || {}).filter(([id]) => id !== 'project');
		if (!entries.length) {
			return null;
		}
		return el('section', {class: 'hetu-card hetu-dashboard__assets', 'aria-labelledby': 'hetu-dashboard-assets'},
			el('h3', {class: 'hetu-card__title', id: 'hetu-dashboard-assets'}, t('dashboard.assets')),
			el('ul', {class: 'hetu-asset-counts'}, entries.map(([id, n]) => el('li', {'data-collection': id},
				el('span', {class: 'hetu-asset-counts__value'}, formatNumber(n, this.i18n)),
				el('span', {class: 'hetu-asset-counts__label'}, this.collectionTitle(id))))));
	}

	async _drawCharts(d, canvases) {
		let Chart;
		try {
			Chart = await loadChart();
		} catch {
			return;
		}
		if (!canvases.statusCanvas.isConnected) {
			return;
		}
		const t = (key) => this.i18n.t(key);
		const statuses = (d.projectsByStatus || []).filter((s) => s.count > 0)
			.sort((a, b) => WORK_STATUSES.indexOf(a.status) - WORK_STATUSES.indexOf(b.status));
		const departments = d.projectsByDepartment || [];
		const names = departments.map((dep) => this.i18n.pick(dep.nameZh, dep.nameEn) || this.departmentName(dep.department));
		const money = (value) => formatMoney10k(value, this.i18n);
		const common = {responsive: true, maintainAspectRatio: false};
		this.charts.push(new Chart(canvases.statusCanvas, {
			type: 'doughnut',
			data: {
				labels: statuses.map((s) => t(`enum.work_status.${s.status}`)),
				datasets: [{data: statuses.map((s) => s.count), backgroundColor: statuses.map((s) => STATUS_COLORS[s.status] || STATUS_COLORS.none), borderColor: '#FFFFFF', borderWidth: 2}]
			},
			options: {...common, cutout: '62%', plugins: {legend: {display: false}}}
		}));
		this.charts.push(new Chart(canvases.departmentCanvas, {
			type: 'bar',
			data: {labels: names, datasets: [{label: t('dashboard.projectCount'), data: departments.map((dep) => dep.count), backgroundColor: DONE_COLOR, borderRadius: 4, maxBarThickness: 28}]},
			options: {
				...common, indexAxis: 'y',
				plugins: {legend: {display: false}},
				scales: {x: {beginAtZero: true, ticks: {precision: 0}, grid: {color: '#EEF2F6'}}, y: {grid: {display: false}}}
			}
		}));
		this.charts.push(new Chart(canvases.investmentCanvas, {
			type: 'bar',
			data: {
				labels: names,
				datasets: [
					{label: t('dashboard.investmentPlanned'), data: departments.map((dep) => this._money(dep.investmentPlanned)), backgroundColor: PLANNED_COLOR, borderRadius: 4, maxBarThickness: 36},
					{label: t('dashboard.investmentDone'), data: departments.map((dep) => this._money(dep.investmentDone)), backgroundColor: DONE_COLOR, borderRadius: 4, maxBarThickness: 36}
				]
			},
			options: {
				...common,
				plugins: {
					legend: {position: 'top', align: 'end', labels: {boxWidth: 12, boxHeight: 12}},
					tooltip: {callbacks: {label: (ctx) => `${ctx.dataset.label}: ${money(this.i18n.isChinese ? ctx.raw : ctx.raw * 100)}`}}
				},
				indexAxis: 'y',
				scales: {x: {beginAtZero: true, grid: {color: '#EEF2F6'}}, y: {grid: {display: false}}}
			}
		}));
	}

	/** A large sum without its small change: whole 万元, or CNY millions to one decimal. */
	_roundMoney(wan) {
		const value = this.i18n.isChinese
			? formatNumber(Number(wan || 0), this.i18n, {digits: 0})
			: formatNumber(Number(wan || 0) / 100, this.i18n, {digits: 1});
		return this.i18n.t('unit.money10k', {value});
	}

	/** Money for the axis: 万元 in Chinese, CNY millions in English (as everywhere else). */
	_money(wan) {
		const value = Number(wan || 0);
		return this.i18n.isChinese ? value : value / 100;
	}
}
