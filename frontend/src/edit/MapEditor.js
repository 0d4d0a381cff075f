import {DivIcon, GeoJSON, LayerGroup, Marker} from 'leaflet';
import {editableFieldsOf} from '../catalog/Schema.js';
import {HistoryOverlay} from '../layers/HistoryOverlay.js';
import {markerHtml} from '../layers/Symbology.js';
import {EditorPanel, SHAPES} from './EditorPanel.js';
import {problemText} from '../ui/problemText.js';
import {initialValues, refusalMessage, validateValues} from './FormValues.js';
import {geometryProblemKey, isGeometryProblem} from './GeometryProblem.js';
import {geomanFor} from './loadGeoman.js';
import {conflictRows, featurePatch, reapply, sameGeometry} from './MergePatch.js';

/** How the shape being edited looks: the editing colour (amber) on a white casing. */
const EDIT_STYLE = {color: '#B45309', weight: 4, opacity: 1, fillColor: '#F59E0B', fillOpacity: 0.22, dashArray: null, lineCap: 'round', lineJoin: 'round'};

/**
 * Editing on the map, for every collection the user may edit and for projects' footprints:
 * drawing a new feature (point, line or area, by the collection's geometry type), moving a
 * point or the vertices of a line or area, deleting, and the attribute form beside the map.
 * Saves go through OGC API - Features Part 4 (ETag / If-Match) or, for a footprint, the
 * project API. A refused shape is explained and its spot marked on the map; a stale save
 * shows both versions and lets the user reload or re-apply their change. Geoman loads the
 * first time someone edits.
 */
export class MapEditor {
	constructor(options) {
		const {
			map, api, i18n, session, container, hint, toast, departments, departmentName, collectionTitle, formatter,
			geometryTypeOf, onSaved, onDeleted, onClosed, onEditing, onReveal, confirmSave
		} = options;
		Object.assign(this, {map, api, i18n, session, hint, toast, geometryTypeOf});
		this.callbacks = {onSaved, onDeleted, onClosed, onEditing, onReveal, confirmSave};
		this.state = null;
		this._jsonTypes = new Map();
		this._rules = new Map();
		this.panel = new EditorPanel({
			container, i18n, collectionTitle, departments, departmentName, formatter,
			callbacks: {
				onSave: () => this.save(),
				onCancel: () => this.cancel(),
				onDelete: () => this._delete(),
				onConfirmDelete: (on) => this._update({confirmDelete: on}),
				onDraw: (shape) => this.draw(shape),
				onFinishDraw: () => this._finishDraw(),
				onStopDraw: () => this._stopDraw(),
				onClearGeometry: () => this._setGeometry(null),
				onReload: () => this._reload(),
				onReapply: () => this._reapply()
			}
		});
		this._problem = new LayerGroup().addTo(map);
		this._theirs = new HistoryOverlay({pane: 'hetu-highlight'}).addTo(map);
		this._unsubscribe = i18n.onChange(() => this._refresh());
	}

	get active() {
		return Boolean(this.state);
	}

	destroy() {
		this._teardown();
		this._unsubscribe();
		this._problem.remove();
		this._theirs.remove();
	}

	// ---- starting

	/** Edits an existing feature (not a project: see `editFootprint`), from the version the server has now. */
	async edit(collection, id) {
		const {feature, etag} = await this.api.itemForEdit(collection, id);
		const jsonTypes = await this._typesOf(collection, feature.properties);
		await this._begin({
			collection, isNew: false, isProject: false, original: feature, etag, geometry: feature.geometry,
			title: feature.properties?.name || feature.properties?.code || `${collection}/${id}`,
			fields: editableFieldsOf(collection), values: {...feature.properties}, jsonTypes, rules: this._rules.get(collection) || {}
		});
	}

