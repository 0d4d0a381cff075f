import '../styles/imports.css';
import {isAbort} from '../api/ApiError.js';
import {fieldLabelKey} from '../catalog/Schema.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {saveBlob} from '../util/saveBlob.js';
import {EXPORT_FORMATS, ImportApi, crsChoices, crsName, isRunning} from './ImportApi.js';
import {countyGkZones} from '../county/County.js';
import {ImportPreview} from './ImportPreview.js';

/** How often a running job is asked for its progress. */
const POLL_MS = 700;

const NEW_LAYER = '__new__';

/**
 * Bringing data in and taking it out (#/imports, #/imports?job=…): upload a file into a
 * collection the user may edit or, for administrators, a new layer; read the report (CRS and
 * encoding found, features outside the county, invalid geometries with reason and place,
 * duplicates, values that do not fit), adjust the field mapping with the first features on a
 * map, commit with a progress bar and a cancel button; export any collection in any format.
 */
export class ImportsPage {
	constructor(options) {
		const {container, i18n, api, session, layers = [], collectionTitle = (id) => id, county = null, toast = null,
			mapBbox = () => null, onParams = () => {}, onOpenLayer = () => {}} = options;
		Object.assign(this, {container, i18n, api, session, layers, collectionTitle, county, toast, mapBbox});
		this.callbacks = {onParams, onOpenLayer};
		this.titleKey = 'imports.title';
		this.importApi = new ImportApi({api});
		this.job = null;
		this.decision = null;
		this._unsubscribe = i18n.onChange(() => this.render());
		this.container.classList.add('hetu-imports');
	}

	destroy() {
		this._destroyed = true;
		this._unsubscribe();
		clearTimeout(this._timer);
		this._controller?.abort();
		this.preview?.destroy();
	}

	show(params = {}) {
		const id = params.job || null;
		if (id && id !== this.job?.id) {
			this._load(id);
		} else if (!id) {
			this.job = null;
			this.decision = null;
		}
		this._loadRecent();
		this.render();
	}

	// ---- data

	async _load(id) {
		clearTimeout(this._timer);
		this._controller?.abort();
		const controller = this._controller = new AbortController();
		try {
			const job = await this.importApi.job(id, {signal: controller.signal});
			if (controller === this._controller && !this._destroyed) {
				this._setJob(job);
			}
		} catch (error) {
			if (!isAbort(error)) {
				this.error = error;
				this.render();
			}
		}
	}

	_setJob(job) {
		const before = this.job;
		this.job = job;
		if (job.report && (!this.decision || before?.id !== job.id || before?.state !== job.state)) {
			this.decision = {
				mapping: {...job.report.mapping}, defaults: this.decision && before?.id === job.id ? this.decision.defaults : {},
				invalid: 'repair', duplicates: 'skip', ignoreCrsWarning: false
			};
			this.checks = job.report.checks;
		}
		if (before && before.state !== job.state) {
			this._loadRecent();
		}
		if (before?.state === 'committing' && job.state === 'committed') {
			this.toast?.show(this.i18n.t('imports.committedToast', {count: job.result?.inserted ?? 0}), {kind: 'ok'});
		}
		this.render();
		if (isRunning(job)) {
			this._timer = setTimeout(() => this._load(job.id), POLL_MS);
		}
	}

	async _loadRecent() {
		try {
			this.recent = await this.importApi.recent();
			this.render();
		} catch {
			this.recent = null;
		}
	}

	// ---- actions

	async _upload(form) {
		const data = new FormData(form);
		const file = data.get('file');
		if (!file || !file.name) {
			this.formError = this.i18n.t('imports.chooseFile');
			this.render();
			return;
		}
		const target = data.get('target');
		const fields = {encoding: data.get('encoding'), crs: data.get('crs')};
		if (target === NEW_LAYER) {
			Object.assign(fields, {newLayer: String(data.get('newLayer') || '').trim(), title: String(data.get('title') || '').trim()});
		} else {
			fields.collection = target;
		}
		this.formError = null;
		this.uploading = true;
		this.render();
		try {
			const job = await this.importApi.upload(file, fields);
			this.uploading = false;
			this.decision = null;
			this.callbacks.onParams({job: job.id});
			this._setJob(job);
		} catch (error) {
			this.uploading = false;
			this.formError = this._problem(error);
			this.render();
		}
	}

