import {THEMES, WORK_STATUSES} from '../catalog/Schema.js';
import {
	PARCEL_CATEGORY_COLORS, STATUS_COLORS, UNSAFE_COLOR, clusterSvg, legendSampleSvg, markerSvg, swatchSvg
} from '../layers/Symbology.js';
import {el, replaceChildren} from '../util/dom.js';

/**
 * The side panel: filters (department, work status — the status list is also the colour
 * legend, with counts), layers grouped by theme with their symbols and counts, the base
 * map choice and the symbol legend. It draws state that the application owns and reports
 * the user's choices through callbacks.
 */
export class LayerPanel {
	constructor(options) {
		const {
			container, i18n, layers, departments, basemaps, state,
			onLayerToggle, onThemeToggle, onStatusToggle, onDepartment, onReset, onBasemap, onClose
		} = options;
		Object.assign(this, {container, i18n, layers, departments, basemaps, state});
		this.callbacks = {onLayerToggle, onThemeToggle, onStatusToggle, onDepartment, onReset, onBasemap, onClose};
		this.render();
		this._unsubscribe = i18n.onChange(() => this.render());
	}

	destroy() {
		this._unsubscribe();
	}

	title(layer) {
		return this.i18n.pick(layer.titleZh, layer.titleEn) || this.i18n.t(`collection.${layer.id}`);
	}

	departmentName(department) {
		const key = `department.${department.code}`;
		return this.i18n.pick(department.nameZh, department.nameEn) || this.i18n.t(key);
	}