	/** Draws a new feature of `collection`, then asks for its attributes. */
	async create(collection) {
		const fields = editableFieldsOf(collection);
		const jsonTypes = await this._typesOf(collection, {});
		await this._begin({
			collection, isNew: true, isProject: false, original: null, etag: null, geometry: null,
			title: '', fields, values: initialValues(collection, fields, {department: this.session.department}), jsonTypes,
			rules: this._rules.get(collection) || {}
		});
		const shapes = SHAPES[this.state.geometryType] || ['Marker'];
		if (shapes.length === 1) {
			this.draw(shapes[0]);
		}
	}

	/** Draws or changes the footprint of project `id` (a point, a line or an area). */
	async editFootprint(id) {
		const {feature, etag} = await this.api.itemForEdit('project', id);
		await this._begin({
			collection: 'project', isNew: false, isProject: true, original: feature, etag, geometry: feature.geometry,
			title: feature.properties?.name || `#${id}`, fields: [], values: {}, jsonTypes: {}
		});
	}

	async _begin(state) {
		this._teardown({silent: true});
		this.pm = await geomanFor(this.map, {lang: this.i18n.isChinese ? 'zh' : 'en'});
		this.state = {
			...state, geometryType: this.geometryTypeOf(state.collection), drawing: null, saving: false,
			notice: null, conflict: null, fieldErrors: {}, confirmDelete: false, resetValues: true
		};
		this.map.on('pm:create', this._onCreate, this);
		this.callbacks.onEditing?.(state.collection, state.original ? String(state.original.id) : null);
		this._render();
		this._drawEditable(true);
	}

	// ---- the shape

	/** Starts drawing `shape` ('Marker', 'Line' or 'Polygon'); a new shape replaces the old one when done. */
	draw(shape) {
		if (!this.state) {
			return;
		}
		this.pm.disableDraw();
		this._editLayer?.remove();
		this._clearProblem();
		const icon = this._icon();
		this.pm.enableDraw(shape, {
			markerStyle: {icon, pane: 'hetu-edit-vertices'},
			pathOptions: EDIT_STYLE,
			templineStyle: {color: EDIT_STYLE.color, weight: 3},
			hintlineStyle: {color: EDIT_STYLE.color, dashArray: [5, 5], weight: 2},
			allowSelfIntersection: true, snappable: false, continueDrawing: false, finishOnEnter: true
		});
		this._update({drawing: shape, notice: null, confirmDelete: false});
	}

	_onCreate(e) {
		if (!this.state?.drawing) {
			return;
		}
		const geometry = e.layer.toGeoJSON(7).geometry;
		e.layer.remove();
		this.state.drawing = null;
		this._setGeometry(geometry);
	}

	_finishDraw() {
		const shape = this.state?.drawing;
		const drawer = shape && this.pm.Draw[shape];
		if (drawer?._finishShape) {
			drawer._finishShape();
		}
		if (this.state?.drawing) {
			this._update({notice: {kind: 'error', text: this.i18n.t('edit.tooFewPoints')}});
		}
	}

	_stopDraw() {
		this.pm.disableDraw();
		this._update({drawing: null});
		this._drawEditable();
	}

	_setGeometry(geometry) {
		this.state.geometry = geometry;
		this._drawEditable();
		this._clearProblem();
		this._update({notice: null});
	}

	/** The shape being edited, on its own layer with Geoman's handles; `fit` brings it into view. */
	_drawEditable(fit = false) {
		this._editLayer?.remove();
		this._editLayer = null;
		const geometry = this.state?.geometry;
		if (!geometry) {
			return;
		}
		const layer = this._editLayer = new GeoJSON(geometry, {
			pmIgnore: false, pane: 'hetu-edit', style: EDIT_STYLE,
			pointToLayer: (feature, latlng) => new Marker(latlng, {pmIgnore: false, pane: 'hetu-edit-vertices', icon: this._icon(), keyboard: false})
		}).addTo(this.map);
		const leaves = [];
		const collect = (l) => (l.getLayers ? l.getLayers().forEach(collect) : leaves.push(l));
		layer.getLayers().forEach(collect);
		for (const leaf of leaves) {
			leaf.pm?.enable({allowSelfIntersection: true, snappable: false, draggable: true});
			leaf.on('pm:edit pm:dragend pm:vertexremoved pm:vertexadded pm:markerdragend', () => this._onShapeEdited());
			leaf.on('dragend', () => this._onShapeEdited());
		}
		const bounds = layer.getBounds();
		if (fit && bounds.isValid()) {
			if (this.callbacks.onReveal) {
				this.callbacks.onReveal(bounds);
			} else if (!this.map.getBounds().contains(bounds)) {
				this.map.fitBounds(bounds, {maxZoom: 17, padding: [40, 40]});
			}
		}
	}

