import {CircleMarker, Control, DomEvent, GeoJSON, Map as LeafletMap} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {THEMES, fieldsOf} from '../catalog/Schema.js';
import {AttributeFormatter} from '../format/AttributeFormatter.js';
import {ExtentLayer} from '../layers/ExtentLayer.js';
import {FeatureFilter} from '../layers/FeatureFilter.js';
import {Highlight} from '../layers/Highlight.js';
import {HistoryOverlay} from '../layers/HistoryOverlay.js';
import {PointLayer} from '../layers/PointLayer.js';
import {ProjectLayer} from '../layers/ProjectLayer.js';
import {TileInteraction} from '../layers/tiles/TileInteraction.js';
import {minZoomFor} from '../layers/tiles/minZoom.js';
import {TILED_COLLECTIONS, VectorTileLayer} from '../layers/VectorTileLayer.js';
import {DEFAULT_BASEMAP, createBasemaps} from '../map/Basemaps.js';
import {CountyOutline} from '../map/CountyOutline.js';
import {EditControl} from '../map/EditControl.js';
import {formatHash, parseHash} from '../map/HashState.js';
import {formatLayerView, parseLayerView} from '../map/LayerView.js';
import {MapButtons} from '../map/MapButtons.js';
import {DetailPanel} from '../ui/DetailPanel.js';
import {LayerPanel} from '../ui/LayerPanel.js';
import {LOGO_SVG} from '../ui/logo.js';
import {MapHint} from '../ui/MapHint.js';
import {problemText} from '../ui/problemText.js';
import {SearchBox} from '../ui/SearchBox.js';
import {UserMenu} from '../ui/UserMenu.js';
import {debounce} from '../util/debounce.js';
import {el, replaceChildren} from '../util/dom.js';
import {canPatrol, canReadRiver} from '../river/roles.js';
import {formatPage, parsePage} from './PageRoute.js';

/** Map panes above Leaflet's own, lowest first. */
const PANES = {
	'hetu-base': 150,
	'hetu-boundary': 395,
	'hetu-overdue': 405,
	'hetu-polygons': 410,
	'hetu-lines': 420,
	'hetu-base-labels': 440,
	'hetu-project-points': 590,
	'hetu-highlight': 640,
	'hetu-edit': 645,
	'hetu-edit-vertices': 660
};

/**
 * The pages beside the map: the title of each, and its module, loaded when the page first
 * opens so that the map itself loads no more than it needs.
 */
const PAGE_VIEWS = {
	changes: {titleKey: 'changes.title', load: () => import('../ui/ChangesPage.js')},
	account: {titleKey: 'account.title', load: () => import('../ui/MyAccountPage.js')},
	accounts: {titleKey: 'accounts.title', load: () => import('../ui/AccountsPage.js')},
	projects: {titleKey: 'projects.title', load: () => import('../ui/ProjectsPage.js')},
	project: {titleKey: 'project.title', load: () => import('../ui/ProjectPage.js')},
	dashboard: {titleKey: 'dashboard.title', load: () => import('../ui/DashboardPage.js')},
	parcels: {titleKey: 'parcels.title', load: () => import('../parcels/ParcelsPage.js')},
	patrol: {titleKey: 'river.patrol.title', load: () => import('../river/PatrolPage.js')},
	issues: {titleKey: 'river.issues.title', load: () => import('../river/IssuesPage.js')},
	bulletin: {titleKey: 'river.bulletin.pageTitle', load: () => import('../river/BulletinPage.js')},
	chiefs: {titleKey: 'river.chiefs.title', load: () => import('../river/ChiefsPage.js')},
	imports: {titleKey: 'imports.title', load: () => import('../imports/ImportsPage.js')},
	constraints: {titleKey: 'constraints.title', load: () => import('../land/ConstraintsPage.js')}
};

/** The header's links: the map and the pages leaders use most. */
const NAV = [['map', 'nav.map'], ['projects', 'nav.projects'], ['parcels', 'nav.parcels'], ['dashboard', 'nav.dashboard']];

const FALLBACK_CONFIG = {center: [116.3, 33.25], zoom: 10, tiandituKey: ''};
const PHONE = '(max-width: 720px)';

/** Classes and data attributes the workspace puts on the root, taken off again when it goes. */
const ROOT_CLASSES = ['is-starting', 'is-loading', 'is-panel-open', 'is-panel-collapsed', 'has-detail', 'is-filtered', 'has-page', 'is-anonymous',
	'is-editing', 'is-picking', 'has-layer-view'];
const ROOT_DATA = ['ready', 'loading', 'basemap', 'page'];

/**
 * What a signed-in user (or an anonymous visitor, when some collections are public) works
 * in: the header with search, language and account menu; the map with its layers, panel and
 * details (with each feature's history); and the pages beside the map (recent changes, my
 * account, account administration), all kept in step with the URL hash. State lives here;
 * the views only draw it. Built after signing in and destroyed on signing out, so nothing
 * of one user's data outlives their session on screen.
 */
export class MapWorkspace {
	constructor(options) {
		const {root, container, api, i18n, session, preferences, toast, window: win = globalThis.window, onSignIn, onSignOut, onToggleLocale} = options;
		Object.assign(this, {root, container, api, i18n, session, preferences, toast, window: win});
		this.callbacks = {onSignIn, onSignOut, onToggleLocale};
		this.selection = null;
		this.layers = new Map();
		this.pages = new Map();
		this.page = null;
		this.state = {
			filter: new FeatureFilter(),
			visible: new Set(),
			counts: null,
			drawn: new Map(),
			loading: new Set(),
			basemap: DEFAULT_BASEMAP,
			// Layers narrowed by a property filter (a dashboard tile's map view), with their status
			// counts under the same filters; until those arrive, by what is drawn.
			narrowed: new Set(),
			narrowedCounts: new Map(),
			// Layers not drawn at the current zoom (a large collection far out).
			belowMinZoom: new Set()
		};
		this.layerView = null;
		this.picking = null;
		this._lastHash = null;
		this._mapHash = '';
		this._destroyed = false;
		this._cleanups = [];
	}

	async start() {
		this._buildShell();
		this._cleanups.push(this.i18n.onChange(() => this._onLocaleChange()));
		this._translateShell();

		let config;
		let layers;
		let departments;
		try {
			[config, layers, departments] = await Promise.all([
				this.api.config().catch(() => FALLBACK_CONFIG),
				this.api.layers(),
				this.api.departments().catch(() => [])
			]);
		} catch (error) {
			if (!this._destroyed) {
				this._showFatal(error);
			}
			return;
		}
		if (this._destroyed) {
			return;
		}
		this.config = {...FALLBACK_CONFIG, ...config};
		if (this.session.authenticated && canPatrol(this.session)) {
			this._startUploads();
		}
		this.layerInfo = [...layers].sort((a, b) => THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme));
		this.departments = departments;
		this.state.visible = new Set(this.layerInfo.map((l) => l.id));