	_body() {
		return {...this.decision, mapping: this.decision.mapping, defaults: this.decision.defaults};
	}

	async _check() {
		try {
			this.checks = await this.importApi.check(this.job.id, this._body());
			this.commitError = null;
		} catch (error) {
			this.commitError = this._problem(error);
		}
		this.render();
	}

	async _commit() {
		this.commitError = null;
		try {
			const job = await this.importApi.commit(this.job.id, this._body());
			this._setJob(job);
		} catch (error) {
			this.commitError = this._problem(error);
			if (error.status === 422) {
				this.checks = await this.importApi.check(this.job.id, this._body()).catch(() => this.checks);
			}
			this.render();
		}
	}

	async _cancel() {
		try {
			this._setJob(await this.importApi.cancel(this.job.id));
		} catch (error) {
			this.commitError = this._problem(error);
			this.render();
		}
	}

	async _export(form) {
		const data = new FormData(form);
		const collection = data.get('collection');
		const bbox = data.get('inView') ? this.mapBbox() : null;
		this.exportError = null;
		this.exporting = true;
		this.render();
		try {
			const {blob, filename} = await this.importApi.exportCollection(collection, {
				format: data.get('format'), crs: `EPSG:${data.get('crs')}`, encoding: data.get('encoding'), lang: this.i18n.locale,
				bbox: bbox ? bbox.map((v) => v.toFixed(6)).join(',') : null, filter: String(data.get('filter') || '').trim()
			});
			saveBlob(blob, filename || `${collection}.${data.get('format')}`);
		} catch (error) {
			this.exportError = this._problem(error);
		}
		this.exporting = false;
		this.render();
	}

	/** The status's message, with the server's own words underneath for those who want them. */
	_problem(error) {
		const t = this.i18n.t.bind(this.i18n);
		const key = {413: 'imports.error.tooLarge', 422: 'imports.error.unprocessable', 409: 'imports.error.conflict'}[error?.status];
		return {text: key ? t(key) : problemText(error, this.i18n), detail: error?.detail || ''};
	}

	// ---- drawing

	render() {
		if (this._destroyed) {
			return;
		}
		const t = this.i18n.t.bind(this.i18n);
		replaceChildren(this.container,
			el('p', {class: 'hetu-hint'}, t('imports.intro')),
			this._uploadCard(t),
			this.job ? this._jobCard(t) : null,
			this.error ? el('p', {class: 'hetu-imports__error', role: 'alert'}, problemText(this.error, this.i18n)) : null,
			this._exportCard(t),
			this._recentCard(t));
		const holder = this.container.querySelector('[data-preview]');
		if (holder && this.preview && this.previewJob === this.job.id) {
			this.preview.moveTo(holder);
		} else {
			this.preview?.destroy();
			this.preview = null;
			if (holder) {
				this.preview = new ImportPreview({container: holder, i18n: this.i18n, county: this.county});
				this.preview.show(this.job.report.preview);
				this.previewJob = this.job.id;
			}
		}
	}