	_onShapeEdited() {
		if (!this.state || !this._editLayer) {
			return;
		}
		const first = this._editLayer.getLayers()[0];
		this.state.geometry = first ? first.toGeoJSON(7).geometry : null;
		this._clearProblem();
		if (this.state.notice?.problem) {
			this._update({notice: null});
		}
	}

	_icon() {
		const {collection} = this.state;
		const props = {...(this.state.original?.properties || {}), ...(this.state.values || {})};
		const html = markerHtml(collection, {id: this.state.original?.id ?? 'new', properties: props}, 32);
		return new DivIcon({className: 'hetu-marker-icon hetu-edit-marker', html, iconSize: [32, 32], iconAnchor: [16, 16]});
	}

	// ---- saving

	async save() {
		const state = this.state;
		if (!state || state.saving) {
			return;
		}
		const values = this._values();
		if (!state.isProject) {
			const errors = validateValues(state.fields, values, state.jsonTypes, state.rules);
			if (Object.keys(errors).length) {
				this._update({fieldErrors: errors, notice: {kind: 'error', text: this.i18n.t('edit.checkFields')}});
				this.panel.form?.focusFirstError();
				return;
			}
		}
		if (!state.geometry && !state.isProject) {
			this._update({notice: {kind: 'error', text: this.i18n.t(state.isNew ? 'edit.needShape' : 'edit.needShapeKept')}});
			return;
		}
		// A shape entering protected land is saved only once the editor has decided (land/ConflictGuard).
		const changedShape = state.isNew || !sameGeometry(state.original?.geometry, state.geometry);
		if (changedShape && this.callbacks.confirmSave) {
			state.saving = true;
			const goAhead = await this.callbacks.confirmSave(state.collection, state.original?.id ?? null, state.geometry).catch(() => true);
			state.saving = false;
			if (!goAhead || this.state !== state) {
				return;
			}
		}
		this._update({saving: true, fieldErrors: {}, notice: null, confirmDelete: false});
		try {
			const feature = await this._write(values);
			if (feature === null) {
				this.toast.show(this.i18n.t('edit.nothingChanged'));
				this._finish();
				return;
			}
			this.toast.show(this.i18n.t(state.isNew ? 'edit.created' : state.isProject ? 'edit.footprintSaved' : 'edit.saved'), {kind: 'ok'});
			const collection = state.collection;
			this._finish();
			this.callbacks.onSaved?.(collection, feature, {created: state.isNew});
		} catch (error) {
			this._onSaveError(error, values);
		}
	}

