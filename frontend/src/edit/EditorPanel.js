import {el, replaceChildren} from '../util/dom.js';
import {attributeForm} from './AttributeForm.js';
import {conflictView} from '../ui/conflictView.js';

/** The shapes Geoman draws, by the geometry type of a collection. */
export const SHAPES = {Point: ['Marker'], LineString: ['Line'], MultiPolygon: ['Polygon'], Polygon: ['Polygon'], Geometry: ['Marker', 'Line', 'Polygon']};

/**
 * The editor's side panel (a bottom sheet on phones): what is being edited, the shape's state
 * with the drawing tools, the attribute form, messages, and — when someone else saved the
 * feature meanwhile — both versions side by side with the choice to reload or re-apply.
 * It draws the state MapEditor owns and reports choices through callbacks.
 */
export class EditorPanel {
	constructor(options) {
		const {container, i18n, collectionTitle, departments, departmentName, formatter, callbacks} = options;
		Object.assign(this, {container, i18n, collectionTitle, departments, departmentName, formatter, callbacks});
		this.form = null;
		this.container.hidden = true;
	}

	/** The values in the form now (the user's typing), or null without a form. */
	values() {
		return this.form ? this.form.read() : null;
	}

	hide() {
		this.form = null;
		this.container.hidden = true;
		this.container.replaceChildren();
	}

