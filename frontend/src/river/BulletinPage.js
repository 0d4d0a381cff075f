import '../styles/river.css';
import {CircleMarker, LayerGroup, latLngBounds} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {formatDateTime} from '../format/Units.js';
import {el, replaceChildren} from '../util/dom.js';
import {saveBlob} from '../util/saveBlob.js';
import {complianceGrade, defaultBulletinMonth, formatCompliance, monthOf, monthParts, parseMonth, shiftMonth} from './month.js';
import {RiverApi} from './RiverApi.js';
import {RiverMap} from './RiverMap.js';

const ISSUE_MARK = {radius: 6, color: '#FFFFFF', weight: 2, fillOpacity: 0.95, pane: 'hetu-river-points'};
/** Columns of names rather than figures, aligned left. */
const TEXT_COLUMNS = new Set(['river.bulletin.town', 'river.bulletin.category', 'river.bulletin.rank', 'river.bulletin.chief', 'river.bulletin.level']);
const STATUS_COLOURS = {reported: '#E03131', assigned: '#F08C00', rectifying: '#F59F00', rectified: '#1C7ED6', closed: '#2B8A3E'};

/** A bulletin's totals: chiefs, periods required and done, patrols, compliance, and issues. */
export function bulletinTotals(bulletin) {
	const chiefs = bulletin.chiefs || [];
	const issues = bulletin.issues || [];
	const sum = (list, key) => list.reduce((total, line) => total + (Number(line[key]) || 0), 0);
	const required = sum(chiefs, 'required');
	const done = sum(chiefs, 'done');
	return {
		chiefs: chiefs.length, required, done, patrols: sum(chiefs, 'patrols'),
		compliancePct: required ? Math.round((done * 1000) / required) / 10 : 0,
		found: sum(issues, 'found'), closed: sum(issues, 'closed'), overdue: Number(bulletin.overdueIssues) || 0,
		escalated: Number(bulletin.escalated) || 0
	};
}

/**
 * The monthly bulletin (一月一通报, #/bulletin?month=2026-10): patrols required against done
 * per town and per chief with the compliance rate, issues by category, the ranking, a small map
 * of the month's issues, spreadsheets to download, and a print layout for a clean A4 page.
 */
export class BulletinPage {
	constructor(options) {
		const {container, api, i18n, county, window: win = globalThis.window, onParams} = options;
		Object.assign(this, {container, api, i18n, county, window: win, onParams});
		this.riverApi = new RiverApi({api});
		this.month = null;
		this.bar = el('div', {class: 'hetu-river-bulletin__bar hetu-river-noprint'});
		this.body = el('div', {class: 'hetu-river-bulletin__body', 'aria-live': 'polite'});
		this.mapBox = el('section', {class: 'hetu-river-bulletin__map'});
		this.root = el('div', {class: 'hetu-river-bulletin'}, this.bar, this.body);
		container.append(this.root);
		this._unsubscribe = i18n.onChange(() => {
			this._drawBar();
			this._draw();
		});
	}

	destroy() {
		this._unsubscribe();
		this._abort?.abort();
		this.map?.destroy();
	}

	async show(params = {}) {
		const month = parseMonth(params.month) || defaultBulletinMonth();
		this._drawBar(month);
		if (month === this.month && this.bulletin) {
			return;
		}
		this.month = month;
		this._drawBar();
		this._abort?.abort();
		const controller = this._abort = new AbortController();
		this.bulletin = null;
		this.root.dataset.month = month;
		delete this.root.dataset.ready;
		replaceChildren(this.body, el('p', {class: 'hetu-hint'}, this.i18n.t('common.loading')));
		try {
			const [bulletin, issues] = await Promise.all([
				this.riverApi.bulletin(month, {signal: controller.signal}),
				this.riverApi.issues({month}, {signal: controller.signal})
			]);
			this.bulletin = bulletin;
			// Only the month's own issues go on the map, whatever else the list holds.
			this.issues = (issues || []).filter((issue) => monthOf(new Date(issue.reportedAt)) === month);
			this._draw();
			this.root.dataset.ready = 'true';
		} catch (error) {
			if (!isAbort(error)) {
				replaceChildren(this.body, el('p', {class: 'hetu-river-problem', role: 'alert'}, problemText(error, this.i18n)));
			}
		}
	}