	/** Sends the change; answers the feature as the server now has it, or null when nothing changed. */
	async _write(values, based = null) {
		const state = this.state;
		const original = based?.original || state.original;
		const etag = based?.etag || state.etag;
		if (state.isNew) {
			const properties = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''));
			const {feature} = await this.api.createItem(state.collection, {type: 'Feature', properties, geometry: state.geometry});
			return feature;
		}
		if (state.isProject) {
			if (sameGeometry(original.geometry, state.geometry)) {
				return null;
			}
			await this.api.updateProject(original.id, {properties: {version: original.properties.version}, geometry: state.geometry});
			return this.api.item('project', original.id);
		}
		const patch = featurePatch(original, {properties: values, geometry: state.geometry});
		if (!patch) {
			return null;
		}
		const {feature} = await this.api.patchItem(state.collection, original.id, patch, etag);
		return feature;
	}

	_onSaveError(error, values) {
		const state = this.state;
		if (!state) {
			return;
		}
		const t = (key, params) => this.i18n.t(key, params);
		state.saving = false;
		if (error?.isStale) {
			const current = {...error.current, id: state.original?.id};
			const mine = {properties: {...(state.original?.properties || {}), ...values}, geometry: state.geometry};
			const rows = conflictRows(state.original, mine, current);
			if (rows.some((row) => row.key === 'geom')) {
				this._theirs.show(current.geometry);
			}
			this._update({conflict: {current, mine, rows}, notice: null});
			return;
		}
		if (isGeometryProblem(error)) {
			const key = geometryProblemKey(error);
			this._markProblem(error.location);
			this._update({notice: {kind: 'error', problem: key, text: t(key) + (error.location ? `${this.i18n.isChinese ? '' : ' '}${t('edit.problemMarked')}` : '')}});
			return;
		}
		const refusedField = error?.status === 400 || (error?.status === 409 && error.code === 'duplicate');
		if (refusedField && error.parameter && state.fields.some((f) => f.key === error.parameter)) {
			this._update({fieldErrors: {[error.parameter]: refusalMessage(error)}, notice: {kind: 'error', text: t('edit.checkFields')}});
			this.panel.form?.focusFirstError();
			return;
		}
		let text;
		if (error?.status === 400) {
			text = t('edit.refused');
		} else if (error?.code === 'duplicate') {
			text = t('edit.duplicate');
		} else if (error?.status === 403) {
			text = t('edit.forbidden');
		} else if (error?.status === 409 || error?.status === 412) {
			text = t('error.conflict');
		} else {
			text = problemText(error, this.i18n);
		}
		this._update({notice: {kind: 'error', text}});
	}

	/** Puts the user's changes on top of the version saved meanwhile, and saves again. */
	async _reapply() {
		const state = this.state;
		const {current, mine} = state.conflict;
		const rebased = reapply(state.original, mine, current);
		const base = {original: current, etag: `"${current.properties?.version ?? 0}"`};
		this._theirs.clearLayers();
		Object.assign(state, {original: current, etag: base.etag, geometry: rebased.geometry, values: rebased.properties, resetValues: true, conflict: null, saving: true});
		this._drawEditable();
		this._render();
		try {
			const feature = state.isProject
				? await this._write({}, base)
				: await this._write(Object.fromEntries(state.fields.map((f) => [f.key, rebased.properties[f.key] ?? null])), base);
			this.toast.show(this.i18n.t('edit.saved'), {kind: 'ok'});
			const collection = state.collection;
			this._finish();
			if (feature) {
				this.callbacks.onSaved?.(collection, feature, {created: false});
			}
		} catch (error) {
			this._onSaveError(error, state.values);
		}
	}

	/** Drops the user's changes and edits the version saved meanwhile. */
	_reload() {
		const state = this.state;
		const current = state.conflict.current;
		this._theirs.clearLayers();
		Object.assign(state, {
			original: current, etag: `"${current.properties?.version ?? 0}"`, geometry: current.geometry,
			values: {...current.properties}, resetValues: true, conflict: null,
			notice: {kind: 'info', text: this.i18n.t('edit.reloaded')}
		});
		this._drawEditable();
		this._render();
	}

	async _delete() {
		const state = this.state;
		this._update({saving: true, confirmDelete: false});
		try {
			await this.api.deleteItem(state.collection, state.original.id, state.etag);
			const {collection} = state;
			const id = state.original.id;
			this.toast.show(this.i18n.t('edit.deleted'), {kind: 'ok'});
			this._finish();
			this.callbacks.onDeleted?.(collection, id);
		} catch (error) {
			this.state.saving = false;
			const text = error?.status === 403 ? this.i18n.t('edit.forbidden')
				: error?.status === 412 || error?.status === 409 ? this.i18n.t('error.conflict') : problemText(error, this.i18n);
			this._update({notice: {kind: 'error', text}});
		}
	}

	// ---- leaving

	/** Leaves without saving. */
	cancel() {
		if (!this.state) {
			return;
		}
		const {collection, original} = this.state;
		this._finish();
		this.callbacks.onClosed?.(collection, original ? String(original.id) : null);
	}

	_finish() {
		this._teardown();
	}

	_teardown(options = {}) {
		const {silent = false} = options;
		if (!this.state) {
			return;
		}
		this.pm?.disableDraw();
		this.map.off('pm:create', this._onCreate, this);
		this._editLayer?.remove();
		this._editLayer = null;
		this._clearProblem();
		this._theirs.clearLayers();
		this.hint.hide();
		this.panel.hide();
		this.state = null;
		if (!silent) {
			this.callbacks.onEditing?.(null, null);
		}
	}

	// ---- helpers

	/** The form's values, typed; the current values for a footprint (no form). */
	_values() {
		const state = this.state;
		const read = this.panel.values();
		if (read) {
			state.values = {...state.values, ...read};
		}
		return Object.fromEntries(state.fields.map((f) => [f.key, state.values[f.key] ?? null]));
	}

	/** The JSON types of a collection's properties, from its queryables, else guessed from values at hand. */
	async _typesOf(collection, properties = {}) {
		if (!this._jsonTypes.has(collection)) {
			try {
				const schema = await this.api.queryables(collection);
				this._jsonTypes.set(collection, Object.fromEntries(Object.entries(schema?.properties || {}).map(([key, p]) => [key, p.type || null])));
				this._rules.set(collection, schema?.properties || {});
			} catch {
				return Object.fromEntries(Object.entries(properties).map(([key, v]) => [key, typeof v === 'number' ? 'number' : null]));
			}
		}
		return this._jsonTypes.get(collection);
	}

	_markProblem(location) {
		this._clearProblem();
		if (!location) {
			return;
		}
		const [lon, lat] = location;
		new Marker([lat, lon], {
			pane: 'hetu-highlight', interactive: false, keyboard: false,
			icon: new DivIcon({
				className: 'hetu-problem-marker', iconSize: [40, 40], iconAnchor: [20, 20],
				html: `<span class="hetu-problem-marker__ring" data-lon="${lon}" data-lat="${lat}"></span><span class="hetu-problem-marker__cross">×</span>`
			})
		}).addTo(this._problem);
		if (!this.map.getBounds().pad(-0.1).contains([lat, lon])) {
			this.map.panTo([lat, lon]);
		}
	}

	_clearProblem() {
		this._problem.clearLayers();
	}

	_update(change) {
		if (!this.state) {
			return;
		}
		if (this.panel.form && !('values' in change)) {
			const read = this.panel.values();
			if (read) {
				this.state.values = {...this.state.values, ...read};
			}
		}
		Object.assign(this.state, change);
		this._render();
	}

	_refresh() {
		if (this.state) {
			this.pm?.setLang(this.i18n.isChinese ? 'zh' : 'en');
			this._render();
		}
	}

	_render() {
		const state = this.state;
		if (!state) {
			return;
		}
		this.panel.render(state);
		const t = (key, params) => this.i18n.t(key, params);
		if (state.drawing) {
			this.hint.show(t(`edit.hint.${state.drawing}`), [
				state.drawing !== 'Marker' ? {label: t('edit.finishDrawing'), action: 'finish-drawing', onClick: () => this._finishDraw()} : null,
				{label: t('edit.stopDrawing'), action: 'stop-drawing', kind: 'secondary', onClick: () => this._stopDraw()}
			].filter(Boolean), {mode: 'drawing'});
		} else if (state.notice?.problem) {
			this.hint.show(state.notice.text, [], {tone: 'error', mode: 'problem'});
		} else if (state.conflict) {
			this.hint.show(t(state.conflict.rows.some((r) => r.key === 'geom') ? 'edit.hint.conflict' : 'edit.hint.conflictFields'), [], {tone: 'error', mode: 'conflict'});
		} else if (state.geometry) {
			this.hint.show(t(/Point/.test(state.geometry.type) ? 'edit.hint.movePoint' : 'edit.hint.moveVertices'), [], {mode: 'editing'});
		} else {
			this.hint.show(t('edit.hint.noShape'), [], {mode: 'editing'});
		}
	}
}

