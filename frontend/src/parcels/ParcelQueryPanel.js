import {ENUMS, fieldLabelKey, fieldsOf} from '../catalog/Schema.js';
import {debounce} from '../util/debounce.js';
import {el, replaceChildren} from '../util/dom.js';
import {AREA_UNITS, convertArea} from './AreaUnits.js';
import {LAND_USES, landUseLabel} from './LandUses.js';
import {CATEGORIES, DISPOSAL_METHODS, DISPOSAL_STATUSES, POLYGON_RELATIONS, conditionCount, emptyQuery, isNearComplete, normalizeQuery, sameQuery} from './ParcelQuery.js';
import {categoryColor, disposalColor} from './parcelStyle.js';

/** Ready-made layer selections a planner measures from most: the G205 nodes and the 包河. */
export const NEAR_PRESETS = [
	{id: 'g205', labelKey: 'parcels.near.preset.g205', near: {collection: 'road_node', where: {road: 'G205'}, distance: 500}},
	{id: 'baohe', labelKey: 'parcels.near.preset.baohe', near: {collection: 'river_segment', where: {river: '包河'}, distance: 1000}}
];

/** Collections that a distance can be measured from: every layer but the parcels themselves and projects (see footprint). */
const NOT_NEAR = new Set(['land_parcel', 'project']);