	_uploadCard(t) {
		const editable = this.layers.filter((l) => this.session.canEdit(l.id));
		const newLayerFields = el('div', {class: 'hetu-imports__new', hidden: true},
			field(t('imports.newLayerId'), el('input', {name: 'newLayer', class: 'hetu-input', pattern: '[a-z][a-z0-9_]{1,40}',
				placeholder: 'survey_ditches', autocomplete: 'off'})),
			field(t('imports.newLayerTitle'), el('input', {name: 'title', class: 'hetu-input', placeholder: t('imports.newLayerTitleHint')})));
		const target = el('select', {name: 'target', class: 'hetu-input', onchange: (e) => {
			newLayerFields.hidden = e.target.value !== NEW_LAYER;
		}},
		editable.map((l) => el('option', {value: l.id}, this.collectionTitle(l.id))),
		this.session.isAdmin ? el('option', {value: NEW_LAYER}, t('imports.newLayer')) : null);
		newLayerFields.hidden = editable.length > 0;
		return el('form', {class: 'hetu-card hetu-imports__upload', id: 'hetu-import-form', onsubmit: (e) => {
			e.preventDefault();
			this._upload(e.target);
		}},
		el('h3', {}, t('imports.uploadTitle')),
		el('p', {class: 'hetu-hint'}, t('imports.formats')),
		field(t('imports.file'), el('input', {type: 'file', name: 'file', class: 'hetu-input', required: true,
			accept: '.zip,.gpkg,.geojson,.json,.kml,.kmz,.csv'})),
		field(t('imports.target'), target),
		newLayerFields,
		el('div', {class: 'hetu-imports__row'},
			field(t('imports.encoding'), el('select', {name: 'encoding', class: 'hetu-input'},
				el('option', {value: ''}, t('imports.auto')), ['UTF-8', 'GBK', 'GB18030'].map((e) => el('option', {value: e}, e)))),
			field(t('imports.crs'), el('select', {name: 'crs', class: 'hetu-input'},
				el('option', {value: ''}, t('imports.crsFromFile')),
				crsChoices(countyGkZones()).map((code) => el('option', {value: `EPSG:${code}`}, crsName(code, t)))))),
		this.formError ? problemView(this.formError) : null,
		el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'upload', disabled: this.uploading || null},
			this.uploading ? t('imports.uploading') : t('imports.upload')));
	}

	_jobCard(t) {
		const job = this.job;
		const progress = job.progress ?? (job.state === 'committed' ? 100 : 0);
		return el('section', {class: 'hetu-card hetu-imports__job', 'data-state': job.state, 'data-job': job.id, 'aria-live': 'polite'},
			el('h3', {}, t('imports.jobTitle', {file: job.fileName})),
			el('p', {class: 'hetu-imports__state'}, t(`imports.state.${job.state}`),
				job.target ? ` → ${this.collectionTitle(job.target)}` : job.newLayer ? ` → ${t('imports.newLayer')} ${job.newLayer.title} (${job.newLayer.id})` : ''),
			isRunning(job) ? el('div', {class: 'hetu-imports__progress'},
				el('progress', {max: '100', value: String(progress), 'aria-label': t('imports.progress')}),
				el('span', {}, `${progress}%`),
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'cancel-import',
					onclick: () => this._cancel()}, t('common.cancel'))) : null,
			job.source ? this._sourceView(t, job.source) : null,
			job.error ? el('p', {class: 'hetu-imports__error', role: 'alert'}, t('imports.failed'), el('br'),
				el('small', {}, job.error)) : null,
			job.state === 'ready' && job.report ? this._reportView(t, job.report) : null,
			job.state === 'committed' && job.result ? this._resultView(t, job) : null);
	}

	_sourceView(t, source) {
		const crs = source.crs || {};
		const encoding = source.encoding || {};
		return el('dl', {class: 'hetu-imports__facts'},
			fact(t('imports.format'), String(source.format || '').toUpperCase()),
			fact(t('imports.features'), String(source.featureCount ?? '')),
			fact(t('imports.crsFound'), `${crs.epsg ? `EPSG:${crs.epsg} ` : ''}${crs.name || ''} · ${t(`imports.origin.${crs.origin}`)}`,
				{'data-crs': crs.epsg || ''}),
			fact(t('imports.encodingFound'), `${encoding.name || ''} · ${t(`imports.origin.${encoding.origin}`)}`,
				{'data-encoding': encoding.name || ''}));
	}

	_reportView(t, report) {
		const decision = this.decision;
		return el('div', {class: 'hetu-imports__report'},
			report.likelyWrongCrs ? el('div', {class: 'hetu-imports__warning', role: 'alert', 'data-warning': 'crs'},
				t('imports.wrongCrs', {inside: report.insideCounty, total: report.featureCount}),
				el('label', {class: 'hetu-imports__check'}, el('input', {type: 'checkbox', checked: decision.ignoreCrsWarning || null,
					onchange: (e) => {
						decision.ignoreCrsWarning = e.target.checked;
					}}), t('imports.ignoreCrs'))) : null,
			el('div', {class: 'hetu-imports__split'},
				el('div', {class: 'hetu-imports__preview', 'data-preview': ''}),
				el('div', {},
					problemList(t, 'invalid', report.invalid, t('imports.invalid')),
					problemList(t, 'wrong-type', report.wrongType, t('imports.wrongType', {type: report.targetGeometryType})),
					report.emptyGeometries ? el('p', {}, t('imports.empty', {count: report.emptyGeometries})) : null)),
			this._mappingView(t, report),
			this._checksView(t),
			el('div', {class: 'hetu-imports__choices'},
				choice(t, 'invalid', ['repair', 'skip'], decision),
				choice(t, 'duplicates', ['skip', 'update', 'insert'], decision)),
			this.commitError ? problemView(this.commitError) : null,
			el('div', {class: 'hetu-imports__actions'},
				el('button', {type: 'button', class: 'hetu-button hetu-button--secondary', 'data-action': 'check-import',
					onclick: () => this._check()}, t('imports.check')),
				el('button', {type: 'button', class: 'hetu-button', 'data-action': 'commit-import',
					onclick: () => this._commit()}, t('imports.commit'))));
	}

	_mappingView(t, report) {
		const fields = report.fields.map((f) => f.name);
		const rows = report.targetColumns.map((column) => {
			const fixed = column.sourceTitle;
			const select = fixed ? el('span', {class: 'hetu-imports__fixed'}, fixed)
				: el('select', {class: 'hetu-input', 'data-column': column.name, 'aria-label': t('imports.sourceFor', {column: column.name}),
					onchange: (e) => {
						if (e.target.value) {
							this.decision.mapping[column.name] = e.target.value;
						} else {
							delete this.decision.mapping[column.name];
						}
					}},
				el('option', {value: ''}, t('imports.notImported')),
				fields.map((f) => el('option', {value: f, selected: this.decision.mapping[column.name] === f || null}, f)));
			const fallback = fixed ? null : el('input', {class: 'hetu-input', 'data-default': column.name, value: this.decision.defaults[column.name] || '',
				placeholder: column.required ? t('imports.required') : '', 'aria-label': t('imports.defaultFor', {column: column.name}),
				oninput: (e) => {
					this.decision.defaults[column.name] = e.target.value;
				}});
			return el('tr', {}, el('th', {scope: 'row'}, this._columnLabel(column), column.required ? el('span', {class: 'hetu-required'}, ' *') : null),
				el('td', {}, select), el('td', {}, fallback));
		});
		return el('details', {class: 'hetu-imports__mapping', open: true},
			el('summary', {}, t('imports.mapping')),
			el('p', {class: 'hetu-hint'}, t('imports.mappingHint')),
			el('table', {class: 'hetu-table'},
				el('thead', {}, el('tr', {}, el('th', {}, t('imports.column')), el('th', {}, t('imports.sourceField')), el('th', {}, t('imports.default')))),
				el('tbody', {}, rows)));
	}

	_columnLabel(column) {
		const key = fieldLabelKey(this.job.target, column.name, this.i18n.messages);
		const label = this.i18n.has?.(key) ? this.i18n.t(key) : null;
		return label && label !== key ? `${label} (${column.name})` : column.name;
	}

	_checksView(t) {
		const checks = this.checks;
		if (!checks) {
			return null;
		}
		const items = [];
		for (const bad of checks.badValues || []) {
			items.push(el('li', {'data-check': 'bad-value'}, t('imports.badValues', {count: bad.count, field: bad.field, column: bad.column, type: bad.type}),
				' ', el('small', {}, bad.examples.join('; '))));
		}
		for (const missing of checks.missing || []) {
			items.push(el('li', {'data-check': 'missing'}, missing.count < 0 ? t('imports.missingColumn', {column: missing.column})
				: t('imports.missingValues', {column: missing.column, count: missing.count})));
		}
		const duplicates = checks.duplicates || {};
		if (duplicates.inFile || duplicates.existing) {
			items.push(el('li', {'data-check': 'duplicates'}, t('imports.duplicates', {inFile: duplicates.inFile, existing: duplicates.existing}),
				duplicates.examples?.length ? el('small', {}, ` ${duplicates.examples.join(', ')}`) : null));
		}
		return el('div', {class: 'hetu-imports__checks', 'data-blocking': String((checks.badValues || []).length + (checks.missing || []).length > 0)},
			el('h4', {}, t('imports.checks')),
			items.length ? el('ul', {}, items) : el('p', {class: 'hetu-imports__ok'}, t('imports.checksOk')));
	}

	_resultView(t, job) {
		const r = job.result;
		const layer = job.target || job.newLayer?.id;
		return el('div', {class: 'hetu-imports__result', 'data-inserted': String(r.inserted)},
			el('p', {}, t('imports.result', {inserted: r.inserted, updated: r.updated, skipped: r.skippedGeometry + r.skippedDuplicates,
				renamed: r.renamedDuplicates, seconds: r.seconds, rate: r.featuresPerSecond})),
			el('button', {type: 'button', class: 'hetu-button', 'data-action': 'open-layer', onclick: () => this.callbacks.onOpenLayer(layer, Boolean(job.newLayer))},
				t('imports.showOnMap')));
	}

	_exportCard(t) {
		return el('form', {class: 'hetu-card hetu-imports__export', id: 'hetu-export-form', onsubmit: (e) => {
			e.preventDefault();
			this._export(e.target);
		}},
		el('h3', {}, t('imports.exportTitle')),
		el('div', {class: 'hetu-imports__row'},
			field(t('imports.collection'), el('select', {name: 'collection', class: 'hetu-input'},
				this.layers.map((l) => el('option', {value: l.id}, this.collectionTitle(l.id))))),
			field(t('imports.format'), el('select', {name: 'format', class: 'hetu-input'},
				EXPORT_FORMATS.map((f) => el('option', {value: f}, t(`imports.formatName.${f}`))))),
			field(t('imports.crs'), el('select', {name: 'crs', class: 'hetu-input'},
				crsChoices(countyGkZones()).map((code) => el('option', {value: code}, crsName(code, t))))),
			field(t('imports.encoding'), el('select', {name: 'encoding', class: 'hetu-input'},
				['UTF-8', 'GBK'].map((e) => el('option', {value: e}, e))))),
		field(t('imports.filter'), el('input', {name: 'filter', class: 'hetu-input', placeholder: "class = 'large'", autocomplete: 'off'})),
		el('label', {class: 'hetu-imports__check'}, el('input', {type: 'checkbox', name: 'inView', value: '1'}), t('imports.inView')),
		this.exportError ? problemView(this.exportError) : null,
		el('button', {type: 'submit', class: 'hetu-button', 'data-action': 'export', disabled: this.exporting || null},
			this.exporting ? t('imports.exporting') : t('imports.download')));
	}

	_recentCard(t) {
		if (!this.recent?.length) {
			return null;
		}
		return el('section', {class: 'hetu-card hetu-imports__recent'},
			el('h3', {}, t('imports.recent')),
			el('table', {class: 'hetu-table'},
				el('tbody', {}, this.recent.slice(0, 5).map((job) => el('tr', {},
					el('td', {}, el('a', {href: `#/imports?job=${job.id}`}, job.fileName)),
					el('td', {}, job.target ? this.collectionTitle(job.target) : job.newLayer?.title || ''),
					el('td', {}, t(`imports.state.${job.state}`)),
					el('td', {}, job.result ? String(job.result.inserted + job.result.updated) : ''))))));
	}
}

