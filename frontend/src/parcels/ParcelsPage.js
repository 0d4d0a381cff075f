import '../styles/parcels.css';
import {isAbort} from '../api/ApiError.js';
import {formatNumber} from '../format/Units.js';
import {problemText} from '../ui/problemText.js';
import {copyText} from '../util/copyText.js';
import {el, replaceChildren} from '../util/dom.js';
import {saveBlob} from '../util/saveBlob.js';
import {defaultKpiYear, kpiYears} from './DisposalRate.js';
import {DisposalKpiView} from './DisposalKpiView.js';
import {ParcelApi} from './ParcelApi.js';
import {ParcelMap} from './ParcelMap.js';
import {ParcelPlanPanel} from './ParcelPlanPanel.js';
import {conditionCount, emptyQuery, isNearComplete, normalizeQuery, sameQuery, searchBody} from './ParcelQuery.js';
import {ParcelQueryPanel} from './ParcelQueryPanel.js';
import {ParcelResults} from './ParcelResults.js';
import {queryParams, readQueryParams, shareUrl} from './QueryLink.js';
import {SavedQueries} from './SavedQueries.js';

/** Rows per page of the results table. */
export const TABLE_SIZE = 20;

/** The most matches drawn on the map at once (the server's largest page). */
export const MAP_LIMIT = 1000;

const PHONE = '(max-width: 720px)';

/**
 * The land planners' page (#/parcels): the query panel beside the parcels map (a drawer on a
 * phone), the matches highlighted on the map with their totals, breakdowns and a sortable,
 * paged table, each parcel's disposal plan, saved queries with links, exports, and the yearly
 * disposal rate against the 20% target. Everything the page shows is in its link:
 * #/parcels?q=… or ?saved=12, &parcel=7 for an open plan, &view=kpi&year=2025 for the rate.
 */
export class ParcelsPage {
	constructor(options) {
		const {container, i18n, api, session, layers = [], collectionTitle = (id) => id, county = null, toast = null,
			window: win = globalThis.window, userName = (name) => name, href, onParams, onBack} = options;
		Object.assign(this, {container, i18n, api, session, layers, collectionTitle, county, toast, window: win, userName, href});
		this.callbacks = {onParams, onBack};
		this.titleKey = 'parcels.title';
		this.parcelApi = new ParcelApi({api});
		this.params = {};
		this.view = 'results';
		this.applied = null;
		this.savedId = null;
		this.sort = 'code';
		this.page = 0;
		this.kpiYear = defaultKpiYear();
		this.towns = [];
		this._destroyed = false;
		this._build();
		this._unsubscribe = i18n.onChange(() => this._onLocale());
	}

	destroy() {
		this._destroyed = true;
		this._unsubscribe();
		for (const controller of [this._searchController, this._tableController, this._extraController, this._contextController]) {
			controller?.abort();
		}
		this.panel.destroy();
		this.results.destroy();
		this.plan.destroy();
		this.kpi.destroy();
		this.saved.destroy();
		this.map.destroy();
		this.root.remove();
	}

	// ---- the page's parts