/** Columns a layer selection can match on: names, codes, roads, rivers, enumerations. */
const WHERE_SKIP = new Set(['status', 'department', 'remarks', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version']);

/**
 * The query panel beside the parcels map: categories, an area range in m², ha or 亩, how long
 * the land has lain idle, towns, land uses, holder, disposal status and method, and the
 * spatial conditions (a polygon drawn on the map, a distance from chosen features or from a
 * layer selection such as the G205 nodes, a project's footprint). It edits a draft; 查询
 * hands the draft to the page, which runs it and puts it in the link.
 */
export class ParcelQueryPanel {
	constructor(options) {
		const {container, i18n, parcelApi, layers = [], collectionTitle, towns = Promise.resolve(null), onSearch, onDraw, onPick, onClose} = options;
		Object.assign(this, {container, i18n, parcelApi, layers, collectionTitle});
		this.callbacks = {onSearch, onDraw, onPick, onClose};
		this.draft = emptyQuery();
		this.applied = emptyQuery();
		this.towns = [];
		this.labels = {near: new Map(), project: null};
		this.nearMode = 'layer';
		this.nearPickCollection = 'road_node';
		this.findings = {feature: null, project: null};
		this.problem = null;
		this.element = el('form', {class: 'hetu-parcel-query', novalidate: true, role: 'search', onsubmit: (e) => {
			e.preventDefault();
			this.submit();
		}});
		container.append(this.element);
		this._findFeature = debounce((q) => this._searchFeatures(q), 300);
		this._findProject = debounce((q) => this._searchProjects(q), 300);
		// The page's towns: they never fail here, the page says when they could not be loaded.
		towns.then((geojson) => {
			this.towns = (geojson?.features || []).map((f) => ({name: f.properties?.name, nameEn: f.properties?.name_en})).filter((t) => t.name);
			this.render();
		});
	}

	destroy() {
		this._findFeature.cancel();
		this._findProject.cancel();
		this._featureController?.abort();
		this._projectController?.abort();
		this.element.remove();
	}

	/** Puts a query (from a link or a saved query) into the panel as the one applied. */
	setQuery(query) {
		this.draft = normalizeQuery(query);
		this.applied = normalizeQuery(query);
		if (this.draft.near) {
			this.nearMode = this.draft.near.ids?.length ? 'feature' : 'layer';
		}
		this.problem = null;
		this.render();
	}

	setApplied(query) {
		this.applied = normalizeQuery(query);
		this.render();
	}

	/** A polygon drawn on the map becomes the area condition. */
	setPolygon(geometry) {
		this.draft.polygon = geometry;
		this.problem = null;
		this.render();
	}

	/** The server refused the drawn polygon: say so beside it. */
	setProblem(text) {
		this.problem = text;
		this.render();
	}

	/** A feature picked on the map (or found by name) to measure the distance from. */
	setNearFeature(collection, feature) {
		const distance = this.draft.near?.distance ?? 500;
		this.nearMode = 'feature';
		this.draft.near = {collection, ids: [Number(feature.id)], distance};
		this.labels.near.set(`${collection}/${feature.id}`, feature.properties?.name || feature.name || feature.properties?.code || feature.code || `#${feature.id}`);
		this.findings.feature = null;
		this.render();
	}

	/** Names of the features a near condition lists, once the page has loaded them. */
	setNearLabels(collection, features) {
		for (const feature of features || []) {
			this.labels.near.set(`${collection}/${feature.id}`, feature.properties?.name || feature.properties?.code || `#${feature.id}`);
		}
		this.render();
	}

	setProjectLabel(summary) {
		this.labels.project = summary ? {id: summary.id, code: summary.code, name: summary.name} : null;
		this.render();
	}

	submit() {
		this._readTexts();
		const query = normalizeQuery(this.draft);
		if (this.nearMode === 'feature' && !query.near?.ids?.length) {
			// Measuring from a feature that is not chosen yet is no condition (not the whole layer).
			query.near = null;
		}
		this.callbacks.onSearch?.(query);
	}

	reset() {
		this.draft = emptyQuery();
		this.problem = null;
		this.findings = {feature: null, project: null};
		this.callbacks.onSearch?.(emptyQuery());
	}

	// ---- drawing

	render() {
		const focused = this.element.contains(document.activeElement) ? document.activeElement.id : null;
		const scroll = this.element.querySelector('.hetu-parcel-query__body')?.scrollTop || 0;
		const body = el('div', {class: 'hetu-parcel-query__body'},
			this._categories(),
			this._area(),
			this._idle(),
			this._places(),
			this._disposal(),
			this._spatial());
		replaceChildren(this.element, this._head(), body, this._foot());
		this.element.setAttribute('aria-labelledby', 'hetu-parcel-query-title');
		this._refreshStatus();
		body.scrollTop = scroll;
		if (focused) {
			const again = this.element.querySelector(`#${CSS.escape(focused)}`);
			again?.focus({preventScroll: true});
		}
	}

	_head() {
		const t = (key, params) => this.i18n.t(key, params);
		this.countBadge = el('span', {class: 'hetu-parcel-query__count'});
		this.countText = el('span', {class: 'hetu-parcel-query__summary'});
		this.resetButton = el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'reset-query', onclick: () => this.reset()}, t('parcels.query.reset'));
		return el('div', {class: 'hetu-parcel-query__head'},
			el('h3', {class: 'hetu-parcel-query__title', id: 'hetu-parcel-query-title'},
				el('span', {class: 'hetu-visually-hidden'}, t('parcels.query.title')), this.countBadge, this.countText),
			this.resetButton,
			this.callbacks.onClose ? el('button', {type: 'button', class: 'hetu-icon-button hetu-parcel-query__close', 'data-action': 'close-query',
				'aria-label': t('parcels.query.close'), title: t('parcels.query.close'), onclick: () => this.callbacks.onClose()}, '×') : null);
	}

	_foot() {
		const t = (key) => this.i18n.t(key);
		this.dirtyNote = el('p', {class: 'hetu-parcel-query__dirty', role: 'status'}, t('parcels.query.changed'));
		return el('div', {class: 'hetu-parcel-query__foot'},
			this.dirtyNote,
			el('button', {type: 'submit', class: 'hetu-button hetu-parcel-query__submit', 'data-action': 'run-query'}, t('parcels.query.run')));
	}

	/**
	 * Updates the badge, the reset link and the "changed" note in place. A typed value commits
	 * on blur, often because the user clicks another control (查询 itself): replacing controls
	 * then would swap them away under the pointer and lose the click.
	 */
	_refreshStatus() {
		const count = conditionCount(this.draft);
		if (this.countBadge) {
			this.countBadge.textContent = count ? String(count) : '';
			this.countText.textContent = count ? this.i18n.t('parcels.query.count', {n: count}) : this.i18n.t('parcels.query.none');
			this.countBadge.dataset.count = String(count);
			this.countBadge.hidden = !count;
			this.resetButton.hidden = !count;
			this.dirtyNote.hidden = sameQuery(this.draft, this.applied);
		}
		for (const [spatial, set] of [['polygon', Boolean(this.draft.polygon)], ['near', isNearComplete(this.draft.near)], ['project', this.draft.project !== null]]) {
			this.element.querySelector(`.hetu-parcel-spatial[data-spatial="${spatial}"]`)?.setAttribute('data-set', String(set));
		}
	}

	/** Draws the panel again where a change alters its controls (a unit, a layer, a mode). */
	_refresh() {
		this.render();
	}

	_section(id, title, ...content) {
		return el('fieldset', {class: 'hetu-parcel-query__section', 'data-section': id},
			el('legend', {class: 'hetu-parcel-query__legend'}, title), ...content);
	}

	/** A row of toggle chips over a list in the draft; a toggle changes its chip in place. */
	_chips(key, values, label, options = {}) {
		const {dot = null, group} = options;
		const selected = new Set(this.draft[key]);
		return el('div', {class: 'hetu-chips', role: 'group', 'aria-label': group},
			values.map((value) => {
				const on = selected.has(value);
				return el('button', {
					type: 'button', class: `hetu-chip-toggle${on ? ' is-on' : ''}`, 'aria-pressed': String(on), 'data-key': key, 'data-value': value,
					id: `hetu-pq-${key}-${String(value).replace(/[^a-zA-Z0-9_-]/g, (c) => c.charCodeAt(0).toString(16))}`,
					onclick: (e) => {
						const button = e.currentTarget;
						const list = new Set(this.draft[key]);
						if (list.has(value)) {
							list.delete(value);
						} else {
							list.add(value);
						}
						this.draft[key] = values.filter((v) => list.has(v)).concat([...list].filter((v) => !values.includes(v)));
						const now = list.has(value);
						button.classList.toggle('is-on', now);
						button.setAttribute('aria-pressed', String(now));
						this._refreshStatus();
					}
				}, dot ? el('span', {class: 'hetu-chip-toggle__dot', 'aria-hidden': 'true', style: {background: dot(value)}}) : null, label(value));
			}));
	}

	_categories() {
		const t = (key) => this.i18n.t(key);
		return this._section('category', t('parcels.query.category'),
			this._chips('categories', CATEGORIES, (c) => t(`enum.parcel_category.${c}`), {dot: categoryColor, group: t('parcels.query.category')}));
	}

	_number(id, key, options = {}) {
		const {min = 0, step = 'any', placeholder = '', integer = false, label} = options;
		const input = el('input', {
			type: 'number', class: 'hetu-input', id, name: key, min: String(min), step: String(step), inputmode: integer ? 'numeric' : 'decimal',
			placeholder, 'aria-label': label || null,
			onchange: (e) => {
				const value = e.target.value === '' ? null : Number(e.target.value);
				this.draft[key] = Number.isFinite(value) && value >= min ? (integer ? Math.trunc(value) : value) : null;
				this._refreshStatus();
			}
		});
		input.value = this.draft[key] ?? '';
		return input;
	}

	_area() {
		const t = (key) => this.i18n.t(key);
		const unit = this.draft.areaUnit;
		const units = el('div', {class: 'hetu-segmented', role: 'radiogroup', 'aria-label': t('parcels.query.areaUnit')},
			AREA_UNITS.map((u) => el('button', {
				type: 'button', role: 'radio', class: `hetu-segmented__item${u === unit ? ' is-on' : ''}`, 'aria-checked': String(u === unit),
				'data-unit': u, id: `hetu-pq-unit-${u}`,
				onclick: () => {
					if (u === this.draft.areaUnit) {
						return;
					}
					this._readTexts();
					this.draft.areaMin = convertArea(this.draft.areaMin, this.draft.areaUnit, u);
					this.draft.areaMax = convertArea(this.draft.areaMax, this.draft.areaUnit, u);
					this.draft.areaUnit = u;
					this._refresh();
				}
			}, t(`parcels.unit.${u}`))));
		return this._section('area', t('parcels.query.area'),
			el('div', {class: 'hetu-parcel-query__range'},
				this._number('hetu-pq-area-min', 'areaMin', {placeholder: t('parcels.query.min'), label: t('parcels.query.areaMin')}),
				el('span', {class: 'hetu-parcel-query__dash', 'aria-hidden': 'true'}, '–'),
				this._number('hetu-pq-area-max', 'areaMax', {placeholder: t('parcels.query.max'), label: t('parcels.query.areaMax')})),
			units);
	}

	_idle() {
		const t = (key) => this.i18n.t(key);
		const date = el('input', {type: 'date', class: 'hetu-input', id: 'hetu-pq-idle-before', name: 'idleSinceBefore',
			onchange: (e) => {
				this.draft.idleSinceBefore = e.target.value || null;
				this._refreshStatus();
			}});
		date.value = this.draft.idleSinceBefore || '';
		return this._section('idle', t('parcels.query.idle'),
			el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-idle-years'}, t('parcels.query.idleYears')),
				el('div', {class: 'hetu-parcel-query__with-unit'},
					this._number('hetu-pq-idle-years', 'idleYearsAtLeast', {step: 1, integer: true, placeholder: t('parcels.query.min')}),
					el('span', {class: 'hetu-parcel-query__unit'}, t('parcels.query.years')))),
			el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-idle-before'}, t('parcels.query.idleBefore')),
				date));
	}

	_places() {
		const t = (key) => this.i18n.t(key);
		const holder = el('input', {type: 'search', class: 'hetu-input', id: 'hetu-pq-holder', name: 'holder', autocomplete: 'off',
			placeholder: t('parcels.query.holderPlaceholder'),
			onchange: (e) => {
				this.draft.holder = e.target.value.trim();
				this._refreshStatus();
			}});
		holder.value = this.draft.holder;
		const townNames = this.towns.map((town) => town.name);
		const extraTowns = this.draft.towns.filter((name) => !townNames.includes(name));
		const townLabel = (name) => {
			const town = this.towns.find((x) => x.name === name);
			return town ? this.i18n.pick(town.name, town.nameEn) : name;
		};
		const landUses = LAND_USES.map(([value]) => value);
		return this._section('place', t('parcels.query.place'),
			el('span', {class: 'hetu-field-label'}, t('parcels.query.town')),
			this.towns.length || extraTowns.length
				? this._chips('towns', [...townNames, ...extraTowns], townLabel, {group: t('parcels.query.town')})
				: el('p', {class: 'hetu-hint'}, t('common.loading')),
			el('span', {class: 'hetu-field-label'}, t('parcels.query.landUse')),
			this._chips('landUses', [...landUses, ...this.draft.landUses.filter((v) => !landUses.includes(v))], (v) => landUseLabel(v, this.i18n),
				{group: t('parcels.query.landUse')}),
			el('label', {class: 'hetu-field-label', for: 'hetu-pq-holder'}, t('parcels.query.holder')),
			holder,
			...['outsideFarmland', 'insideUrbanBoundary'].map((key) => el('label', {class: 'hetu-check'},
				el('input', {type: 'checkbox', name: key, checked: this.draft[key], onchange: (e) => {
					this.draft[key] = e.target.checked;
					this._refreshStatus();
				}}), ' ', t(`constraints.query.${key}`))));
	}

	_disposal() {
		const t = (key) => this.i18n.t(key);
		return this._section('disposal', t('parcels.query.disposal'),
			el('span', {class: 'hetu-field-label'}, t('parcels.query.status')),
			this._chips('disposalStatus', DISPOSAL_STATUSES, (s) => t(`enum.disposal_status.${s}`), {dot: disposalColor, group: t('parcels.query.status')}),
			el('span', {class: 'hetu-field-label'}, t('parcels.query.method')),
			this._chips('disposalMethods', DISPOSAL_METHODS, (m) => t(`enum.disposal_method.${m}`), {group: t('parcels.query.method')}));
	}

	// ---- spatial conditions

	_spatial() {
		const t = (key) => this.i18n.t(key);
		return this._section('spatial', t('parcels.query.spatial'),
			el('p', {class: 'hetu-parcel-query__note'}, t('parcels.query.spatialNote')),
			this._polygon(),
			this._near(),
			this._project());
	}

	_polygon() {
		const t = (key, params) => this.i18n.t(key, params);
		const polygon = this.draft.polygon;
		const corners = polygon ? (polygon.type === 'Polygon' ? polygon.coordinates[0].length - 1 : polygon.coordinates.reduce((n, p) => n + p[0].length - 1, 0)) : 0;
		const relation = el('select', {class: 'hetu-select', id: 'hetu-pq-relation', name: 'polygonRelation',
			onchange: (e) => {
				this.draft.polygonRelation = e.target.value;
				this._refreshStatus();
			}}, POLYGON_RELATIONS.map((r) => el('option', {value: r}, t(`parcels.query.relation.${r}`))));
		relation.value = this.draft.polygonRelation;
		return el('div', {class: 'hetu-parcel-spatial', 'data-spatial': 'polygon', 'data-set': String(Boolean(polygon))},
			el('div', {class: 'hetu-parcel-spatial__head'},
				el('span', {class: 'hetu-parcel-spatial__icon', 'aria-hidden': 'true'}, '⬠'),
				el('span', {class: 'hetu-parcel-spatial__title'}, t('parcels.query.polygon'))),
			polygon ? el('div', {class: 'hetu-parcel-spatial__value'},
				el('span', {class: 'hetu-parcel-spatial__chosen', 'data-corners': String(corners)}, t('parcels.query.polygonSet', {n: corners})),
				el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'clear-polygon', onclick: () => {
					this.draft.polygon = null;
					this.problem = null;
					this.callbacks.onDraw?.(null);
					this._refresh();
				}}, t('parcels.query.clear'))) : null,
			polygon ? el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-relation'}, t('parcels.query.relation')), relation) : null,
			this.problem ? el('p', {class: 'hetu-form__error', role: 'alert', 'data-problem': 'polygon'}, this.problem) : null,
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'draw-polygon',
				onclick: () => this.callbacks.onDraw?.('draw')}, t(polygon ? 'parcels.query.redraw' : 'parcels.query.draw')));
	}

	_nearCollections() {
		return this.layers.filter((l) => !NOT_NEAR.has(l.id));
	}

	_whereFields(collection) {
		const fields = [{key: 'name', kind: 'text'}, ...fieldsOf(collection)].filter((f) => !WHERE_SKIP.has(f.key) && (f.kind === 'text' || f.kind === 'enum'));
		return fields.filter((f, i) => fields.findIndex((g) => g.key === f.key) === i);
	}

	_fieldLabel(collection, key) {
		const labelKey = fieldLabelKey(collection, key, this.i18n.messages);
		return this.i18n.has(labelKey) ? this.i18n.t(labelKey) : key;
	}

	_near() {
		const t = (key, params) => this.i18n.t(key, params);
		const near = this.draft.near;
		const distance = el('input', {type: 'number', class: 'hetu-input', id: 'hetu-pq-distance', name: 'distance', min: '0', max: '50000', step: '10',
			inputmode: 'numeric', placeholder: '500',
			onchange: (e) => {
				const value = e.target.value === '' ? null : Number(e.target.value);
				const d = Number.isFinite(value) && value >= 0 ? Math.min(value, 50000) : null;
				this.draft.near = {...(this.draft.near || {collection: this._defaultNearCollection()}), distance: d};
				this._refreshStatus();
			}});
		distance.value = near?.distance ?? '';
		const modes = el('div', {class: 'hetu-segmented', role: 'radiogroup', 'aria-label': t('parcels.near.from')},
			['layer', 'feature'].map((mode) => el('button', {
				type: 'button', role: 'radio', class: `hetu-segmented__item${this.nearMode === mode ? ' is-on' : ''}`,
				'aria-checked': String(this.nearMode === mode), 'data-near-mode': mode, id: `hetu-pq-near-${mode}`,
				onclick: () => {
					if (this.nearMode === mode) {
						return;
					}
					this.nearMode = mode;
					if (this.draft.near) {
						const {collection, distance: d} = this.draft.near;
						this.draft.near = {collection, distance: d};
					}
					this._refresh();
				}
			}, t(`parcels.near.mode.${mode}`))));
		const set = isNearComplete(near);
		return el('div', {class: 'hetu-parcel-spatial', 'data-spatial': 'near', 'data-set': String(set)},
			el('div', {class: 'hetu-parcel-spatial__head'},
				el('span', {class: 'hetu-parcel-spatial__icon', 'aria-hidden': 'true'}, '◎'),
				el('span', {class: 'hetu-parcel-spatial__title'}, t('parcels.near.title')),
				near ? el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'clear-near', onclick: () => {
					this.draft.near = null;
					this._refresh();
				}}, t('parcels.query.clear')) : null),
			el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-distance'}, t('parcels.near.distance')),
				el('div', {class: 'hetu-parcel-query__with-unit'}, distance, el('span', {class: 'hetu-parcel-query__unit'}, t('parcels.near.metres')))),
			el('span', {class: 'hetu-field-label'}, t('parcels.near.from')),
			modes,
			this.nearMode === 'layer' ? this._nearLayer() : this._nearFeature());
	}

	_defaultNearCollection() {
		return this._nearCollections().some((l) => l.id === 'road_node') ? 'road_node' : this._nearCollections()[0]?.id || 'road_node';
	}

	_nearLayer() {
		const t = (key, params) => this.i18n.t(key, params);
		const near = this.draft.near;
		const collection = near?.collection || this._defaultNearCollection();
		const [whereKey, whereValue] = Object.entries(near?.where || {})[0] || ['', ''];
		const update = (patch) => {
			const current = this.draft.near || {collection, distance: null};
			this.draft.near = {...current, ...patch};
			if (this.draft.near.where && !Object.keys(this.draft.near.where).length) {
				delete this.draft.near.where;
			}
			delete this.draft.near.ids;
		};
		const layerSelect = el('select', {class: 'hetu-select', id: 'hetu-pq-near-collection', name: 'nearCollection',
			onchange: (e) => {
				update({collection: e.target.value, where: undefined});
				delete this.draft.near.where;
				this._refresh();
			}}, this._nearCollections().map((l) => el('option', {value: l.id}, this.collectionTitle(l.id))));
		layerSelect.value = collection;
		const fields = this._whereFields(collection);
		const fieldSelect = el('select', {class: 'hetu-select', id: 'hetu-pq-near-field', name: 'nearField',
			onchange: (e) => {
				const key = e.target.value;
				update({where: key ? {[key]: ''} : {}});
				this._refresh();
			}},
		el('option', {value: ''}, t('parcels.near.allFeatures')),
		fields.map((f) => el('option', {value: f.key}, this._fieldLabel(collection, f.key))));
		fieldSelect.value = whereKey;
		const field = fields.find((f) => f.key === whereKey);
		let valueInput = null;
		if (field?.kind === 'enum') {
			valueInput = el('select', {class: 'hetu-select', id: 'hetu-pq-near-value', name: 'nearValue',
				onchange: (e) => {
					update({where: {[whereKey]: e.target.value}});
					this._refreshStatus();
				}},
			el('option', {value: ''}, t('parcels.near.chooseValue')),
			(ENUMS[field.enum] || []).map((v) => el('option', {value: v}, t(`enum.${field.enum}.${v}`))));
			valueInput.value = whereValue;
		} else if (field) {
			valueInput = el('input', {type: 'text', class: 'hetu-input', id: 'hetu-pq-near-value', name: 'nearValue', autocomplete: 'off',
				placeholder: t('parcels.near.valuePlaceholder'),
				onchange: (e) => {
					update({where: {[whereKey]: e.target.value.trim()}});
					this._refreshStatus();
				}});
			valueInput.value = whereValue;
		}
		const presets = el('div', {class: 'hetu-chips hetu-parcel-presets', role: 'group', 'aria-label': t('parcels.near.presets')},
			NEAR_PRESETS.filter((p) => this.layers.some((l) => l.id === p.near.collection)).map((preset) => {
				const on = near && near.collection === preset.near.collection && JSON.stringify(near.where || {}) === JSON.stringify(preset.near.where);
				return el('button', {type: 'button', class: `hetu-chip-toggle${on ? ' is-on' : ''}`, 'aria-pressed': String(Boolean(on)),
					'data-preset': preset.id, id: `hetu-pq-preset-${preset.id}`,
					onclick: () => {
						this.draft.near = {collection: preset.near.collection, where: {...preset.near.where}, distance: this.draft.near?.distance ?? preset.near.distance};
						this._refresh();
					}}, t(preset.labelKey));
			}));
		return el('div', {class: 'hetu-parcel-near'},
			presets,
			el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-near-collection'}, t('parcels.near.layer')), layerSelect),
			el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-near-field'}, t('parcels.near.where')), fieldSelect),
			valueInput ? el('div', {class: 'hetu-parcel-query__pair'},
				el('label', {class: 'hetu-field-label', for: 'hetu-pq-near-value'}, t('parcels.near.equals')), valueInput) : null);
	}

	_nearFeature() {
		const t = (key, params) => this.i18n.t(key, params);
		const near = this.draft.near;
		const chosen = near?.ids?.length ? near.ids.map((id) => ({id, name: this.labels.near.get(`${near.collection}/${id}`) || `#${id}`})) : [];
		const find = el('input', {type: 'search', class: 'hetu-input', id: 'hetu-pq-near-find', autocomplete: 'off', enterkeyhint: 'search',
			placeholder: t('parcels.near.findPlaceholder'),
			oninput: (e) => this._findFeature(e.target.value.trim()),
			onkeydown: (e) => {
				if (e.key === 'Enter') {
					e.preventDefault();
					this._findFeature.cancel();
					this._searchFeatures(e.target.value.trim());
				}
			}});
		find.value = this.findings.featureQuery || '';
		const pickSelect = el('select', {class: 'hetu-select', id: 'hetu-pq-pick-collection', 'aria-label': t('parcels.near.pickLayer'),
			onchange: (e) => {
				this.nearPickCollection = e.target.value;
			}}, this._nearCollections().map((l) => el('option', {value: l.id}, this.collectionTitle(l.id))));
		pickSelect.value = this._nearCollections().some((l) => l.id === this.nearPickCollection) ? this.nearPickCollection : this._defaultNearCollection();
		return el('div', {class: 'hetu-parcel-near'},
			chosen.length ? el('ul', {class: 'hetu-parcel-chosen'}, chosen.map((c) => el('li', {'data-feature': `${near.collection}/${c.id}`},
				el('span', {class: 'hetu-parcel-chosen__kind'}, this.collectionTitle(near.collection)),
				el('span', {class: 'hetu-parcel-chosen__name'}, c.name)))) : null,
			el('label', {class: 'hetu-field-label', for: 'hetu-pq-near-find'}, t('parcels.near.find')),
			find,
			this._findingList('feature'),
			el('div', {class: 'hetu-parcel-pick'},
				pickSelect,
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--small', 'data-action': 'pick-on-map',
					onclick: () => this.callbacks.onPick?.(pickSelect.value)}, t('parcels.near.pick'))));
	}

	_findingList(kind) {
		const t = (key, params) => this.i18n.t(key, params);
		const finding = this.findings[kind];
		if (!finding) {
			return null;
		}
		if (finding.state === 'loading') {
			return el('p', {class: 'hetu-hint hetu-parcel-findings__status'}, t('common.loading'));
		}
		if (finding.state === 'error') {
			return el('p', {class: 'hetu-form__error', role: 'alert'}, t('parcels.query.findFailed'));
		}
		if (!finding.items.length) {
			return el('p', {class: 'hetu-hint hetu-parcel-findings__status'}, t('parcels.query.noMatches'));
		}
		return el('ul', {class: 'hetu-parcel-findings', 'data-kind': kind}, finding.items.map((item) => el('li', {},
			el('button', {type: 'button', class: 'hetu-parcel-findings__item', 'data-id': String(item.id), 'data-collection': item.collection || null,
				disabled: item.disabled || false,
				onclick: () => (kind === 'feature' ? this.setNearFeature(item.collection, {id: item.id, name: item.name, code: item.code})
					: this._chooseProject(item))},
			el('span', {class: 'hetu-parcel-findings__name'}, item.name || item.code),
			el('span', {class: 'hetu-parcel-findings__meta'}, item.meta)))));
	}

	async _searchFeatures(q) {
		this.findings.featureQuery = q;
		this._featureController?.abort();
		if (!q) {
			this.findings.feature = null;
			this._refresh();
			return;
		}
		const controller = this._featureController = new AbortController();
		this.findings.feature = {state: 'loading', items: []};
		this._refresh();
		try {
			const results = await this.parcelApi.findFeatures(q, {signal: controller.signal});
			if (controller !== this._featureController) {
				return;
			}
			const allowed = new Set(this._nearCollections().map((l) => l.id));
			this.findings.feature = {state: 'done', items: (Array.isArray(results) ? results : []).filter((r) => allowed.has(r.collection))
				.map((r) => ({...r, meta: `${this.collectionTitle(r.collection)}${r.code ? ` · ${r.code}` : ''}`}))};
		} catch (error) {
			if (error?.name === 'AbortError') {
				return;
			}
			this.findings.feature = {state: 'error', items: []};
		}
		this._refresh();
	}

	_project() {
		const t = (key, params) => this.i18n.t(key, params);
		const id = this.draft.project;
		const label = this.labels.project && this.labels.project.id === id ? this.labels.project : null;
		const find = el('input', {type: 'search', class: 'hetu-input', id: 'hetu-pq-project-find', autocomplete: 'off', enterkeyhint: 'search',
			placeholder: t('parcels.project.findPlaceholder'),
			oninput: (e) => this._findProject(e.target.value.trim()),
			onfocus: (e) => {
				if (!this.findings.project) {
					this._searchProjects(e.target.value.trim());
				}
			},
			onkeydown: (e) => {
				if (e.key === 'Enter') {
					e.preventDefault();
					this._findProject.cancel();
					this._searchProjects(e.target.value.trim());
				}
			}});
		find.value = this.findings.projectQuery || '';
		return el('div', {class: 'hetu-parcel-spatial', 'data-spatial': 'project', 'data-set': String(id !== null)},
			el('div', {class: 'hetu-parcel-spatial__head'},
				el('span', {class: 'hetu-parcel-spatial__icon', 'aria-hidden': 'true'}, '▦'),
				el('span', {class: 'hetu-parcel-spatial__title'}, t('parcels.project.title')),
				id !== null ? el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'clear-project', onclick: () => {
					this.draft.project = null;
					this._refresh();
				}}, t('parcels.query.clear')) : null),
			id !== null ? el('ul', {class: 'hetu-parcel-chosen'}, el('li', {'data-project': String(id)},
				el('span', {class: 'hetu-parcel-chosen__kind'}, label?.code || `#${id}`),
				el('span', {class: 'hetu-parcel-chosen__name'}, label?.name || t('common.loading')))) : null,
			el('label', {class: 'hetu-field-label', for: 'hetu-pq-project-find'}, t(id !== null ? 'parcels.project.change' : 'parcels.project.find')),
			find,
			this._findingList('project'));
	}

	async _searchProjects(q) {
		this.findings.projectQuery = q;
		this._projectController?.abort();
		const controller = this._projectController = new AbortController();
		this.findings.project = {state: 'loading', items: []};
		this._refresh();
		try {
			const page = await this.parcelApi.projects(q, {signal: controller.signal});
			if (controller !== this._projectController) {
				return;
			}
			this.findings.project = {state: 'done', items: (page?.items || []).map((p) => ({
				id: p.id, code: p.code, name: p.name, disabled: !p.hasFootprint,
				meta: p.hasFootprint ? p.code : `${p.code} · ${this.i18n.t('parcels.project.noFootprint')}`
			}))};
		} catch (error) {
			if (error?.name === 'AbortError') {
				return;
			}
			this.findings.project = {state: 'error', items: []};
		}
		this._refresh();
	}

	_chooseProject(item) {
		this.draft.project = Number(item.id);
		this.labels.project = {id: Number(item.id), code: item.code, name: item.name};
		this.findings.project = null;
		this.findings.projectQuery = '';
		this._refresh();
	}

	/** Takes what is typed but not yet committed (a change event comes on blur) into the draft. */
	_readTexts() {
		const value = (id) => this.element.querySelector(`#${id}`)?.value;
		const holder = value('hetu-pq-holder');
		if (holder !== undefined) {
			this.draft.holder = holder.trim();
		}
		for (const [id, key, integer] of [['hetu-pq-area-min', 'areaMin'], ['hetu-pq-area-max', 'areaMax'], ['hetu-pq-idle-years', 'idleYearsAtLeast', true]]) {
			const text = value(id);
			if (text !== undefined) {
				const n = text === '' ? null : Number(text);
				this.draft[key] = Number.isFinite(n) && n >= 0 ? (integer ? Math.trunc(n) : n) : null;
			}
		}
		const date = value('hetu-pq-idle-before');
		if (date !== undefined) {
			this.draft.idleSinceBefore = date || null;
		}
		const distance = value('hetu-pq-distance');
		if (distance !== undefined && distance !== '' && Number(distance) >= 0) {
			const d = Math.min(Number(distance), 50000);
			this.draft.near = this.draft.near ? {...this.draft.near, distance: d}
				: {collection: value('hetu-pq-near-collection') || this._defaultNearCollection(), distance: d};
		}
		const nearValue = value('hetu-pq-near-value');
		if (nearValue !== undefined && this.draft.near?.where) {
			const [key] = Object.keys(this.draft.near.where);
			this.draft.near.where = {[key]: nearValue.trim()};
			if (!nearValue.trim()) {
				delete this.draft.near.where;
			}
		}
	}
}