	render() {
		const {i18n} = this;
		const t = (key, params) => i18n.t(key, params);
		this._statusButtons = new Map();
		this._layerRows = new Map();
		this._themeBoxes = new Map();

		const header = el('div', {class: 'hetu-panel__header'},
			el('h2', {class: 'hetu-panel__title'}, t('panel.open')),
			el('button', {type: 'button', class: 'hetu-icon-button hetu-panel__close', 'aria-label': t('panel.close'), title: t('panel.close'), onclick: () => this.callbacks.onClose?.()}, '×'));

		this._department = el('select', {class: 'hetu-select', id: 'hetu-department', onchange: (e) => this.callbacks.onDepartment(e.target.value)},
			el('option', {value: ''}, t('filter.allDepartments')),
			this.departments.map((d) => el('option', {value: d.code}, this.departmentName(d))));

		const statusList = el('div', {class: 'hetu-statuses', role: 'group', 'aria-label': t('filter.status')},
			WORK_STATUSES.map((status) => {
				const count = el('span', {class: 'hetu-status__count'});
				const button = el('button', {
					type: 'button', class: 'hetu-status', 'data-status': status,
					onclick: () => this.callbacks.onStatusToggle(status, !this.state.filter.statuses.has(status))
				}, el('span', {class: 'hetu-status__swatch', html: swatchSvg(STATUS_COLORS[status])}),
				el('span', {class: 'hetu-status__label'}, t(`enum.work_status.${status}`)), count);
				this._statusButtons.set(status, {button, count});
				return button;
			}));
		this._total = el('span', {class: 'hetu-total__count'});
		this._reset = el('button', {type: 'button', class: 'hetu-link-button', onclick: () => this.callbacks.onReset()}, t('filter.reset'));

		const filters = el('section', {class: 'hetu-section', 'aria-labelledby': 'hetu-filters-title'},
			el('div', {class: 'hetu-section__head'},
				el('h3', {id: 'hetu-filters-title'}, t('panel.filters')), this._reset),
			el('label', {class: 'hetu-field-label', for: 'hetu-department'}, t('filter.department')),
			this._department,
			el('div', {class: 'hetu-field-label'}, t('filter.status'), el('span', {class: 'hetu-hint'}, ` · ${t('filter.statusHint')}`)),
			statusList,
			el('div', {class: 'hetu-total'}, el('span', {}, t('legend.total')), this._total));

		const themes = THEMES.filter((theme) => this.layers.some((l) => l.theme === theme)).map((theme) => {
			const box = el('input', {
				type: 'checkbox', class: 'hetu-checkbox', 'data-theme': theme,
				'aria-label': t('layer.toggleGroup', {theme: t(`theme.${theme}`)}),
				onchange: (e) => this.callbacks.onThemeToggle(theme, e.target.checked)
			});
			this._themeBoxes.set(theme, box);
			const rows = this.layers.filter((l) => l.theme === theme).map((layer) => this._layerRow(layer));
			return el('div', {class: `hetu-theme hetu-theme--${theme}`, 'data-theme': theme},
				el('label', {class: 'hetu-theme__head'}, box, el('span', {class: 'hetu-theme__title'}, t(`theme.${theme}`))),
				el('ul', {class: 'hetu-layers'}, rows));
		});
		const layersSection = el('section', {class: 'hetu-section'},
			el('div', {class: 'hetu-section__head'}, el('h3', {}, t('panel.layers'))), themes);

		const basemapSection = el('section', {class: 'hetu-section'},
			el('div', {class: 'hetu-section__head'}, el('h3', {}, t('panel.basemap'))),
			el('div', {class: 'hetu-basemaps', role: 'radiogroup', 'aria-label': t('panel.basemap')},
				this.basemaps.map((b) => el('label', {class: 'hetu-basemap'},
					el('input', {type: 'radio', name: 'hetu-basemap', value: b.id, 'data-basemap': b.id, onchange: () => this.callbacks.onBasemap(b.id)}),
					el('span', {}, t(b.labelKey))))),
			el('p', {class: 'hetu-note'}, t('basemap.note')));

		const legendSection = el('section', {class: 'hetu-section hetu-legend'},
			el('div', {class: 'hetu-section__head'}, el('h3', {}, t('legend.symbols'))),
			el('ul', {class: 'hetu-legend__list'},
				el('li', {}, el('span', {class: 'hetu-legend__sample', html: clusterSvg({planned: 3, under_construction: 4, completed: 5, none: 6})}), t('legend.cluster')),
				el('li', {}, el('span', {class: 'hetu-legend__sample', html: markerSvg({shape: 'square', fill: STATUS_COLORS.completed, label: '2', labelColor: '#FFFFFF', unsafe: false}, 24)}), t('legend.sluice')),
				el('li', {}, el('span', {class: 'hetu-legend__sample', html: markerSvg({shape: 'diamond', fill: STATUS_COLORS.planned, label: '!', labelColor: UNSAFE_COLOR, unsafe: true}, 24)}), t('legend.unsafe')),
				this.layers.some((l) => l.id === 'project')
					? el('li', {}, el('span', {class: 'hetu-legend__sample', html: markerSvg({shape: 'star', fill: STATUS_COLORS.under_construction, label: '', unsafe: false, overdue: true}, 30)}), t('legend.overdue'))
					: null));

		replaceChildren(this.container, header,
			el('div', {class: 'hetu-panel__body'}, filters, layersSection, basemapSection, legendSection));
		this.update();
	}

	_layerRow(layer) {
		const {i18n} = this;
		const box = el('input', {
			type: 'checkbox', class: 'hetu-checkbox', 'data-layer': layer.id,
			onchange: (e) => this.callbacks.onLayerToggle(layer.id, e.target.checked)
		});
		const count = el('span', {class: 'hetu-layer__count', title: i18n.t('layer.countTitle')});
		const row = el('li', {class: 'hetu-layer', 'data-layer': layer.id},
			el('label', {class: 'hetu-layer__head'}, box,
				el('span', {class: 'hetu-layer__sample', html: legendSampleSvg(layer.id, layer.geometryType)}),
				el('span', {class: 'hetu-layer__title'}, this.title(layer)),
				el('span', {class: 'hetu-layer__spinner', 'aria-hidden': 'true'}),
				count),
			el('p', {class: 'hetu-layer__cells-hint'}, i18n.t('layer.cellsShown')),
			this._subLegend(layer));
		this._layerRows.set(layer.id, {row, box, count});
		return row;
	}