function field(label, control) {
	return el('label', {class: 'hetu-field'}, el('span', {class: 'hetu-field__label'}, label), control);
}

function fact(term, value, attrs = {}) {
	return el('div', {class: 'hetu-imports__fact', ...attrs}, el('dt', {}, term), el('dd', {}, value));
}

function problemView(problem) {
	return el('div', {class: 'hetu-imports__error', role: 'alert'}, problem.text,
		problem.detail ? el('small', {class: 'hetu-imports__detail'}, problem.detail) : null);
}

function problemList(t, kind, problems, title) {
	if (!problems?.count) {
		return null;
	}
	return el('div', {class: 'hetu-imports__problems', 'data-problems': kind},
		el('h4', {}, `${title}: ${problems.count}`),
		el('ul', {}, problems.items.slice(0, 10).map((p) => el('li', {},
			t('imports.feature', {n: p.feature}), ' ', p.reason,
			p.location ? el('small', {}, ` @ ${p.location[0].toFixed(6)}, ${p.location[1].toFixed(6)}`) : null))));
}

function choice(t, name, values, decision) {
	return el('fieldset', {class: 'hetu-imports__choice'},
		el('legend', {}, t(`imports.${name}.legend`)),
		values.map((value) => el('label', {},
			el('input', {type: 'radio', name: `import-${name}`, value, checked: decision[name] === value || null,
				onchange: () => {
					decision[name] = value;
				}}),
			t(`imports.${name}.${value}`))));
}
