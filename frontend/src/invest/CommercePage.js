import '../styles/invest.css';
import {loadPage} from '../ui/loadPage.js';
import {el, replaceChildren} from '../util/dom.js';
import {figure, renderLoaded} from './figures.js';
import {STAGES} from './pipeline.js';

/**
 * The commerce bureau's dashboard (#/commerce): the pipeline by stage, the year's signings (and their amount),
 * landings and starts of production, amounts by source and by industry, the land matched to projects, and the
 * stalled projects, each a link to the project.
 */
export class CommercePage {
	constructor(options) {
		const {container, api, i18n, onParams} = options;
		Object.assign(this, {container, api, i18n, onParams});
		this.root = el('div', {class: 'hetu-invest-page'});
		container.append(this.root);
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
		this._controller?.abort();
	}

	async show(params = {}) {
		const year = params.year ? `?year=${encodeURIComponent(params.year)}` : '';
		await loadPage(this, (signal) => this.api.get(`/api/v1/investments/figures${year}`, {signal}), (figures) => {
			this.figures = figures;
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
		const wan = (amount) => t('invest.amount', {amount: Number(amount).toLocaleString()});
		const groups = (name, items, label) => el('table', {class: 'hetu-table', 'data-role': name},
			el('thead', {}, el('tr', {}, el('th', {}, t(`commerce.${name}`)), el('th', {}, t('commerce.projects')), el('th', {}, t('invest.amountLabel')))),
			el('tbody', {}, items.map((g) => el('tr', {'data-key': g.key ?? ''},
				el('td', {}, g.key ? label(g.key) : t('commerce.unknown')), el('td', {}, String(g.projects)), el('td', {}, wan(g.amountWan))))));
		replaceChildren(this.root,
			el('div', {class: 'hetu-invest__figures', 'data-role': 'figures'},
				figure('projects', t('commerce.total'), f.projects, false, wan(f.amountWan)),
				figure('signed', t('commerce.signed', {year: f.year.year}), f.year.signed, false, wan(f.year.signedAmountWan)),
				figure('landed', t('commerce.landed', {year: f.year.year}), f.year.landed),
				figure('producing', t('commerce.producing', {year: f.year.year}), f.year.producing),
				figure('stalled', t('commerce.stalled', {days: f.stalledDays}), f.stalled.length, f.stalled.length > 0),
				figure('land', t('commerce.land'), f.land.projectsWithParcel, false,
					t('commerce.landNote', {area: Math.round(f.land.parcelAreaM2).toLocaleString(), demanding: f.land.projectsDemandingLand}))),
			groups('byStage', f.byStage, (k) => t(`invest.stage.${k}`)),
			groups('bySource', f.bySource, (k) => t(`invest.sourceName.${k}`)),
			groups('byIndustry', f.byIndustry, (k) => k),
			el('h3', {}, t('commerce.stalledList')),
			el('ul', {'data-role': 'stalled'}, f.stalled.map((s) => el('li', {},
				el('a', {href: `#/investments?id=${s.id}`}, s.name), ` · ${t(`invest.stage.${s.stage}`)} · ${t('invest.stalled', {days: s.daysInStage})}`))));
		this.root.querySelector('[data-role="byStage"] tbody')?.replaceChildren(...STAGES.map((stage) => {
			const g = f.byStage.find((x) => x.key === stage) ?? {projects: 0, amountWan: 0};
			return el('tr', {'data-key': stage}, el('td', {}, t(`invest.stage.${stage}`)), el('td', {}, String(g.projects)), el('td', {}, wan(g.amountWan)));
		}));
	}
}
