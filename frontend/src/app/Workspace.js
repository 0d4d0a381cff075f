import {THEMES} from '../catalog/Schema.js';
import {AttributeFormatter} from '../format/AttributeFormatter.js';
import {formatHash} from '../map/HashState.js';
import {SearchBox} from '../ui/SearchBox.js';
import {el, replaceChildren} from '../util/dom.js';
import {canPatrol} from '../river/roles.js';
import {EditController} from './EditController.js';
import {Header} from './Header.js';
import {MapController} from './MapController.js';
import {namesFor} from './names.js';
import {PageHost} from './PageHost.js';
import {homePage} from './pages.js';
import {formatPage, parsePage} from './PageRoute.js';
import {setCounty} from '../county/County.js';
import {adoptServerSchemas} from '../catalog/ServerSchema.js';
import {adoptSymbology} from '../layers/Symbology.js';

/** Without the server's configuration: a view of the whole country (see county/County.js). */
const FALLBACK_CONFIG = {center: [105, 35], zoom: 4, tiandituKey: ''};
const PHONE = '(max-width: 720px)';

/** Classes and data attributes the workspace puts on the root, taken off again when it goes. */
const ROOT_CLASSES = ['is-starting', 'is-loading', 'is-panel-open', 'is-panel-collapsed', 'has-detail', 'is-filtered', 'has-page', 'is-anonymous',
	'is-editing', 'is-picking', 'has-layer-view'];
const ROOT_DATA = ['ready', 'loading', 'basemap', 'page'];

/**
 * What a signed-in user (or an anonymous visitor, when some collections are public) works in: the
 * header, the map (MapController, with the editor's EditController) and the pages of the registry
 * (PageHost, app/pages.js), all kept in step with the URL hash: a hash that names a page opens it
 * (PageRoute), any other is the map's. Built after signing in and destroyed on signing out, so
 * nothing of one user's data outlives their session on screen.
 */
export class Workspace {
	constructor(options) {
		const {root, container, api, i18n, session, preferences, lastVisit, toast, window: win = globalThis.window, onSignIn, onSignOut, onToggleLocale} = options;
		Object.assign(this, {root, container, api, i18n, session, preferences, lastVisit, toast, window: win});
		this.callbacks = {onSignIn, onSignOut, onToggleLocale};
		this._lastHash = null;
		this._cleanups = [];
		this.names = namesFor({i18n, layers: () => this.layerInfo, departments: () => this.departments});
		this.formatter = new AttributeFormatter({i18n, departmentName: this.names.departmentName});
	}