	/** The extra encodings of a few collections, shown under their row. */
	_subLegend(layer) {
		const t = (key) => this.i18n.t(key);
		const item = (sample, text) => el('li', {}, el('span', {class: 'hetu-legend__sample', html: sample}), text);
		if (layer.id === 'sluice') {
			return el('ul', {class: 'hetu-sublegend'}, ['1', '2', '3', '4'].map((c) => item(
				markerSvg({shape: 'square', fill: STATUS_COLORS.none, label: c, labelColor: '#111111', unsafe: Number(c) >= 3}, 20),
				t(`enum.safety_class.${c}`))));
		}
		if (layer.id === 'bridge') {
			return el('ul', {class: 'hetu-sublegend'},
				item(markerSvg({shape: 'diamond', fill: STATUS_COLORS.none, label: '', unsafe: false}, 20), t('enum.bridge_condition.sound')),
				item(markerSvg({shape: 'diamond', fill: STATUS_COLORS.none, label: '!', labelColor: '#111111', unsafe: true}, 20), t('enum.bridge_condition.dangerous')));
		}
		if (layer.id === 'land_parcel') {
			return el('ul', {class: 'hetu-sublegend'},
				Object.entries(PARCEL_CATEGORY_COLORS).map(([category, color]) => item(
					swatchSvg(color, {outline: '#4A5560'}), t(`enum.parcel_category.${category}`))),
				el('li', {class: 'hetu-sublegend__note'}, t('legend.parcel')));
		}
		return null;
	}

	/** Draws the current state: ticks, pressed statuses, counts, loading marks. */
	update() {
		const {state} = this;
		const {filter, visible, counts, drawn, loading, basemap} = state;
		this._department.value = filter.department;
		this._reset.hidden = filter.isDefault;

		// A layer narrowed by properties counts its narrowed set, never the whole collection.
		const countsOf = (id) => state.narrowedCounts?.get(id) ?? (state.narrowed?.has(id) ? null : counts?.[id]);
		for (const [status, {button, count}] of this._statusButtons) {
			const shown = filter.statuses.has(status);
			button.setAttribute('aria-pressed', String(shown));
			button.classList.toggle('is-off', !shown);
			const n = counts ? this.layers.filter((l) => visible.has(l.id))
				.reduce((sum, l) => sum + Number(countsOf(l.id)?.[status] || 0), 0) : null;
			count.textContent = n === null ? '' : String(n);
		}
		let total = 0;
		for (const layer of this.layers) {
			const {row, box, count} = this._layerRows.get(layer.id);
			const on = visible.has(layer.id);
			box.checked = on;
			row.classList.toggle('is-off', !on);
			row.classList.toggle('is-loading', Boolean(loading.has(layer.id)));
			row.classList.toggle('is-aggregated', on && Boolean(state.aggregated?.has(layer.id)));
			const own = countsOf(layer.id);
			const n = own ? filter.countOf(own) : (drawn.get(layer.id) ?? null);
			count.textContent = n === null ? '' : String(n);
			row.dataset.drawn = String(drawn.get(layer.id) ?? 0);
			if (on && n !== null) {
				total += n;
			}
		}
		this._total.textContent = String(total);
		for (const [theme, box] of this._themeBoxes) {
			const members = this.layers.filter((l) => l.theme === theme);
			const on = members.filter((l) => visible.has(l.id)).length;
			box.checked = on === members.length;
			box.indeterminate = on > 0 && on < members.length;
		}
		for (const input of this.container.querySelectorAll('input[name="hetu-basemap"]')) {
			input.checked = input.value === basemap;
		}
	}
}
