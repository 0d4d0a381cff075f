import {isAbort} from '../api/ApiError.js';
import {formatHash} from '../map/HashState.js';
import {EditControl} from '../map/EditControl.js';

/**
 * Changing the map: the "add a feature" button, the editor (loaded the first time someone edits),
 * a project's footprint drawn from its page, and picking an asset on the map to link to a project.
 * While it edits or picks, it takes the map's clicks and keeps the details aside.
 */
export class EditController {
	constructor(options) {
		const {map, root, editorElement, api, i18n, session, toast, departments, names, formatter, shell} = options;
		Object.assign(this, {map, root, editorElement, api, i18n, session, toast, departments, names, formatter, shell});
		this.editor = null;
		this.picking = null;
		map.clickFilter = (e) => this._takeClick(e);
		map.sidePanel = () => (this.editor?.active ? editorElement : null);
		if (session.authenticated) {
			this._createControl();
		}
	}

	destroy() {
		this._destroyed = true;
		this._overdueController?.abort();
		this.editor?.destroy();
	}

	get active() {
		return Boolean(this.editor?.active);
	}

	/** Leaves the feature being edited, without saving (a layer view comes). */
	cancelEditing() {
		if (this.editor?.active) {
			this.editor.cancel();
		}
	}

	/** Leaves whatever is under way, without saving: a page opens. */
	stop() {
		this.cancelEditing();
		this._stopPick();
	}