		const hash = this.window.location.hash;
		const page = parsePage(hash);
		const layerView = page ? null : parseLayerView(hash);
		const {feature, view} = page ? {feature: null, view: null} : layerView ? {feature: null, view: layerView.view} : parseHash(hash);
		this._fitCountyWhenLoaded = !feature && !view;
		this._createMap(view);
		this._createLayers();
		this._createPanels();
		this._createEditing();
		this._setBasemap(this._initialBasemap(), {remember: false});
		this.root.classList.remove('is-starting');
		if (page) {
			this._mapHash = formatHash(this._hashState());
			this._openPage(page.name, page.params);
		} else if (layerView) {
			this._applyLayerView(layerView);
			this._writeHash({push: false});
		} else if (feature) {
			this.openFeature(feature.collection, feature.id, {fit: !view, push: false});
		} else {
			this._writeHash({push: false});
		}
		// After a layer view is applied, so that its layer's first tiles are already the narrowed ones.
		if (!this.layerView) {
			for (const id of this.state.visible) {
				this.layers.get(id)?.addTo(this.map);
			}
		}
		const onHashChange = () => this._onHashChange();
		this.window.addEventListener('hashchange', onHashChange);
		this._cleanups.push(() => this.window.removeEventListener('hashchange', onHashChange));
		this._refreshCounts();
		this._refreshOverdue();
		this.root.dataset.ready = 'true';
	}

	/** Takes everything down: map, layers, panels, pages, listeners; the URL hash stays as it is. */
	destroy() {
		this._destroyed = true;
		this._openController?.abort();
		this._countsController?.abort();
		this._narrowedController?.abort();
		this._overdueController?.abort();
		for (const cleanup of this._cleanups.splice(0)) {
			cleanup();
		}
		this.editor?.destroy();
		this.mapHint?.destroy();
		for (const view of [this.panel, this.detail, this.search, this.userMenu, ...this.pages.values()]) {
			view?.destroy?.();
		}
		if (this._panelFrame) {
			this.window.cancelAnimationFrame(this._panelFrame);
		}
		this.map?.remove();
		this.map = null;
		this.layers.clear();
		this.root.classList.remove(...ROOT_CLASSES);
		for (const name of ROOT_DATA) {
			delete this.root.dataset[name];
		}
		this.container.replaceChildren();
	}

	// ---- language and preferences

	_initialBasemap() {
		const wanted = this.preferences.get('basemap', DEFAULT_BASEMAP);
		return this.basemaps.some((b) => b.id === wanted) ? wanted : DEFAULT_BASEMAP;
	}

	_onLocaleChange() {
		this._translateShell();
		if (!this.map) {
			return;
		}
		this._setAttribution();
		for (const basemap of this.basemaps) {
			basemap.layer.refreshLabels?.();
			basemap.layer.setEnglish?.(!this.i18n.isChinese);
		}
	}

	/** Sends what an earlier visit left in the patrol upload queue, whichever page opens first. */
	_startUploads() {
		import('../river/uploads.js').then(({uploadQueue, stopUploads}) => {
			if (this._destroyed) {
				return;
			}
			uploadQueue({api: this.api, owner: this.session.username, window: this.window});
			this._cleanups.push(stopUploads);
		}, () => {});
	}

	// ---- page shell

	_buildShell() {
		const doc = this.window.document;
		this.menuButton = el('button', {
			type: 'button', class: 'hetu-icon-button hetu-header__menu', 'aria-controls': 'hetu-panel', 'aria-expanded': 'false',
			html: '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>',
			onclick: () => this._togglePanel()
		});
		this.brandTitle = el('h1', {class: 'hetu-brand__title'});
		this.brandSubtitle = el('p', {class: 'hetu-brand__subtitle'});
		this.navLinks = new Map(NAV.map(([page]) => [page, el('a', {
			class: 'hetu-nav__link', href: page === 'map' ? '#' : `#/${page}`, 'data-nav': page,
			onclick: (e) => {
				e.preventDefault();
				if (page === 'map') {
					this._closePage();
				} else {
					this.navigate(page);
				}
			}
		})]));
		this.nav = el('nav', {class: 'hetu-nav'}, [...this.navLinks.values()]);
		this.searchSlot = el('div', {class: 'hetu-header__search'});
		this.langButton = el('button', {type: 'button', class: 'hetu-lang', 'data-action': 'language', onclick: () => this.callbacks.onToggleLocale()});
		this.userSlot = el('div', {class: 'hetu-header__user'});
		this.header = el('header', {class: 'hetu-header'},
			this.menuButton,
			el('a', {class: 'hetu-brand', href: '#', html: LOGO_SVG, onclick: (e) => {
				e.preventDefault();
				this._closePage();
			}}, el('div', {class: 'hetu-brand__text'}, this.brandTitle, this.brandSubtitle)),
			this.session.authenticated ? this.nav : null,
			this.searchSlot, this.langButton, this.userSlot);
		this.panelElement = el('aside', {class: 'hetu-panel', id: 'hetu-panel'});
		this.mapElement = el('div', {class: 'hetu-map', id: 'hetu-map', role: 'region'});
		this.detailElement = el('aside', {class: 'hetu-detail', id: 'hetu-detail'});
		this.editorElement = el('aside', {class: 'hetu-editor', id: 'hetu-editor', hidden: true, 'aria-label': ''});
		this.layerViewBar = el('div', {class: 'hetu-layer-view', hidden: true, role: 'status'});
		this.pageTitle = el('h2', {class: 'hetu-page__title', id: 'hetu-page-title'});
		this.pageBack = el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-page__back', 'data-action': 'back-to-map',
			onclick: () => this._closePage()});
		this.pageBody = el('div', {class: 'hetu-page__body'});
		this.pageElement = el('section', {class: 'hetu-page', id: 'hetu-page', hidden: true, 'aria-labelledby': 'hetu-page-title', tabindex: '-1'},
			el('div', {class: 'hetu-page__inner'},
				el('div', {class: 'hetu-page__bar'}, this.pageTitle, this.pageBack),
				this.pageBody));
		this.scrim = el('div', {class: 'hetu-scrim', onclick: () => this._togglePanel(false)});
		this.loadbar = el('div', {class: 'hetu-loadbar', 'aria-hidden': 'true'});
		this.message = el('div', {class: 'hetu-startup', role: 'status'});
		replaceChildren(this.container, this.header,
			el('div', {class: 'hetu-body'}, this.panelElement, this.mapElement, this.detailElement, this.editorElement, this.pageElement, this.scrim, this.loadbar, this.message));
		this.root.classList.add('hetu', 'is-starting');
		this.root.classList.toggle('is-anonymous', !this.session.authenticated);
		const onKey = (e) => {
			if (e.key === 'Escape' && this.detail?.isOpen && !this.page && !e.target.closest?.('.hetu-search, .hetu-header__user')) {
				this.closeDetail();
			}
		};
		doc.addEventListener('keydown', onKey);
		this._cleanups.push(() => doc.removeEventListener('keydown', onKey));
		this.userMenu = new UserMenu({
			container: this.userSlot,
			i18n: this.i18n,
			session: this.session,
			roleName: (role) => this._roleName(role),
			departmentName: (code) => this._departmentName(code),
			riverPages: () => (canPatrol(this.session) ? ['patrol', 'issues', 'bulletin', 'chiefs'] : canReadRiver(this.session) ? ['issues', 'bulletin', 'chiefs'] : []),
			onNavigate: (page) => (page === 'map' ? this._closePage() : this.navigate(page)),
			onSignIn: () => this.callbacks.onSignIn(),
			onSignOut: () => this.callbacks.onSignOut()
		});
	}

	_translateShell() {
		const t = (key) => this.i18n.t(key);
		this.brandTitle.textContent = t('app.title');
		this.brandSubtitle.textContent = t('app.subtitle');
		this.langButton.textContent = t('lang.switchTo');
		this.langButton.title = t('lang.switchTitle');
		this.langButton.setAttribute('aria-label', t('lang.switchTitle'));
		this.langButton.lang = this.i18n.isChinese ? 'en' : 'zh-CN';
		this.menuButton.title = t('panel.open');
		this.menuButton.setAttribute('aria-label', t('panel.open'));
		this.mapElement.setAttribute('aria-label', t('map.label'));
		this.pageBack.textContent = t('page.backToMap');
		this.nav.setAttribute('aria-label', t('nav.label'));
		for (const [page, key] of NAV) {
			this.navLinks.get(page).textContent = t(key);
		}
		this.editorElement.setAttribute('aria-label', t('edit.panel'));
		this._drawLayerViewBar();
		if (this.page) {
			this.pageTitle.textContent = t(PAGE_VIEWS[this.page.name].titleKey);
		}
		if (this.root.classList.contains('is-starting')) {
			this.message.textContent = t('app.loading');
		}
	}

	_showFatal(error) {
		const t = (key, params) => this.i18n.t(key, params);
		this.message.replaceChildren(
			el('p', {}, t('app.loadFailed', {detail: this._errorText(error)})),
			el('button', {type: 'button', class: 'hetu-button', onclick: () => this.window.location.reload()}, t('app.reload')));
		this.message.classList.add('is-error');
	}

	_errorText(error) {
		return problemText(error, this.i18n);
	}

	_roleName(role) {
		const key = `role.${role}`;
		return this.i18n.has(key) ? this.i18n.t(key) : role;
	}

	_userName(username) {
		return username === 'system' ? this.i18n.t('history.system') : username;
	}

	_isPhone() {
		return this.window.matchMedia(PHONE).matches;
	}

	_togglePanel(force) {
		if (this._isPhone()) {
			const open = force ?? !this.root.classList.contains('is-panel-open');
			this.root.classList.toggle('is-panel-open', open);
			this.menuButton.setAttribute('aria-expanded', String(open));
		} else {
			const collapsed = force === undefined ? !this.root.classList.contains('is-panel-collapsed') : !force;
			this.root.classList.toggle('is-panel-collapsed', collapsed);
			this.menuButton.setAttribute('aria-expanded', String(!collapsed));
			this.map?.invalidateSize();
		}
	}

	// ---- pages beside the map

	/** Opens a page (changes, account, accounts) and records it in the URL. */
	navigate(name, params = {}, options = {}) {
		const {push = true} = options;
		if (!this.session.authenticated) {
			this.callbacks.onSignIn();
			return;
		}
		const hash = formatPage(name, params);
		this._setHash(hash, {push});
		this._openPage(name, params);
	}

	/** The view of a page, made (and its module loaded) the first time it opens. */
	async _pageView(name) {
		if (!this.pages.has(name)) {
			const module = await PAGE_VIEWS[name].load();
			if (this._destroyed) {
				return null;
			}
			if (this.pages.has(name)) {
				return this.pages.get(name);
			}
			// Each page draws into its own element, so that an answer arriving after the user moved
			// on draws into a page that is no longer on show, never over the one that is.
			const container = el('div', {class: 'hetu-page__view', 'data-view': name});
			const common = {container, i18n: this.i18n, api: this.api, session: this.session};
			let view;
			if (name === 'changes') {
				view = new module.ChangesPage({
					...common,
					layers: this.layerInfo,
					collectionTitle: (id) => this._collectionTitle(id),
					userName: (username) => this._userName(username),
					featureHref: (collection, id) => formatHash({feature: {collection, id: String(id)}}),
					onOpenFeature: (collection, id) => {
						this._closePage({restoreHash: false});
						this._onSearchSelect({collection, id});
					},
					onFilter: (params) => this.navigate('changes', params, {push: false})
				});
			} else if (name === 'projects') {
				view = new module.ProjectsPage({
					...common,
					departments: this.departments,
					departmentName: (code) => this._departmentName(code),
					mapBbox: () => this._mapBbox(),
					onParams: (params) => this.navigate('projects', params, {push: false}),
					onOpen: (id) => this.navigate('project', {id: String(id)})
				});
			} else if (name === 'project') {
				view = new module.ProjectPage({
					...common,
					departments: this.departments,
					departmentName: (code) => this._departmentName(code),
					collectionTitle: (id) => this._collectionTitle(id),
					formatter: this.formatter,
					county: this.county,
					onOpenFeature: (collection, id) => {
						this._closePage({restoreHash: false});
						this._onSearchSelect({collection, id});
					},
					onShowOnMap: (id) => {
						this._closePage({restoreHash: false});
						this._onSearchSelect({collection: 'project', id});
					},
					onEditFootprint: (id) => this._editFootprint(id),
					onPickAsset: (project) => this._startPick(project),
					onList: () => this.navigate('projects', this._projectsParams || {}),
					onChanged: () => this._projectChanged(),
					onDeleted: () => {
						this._projectChanged();
						this.toast.show(this.i18n.t('project.deleted'), {kind: 'ok'});
						this.navigate('projects', this._projectsParams || {}, {push: false});
					}
				});
			} else if (name === 'dashboard') {
				view = new module.DashboardPage({
					...common,
					collectionTitle: (id) => this._collectionTitle(id),
					departmentName: (code) => this._departmentName(code),
					onNavigate: (hash) => this._goTo(hash)
				});
			} else if (name === 'parcels') {
				view = new module.ParcelsPage({
					...common,
					layers: this.layerInfo,
					collectionTitle: (id) => this._collectionTitle(id),
					userName: (username) => this._userName(username),
					county: this.county,
					toast: this.toast,
					window: this.window,
					onParams: (params, options = {}) => this.navigate('parcels', params, {push: Boolean(options.push)}),
					onBack: () => this._closePage()
				});
			} else if (name === 'patrol') {
				view = new module.PatrolPage({...common, county: this.county, toast: this.toast, window: this.window});
			} else if (name === 'issues') {
				view = new module.IssuesPage({...common, onParams: (params, options = {}) => this.navigate('issues', params, {push: Boolean(options.push)})});
			} else if (name === 'bulletin') {
				view = new module.BulletinPage({...common, county: this.county, window: this.window, onParams: (params) => this.navigate('bulletin', params)});
			} else if (name === 'chiefs') {
				view = new module.ChiefsPage({...common, county: this.county});
			} else if (name === 'imports') {
				view = new module.ImportsPage({
					...common,
					layers: this.layerInfo,
					collectionTitle: (id) => this._collectionTitle(id),
					county: this.county,
					toast: this.toast,
					mapBbox: () => this._mapBbox(),
					onParams: (params) => this.navigate('imports', params, {push: false}),
					// A layer the import created is not on this map yet: the page loads again with it.
					onOpenLayer: (id, created) => {
						this._goTo(`#/layer/${id}`);
						if (created) {
							this.window.location.reload();
						}
					}
				});
			} else if (name === 'constraints') {
				view = new module.ConstraintsPage({...common, onOpenProject: (id) => this.navigate('project', {id: String(id)}),
					onOpenParcel: (id) => this.navigate('parcels', {parcel: String(id)})});
			} else if (name === 'account') {
				view = new module.MyAccountPage({
					...common,
					roleName: (role) => this._roleName(role),
					departmentName: (code) => this._departmentName(code),
					ogcUrl: `${this.window.location.origin}/ogc`
				});
			} else {
				view = new module.AccountsPage({
					...common,
					departments: this.departments,
					roleName: (role) => this._roleName(role),
					departmentName: (code) => this._departmentName(code),
					collectionTitle: (id) => this._collectionTitle(id)
				});
			}
			this.pages.set(name, view);
		}
		return this.pages.get(name);
	}

	_openPage(name, params = {}, options = {}) {
		if (!this.session.authenticated) {
			this.callbacks.onSignIn();
			return;
		}
		if (this.editor?.active) {
			this.editor.cancel();
		}
		this._stopPick();
		const changed = this.page?.name !== name || (name === 'project' && this.page?.params.id !== params.id);
		if (name === 'projects') {
			this._projectsParams = params;
		}
		this.page = {name, params};
		this._markNav(name);
		this.root.classList.add('has-page');
		this.root.dataset.page = name;
		this.pageElement.hidden = false;
		this.pageElement.dataset.page = name;
		this.pageTitle.textContent = this.i18n.t(PAGE_VIEWS[name].titleKey);
		if (this._isPhone()) {
			this._togglePanel(false);
		}
		if (changed) {
			this.pageBody.replaceChildren(el('p', {class: 'hetu-hint hetu-page__status'}, this.i18n.t('common.loading')));
			this.pageElement.scrollTop = 0;
		}
		const token = this._pageToken = {};
		this._pageView(name).then((view) => {
			if (!view || this._destroyed || token !== this._pageToken) {
				return;
			}
			if (this.pageBody.firstChild !== view.container || this.pageBody.childNodes.length !== 1) {
				this.pageBody.replaceChildren(view.container);
			}
			view.show(params, {reload: changed, ...options});
			if (changed) {
				this.pageElement.focus({preventScroll: true});
			}
		}, (error) => {
			if (!this._destroyed && token === this._pageToken) {
				this.pageBody.replaceChildren(el('p', {class: 'hetu-page__status hetu-page__status--error', role: 'alert'}, this._errorText(error)),
					el('button', {type: 'button', class: 'hetu-button', onclick: () => this.window.location.reload()}, this.i18n.t('app.reload')));
			}
		});
	}

	/** Marks the header link of what is on show (the map, or a page and its relatives). */
	_markNav(name) {
		const current = name === 'project' ? 'projects' : name || 'map';
		for (const [page, link] of this.navLinks) {
			if (page === current) {
				link.setAttribute('aria-current', 'page');
			} else {
				link.removeAttribute('aria-current');
			}
		}
	}

	/** Follows an application link (a page, a layer view or a feature), as the hash would. */
	_goTo(hash) {
		if (hash === this.window.location.hash) {
			this._lastHash = null;
			this._onHashChange();
			return;
		}
		this.window.location.hash = hash;
	}

	/** The map's view as [minLon, minLat, maxLon, maxLat]. */
	_mapBbox() {
		if (!this.map) {
			return null;
		}
		const b = this.map.getBounds();
		return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
	}

	/** Back to the map, at the view it had before the page opened. */
	_closePage(options = {}) {
		const {restoreHash = true} = options;
		if (!this.page) {
			return;
		}
		this.page = null;
		this._pageToken = null;
		this._markNav('map');
		this.root.classList.remove('has-page');
		delete this.root.dataset.page;
		this.pageElement.hidden = true;
		this.pageBody.replaceChildren();
		if (restoreHash) {
			this._setHash(this._mapHash || formatHash(this._hashState()), {push: true});
		}
		this.map?.invalidateSize();
	}

	_setHash(hash, options = {}) {
		const {push = true} = options;
		const {location, history} = this.window;
		if (hash !== location.hash) {
			const url = `${location.pathname}${location.search}${hash}`;
			if (push) {
				history.pushState(null, '', url);
			} else {
				history.replaceState(null, '', url);
			}
		}
		this._lastHash = hash;
	}

	// ---- map

	/** Creates the map at `view` (from the URL) or at the configured centre and zoom. */
	_createMap(view) {
		const {center, zoom} = this.config;
		const map = this.map = new LeafletMap(this.mapElement, {
			center: view ? [view.lat, view.lon] : [center[1], center[0]],
			zoom: view ? view.zoom : zoom,
			minZoom: 6, maxZoom: 19,
			zoomControl: false, attributionControl: false,
			zoomSnap: 0.5, wheelPxPerZoomLevel: 90
		});
		for (const [name, zIndex] of Object.entries(PANES)) {
			const pane = map.createPane(name);
			pane.style.zIndex = String(zIndex);
			if (/base|boundary|highlight/.test(name)) {
				pane.style.pointerEvents = 'none';
			}
		}
		this.attribution = new Control.Attribution({prefix: '<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>'}).addTo(map);
		new Control.Scale({metric: true, imperial: false, position: 'bottomleft'}).addTo(map);
		new MapButtons({i18n: this.i18n, onHome: () => this._home(), onLocate: () => this._locate()}).addTo(map);

		this.county = this.api.basemap('county');
		this.county.then((geojson) => {
			this.countyBounds = new GeoJSON(geojson).getBounds();
			new CountyOutline(geojson).addTo(map);
			if (this._fitCountyWhenLoaded && this.countyBounds.isValid()) {
				map.fitBounds(this.countyBounds, {padding: [16, 16], animate: false});
			}
		}).catch((error) => this._reportError(error));
		this.county.catch(() => {});

		this.highlight = new Highlight().addTo(map);
		this.historyOverlay = new HistoryOverlay().addTo(map);
		this.basemaps = createBasemaps({api: this.api, i18n: this.i18n, county: this.county, tiandituKey: this.config.tiandituKey});
		for (const basemap of this.basemaps) {
			basemap.layer.on?.('error', (e) => this._reportError(e.error));
		}
		map.on('moveend', debounce(() => this._writeHash({push: false}), 300));
		map.on('locationfound', (e) => this._showLocation(e));
		map.on('locationerror', () => this.toast.show(this.i18n.t('map.locateFailed'), {kind: 'error'}));
	}

	_setBasemap(id, options = {}) {
		const {remember = true} = options;
		const next = this.basemaps.find((b) => b.id === id) || this.basemaps[0];
		for (const basemap of this.basemaps) {
			if (basemap !== next && this.map.hasLayer(basemap.layer)) {
				this.map.removeLayer(basemap.layer);
			}
		}
		this.map.addLayer(next.layer);
		this.state.basemap = next.id;
		this.root.dataset.basemap = next.id;
		if (remember) {
			this.preferences.set('basemap', next.id);
		}
		this._setAttribution();
		this.panel?.update();
	}

	_setAttribution() {
		if (this._attributionText) {
			this.attribution.removeAttribution(this._attributionText);
		}
		const basemap = this.basemaps.find((b) => b.id === this.state.basemap);
		this._attributionText = basemap ? this.i18n.t(basemap.attributionKey) : '';
		if (this._attributionText) {
			this.attribution.addAttribution(this._attributionText);
		}
	}

	_home() {
		if (this.countyBounds?.isValid()) {
			this.map.flyToBounds(this.countyBounds, {padding: [20, 20], duration: 0.6});
		} else {
			const {center, zoom} = this.config;
			this.map.flyTo([center[1], center[0]], zoom, {duration: 0.6});
		}
	}

	_locate() {
		this.map.locate({setView: true, maxZoom: 16, enableHighAccuracy: true});
	}

	_showLocation(e) {
		this._locationMarker?.remove();
		this._locationMarker = new CircleMarker(e.latlng, {
			pane: 'hetu-highlight', radius: 8, color: '#FFFFFF', weight: 3, fillColor: '#0072B2', fillOpacity: 1, interactive: false
		}).addTo(this.map);
	}

	// ---- layers

	_createLayers() {
		for (const info of this.layerInfo) {
			const common = {collection: info.id, api: this.api, featureFilter: this.state.filter};
			const extent = {
				...common, geometryType: info.geometryType,
				pane: /Polygon|Geometry/.test(info.geometryType) ? 'hetu-polygons' : 'hetu-lines',
				// Project points sit under the asset markers, a size larger: an asset with a project
				// at the same place shows the project's star around it and stays clickable.
				...(info.geometryType === 'Geometry' ? {markerPane: 'hetu-project-points', markerSize: 36} : {})
			};
			let layer;
			if (info.geometryType === 'Point') {
				layer = new PointLayer(common);
			} else if (TILED_COLLECTIONS.includes(info.id)) {
				layer = new VectorTileLayer({...common, pane: extent.pane, minZoom: minZoomFor(info.count)});
			} else if (info.id === 'project') {
				layer = new ProjectLayer(extent);
			} else {
				layer = new ExtentLayer(extent);
			}
			layer.on('loading', () => this._setLoading(info.id, true));
			layer.on('load', (e) => {
				if (this._destroyed) {
					return;
				}
				this._setLoading(info.id, false);
				if (e.numberMatched > e.numberReturned) {
					this.toast.show(this.i18n.t('layer.truncated', {layer: this._collectionTitle(info.id), n: e.numberReturned}));
				}
			});
			layer.on('error', (e) => {
				if (this._destroyed) {
					return;
				}
				this._setLoading(info.id, false);
				if (e.error?.status === 401 && !this.session.authenticated) {
					return;
				}
				this.toast.show(this.i18n.t('layer.failed', {layer: this._collectionTitle(info.id), detail: this._errorText(e.error)}), {kind: 'error'});
			});
			layer.on('capped', () => this.toast.show(this.i18n.t('layer.zoomIn', {layer: this._collectionTitle(info.id)})));
			layer.on('drawn', (e) => {
				this.state.drawn.set(info.id, e.count);
				this._schedulePanelUpdate();
				if (this.layerView?.collection === info.id) {
					this._drawLayerViewBar();
				}
			});
			layer.on('featureclick', (e) => this._onFeatureClick(e));
			this.layers.set(info.id, layer);
		}
		const tiled = [...this.layers.values()].filter((layer) => layer instanceof VectorTileLayer)
			// Lines lie above areas, so a ditch across a parcel is what a click on it hits.
			.sort((a, b) => (b.options.pane === 'hetu-lines') - (a.options.pane === 'hetu-lines'));
		const interaction = new TileInteraction({map: this.map, layers: () => tiled.filter((layer) => this.map.hasLayer(layer))});
		this._cleanups.push(() => interaction.destroy());
		// Tiled layers that are left out at this zoom (large collections, see minZoomFor), for the panel's hint.
		const markZoom = () => {
			const zoom = Math.round(this.map.getZoom());
			this.state.belowMinZoom = new Set(tiled.filter((layer) => zoom < (layer.options.minZoom || 0)).map((layer) => layer.options.collection));
			this._schedulePanelUpdate();
		};
		this.map.on('zoomend', markZoom);
		markZoom();
	}

	/** A feature clicked on the map; one from a vector tile carries only a few attributes, so it is loaded whole. */
	async _onFeatureClick(e) {
		if (this.editor?.active) {
			return;
		}
		if (this.picking) {
			try {
				this._picked(e.collection, e.partial ? await this.api.item(e.collection, e.feature.id) : e.feature);
			} catch (error) {
				this._reportError(error);
			}
			return;
		}
		if (e.partial) {
			this.openFeature(e.collection, e.feature.id, {fit: false, push: true});
		} else {
			this.select(e.collection, e.feature, {fit: false, push: true});
		}
		this._reveal(e.latlng);
	}

	_setLoading(id, loading) {
		if (this._destroyed) {
			return;
		}
		if (loading) {
			this.state.loading.add(id);
		} else {
			this.state.loading.delete(id);
		}
		this.root.classList.toggle('is-loading', this.state.loading.size > 0);
		this.root.dataset.loading = String(this.state.loading.size);
		this._schedulePanelUpdate();
	}

	_schedulePanelUpdate() {
		if (this._panelFrame || !this.panel) {
			return;
		}
		this._panelFrame = this.window.requestAnimationFrame(() => {
			this._panelFrame = null;
			this.panel.update();
		});
	}

	setLayerVisible(id, visible) {
		const layer = this.layers.get(id);
		if (!layer) {
			return;
		}
		if (visible) {
			this.state.visible.add(id);
			this.map.addLayer(layer);
		} else {
			this.state.visible.delete(id);
			this.map.removeLayer(layer);
			this._setLoading(id, false);
		}
		this.panel.update();
	}

	setFilter(filter) {
		const departmentChanged = filter.department !== this.state.filter.department;
		this.state.filter = filter;
		for (const layer of this.layers.values()) {
			layer.setFeatureFilter(filter);
		}
		this.root.classList.toggle('is-filtered', !filter.isDefault);
		this.panel.update();
		if (departmentChanged) {
			this._refreshCounts();
		}
		this._refreshNarrowedCounts();
	}

	/**
	 * The status counts of a layer narrowed by properties, counted by the server under the same
	 * property and department filters: what its tiles draw is only the part in view.
	 */
	async _refreshNarrowedCounts() {
		this._narrowedController?.abort();
		this.state.narrowedCounts = new Map();
		const collection = this.layerView?.collection;
		if (!collection || !this.state.narrowed.has(collection)) {
			return;
		}
		const controller = this._narrowedController = new AbortController();
		const {department} = this.state.filter;
		try {
			const counts = await this.api.collectionCounts(collection, {...this.layerView.filter, department: department || undefined},
				{signal: controller.signal});
			if (controller === this._narrowedController && counts && typeof counts === 'object') {
				this.state.narrowedCounts.set(collection, counts);
			}
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
		}
		if (!this._destroyed) {
			this._drawLayerViewBar();
			this.panel.update();
		}
	}

	async _refreshCounts() {
		this._countsController?.abort();
		const controller = this._countsController = new AbortController();
		const {department} = this.state.filter;
		try {
			const counts = await this.api.counts(department ? {department} : {}, {signal: controller.signal});
			this.state.counts = counts && typeof counts === 'object' ? counts : null;
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			this.state.counts = null;
		}
		if (!this._destroyed) {
			this.panel.update();
		}
	}

	// ---- panels

	_collectionTitle(id) {
		const info = this.layerInfo?.find((l) => l.id === id);
		return (info && this.i18n.pick(info.titleZh, info.titleEn)) || this.i18n.t(`collection.${id}`);
	}

	_departmentName(code) {
		const department = this.departments?.find((d) => d.code === code);
		const key = `department.${code}`;
		return (department && this.i18n.pick(department.nameZh, department.nameEn)) || (this.i18n.has(key) ? this.i18n.t(key) : code);
	}

	_createPanels() {
		this.panel = new LayerPanel({
			container: this.panelElement,
			i18n: this.i18n,
			layers: this.layerInfo,
			departments: this.departments,
			basemaps: this.basemaps,
			state: this.state,
			onLayerToggle: (id, on) => this.setLayerVisible(id, on),
			onThemeToggle: (theme, on) => this.layerInfo.filter((l) => l.theme === theme).forEach((l) => this.setLayerVisible(l.id, on)),
			onStatusToggle: (status, on) => this.setFilter(this.state.filter.withStatus(status, on)),
			onDepartment: (code) => this.setFilter(this.state.filter.withDepartment(code)),
			onReset: () => this.setFilter(new FeatureFilter()),
			onBasemap: (id) => this._setBasemap(id),
			onClose: () => this._togglePanel(false)
		});
		this.detail = new DetailPanel({
			container: this.detailElement,
			i18n: this.i18n,
			collectionTitle: (id) => this._collectionTitle(id),
			fieldTitle: (collection, key) => this.layerInfo.find((l) => l.id === collection)?.fieldTitles?.[key] ?? null,
			departmentName: (code) => this._departmentName(code),
			shareUrl: (collection, id) => this._shareUrl(collection, id),
			onClose: () => this.closeDetail(),
			onZoom: (feature) => this._fitFeature(feature),
			onOpenFeature: (collection, id) => this.openFeature(collection, id, {fit: true, push: true}),
			canEdit: (collection) => this.session.canEdit(collection),
			onEdit: this.session.authenticated ? (collection, feature) => this._edit(collection, feature) : null,
			onOpenProject: this.session.authenticated ? (id) => this.navigate('project', {id: String(id)}) : null,
			history: this.session.authenticated ? {
				load: (collection, id, options) => this.api.history(collection, id, options),
				canRestore: (collection) => this.session.canEdit(collection),
				onRestore: (collection, id, change) => this._restore(collection, id, change),
				onShowVersion: (version) => this._showVersion(version),
				userName: (username) => this._userName(username)
			} : null
		});
		this.search = new SearchBox({
			container: this.searchSlot,
			i18n: this.i18n,
			api: this.api,
			collectionTitle: (id) => this._collectionTitle(id),
			onSelect: (result) => this._onSearchSelect(result)
		});
	}

	// ---- editing on the map

	_createEditing() {
		this.formatter = this.formatter || new AttributeFormatter({i18n: this.i18n, departmentName: (code) => this._departmentName(code)});
		this.mapHint = new MapHint({container: this.mapElement});
		this.mapElement.append(this.layerViewBar);
		DomEvent.disableClickPropagation(this.layerViewBar);
		this._drawLayerViewBar();
		if (!this.session.authenticated) {
			return;
		}
		const creatable = this.layerInfo.filter((l) => l.id !== 'project' && this.session.canEdit(l.id));
		if (creatable.length) {
			this.editControl = new EditControl({
				i18n: this.i18n,
				collections: creatable.map((l) => ({id: l.id, geometryType: l.geometryType, title: () => this._collectionTitle(l.id)})),
				onCreate: (id) => this._create(id)
			}).addTo(this.map);
		}
	}

	/** The editor, loaded and made the first time someone edits. */
	async _editor() {
		if (this.editor) {
			return this.editor;
		}
		const {MapEditor} = await import('../edit/MapEditor.js');
		if (this._destroyed) {
			throw Object.assign(new Error('gone'), {name: 'AbortError'});
		}
		this.editor = this.editor || new MapEditor({
			map: this.map, api: this.api, i18n: this.i18n, session: this.session, container: this.editorElement, hint: this.mapHint,
			toast: this.toast, departments: this.departments, departmentName: (code) => this._departmentName(code),
			collectionTitle: (id) => this._collectionTitle(id), formatter: this.formatter,
			geometryTypeOf: (id) => this.layerInfo.find((l) => l.id === id)?.geometryType || 'Geometry',
			onEditing: (collection, id) => this._onEditing(collection, id),
			onSaved: (collection, feature) => this._onSaved(collection, feature),
			onDeleted: (collection, id) => this._onDeleted(collection, id),
			onClosed: (collection, id) => this._onEditClosed(collection, id),
			onReveal: (bounds) => this._revealBounds(bounds),
			confirmSave: (collection, id, geometry) => import('../land/ConflictGuard.js')
				.then((m) => m.confirmConflicts({api: this.api, i18n: this.i18n, window: this.window, toast: this.toast}, collection, id, geometry))
		});
		return this.editor;
	}

	/** Starts editing a feature shown in the details (a project: its footprint). */
	async _edit(collection, feature) {
		try {
			if (collection === 'project') {
				await (await this._editor()).editFootprint(feature.id);
			} else {
				await (await this._editor()).edit(collection, feature.id);
			}
		} catch (error) {
			this._reportEditError(error);
		}
	}

	async _create(collection) {
		if (!this.state.visible.has(collection)) {
			this.setLayerVisible(collection, true);
		}
		if (this._isPhone()) {
			this._togglePanel(false);
		}
		try {
			await (await this._editor()).create(collection);
		} catch (error) {
			this._reportEditError(error);
		}
	}

	/** From a project's page: its footprint, drawn or changed on the map. */
	async _editFootprint(id) {
		this._closePage({restoreHash: false});
		if (!this.state.visible.has('project') && this.layers.has('project')) {
			this.setLayerVisible('project', true);
		}
		try {
			await (await this._editor()).editFootprint(id);
			this._setHash(formatHash({feature: {collection: 'project', id: String(id)}, view: this._hashState().view}), {push: true});
		} catch (error) {
			this._reportEditError(error);
		}
	}

	_reportEditError(error) {
		if (this._destroyed || isAbort(error)) {
			return;
		}
		const text = error?.status === 404 ? this.i18n.t('error.notFound') : error?.status === 403 ? this.i18n.t('edit.forbidden') : this._errorText(error);
		this.toast.show(text, {kind: 'error'});
	}

	/** While a feature is edited its own symbol gives way to the editor's, and the details step aside. */
	_onEditing(collection, id) {
		if (this._editingFeature) {
			this.layers.get(this._editingFeature.collection)?.setHidden(null);
		}
		this._editingFeature = collection ? {collection, id} : null;
		this.root.classList.toggle('is-editing', Boolean(collection));
		if (collection) {
			this.layers.get(collection)?.setHidden(id);
			this.highlight.clearLayers();
			this.detailElement.hidden = true;
			this.root.classList.remove('has-detail');
			if (this._isPhone()) {
				this._togglePanel(false);
			}
		} else if (this.selection?.feature) {
			// Back to what was selected before: its details and its highlight.
			this.detailElement.hidden = false;
			this.root.classList.add('has-detail');
			this.highlight.show(this.selection.feature);
		}
	}

	_onSaved(collection, feature) {
		this.layers.get(collection)?.upsertFeature(feature);
		this._refreshCounts();
		this._refreshNarrowedCounts();
		if (collection === 'project') {
			this._projectChanged();
		}
		this.select(collection, feature, {fit: false, push: false});
	}

	_onDeleted(collection, id) {
		this.layers.get(collection)?.removeFeature(id);
		this._refreshCounts();
		this._refreshNarrowedCounts();
		this.selection = null;
		this.closeDetail();
	}

	_onEditClosed(collection, id) {
		if (!id) {
			return;
		}
		const feature = this.layers.get(collection)?.featureById(id);
		if (feature) {
			this.select(collection, feature, {fit: false, push: false});
		} else {
			this.openFeature(collection, id, {fit: false, push: false});
		}
	}

	/** A project changed (status, footprint, milestones): the map's symbols and overdue rings follow. */
	_projectChanged() {
		this.layers.get('project')?.reload();
		this._refreshCounts();
		this._refreshOverdue();
		this.pages.get('dashboard')?.invalidate?.();
	}

	/** Which projects have overdue milestones, from the project list, for the map's red rings. */
	async _refreshOverdue() {
		const layer = this.layers.get('project');
		if (!layer?.setOverdue || !this.session.authenticated) {
			return;
		}
		this._overdueController?.abort();
		const controller = this._overdueController = new AbortController();
		try {
			const page = await this.api.projects({overdue: true, size: 500}, {signal: controller.signal});
			if (!this._destroyed && controller === this._overdueController) {
				layer.setOverdue(new Map((page?.items || []).map((p) => [p.id, p.overdueMilestones])));
			}
		} catch {
			// The rings are extra; the map works without them.
		}
	}

	// ---- picking an asset for a project

	_startPick(project) {
		this._closePage({restoreHash: true});
		this.picking = project;
		this.root.classList.add('is-picking');
		if (this.selection) {
			this.closeDetail();
		}
		this._pickHint();
	}

	_pickHint(candidate = null) {
		const t = (key, params) => this.i18n.t(key, params);
		const back = {label: t('pick.cancel'), kind: 'secondary', action: 'cancel-pick', onClick: () => this._endPick()};
		if (!candidate) {
			this.mapHint.show(t('pick.hint', {project: this.picking.name}), [back], {mode: 'picking'});
			return;
		}
		const name = candidate.feature.properties?.name || candidate.feature.properties?.code || `#${candidate.feature.id}`;
		this.mapHint.show(t('pick.confirm', {asset: `${this._collectionTitle(candidate.collection)} ${name}`, project: this.picking.name}), [
			{label: t('pick.link'), action: 'confirm-pick', onClick: () => this._linkPicked(candidate)},
			{label: t('pick.again'), kind: 'secondary', action: 'pick-again', onClick: () => {
				this.highlight.clearLayers();
				this._pickHint();
			}},
			back
		], {mode: 'picking'});
	}

	_picked(collection, feature) {
		if (collection === 'project') {
			this.toast.show(this.i18n.t('pick.notProject'));
			return;
		}
		this.highlight.show(feature);
		this._pickHint({collection, feature});
	}

	async _linkPicked(candidate) {
		const project = this.picking;
		try {
			await this.api.linkAsset(project.id, candidate.collection, candidate.feature.id);
			this.toast.show(this.i18n.t('project.linked'), {kind: 'ok'});
			this._stopPick();
			this._projectChanged();
			this.navigate('project', {id: String(project.id)});
		} catch (error) {
			this.toast.show(error?.status === 403 ? this.i18n.t('edit.forbidden') : this._errorText(error), {kind: 'error'});
		}
	}

	/** Back to the project, linking nothing. */
	_endPick() {
		const project = this.picking;
		this._stopPick();
		if (project) {
			this.navigate('project', {id: String(project.id)});
		}
	}

	_stopPick() {
		if (!this.picking) {
			return;
		}
		this.picking = null;
		this.root.classList.remove('is-picking');
		this.highlight?.clearLayers();
		this.mapHint?.hide();
	}

	// ---- a layer narrowed by properties (the dashboard's map views)

	/** Shows one layer only, narrowed to features with the given property values. */
	_applyLayerView(layerView) {
		if (!this.layers.has(layerView.collection)) {
			this.toast.show(this.i18n.t('layerView.unknown'), {kind: 'error'});
			return;
		}
		if (!this.layerView) {
			this._visibleBefore = new Set(this.state.visible);
		}
		const previous = this.layerView;
		this.layerView = {collection: layerView.collection, filter: {...layerView.filter}};
		if (previous && previous.collection !== layerView.collection) {
			this.layers.get(previous.collection)?.setPropertyFilter(null);
		}
		this.state.narrowed = new Set(Object.keys(layerView.filter).length ? [layerView.collection] : []);
		this.layers.get(layerView.collection).setPropertyFilter(layerView.filter);
		for (const info of this.layerInfo) {
			this.setLayerVisible(info.id, info.id === layerView.collection);
		}
		this._refreshNarrowedCounts();
		this.root.classList.add('has-layer-view');
		this._drawLayerViewBar();
		if (!layerView.view && this.countyBounds?.isValid()) {
			this.map.fitBounds(this.countyBounds, {padding: [16, 16], animate: false});
		} else if (!layerView.view) {
			this._fitCountyWhenLoaded = true;
		}
	}

	/** Back to all the layers that were on before, unfiltered. */
	_clearLayerView(options = {}) {
		const {writeHash = true} = options;
		if (!this.layerView) {
			return;
		}
		const {collection} = this.layerView;
		this.layerView = null;
		this.state.narrowed = new Set();
		this._refreshNarrowedCounts();
		this.layers.get(collection)?.setPropertyFilter(null);
		const before = this._visibleBefore || new Set(this.layerInfo.map((l) => l.id));
		for (const info of this.layerInfo) {
			this.setLayerVisible(info.id, before.has(info.id));
		}
		this._visibleBefore = null;
		this.root.classList.remove('has-layer-view');
		this._drawLayerViewBar();
		if (writeHash) {
			this._writeHash({push: true});
		}
	}

	/** The bar over the map that says which layer view is on, with the way back to all layers. */
	_drawLayerViewBar() {
		const bar = this.layerViewBar;
		if (!bar) {
			return;
		}
		if (!this.layerView || !this.layerInfo) {
			bar.hidden = true;
			bar.replaceChildren();
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		const {collection, filter} = this.layerView;
		const fields = fieldsOf(collection);
		const separator = this.i18n.isChinese ? '，' : ', ';
		const conditions = Object.entries(filter).map(([key, value]) => {
			const field = fields.find((f) => f.key === key) || {key, kind: 'text'};
			const labelKey = `field.${collection}.${key}` in this.i18n.messages ? `field.${collection}.${key}` : `field.${key}`;
			const label = this.i18n.has(labelKey) ? t(labelKey) : key;
			return `${label}${this.i18n.isChinese ? '：' : ': '}${this.formatter.format(field, value) ?? value}`;
		}).join(separator);
		const counted = this.state.narrowedCounts.get(collection);
		const drawn = counted ? this.state.filter.countOf(counted) : this.state.drawn.get(collection);
		replaceChildren(bar,
			el('span', {class: 'hetu-layer-view__icon', 'aria-hidden': 'true',
				html: '<svg width="16" height="16" viewBox="0 0 24 24"><path d="M3 5h18l-7 8.5V19l-4 2v-7.5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg>'}),
			el('span', {class: 'hetu-layer-view__text'},
				el('strong', {}, this._collectionTitle(collection)),
				conditions ? el('span', {}, ` · ${conditions}`) : null,
				drawn !== undefined ? el('span', {class: 'hetu-layer-view__count', 'data-count': String(drawn)}, ` · ${t('layerView.count', {n: drawn})}`) : null),
			el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'clear-layer-view',
				onclick: () => this._clearLayerView()}, t('layerView.clear')));
		bar.hidden = false;
	}

	// ---- selection

	/** Shows a feature that is already loaded: highlight, details, linked projects, URL. */
	select(collection, feature, options = {}) {
		const {fit = false, push = true} = options;
		this.selection = {collection, id: String(feature.id), feature};
		this.highlight.show(feature);
		this.detail.show(collection, feature);
		this.root.classList.add('has-detail');
		if (this._isPhone()) {
			this._togglePanel(false);
		}
		if (fit) {
			this._fitFeature(feature);
		}
		this._writeHash({push});
		this._loadProjects(collection, feature.id);
	}

	/** Loads a feature by collection and id, then selects it. */
	async openFeature(collection, id, options = {}) {
		const {fit = true, push = true} = options;
		this._fitCountyWhenLoaded = false;
		this._openController?.abort();
		const controller = this._openController = new AbortController();
		this.selection = {collection, id: String(id), feature: null};
		this.detail.showLoading(collection, id);
		this.root.classList.add('has-detail');
		try {
			const feature = await this.api.item(collection, id, {signal: controller.signal});
			if (controller === this._openController) {
				this.select(collection, feature, {fit, push});
			}
		} catch (error) {
			if (isAbort(error)) {
				return;
			}
			if (this._destroyed) {
				return;
			}
			if (error.status === 404 && await this._showDeleted(collection, id, controller)) {
				return;
			}
			const key = `${collection}/${id}`;
			let message;
			if (error.status === 404 || error.status === 400) {
				message = this.i18n.t('detail.notFound', {key});
			} else if (error.status === 401) {
				message = this.i18n.t('auth.signInToView');
			} else {
				message = this._errorText(error);
			}
			this.detail.showError(collection, id, message);
		}
	}

	/**
	 * A feature that is gone but has a history: shown as it was when deleted, with its history open so
	 * that those allowed to can restore it. Answers whether it was shown.
	 */
	async _showDeleted(collection, id, controller) {
		let history;
		try {
			history = await this.api.history(collection, id, {signal: controller.signal});
		} catch {
			return false;
		}
		const last = Array.isArray(history) ? history[0] : null;
		if (controller !== this._openController || this._destroyed || last?.action !== 'delete' || !last.before) {
			return false;
		}
		const {geom = null, ...properties} = last.before;
		const feature = {type: 'Feature', id: last.before.id ?? id, geometry: geom, properties};
		this.selection = {collection, id: String(id), feature: null};
		this.detail.show(collection, feature, {deletedAt: last.at, deletedBy: last.username});
		this.detail.showTab('history');
		return true;
	}

	/** Puts an earlier version back, then shows the feature as it now is, on the map and in the details. */
	async _restore(collection, id, change) {
		const result = await this.api.restore(collection, id, change.id);
		if (this._destroyed) {
			return result;
		}
		this.layers.get(collection)?.reload();
		this._refreshCounts();
		this._refreshNarrowedCounts();
		try {
			const feature = await this.api.item(collection, id);
			const current = this.selection;
			if (!this._destroyed && current && current.collection === collection && current.id === String(id)) {
				this.selection = {collection, id: String(id), feature};
				this.highlight.show(feature);
				this.detail.show(collection, feature);
			}
		} catch (error) {
			this._reportError(error);
		}
		return result;
	}

	/** Draws an earlier shape of the selected feature over the map (null takes it away). */
	_showVersion(version) {
		if (!this.historyOverlay) {
			return;
		}
		if (!version) {
			this.historyOverlay.clearLayers();
			return;
		}
		const bounds = this.historyOverlay.show(version.geometry);
		if (bounds && !this.map.getBounds().contains(bounds)) {
			this._flyTo([[bounds.getSouth(), bounds.getWest()], [bounds.getNorth(), bounds.getEast()]]);
		}
	}

	async _loadProjects(collection, id) {
		if (collection === 'project') {
			this.detail.setProjects(collection, id, []);
			return;
		}
		if (!this.session.authenticated) {
			this.detail.setProjects(collection, id, 'signin');
			return;
		}
		try {
			const list = await this.api.linkedProjects(collection, id);
			this.detail.setProjects(collection, id, Array.isArray(list) ? list : []);
		} catch {
			this.detail.setProjects(collection, id, null);
		}
	}

	closeDetail() {
		this._openController?.abort();
		this.selection = null;
		this.highlight.clearLayers();
		this.detail.hide();
		this.root.classList.remove('has-detail');
		this._writeHash({push: false});
	}

	_onSearchSelect(result) {
		if (!this.state.visible.has(result.collection) && this.layers.has(result.collection)) {
			this.setLayerVisible(result.collection, true);
		}
		// The flight starts once the details are drawn, so that it aims beside them (or above
		// the bottom sheet on a phone) rather than under them.
		this.openFeature(result.collection, result.id, {fit: true, push: true});
	}

	_viewPadding() {
		const panel = this.editor?.active ? this.editorElement : this.detail?.isOpen ? this.detailElement : null;
		if (!panel) {
			return {paddingTopLeft: [24, 24], paddingBottomRight: [24, 24]};
		}
		// Room at the top for the hint over the map while editing.
		const top = this.editor?.active ? 64 : 24;
		if (this._isPhone()) {
			const sheet = panel.getBoundingClientRect().height || this.window.innerHeight * 0.5;
			return {paddingTopLeft: [24, top], paddingBottomRight: [24, sheet + 16]};
		}
		const width = panel.getBoundingClientRect().width || 400;
		return {paddingTopLeft: [24, top], paddingBottomRight: [width + 24, 24]};
	}

	/** Brings `bounds` into the part of the map that no panel covers, moving as little as needed. */
	_revealBounds(bounds) {
		const size = this.map.getSize();
		const {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom]} = this._viewPadding();
		const nw = this.map.latLngToContainerPoint(bounds.getNorthWest());
		const se = this.map.latLngToContainerPoint(bounds.getSouthEast());
		if (nw.x >= left && nw.y >= top && se.x <= size.x - right && se.y <= size.y - bottom) {
			return;
		}
		if (se.x - nw.x < 40 && se.y - nw.y < 40 && se.x - nw.x < size.x - left - right) {
			this._reveal(bounds.getCenter(), {animate: false});
		} else {
			this.map.fitBounds(bounds, {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom], maxZoom: 17, animate: false});
		}
	}

	/** Pans the map just enough that `latlng` is not hidden under the details. */
	_reveal(latlng, options = {}) {
		const {animate = true} = options;
		if (!latlng) {
			return;
		}
		const size = this.map.getSize();
		const {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom]} = this._viewPadding();
		const point = this.map.latLngToContainerPoint(latlng);
		const box = {minX: left, minY: top, maxX: size.x - right, maxY: size.y - bottom};
		if (point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY) {
			return;
		}
		this.map.panBy([point.x - (box.minX + box.maxX) / 2, point.y - (box.minY + box.maxY) / 2], {animate});
	}

	_flyTo(corners) {
		const [[south, west], [north, east]] = corners;
		const pad = 0.0005;
		const bounds = [[south - (north === south ? pad : 0), west - (east === west ? pad : 0)],
			[north + (north === south ? pad : 0), east + (east === west ? pad : 0)]];
		this.map.flyToBounds(bounds, {...this._viewPadding(), maxZoom: 16, duration: 0.8});
	}

	_fitFeature(feature) {
		if (!feature?.geometry) {
			return;
		}
		const bounds = new GeoJSON(feature).getBounds();
		if (bounds.isValid()) {
			this._flyTo([[bounds.getSouth(), bounds.getWest()], [bounds.getNorth(), bounds.getEast()]]);
		}
	}

	// ---- URL

	_hashState() {
		const center = this.map.getCenter();
		return {
			feature: this.selection ? {collection: this.selection.collection, id: this.selection.id} : null,
			view: {zoom: this.map.getZoom(), lat: center.lat, lon: center.lng}
		};
	}

	_writeHash(options = {}) {
		if (!this.map || this._destroyed || this.page) {
			return;
		}
		const {push = false} = options;
		const state = this._hashState();
		const hash = this.layerView && !state.feature ? formatLayerView(this.layerView, state.view) : formatHash(state);
		this._setHash(hash, {push});
		this._mapHash = hash;
	}

	_onHashChange() {
		const hash = this.window.location.hash;
		if (hash === this._lastHash || this._destroyed) {
			return;
		}
		this._lastHash = hash;
		const page = parsePage(hash);
		if (page) {
			this._openPage(page.name, page.params);
			return;
		}
		if (this.page) {
			this._closePage({restoreHash: false});
		}
		this._mapHash = hash;
		const layerView = parseLayerView(hash);
		if (layerView) {
			if (this.editor?.active) {
				this.editor.cancel();
			}
			this._applyLayerView(layerView);
			if (layerView.view) {
				this.map.setView([layerView.view.lat, layerView.view.lon], layerView.view.zoom);
			}
			if (this.selection) {
				this.closeDetail();
			}
			return;
		}
		if (this.layerView && !parseHash(hash).feature) {
			this._clearLayerView({writeHash: false});
		}
		const {feature, view} = parseHash(hash);
		if (view) {
			this.map.setView([view.lat, view.lon], view.zoom);
		}
		const current = this.selection;
		if (feature && (!current || current.collection !== feature.collection || current.id !== feature.id)) {
			this.openFeature(feature.collection, feature.id, {fit: !view, push: false});
		} else if (!feature && current) {
			this.closeDetail();
		}
	}

	_shareUrl(collection, id) {
		const {location} = this.window;
		return `${location.origin}${location.pathname}${formatHash({feature: {collection, id: String(id)}})}`;
	}

	_reportError(error) {
		if (!isAbort(error) && !this._destroyed && !(error?.status === 401 && !this.session.authenticated)) {
			this.toast.show(this._errorText(error), {kind: 'error'});
		}
	}
}