	_build() {
		const t = (key) => this.i18n.t(key);
		// Towns name the parcels' places; without them the page works with the names as stored, and says why.
		this.townsLoaded = this.parcelApi.towns().then((geojson) => {
			this.towns = (geojson?.features || []).map((f) => ({name: f.properties?.name, nameEn: f.properties?.name_en})).filter((x) => x.name);
			return geojson;
		}).catch((error) => {
			this._reportError(error);
			return null;
		});
		const townLabel = (name) => {
			const town = this.towns.find((x) => x.name === name);
			return town ? this.i18n.pick(town.name, town.nameEn) : name;
		};
		this.filterButton = el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-parcels__filter', 'data-action': 'open-query',
			'aria-controls': 'hetu-parcels-side', 'aria-expanded': 'false', onclick: () => this._toggleSide()});
		this.heading = el('h2', {class: 'hetu-parcels__title'});
		this.tabs = new Map(['results', 'kpi'].map((view) => [view, el('a', {
			class: 'hetu-parcels__tab', href: view === 'kpi' ? '#/parcels?view=kpi' : '#/parcels', 'data-view': view,
			onclick: (e) => {
				e.preventDefault();
				this._setView(view);
			}
		})]));
		this.backText = el('span', {class: 'hetu-parcels__back-text'});
		this.backButton = el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-parcels__back', 'data-action': 'back-to-map',
			onclick: () => this.callbacks.onBack?.()}, el('span', {class: 'hetu-parcels__back-icon', 'aria-hidden': 'true'}, '←'), this.backText);
		this.bar = el('div', {class: 'hetu-parcels__bar'},
			this.filterButton, this.heading,
			el('nav', {class: 'hetu-parcels__tabs'}, [...this.tabs.values()]),
			this.backButton);
		this.sideTabs = new Map(['query', 'saved'].map((pane) => [pane, el('button', {
			type: 'button', class: 'hetu-tab', role: 'tab', 'data-pane': pane, id: `hetu-parcels-tab-${pane}`, 'aria-controls': `hetu-parcels-pane-${pane}`,
			onclick: () => this._setPane(pane)
		})]));
		this.queryPane = el('div', {class: 'hetu-parcels__pane', id: 'hetu-parcels-pane-query', role: 'tabpanel', 'aria-labelledby': 'hetu-parcels-tab-query'});
		this.savedPane = el('div', {class: 'hetu-parcels__pane hetu-parcels__pane--saved', id: 'hetu-parcels-pane-saved', role: 'tabpanel',
			'aria-labelledby': 'hetu-parcels-tab-saved', hidden: true});
		this.side = el('aside', {class: 'hetu-parcels__side', id: 'hetu-parcels-side'},
			el('div', {class: 'hetu-tabs hetu-parcels__side-tabs', role: 'tablist'}, [...this.sideTabs.values()]),
			this.queryPane, this.savedPane);
		this.mapBox = el('div', {class: 'hetu-parcels__map-box'});
		this.mapStatus = el('div', {class: 'hetu-parcels__map-status', role: 'status', hidden: true});
		this.resultsBox = el('div', {class: 'hetu-parcels__results'});
		this.work = el('div', {class: 'hetu-parcels__work'}, this.mapBox, this.resultsBox);
		this.kpiBox = el('div', {class: 'hetu-parcels__kpi', hidden: true});
		this.main = el('section', {class: 'hetu-parcels__main'}, this.work, this.kpiBox);
		this.scrim = el('div', {class: 'hetu-parcels__scrim', onclick: () => this._toggleSide(false)});
		this.root = el('div', {class: 'hetu-parcels', 'data-view': 'results', onkeydown: (e) => this._onKey(e)},
			this.bar,
			el('div', {class: 'hetu-parcels__body'}, this.side, this.main, this.scrim));

		this.map = new ParcelMap({
			container: this.mapBox, api: this.api, i18n: this.i18n, county: this.county,
			onParcelClick: (feature) => this.openPlan(feature),
			onPolygon: (geometry) => {
				this.panel.setPolygon(geometry);
				this.panel.submit();
			},
			onPicked: (collection, feature) => {
				this.panel.setNearFeature(collection, feature);
				if (this.panel.draft.near.distance === null || this.panel.draft.near.distance === undefined) {
					this.panel.draft.near.distance = 500;
				}
				this.panel.submit();
			}
		});
		this.mapBox.append(this.mapStatus);
		this.panel = new ParcelQueryPanel({
			container: this.queryPane, i18n: this.i18n, parcelApi: this.parcelApi, layers: this.layers,
			collectionTitle: this.collectionTitle, towns: this.townsLoaded,
			onSearch: (query) => this.search(query),
			onDraw: (what) => this._draw(what),
			onPick: (collection) => this._pick(collection),
			onClose: () => this._toggleSide(false)
		});
		this.results = new ParcelResults({
			container: this.resultsBox, i18n: this.i18n, townLabel, errorText: (error) => this._errorText(error),
			onSort: (sort) => {
				this.sort = sort;
				this.page = 0;
				this._loadTable();
			},
			onPage: (page) => {
				this.page = page;
				this._loadTable();
				this.resultsBox.scrollTop = 0;
			},
			onOpen: (feature) => this.openPlan(feature),
			onExport: (format, crs) => this._export(format, crs),
			onCopyLink: () => this._copyLink()
		});
		this.plan = new ParcelPlanPanel({
			container: this.main, i18n: this.i18n, parcelApi: this.parcelApi, townLabel, userName: this.userName,
			canEdit: () => this.session.canEdit('land_parcel'),
			onClose: () => this.closePlan(),
			onSaved: () => this._refresh(),
			onLocate: (id) => this._locate(id)
		});
		this.kpi = new DisposalKpiView({
			container: this.kpiBox, i18n: this.i18n, parcelApi: this.parcelApi, townLabel,
			canEdit: () => this.session.canEdit('land_parcel'),
			onYear: (year) => {
				this.kpiYear = year;
				this._writeParams({push: false});
				this.kpi.show(year);
			}
		});
		this.saved = new SavedQueries({
			container: this.savedPane, i18n: this.i18n, parcelApi: this.parcelApi, session: this.session, userName: this.userName,
			currentQuery: () => searchBody(this.applied || emptyQuery()),
			linkFor: (id, options = {}) => this._link({saved: String(id)}, options),
			onOpen: (item) => this._openSaved(item),
			onSaved: (item) => {
				this.savedId = String(item.id);
				this._savedQuery = normalizeQuery(item.query);
				this._writeParams({push: false});
				this.saved.setActive(item.id);
			}
		});
		this._translate();
		this._setPane('query');
		this.townsLoaded.then(() => {
			if (!this._destroyed) {
				this.results.render();
				this.kpi.render();
			}
		});
	}

	/** Escape steps back: out of drawing or picking, then the drawer on a phone, then the plan. */
	_onKey(e) {
		if (e.key !== 'Escape' || e.target.closest?.('select, .hetu-parcel-findings')) {
			return;
		}
		if (this.map.isDrawing) {
			this.map.stopDrawing();
		} else if (this.map.isPicking) {
			this.map.stopPicking();
		} else if (this.root.classList.contains('is-side-open')) {
			this._toggleSide(false);
			this.filterButton.focus();
		} else if (this.plan.isOpen) {
			this.closePlan();
		} else {
			return;
		}
		e.preventDefault();
	}

	_translate() {
		const t = (key) => this.i18n.t(key);
		this.heading.textContent = t('parcels.title');
		this.tabs.get('results').textContent = t('parcels.tab.results');
		this.tabs.get('kpi').textContent = t('parcels.tab.kpi');
		this.backText.textContent = t('page.backToMap');
		this.backButton.title = t('page.backToMap');
		this.sideTabs.get('query').textContent = t('parcels.side.query');
		this.sideTabs.get('saved').textContent = t('parcels.side.saved');
		this.side.setAttribute('aria-label', t('parcels.query.title'));
		this._drawFilterButton();
		this._drawMapStatus();
	}

	_onLocale() {
		this._translate();
		this.panel.render();
		this.results.render();
		this.plan.render();
		this.kpi.render();
		this.saved.render();
		this.map.refreshLanguage();
	}

	_drawFilterButton() {
		const n = conditionCount(this.applied || emptyQuery());
		replaceChildren(this.filterButton,
			el('span', {'aria-hidden': 'true', class: 'hetu-parcels__filter-icon'}, '☰'),
			this.i18n.t('parcels.side.open'),
			n ? el('span', {class: 'hetu-parcel-query__count'}, String(n)) : null);
	}

	_drawMapStatus() {
		const result = this.mapResult;
		if (!result) {
			this.mapStatus.hidden = true;
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const shown = result.numberReturned ?? result.features?.length ?? 0;
		const matched = result.numberMatched ?? shown;
		replaceChildren(this.mapStatus,
			el('span', {class: 'hetu-parcels__map-count', 'data-shown': String(shown), 'data-matched': String(matched)},
				matched > shown ? t('parcels.map.truncated', {shown: formatNumber(shown, this.i18n), n: formatNumber(matched, this.i18n)})
					: t('parcels.map.count', {n: formatNumber(matched, this.i18n)})),
			matched ? el('button', {type: 'button', class: 'hetu-link-button', 'data-action': 'fit-results', onclick: () => this.map.fitResults()}, t('parcels.map.fit')) : null);
		this.mapStatus.hidden = false;
	}

	_isPhone() {
		return this.window.matchMedia(PHONE).matches;
	}

	_toggleSide(force) {
		const open = force ?? !this.root.classList.contains('is-side-open');
		if (open && this._isPhone() && this.plan.isOpen) {
			// On a phone the plan is a sheet over everything: the conditions take its place.
			this.closePlan();
		}
		this.root.classList.toggle('is-side-open', open);
		this.filterButton.setAttribute('aria-expanded', String(open));
		if (open) {
			this.side.querySelector('.hetu-tab[aria-selected="true"]')?.focus({preventScroll: true});
		}
	}

	/** Resolves once the drawer's slide (if any) has ended, finished or cancelled. */
	_sideSettled() {
		getComputedStyle(this.side).transform;
		const slides = this.side.getAnimations?.() || [];
		return Promise.all(slides.map((slide) => slide.finished.catch(() => null)));
	}

	_setPane(pane) {
		for (const [name, tab] of this.sideTabs) {
			tab.setAttribute('aria-selected', String(name === pane));
			tab.tabIndex = name === pane ? 0 : -1;
		}
		this.queryPane.hidden = pane !== 'query';
		this.savedPane.hidden = pane !== 'saved';
		if (pane === 'saved') {
			this.saved.load();
		}
	}

	_setView(view) {
		this.view = view;
		this._writeParams({push: true});
		this._applyView();
	}

	_applyView() {
		this.root.dataset.view = this.view;
		for (const [name, tab] of this.tabs) {
			if (name === this.view) {
				tab.setAttribute('aria-current', 'page');
			} else {
				tab.removeAttribute('aria-current');
			}
		}
		this.work.hidden = this.view !== 'results';
		this.kpiBox.hidden = this.view !== 'kpi';
		if (this.view === 'kpi') {
			this.kpi.show(this.kpiYear);
			this._toggleSide(false);
		} else {
			this._invalidateMap();
		}
	}

	_invalidateMap() {
		this.window.requestAnimationFrame(() => this.map?.invalidate());
	}

	// ---- the link

	_currentParams() {
		const params = {};
		if (this.savedId && this.applied && sameQuery(this.applied, this._savedQuery)) {
			params.saved = this.savedId;
		} else if (this.applied) {
			Object.assign(params, queryParams(this.applied));
		}
		if (this.view === 'kpi') {
			params.view = 'kpi';
			params.year = String(this.kpiYear);
		}
		if (this.plan.isOpen) {
			params.parcel = this.plan.parcelId;
		}
		return params;
	}

	_writeParams(options = {}) {
		const params = this._currentParams();
		this.params = params;
		this.callbacks.onParams?.(params, options);
	}

	_link(params, options = {}) {
		const {relative = false} = options;
		const hash = this.href(params);
		return relative ? hash : shareUrl(this.window.location, hash);
	}

	async _copyLink() {
		await copyText(this._link(this._currentParams()));
		this.toast?.show(this.i18n.t('parcels.results.linkCopied'), {kind: 'ok'});
	}

	/** Shows what the link asks for; called on opening the page and on every change of its hash. */
	show(params = {}) {
		if (!this.root.isConnected || this.root.parentNode !== this.container) {
			// The workspace empties the page's box when another page opens (and shows "loading" meanwhile).
			this.container.replaceChildren(this.root);
			this._invalidateMap();
		}
		this.params = {...params};
		const view = params.view === 'kpi' ? 'kpi' : 'results';
		const year = Number(params.year);
		if (kpiYears().includes(year)) {
			this.kpiYear = year;
		}
		if (view !== this.view || !this._viewApplied) {
			this.view = view;
			this._viewApplied = true;
			this._applyView();
		} else if (view === 'kpi') {
			this.kpi.show(this.kpiYear);
		}
		const wanted = readQueryParams(params);
		if (wanted.invalid) {
			this.toast?.show(this.i18n.t('parcels.link.invalid'), {kind: 'error'});
			if (!this.applied) {
				this.search(emptyQuery(), {write: false});
			}
		} else if (wanted.saved) {
			if (wanted.saved !== this.savedId || !this.applied) {
				this._loadSaved(wanted.saved);
			}
		} else if (wanted.query) {
			if (!this.applied || !sameQuery(wanted.query, this.applied) || this.savedId) {
				this.savedId = null;
				this.panel.setQuery(wanted.query);
				this.search(wanted.query, {write: false});
			}
		} else if (!this.applied || conditionCount(this.applied) || this.savedId) {
			this.savedId = null;
			this.panel.setQuery(emptyQuery());
			this.search(emptyQuery(), {write: false});
		}
		const parcel = params.parcel && /^[1-9][0-9]{0,17}$/.test(params.parcel) ? params.parcel : null;
		if (parcel && parcel !== this.plan.parcelId) {
			this._openPlan(parcel, this._resultFeature(parcel));
		} else if (!parcel && this.plan.isOpen) {
			this._closePlan();
		}
	}

	// ---- saved queries

	async _loadSaved(id) {
		this.savedId = String(id);
		try {
			const saved = await this.parcelApi.savedQuery(id);
			if (this._destroyed || this.savedId !== String(id)) {
				return;
			}
			this._savedQuery = normalizeQuery(saved.query);
			this.panel.setQuery(this._savedQuery);
			this.saved.setActive(saved.id);
			this.toast?.show(this.i18n.t('parcels.saved.opened', {name: saved.name}));
			this.search(this._savedQuery, {write: false});
		} catch (error) {
			if (this._destroyed) {
				return;
			}
			this.savedId = null;
			this.toast?.show(error?.status === 404 ? this.i18n.t('parcels.saved.gone') : problemText(error, this.i18n), {kind: 'error'});
			if (!this.applied) {
				this.search(emptyQuery());
			}
		}
	}

	_openSaved(item) {
		this.savedId = String(item.id);
		this._savedQuery = normalizeQuery(item.query);
		this.panel.setQuery(this._savedQuery);
		this.saved.setActive(item.id);
		this._setPane('query');
		this.search(this._savedQuery, {push: true});
	}

	// ---- searching

	/** Runs a query: the map's matches (up to MAP_LIMIT), the first page of the table, and the shapes of its spatial conditions. */
	async search(query, options = {}) {
		const {write = true, push = false} = options;
		const q = normalizeQuery(query);
		if (this.savedId && this._savedQuery && !sameQuery(q, this._savedQuery)) {
			this.savedId = null;
			this.saved.setActive(null);
		}
		this.applied = q;
		this.page = 0;
		this.panel.setApplied(q);
		this._drawFilterButton();
		if (!this.savedPane.hidden) {
			this.saved.render();
		}
		if (write) {
			this._writeParams({push});
		}
		if (this._isPhone()) {
			this._toggleSide(false);
		}
		this.map.setPolygon(q.polygon);
		this._showConditions(q);
		this._searchController?.abort();
		const controller = this._searchController = new AbortController();
		this.root.classList.add('is-searching');
		const body = searchBody(q);
		const mapSearch = this.parcelApi.search({...body, page: 0, size: MAP_LIMIT, sort: 'code'}, {signal: controller.signal});
		const table = this._loadTable();
		try {
			const result = await mapSearch;
			if (controller !== this._searchController) {
				return;
			}
			this.mapResult = result;
			this.map.setResults(result, {fit: true});
			this.map.setMatches(body);
			this._drawMapStatus();
			if (this.plan.isOpen) {
				// A link to a plan shows that parcel, not the whole result.
				this.map.revealSelected();
			}
			if (!this._contextLoaded) {
				// Every parcel, faint under the matches: with no condition the matches are all of them.
				this._contextLoaded = true;
				if (conditionCount(q)) {
					this._loadContext();
				} else {
					this.map.setContext(result);
				}
			}
		} catch (error) {
			if (isAbort(error) || controller !== this._searchController) {
				return;
			}
			this.mapResult = null;
			this.map.setResults(null);
			this.map.setMatches(null);
			this._drawMapStatus();
			this._searchFailed(error);
		} finally {
			if (controller === this._searchController) {
				this.root.classList.remove('is-searching');
			}
		}
		await table;
	}

	/** The current page of the table, in the current order. */
	async _loadTable() {
		if (!this.applied) {
			return;
		}
		this._tableController?.abort();
		const controller = this._tableController = new AbortController();
		this.results.update({status: 'loading', sort: this.sort, page: this.page, size: TABLE_SIZE, selected: this.plan.parcelId});
		try {
			const result = await this.parcelApi.search(searchBody(this.applied, {page: this.page, size: TABLE_SIZE, sort: this.sort}), {signal: controller.signal});
			if (controller !== this._tableController) {
				return;
			}
			this.tableResult = result;
			this.results.update({status: 'ready', result, error: null});
			this.root.dataset.matched = String(result.numberMatched ?? 0);
		} catch (error) {
			if (isAbort(error) || controller !== this._tableController) {
				return;
			}
			this.results.update({status: 'error', error, result: null});
		}
	}

	_searchFailed(error) {
		if (error?.status === 400 && error.parameter === 'polygon') {
			this.panel.setProblem(this.i18n.t('parcels.draw.invalid'));
			this.map.showProblem(error.location);
			return;
		}
		if (error?.status !== 401) {
			this.toast?.show(this._errorText(error), {kind: 'error'});
		}
	}

	/** A part of the page that did not load (towns, a parcel, what a query is near): said, never swallowed. */
	_reportError(error) {
		if (!isAbort(error) && !this._destroyed) {
			this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
		}
	}

	/** What to tell about a failed search, in the user's language (the server's detail is English). */
	_errorText(error) {
		const t = (key, params) => this.i18n.t(key, params);
		if (error?.status === 400 && error.parameter === 'polygon') {
			return t('parcels.draw.invalid');
		}
		if (error?.status === 400 && error.parameter) {
			return t('parcels.query.refused', {field: this._parameterLabel(error.parameter)});
		}
		return error?.status === 403 ? t('parcels.forbidden') : t('parcels.searchFailed', {detail: problemText(error, this.i18n)});
	}

	_parameterLabel(parameter) {
		const key = `parcels.parameter.${String(parameter).split('.')[0]}`;
		return this.i18n.has(key) ? this.i18n.t(key) : parameter;
	}

	/** Every parcel, faint under the matches. */
	async _loadContext() {
		this._contextController?.abort();
		const controller = this._contextController = new AbortController();
		try {
			const all = await this.parcelApi.search({page: 0, size: MAP_LIMIT, sort: 'code'}, {signal: controller.signal});
			if (!this._destroyed) {
				this.map.setContext(all);
			}
		} catch {
			// The context is extra; the matches show without it.
		}
	}

	/** The features a distance is measured from, and the project's footprint, on the map. */
	async _showConditions(q) {
		this._extraController?.abort();
		const controller = this._extraController = new AbortController();
		const near = isNearComplete(q.near) ? q.near : null;
		if (!near) {
			this.map.setNear(null);
		}
		if (q.project === null) {
			this.map.setFootprint(null);
		}
		const jobs = [];
		if (near) {
			jobs.push(this.parcelApi.nearFeatures(near, {signal: controller.signal}).then((features) => {
				if (controller !== this._extraController) {
					return;
				}
				this.map.setNear(near.collection, features, near.distance);
				this._fitEmpty();
				if (near.ids?.length) {
					this.panel.setNearLabels(near.collection, features.features);
				}
			}).catch((error) => this._reportError(error)));
		}
		if (q.project !== null) {
			jobs.push(this.parcelApi.project(q.project, {signal: controller.signal}).then((detail) => {
				if (controller !== this._extraController) {
					return;
				}
				this.map.setFootprint(detail?.footprint || null);
				this._fitEmpty();
				this.panel.setProjectLabel(detail?.summary || null);
			}).catch((error) => this._reportError(error)));
		}
		await Promise.all(jobs);
	}

	/** With no match, the view goes to the spatial conditions once their shapes are in. */
	_fitEmpty() {
		if (this.mapResult && !this.mapResult.features?.length) {
			this.map.fitResults();
		}
	}

	/** After a plan changed: the table and the map show the new status. */
	async _refresh() {
		if (!this.applied) {
			return;
		}
		this._loadTable();
		try {
			const result = await this.parcelApi.search({...searchBody(this.applied), page: 0, size: MAP_LIMIT, sort: 'code'});
			if (!this._destroyed) {
				this.mapResult = result;
				this.map.setResults(result);
				this._drawMapStatus();
			}
		} catch {
			// The table says what failed.
		}
	}

	// ---- drawing and picking on the map

	async _draw(what) {
		if (what === null) {
			this.map.stopDrawing();
			this.map.setPolygon(null);
			return;
		}
		if (this._isPhone()) {
			// The drawer slides over the map: a tap made while it is still leaving would land on it.
			this._toggleSide(false);
			await this._sideSettled();
		}
		this.closePlan();
		try {
			await this.map.startDrawing();
		} catch (error) {
			this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
		}
	}

	async _pick(collection) {
		if (this._isPhone()) {
			this._toggleSide(false);
		}
		this.closePlan();
		try {
			await this.map.startPicking(collection, this.collectionTitle(collection));
		} catch (error) {
			this.map.stopPicking();
			this.toast?.show(problemText(error, this.i18n), {kind: 'error'});
		}
	}

	// ---- plans

	_resultFeature(id) {
		const key = String(id);
		return this.mapResult?.features?.find((f) => String(f.id) === key) || this.tableResult?.features?.find((f) => String(f.id) === key) || null;
	}

	/** Opens a parcel's plan and records it in the link. */
	openPlan(feature) {
		this._openPlan(String(feature.id), feature);
		this._writeParams({push: true});
	}

	closePlan() {
		if (!this.plan.isOpen) {
			return;
		}
		this._closePlan();
		this._writeParams({push: false});
	}

	_openPlan(id, feature) {
		if (this._isPhone()) {
			this._toggleSide(false);
		}
		this.root.classList.add('has-plan');
		this.plan.open(id, feature);
		this.results.update({selected: id});
		if (feature?.geometry) {
			this.map.setSelected(feature, {reveal: true});
		} else {
			this.map.setSelected(null);
			this.api.item('land_parcel', id).then((f) => {
				if (this.plan.parcelId === String(id)) {
					this.map.setSelected(f, {reveal: true});
				}
			}).catch((error) => this._reportError(error));
		}
		this._invalidateMap();
	}

	_closePlan() {
		this.plan.close();
		this.root.classList.remove('has-plan');
		this.map.setSelected(null);
		this.results.update({selected: null});
		this._invalidateMap();
	}

	_locate(id) {
		if (this.view !== 'results') {
			this._setView('results');
		}
		const feature = this._resultFeature(id);
		if (feature) {
			this.map.setSelected(feature);
		}
		this.map.revealSelected();
		this.mapBox.scrollIntoView?.({block: 'nearest'});
	}

	// ---- export

	async _export(format, crs) {
		if (!this.applied) {
			return;
		}
		this.results.update({exporting: format});
		try {
			const {blob, filename} = await this.parcelApi.export(searchBody(this.applied), format, crs, {}, this.i18n.locale);
			const extension = {geojson: 'geojson', csv: 'csv', shp: 'zip', gpkg: 'gpkg', kml: 'kml', xlsx: 'xlsx'}[format];
			saveBlob(blob, filename || `parcels.${extension}`);
			this.toast?.show(this.i18n.t('parcels.export.done'), {kind: 'ok'});
		} catch (error) {
			this.toast?.show(this.i18n.t('parcels.export.failed', {detail: problemText(error, this.i18n)}), {kind: 'error'});
		} finally {
			this.results.update({exporting: null});
		}
	}
}