	render(state) {
		const t = (key, params) => this.i18n.t(key, params);
		const {collection} = state;
		this.container.hidden = false;
		this.container.dataset.collection = collection;
		this.container.dataset.mode = state.isNew ? 'create' : 'edit';
		const close = el('button', {
			type: 'button', class: 'hetu-icon-button hetu-detail__close', 'aria-label': t('edit.cancel'), title: t('edit.cancel'),
			onclick: () => this.callbacks.onCancel()
		}, '×');
		const head = el('div', {class: 'hetu-detail__head hetu-editor__head'},
			el('div', {class: 'hetu-detail__titles'},
				el('div', {class: 'hetu-detail__kind'}, this.collectionTitle(collection)),
				el('h2', {class: 'hetu-detail__name'}, state.isNew ? t('edit.newTitle', {layer: this.collectionTitle(collection)})
					: state.isProject ? t('edit.footprintTitle', {name: state.title}) : t('edit.editTitle', {name: state.title})),
				el('p', {class: 'hetu-editor__lead'}, t(state.isProject ? 'edit.footprintLead' : state.isNew ? 'edit.newLead' : 'edit.editLead'))),
			close);

		const body = el('div', {class: 'hetu-detail__body hetu-editor__body'},
			this._notice(state),
			state.conflict ? this._conflict(state) : null,
			state.conflict ? null : this._geometry(state),
			state.isProject || state.conflict ? null : this._form(state));

		const footer = state.conflict ? null : el('div', {class: 'hetu-editor__footer'},
			el('button', {
				type: 'button', class: 'hetu-button', 'data-action': 'save-feature', disabled: state.saving || Boolean(state.drawing),
				onclick: () => this.callbacks.onSave()
			}, t(state.saving ? 'edit.saving' : 'edit.save')),
			el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'cancel-edit', disabled: state.saving,
				onclick: () => this.callbacks.onCancel()}, t('edit.cancel')),
			state.isNew || state.isProject ? null : this._delete(state));
		replaceChildren(this.container, el('div', {class: 'hetu-detail__handle', 'aria-hidden': 'true'}), head, body, footer);
	}

	_notice(state) {
		const notice = state.notice;
		if (!notice) {
			return null;
		}
		return el('div', {
			class: `hetu-notice hetu-notice--${notice.kind === 'error' ? 'error' : notice.kind === 'ok' ? 'ok' : 'info'} hetu-editor__notice`,
			role: notice.kind === 'error' ? 'alert' : 'status', 'data-kind': notice.kind, 'data-problem': notice.problem || null
		}, notice.text);
	}

	_geometry(state) {
		const t = (key, params) => this.i18n.t(key, params);
		const shapes = SHAPES[state.geometryType] || ['Marker'];
		let status;
		if (state.drawing) {
			status = t(`edit.drawing.${state.drawing}`);
		} else if (state.geometry) {
			status = t(state.isNew ? 'edit.shapeDrawn' : 'edit.shapeEditable', {shape: t(`edit.shape.${geometryShape(state.geometry.type)}`)});
		} else {
			status = t('edit.noShape');
		}
		const buttons = state.drawing
			? [
				state.drawing !== 'Marker' ? el('button', {type: 'button', class: 'hetu-button hetu-button--small', 'data-action': 'finish-drawing',
					onclick: () => this.callbacks.onFinishDraw()}, t('edit.finishDrawing')) : null,
				el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'stop-drawing',
					onclick: () => this.callbacks.onStopDraw()}, t('edit.stopDrawing'))
			]
			: [
				...shapes.map((shape) => el('button', {
					type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'draw', 'data-shape': shape,
					onclick: () => this.callbacks.onDraw(shape)
				}, t(state.geometry ? `edit.redraw.${shape}` : `edit.draw.${shape}`))),
				state.isProject && state.geometry ? el('button', {
					type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary', 'data-action': 'clear-shape',
					onclick: () => this.callbacks.onClearGeometry()
				}, t('edit.clearFootprint')) : null
			];
		return el('section', {class: 'hetu-editor__shape', 'data-shape-state': state.drawing ? 'drawing' : state.geometry ? 'ready' : 'empty'},
			el('h3', {class: 'hetu-detail__section'}, t('edit.shapeSection')),
			el('p', {class: 'hetu-editor__shape-status'}, status),
			el('div', {class: 'hetu-editor__tools'}, buttons));
	}

	_form(state) {
		const previous = this.form;
		if (previous && !state.resetValues) {
			state.values = {...state.values, ...previous.read()};
		}
		state.resetValues = false;
		this.form = attributeForm({
			fields: state.fields, values: state.values, collection: state.collection, i18n: this.i18n,
			departments: this.departments, departmentName: this.departmentName, idPrefix: 'hetu-edit', jsonTypes: state.jsonTypes,
			rules: state.rules || {}
		});
		this.form.setErrors(state.fieldErrors || {});
		return el('section', {class: 'hetu-editor__attributes'},
			el('h3', {class: 'hetu-detail__section'}, this.i18n.t('edit.attributes')),
			el('form', {class: 'hetu-editor__form', novalidate: true, onsubmit: (e) => {
				e.preventDefault();
				this.callbacks.onSave();
			}}, this.form.element));
	}

	_delete(state) {
		const t = (key) => this.i18n.t(key);
		if (state.confirmDelete) {
			return el('span', {class: 'hetu-inline-confirm hetu-editor__confirm'},
				el('span', {}, t('edit.confirmDelete')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--danger', 'data-action': 'confirm-delete',
					onclick: () => this.callbacks.onDelete()}, t('edit.delete')),
				el('button', {type: 'button', class: 'hetu-button hetu-button--small hetu-button--secondary',
					onclick: () => this.callbacks.onConfirmDelete(false)}, t('edit.keep')));
		}
		return el('button', {type: 'button', class: 'hetu-button hetu-button--secondary hetu-button--danger-text hetu-editor__delete', 'data-action': 'delete-feature',
			onclick: () => this.callbacks.onConfirmDelete(true)}, t('edit.delete'));
	}

	_conflict(state) {
		return conflictView({
			i18n: this.i18n, formatter: this.formatter, collection: state.collection, fields: state.fields, conflict: state.conflict,
			saving: state.saving, onReapply: () => this.callbacks.onReapply(), onReload: () => this.callbacks.onReload()
		});
	}
}

/** 'point', 'line' or 'area' for a GeoJSON geometry type. */
export function geometryShape(type) {
	if (/Point/.test(type || '')) {
		return 'point';
	}
	return /Polygon/.test(type || '') ? 'area' : 'line';
}