	async start() {
		this._buildShell();
		this._cleanups.push(this.i18n.onChange(() => this._onLocaleChange()));
		this._translate();
		let config;
		let layers;
		let schemas;
		let symbology;
		try {
			// The collections' descriptions and symbology come with the layer list, in parallel: no later round trip.
			[config, layers, this.departments, schemas, symbology] = await Promise.all([
				this.lastVisit.fetch('config', () => this.api.config()).catch(() => FALLBACK_CONFIG),
				this.lastVisit.fetch('layers', () => this.api.layers()),
				this.api.departments().catch(() => []),
				this.lastVisit.fetch('schemas', () => this.api.get('/api/v1/schemas')).catch(() => ({})),
				this.lastVisit.fetch('symbology', () => this.api.get('/api/v1/symbology')).catch(() => ({}))
			]);
		} catch (error) {
			if (!this._destroyed) {
				this.message.replaceChildren(el('p', {}, this.i18n.t('app.loadFailed', {detail: this.names.errorText(error)})),
					el('button', {type: 'button', class: 'hetu-button', onclick: () => this.window.location.reload()}, this.i18n.t('app.reload')));
				this.message.classList.add('is-error');
			}
			return;
		}
		if (this._destroyed) {
			return;
		}
		config = {...FALLBACK_CONFIG, ...config};
		setCounty(config);
		adoptServerSchemas(layers, schemas, this.i18n);
		adoptSymbology(symbology);
		if (this.session.authenticated && canPatrol(this.session)) {
			this._startUploads();
		}
		this.layerInfo = [...layers].sort((a, b) => THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme));
		const hash = this._homeHash() || this.window.location.hash;
		const page = parsePage(hash);
		const shell = {
			isPhone: () => this._isPhone(), togglePanel: (force) => this._togglePanel(force), pageOpen: () => Boolean(this.pages.current),
			setHash: (next, options) => this._setHash(next, options), navigate: (name, params) => this.navigate(name, params),
			closePage: (options) => this._closePage(options), edit: (collection, feature) => this.edit.edit(collection, feature),
			beforeLayerView: () => this.edit.cancelEditing(), invalidatePages: () => this.pages.invalidate()
		};
		const common = {root: this.root, api: this.api, i18n: this.i18n, session: this.session, toast: this.toast, names: this.names, formatter: this.formatter, shell};
		this.map = new MapController({...common, elements: this.elements, preferences: this.preferences, window: this.window,
			config, layerInfo: this.layerInfo, departments: this.departments});
		this.map.start(hash, {page});
		this.edit = new EditController({...common, map: this.map, editorElement: this.elements.editor, departments: this.departments});
		this.search = new SearchBox({container: this.header.searchSlot, i18n: this.i18n, api: this.api, collectionTitle: this.names.collectionTitle,
			onSelect: (result) => this.map.selection.openFound(result.collection, result.id)});
		this.root.classList.remove('is-starting');
		if (page) {
			this._openPage(page.name, page.params);
		}
		const onHashChange = () => this._onHashChange();
		this.window.addEventListener('hashchange', onHashChange);
		this._cleanups.push(() => this.window.removeEventListener('hashchange', onHashChange));
		this.edit.refreshOverdue();
		this.root.dataset.ready = 'true';
	}

	/** With no hash in the URL, the user's own home page (app/pages.js `home`) in its place, else null (the map). */
	_homeHash() {
		const home = /^#?\/?$/.test(this.window.location.hash) ? homePage(this.session) : undefined;
		if (!home) {
			return null;
		}
		const hash = formatPage(home.name);
		this.window.history.replaceState(null, '', hash);
		return hash;
	}

	/** Takes everything down: map, layers, panels, pages, listeners; the URL hash stays as it is. */
	destroy() {
		this._destroyed = true;
		for (const cleanup of this._cleanups.splice(0)) {
			cleanup();
		}
		for (const part of [this.edit, this.map, this.search, this.header, this.pages]) {
			part?.destroy?.();
		}
		this.root.classList.remove(...ROOT_CLASSES);
		for (const name of ROOT_DATA) {
			delete this.root.dataset[name];
		}
		this.container.replaceChildren();
	}

	/** The context a page of the registry is made from (see app/pages.js). */
	_pageContext(name, container) {
		return {
			container, i18n: this.i18n, api: this.api, session: this.session, county: this.map.county, toast: this.toast, window: this.window,
			layers: this.layerInfo, departments: this.departments, formatter: this.formatter, ...this.names,
			href: (params) => formatPage(name, params),
			featureHref: (collection, id) => formatHash({feature: {collection, id: String(id)}}),
			onParams: (params, options = {}) => this.navigate(name, params, {push: Boolean(options.push)}),
			navigate: (page, params, options) => this.navigate(page, params, options),
			goTo: (hash) => this._goTo(hash),
			closePage: () => this._closePage(),
			showFeature: (collection, id) => {
				this._closePage({restoreHash: false});
				this.map.selection.openFound(collection, id);
			},
			mapBbox: () => this.map.bbox(),
			lastParams: (page) => this.pages.lastParams.get(page) || {},
			edit: this.edit
		};
	}

	/** Sends what an earlier visit left in the patrol upload queue, whichever page opens first. */
	_startUploads() {
		import('../river/uploads.js').then(({uploadQueue, stopUploads}) => {
			if (!this._destroyed) {
				uploadQueue({api: this.api, owner: this.session.username, window: this.window});
				this._cleanups.push(stopUploads);
			}
		}, (error) => this.toast.show(this.names.errorText(error), {kind: 'error'}));
	}

	// ---- the shell

	_buildShell() {
		const doc = this.window.document;
		this.header = new Header({
			i18n: this.i18n, session: this.session, names: this.names,
			onGo: (page) => this.navigate(page), onMap: () => this._closePage(), onTogglePanel: () => this._togglePanel(),
			onToggleLocale: () => this.callbacks.onToggleLocale(), onSignIn: () => this.callbacks.onSignIn(), onSignOut: () => this.callbacks.onSignOut()
		});
		this.pages = new PageHost({i18n: this.i18n, window: this.window, contextFor: (name, container) => this._pageContext(name, container),
			errorText: this.names.errorText, onBack: () => this._closePage()});
		this.elements = {
			panel: el('aside', {class: 'hetu-panel', id: 'hetu-panel'}),
			map: el('div', {class: 'hetu-map', id: 'hetu-map', role: 'region'}),
			detail: el('aside', {class: 'hetu-detail', id: 'hetu-detail'}),
			editor: el('aside', {class: 'hetu-editor', id: 'hetu-editor', hidden: true, 'aria-label': ''})
		};
		this.message = el('div', {class: 'hetu-startup', role: 'status'});
		const {panel, map, detail, editor} = this.elements;
		replaceChildren(this.container, this.header.element,
			el('div', {class: 'hetu-body'}, panel, map, detail, editor, this.pages.element,
				el('div', {class: 'hetu-scrim', onclick: () => this._togglePanel(false)}),
				el('div', {class: 'hetu-loadbar', 'aria-hidden': 'true'}), this.message));
		this.root.classList.add('hetu', 'is-starting');
		this.root.classList.toggle('is-anonymous', !this.session.authenticated);
		const onKey = (e) => {
			if (e.key === 'Escape' && this.map?.selection.isOpen && !this.pages.current && !e.target.closest?.('.hetu-search, .hetu-header__user')) {
				this.map.selection.close();
			}
		};
		doc.addEventListener('keydown', onKey);
		this._cleanups.push(() => doc.removeEventListener('keydown', onKey));
	}

	_onLocaleChange() {
		this._translate();
		this.map?.onLocaleChange();
	}

	_translate() {
		this.header.translate();
		this.pages.translate();
		this.elements.map.setAttribute('aria-label', this.i18n.t('map.label'));
		this.elements.editor.setAttribute('aria-label', this.i18n.t('edit.panel'));
		if (this.root.classList.contains('is-starting')) {
			this.message.textContent = this.i18n.t('app.loading');
		}
	}

	_isPhone() {
		return this.window.matchMedia(PHONE).matches;
	}

	_togglePanel(force) {
		const button = this.header.menuButton;
		if (this._isPhone()) {
			const open = force ?? !this.root.classList.contains('is-panel-open');
			this.root.classList.toggle('is-panel-open', open);
			button.setAttribute('aria-expanded', String(open));
		} else {
			const collapsed = force === undefined ? !this.root.classList.contains('is-panel-collapsed') : !force;
			this.root.classList.toggle('is-panel-collapsed', collapsed);
			button.setAttribute('aria-expanded', String(!collapsed));
			this.map?.map?.invalidateSize();
		}
	}

	// ---- pages and the hash

	/** Opens a page and records it in the URL. */
	navigate(name, params = {}, options = {}) {
		const {push = true} = options;
		if (!this.session.authenticated) {
			this.callbacks.onSignIn();
			return;
		}
		this._setHash(formatPage(name, params), {push});
		this._openPage(name, params);
	}

	_openPage(name, params = {}) {
		if (!this.session.authenticated) {
			this.callbacks.onSignIn();
			return;
		}
		this.edit.stop();
		this.header.markNav(name);
		this.root.classList.add('has-page');
		this.root.dataset.page = name;
		if (this._isPhone()) {
			this._togglePanel(false);
		}
		this.pages.open(name, params);
	}

	/** Back to the map, at the view it had before the page opened. */
	_closePage(options = {}) {
		const {restoreHash = true} = options;
		if (!this.pages.current) {
			return;
		}
		this.pages.close();
		this.header.markNav('map');
		this.root.classList.remove('has-page');
		delete this.root.dataset.page;
		if (restoreHash) {
			this._setHash(this.map.mapHash || formatHash(this.map.hashState()), {push: true});
		}
		this.map.map?.invalidateSize();
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
		this._closePage({restoreHash: false});
		this.map.followHash(hash);
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
}