	_createControl() {
		const creatable = this.map.layerInfo.filter((l) => l.id !== 'project' && this.session.canEdit(l.id));
		if (creatable.length) {
			new EditControl({
				i18n: this.i18n,
				collections: creatable.map((l) => ({id: l.id, geometryType: l.geometryType, title: () => this.names.collectionTitle(l.id)})),
				onCreate: (id) => this._create(id)
			}).addTo(this.map.map);
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
		const {map, names} = this;
		this.editor = this.editor || new MapEditor({
			map: map.map, api: this.api, i18n: this.i18n, session: this.session, container: this.editorElement, hint: map.hint,
			toast: this.toast, departments: this.departments, departmentName: names.departmentName,
			collectionTitle: names.collectionTitle, formatter: this.formatter,
			geometryTypeOf: (id) => map.layerInfo.find((l) => l.id === id)?.geometryType || 'Geometry',
			onEditing: (collection, id) => this._onEditing(collection, id),
			onSaved: (collection, feature) => this._onSaved(collection, feature),
			onDeleted: (collection, id) => this._onDeleted(collection, id),
			onClosed: (collection, id) => this._onEditClosed(collection, id),
			onReveal: (bounds) => map.selection.revealBounds(bounds),
			confirmSave: (collection, id, geometry) => import('../land/ConflictGuard.js')
				.then((m) => m.confirmConflicts({api: this.api, i18n: this.i18n, window: globalThis.window, toast: this.toast}, collection, id, geometry))
		});
		return this.editor;
	}

	/** Starts editing a feature shown in the details (a project: its footprint). */
	async edit(collection, feature) {
		try {
			if (collection === 'project') {
				await (await this._editor()).editFootprint(feature.id);
			} else {
				await (await this._editor()).edit(collection, feature.id);
			}
		} catch (error) {
			this._reportError(error);
		}
	}

	async _create(collection) {
		if (!this.map.state.visible.has(collection)) {
			this.map.setLayerVisible(collection, true);
		}
		if (this.shell.isPhone()) {
			this.shell.togglePanel(false);
		}
		try {
			await (await this._editor()).create(collection);
		} catch (error) {
			this._reportError(error);
		}
	}

	/** From a project's page: its footprint, drawn or changed on the map. */
	async editFootprint(id) {
		const {map} = this;
		this.shell.closePage({restoreHash: false});
		if (!map.state.visible.has('project') && map.layers.has('project')) {
			map.setLayerVisible('project', true);
		}
		try {
			await (await this._editor()).editFootprint(id);
			this.shell.setHash(formatHash({feature: {collection: 'project', id: String(id)}, view: map.hashState().view}), {push: true});
		} catch (error) {
			this._reportError(error);
		}
	}

	_reportError(error) {
		if (this._destroyed || isAbort(error)) {
			return;
		}
		const text = error?.status === 404 ? this.i18n.t('error.notFound') : error?.status === 403 ? this.i18n.t('edit.forbidden') : this.names.errorText(error);
		this.toast.show(text, {kind: 'error'});
	}

	/** While a feature is edited its own symbol gives way to the editor's, and the details step aside. */
	_onEditing(collection, id) {
		const {map} = this;
		if (this._editingFeature) {
			map.layers.get(this._editingFeature.collection)?.setHidden(null);
		}
		this._editingFeature = collection ? {collection, id} : null;
		this.root.classList.toggle('is-editing', Boolean(collection));
		const detail = map.elements.detail;
		if (collection) {
			map.layers.get(collection)?.setHidden(id);
			map.highlight.clearLayers();
			detail.hidden = true;
			this.root.classList.remove('has-detail');
			if (this.shell.isPhone()) {
				this.shell.togglePanel(false);
			}
		} else if (map.selection.current?.feature) {
			// Back to what was selected before: its details and its highlight.
			detail.hidden = false;
			this.root.classList.add('has-detail');
			map.highlight.show(map.selection.current.feature);
		}
	}

	_onSaved(collection, feature) {
		this.map.layers.get(collection)?.upsertFeature(feature);
		this.map.reloadCounts();
		if (collection === 'project') {
			this.projectChanged();
		}
		this.map.selection.select(collection, feature, {fit: false, push: false});
	}

	_onDeleted(collection, id) {
		this.map.layers.get(collection)?.removeFeature(id);
		this.map.reloadCounts();
		this.map.selection.close();
	}

	_onEditClosed(collection, id) {
		if (!id) {
			return;
		}
		const feature = this.map.layers.get(collection)?.featureById(id);
		if (feature) {
			this.map.selection.select(collection, feature, {fit: false, push: false});
		} else {
			this.map.selection.open(collection, id, {fit: false, push: false});
		}
	}

	/** A project changed (status, footprint, milestones): the map's symbols and overdue rings follow, and the pages. */
	projectChanged() {
		this.map.layers.get('project')?.reload();
		this.map.refreshCounts();
		this.refreshOverdue();
		this.shell.invalidatePages();
	}

	/** Which projects have overdue milestones, from the project list, for the map's red rings. */
	async refreshOverdue() {
		const layer = this.map.layers.get('project');
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

	/** Clicks on the map while editing are the editor's; while picking, they choose the asset. */
	_takeClick(e) {
		if (this.editor?.active) {
			return true;
		}
		if (!this.picking) {
			return false;
		}
		const load = e.partial ? this.api.item(e.collection, e.feature.id) : Promise.resolve(e.feature);
		load.then((feature) => this._picked(e.collection, feature), (error) => this.map.reportError(error));
		return true;
	}

	startPick(project) {
		this.shell.closePage({restoreHash: true});
		this.picking = project;
		this.root.classList.add('is-picking');
		if (this.map.selection.current) {
			this.map.selection.close();
		}
		this._pickHint();
	}

	_pickHint(candidate = null) {
		const t = (key, params) => this.i18n.t(key, params);
		const hint = this.map.hint;
		const back = {label: t('pick.cancel'), kind: 'secondary', action: 'cancel-pick', onClick: () => this._endPick()};
		if (!candidate) {
			hint.show(t('pick.hint', {project: this.picking.name}), [back], {mode: 'picking'});
			return;
		}
		const name = candidate.feature.properties?.name || candidate.feature.properties?.code || `#${candidate.feature.id}`;
		hint.show(t('pick.confirm', {asset: `${this.names.collectionTitle(candidate.collection)} ${name}`, project: this.picking.name}), [
			{label: t('pick.link'), action: 'confirm-pick', onClick: () => this._linkPicked(candidate)},
			{label: t('pick.again'), kind: 'secondary', action: 'pick-again', onClick: () => {
				this.map.highlight.clearLayers();
				this._pickHint();
			}},
			back
		], {mode: 'picking'});
	}

	_picked(collection, feature) {
		if (!this.picking) {
			return;
		}
		if (collection === 'project') {
			this.toast.show(this.i18n.t('pick.notProject'));
			return;
		}
		this.map.highlight.show(feature);
		this._pickHint({collection, feature});
	}

	async _linkPicked(candidate) {
		const project = this.picking;
		try {
			await this.api.linkAsset(project.id, candidate.collection, candidate.feature.id);
			this.toast.show(this.i18n.t('project.linked'), {kind: 'ok'});
			this._stopPick();
			this.projectChanged();
			this.shell.navigate('project', {id: String(project.id)});
		} catch (error) {
			this.toast.show(error?.status === 403 ? this.i18n.t('edit.forbidden') : this.names.errorText(error), {kind: 'error'});
		}
	}

	/** Back to the project, linking nothing. */
	_endPick() {
		const project = this.picking;
		this._stopPick();
		if (project) {
			this.shell.navigate('project', {id: String(project.id)});
		}
	}

	_stopPick() {
		if (!this.picking) {
			return;
		}
		this.picking = null;
		this.root.classList.remove('is-picking');
		this.map.highlight?.clearLayers();
		this.map.hint?.hide();
	}
}