	_drawBar(month = this.month) {
		const t = (key) => this.i18n.t(key);
		if (!month) {
			return;
		}
		const go = (value) => parseMonth(value) && this.onParams({month: value});
		const download = (format) => el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': `bulletin-${format}`,
			onclick: () => this._download(format)}, t(`river.bulletin.${format}`));
		replaceChildren(this.bar,
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'previous-month', 'aria-label': t('river.bulletin.previous'), onclick: () => go(shiftMonth(month, -1))}, '‹'),
			el('input', {class: 'hetu-input', type: 'month', name: 'month', value: month, 'aria-label': t('river.bulletin.month'), onchange: (e) => go(e.target.value)}),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'next-month', 'aria-label': t('river.bulletin.next'),
				disabled: month >= monthOf(new Date()), onclick: () => go(shiftMonth(month, 1))}, '›'),
			el('span', {class: 'hetu-river-bulletin__spacer'}),
			download('csv'), download('xlsx'),
			el('button', {type: 'button', class: 'hetu-button', 'data-action': 'print', onclick: () => this.window.print()}, t('river.bulletin.print')));
	}

	async _download(format) {
		try {
			const {blob, filename} = await this.riverApi.bulletinFile(this.month, format);
			saveBlob(blob, filename || `bulletin-${this.month}.${format}`);
		} catch (error) {
			this.window.alert(problemText(error, this.i18n));
		}
	}

	_draw() {
		const t = (key, params) => this.i18n.t(key, params);
		const b = this.bulletin;
		if (!b) {
			return;
		}
		const totals = bulletinTotals(b);
		const {year, month} = monthParts(this.month);
		const pct = (value, required) => formatCompliance(value, required);
		const cell = (value, role) => el('td', {'data-role': role}, String(value ?? '—'));
		const complianceCell = (line) => el('td', {class: `hetu-river-compliance is-${complianceGrade(line.compliancePct)}`, 'data-role': 'compliance'}, pct(line.compliancePct, line.required));
		const table = (role, heads, rows) => el('table', {class: 'hetu-river-table', 'data-role': role},
			el('thead', {}, el('tr', {}, heads.map((h) => el('th', {scope: 'col', class: TEXT_COLUMNS.has(h) ? null : 'is-number'}, t(h))))),
			el('tbody', {}, rows));
		const figure = (key, value, role) => el('div', {class: 'hetu-river-figure'}, el('span', {class: 'hetu-river-figure__value', 'data-role': role}, String(value)), el('span', {}, t(key)));
		const towns = b.towns || [];
		const level = (line) => t(`river.level.${line.level}`);
		replaceChildren(this.body,
			el('header', {class: 'hetu-river-bulletin__head'},
				el('h3', {class: 'hetu-river-bulletin__title', 'data-role': 'title'},
					t('river.bulletin.title', {month: new Date(Date.UTC(year, month - 1, 15)).toLocaleDateString(this.i18n.locale, {year: 'numeric', month: 'long', timeZone: 'UTC'})})),
				el('p', {class: 'hetu-hint'}, t('river.bulletin.subtitle')),
				b.complete === false ? el('p', {class: 'hetu-river-bulletin__to-date', role: 'status', 'data-role': 'to-date'},
					t('river.bulletin.toDate', {at: formatDateTime(b.asOf)})) : null),
			el('div', {class: 'hetu-river-figures'},
				figure('river.bulletin.chiefs', totals.chiefs, 'total-chiefs'),
				figure('river.bulletin.required', totals.required, 'total-required'),
				figure('river.bulletin.done', totals.done, 'total-done'),
				figure('river.bulletin.compliance', formatCompliance(totals.compliancePct, totals.required), 'total-compliance'),
				figure('river.bulletin.found', totals.found, 'total-found'),
				figure('river.bulletin.closed', totals.closed, 'total-closed'),
				figure('river.bulletin.overdue', totals.overdue, 'total-overdue'),
				figure('river.bulletin.escalated', totals.escalated, 'total-escalated')),
			el('h4', {}, t('river.bulletin.byTown')),
			table('towns', ['river.bulletin.town', 'river.bulletin.chiefs', 'river.bulletin.required', 'river.bulletin.done', 'river.bulletin.compliance'],
				towns.map((line) => el('tr', {'data-town': line.town},
					el('th', {scope: 'row'}, line.town || t('river.bulletin.countyLevel')), cell(line.chiefs, 'chiefs'), cell(line.required, 'required'), cell(line.done, 'done'), complianceCell(line)))),
			el('h4', {}, t('river.bulletin.byCategory')),
			table('categories', ['river.bulletin.category', 'river.bulletin.found', 'river.bulletin.closed'],
				(b.issues || []).map((line) => el('tr', {'data-category': line.category},
					el('th', {scope: 'row'}, t(`river.category.${line.category}`)), cell(line.found, 'found'), cell(line.closed, 'closed')))),
			el('h4', {}, t('river.bulletin.ranking')),
			(b.ranking || []).length ? table('ranking', ['river.bulletin.rank', 'river.bulletin.chief', 'river.bulletin.level', 'river.bulletin.town', 'river.bulletin.compliance', 'river.bulletin.closed'],
				b.ranking.map((line) => el('tr', {'data-chief': String(line.chiefId)},
					cell(line.rank), el('th', {scope: 'row'}, line.name), cell(level(line)), cell(line.town || '—'), complianceCell(line), cell(line.issuesClosed, 'closed'))))
				: el('p', {class: 'hetu-hint', 'data-role': 'ranking-empty'}, t('river.bulletin.noRanking')),
			el('h4', {}, t('river.bulletin.byChief')),
			table('chiefs', ['river.bulletin.chief', 'river.bulletin.level', 'river.bulletin.town', 'river.bulletin.required', 'river.bulletin.done',
				'river.bulletin.patrols', 'river.bulletin.compliance', 'river.bulletin.found', 'river.bulletin.closed', 'river.bulletin.overdue'],
			(b.chiefs || []).map((line) => el('tr', {'data-chief': String(line.chiefId)},
				el('th', {scope: 'row'}, line.name), cell(level(line)), cell(line.town || '—'),
				cell(line.required, 'required'), cell(line.done, 'done'), cell(line.patrols, 'patrols'), complianceCell(line),
				cell(line.issuesFound, 'found'), cell(line.issuesClosed, 'closed'), cell(line.issuesOverdue, 'overdue')))),
			el('h4', {}, t('river.bulletin.map', {count: this.issues.length})),
			this.mapBox);
		this._drawMap();
	}

	_drawMap() {
		if (!this.map) {
			this.map = new RiverMap({container: this.mapBox, api: this.api, i18n: this.i18n, county: this.county, label: this.i18n.t('river.bulletin.mapLabel')});
			this.marks = new LayerGroup().addTo(this.map.map);
		}
		this.marks.clearLayers();
		for (const issue of this.issues) {
			this.marks.addLayer(new CircleMarker([issue.lat, issue.lon], {...ISSUE_MARK, fillColor: STATUS_COLOURS[issue.status] || '#868E96'})
				.bindTooltip(el('span', {}, `${this.i18n.t(`river.category.${issue.category}`)} · ${this.i18n.t(`river.status.${issue.status}`)}`)));
		}
		// Every month gets its own view: its issues, or the whole county when it has none.
		if (this.issues.length) {
			this.map.fit(latLngBounds(this.issues.map((i) => [i.lat, i.lon])));
		} else {
			this.map.fitCounty();
		}
	}
}
