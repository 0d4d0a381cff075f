import '../styles/river.css';
import {CircleMarker, GeoJSON, LayerGroup, Polyline} from 'leaflet';
import {isAbort} from '../api/ApiError.js';
import {problemText} from '../ui/problemText.js';
import {el, replaceChildren} from '../util/dom.js';
import {allowedTypes, categoriesOf, inspects, localName} from './FieldTypes.js';
import {InspectionSheet} from './InspectionSheet.js';
import {IssueForm} from './IssueForm.js';
import {STATE} from './OfflineStore.js';
import {PatrolSummary, summarise, withServerAnswers, withSummary} from './PatrolSummary.js';
import {QueueBadge} from './QueueBadge.js';
import {RiverApi} from './RiverApi.js';
import {RiverMap} from './RiverMap.js';
import {canPatrol, isOffice} from './roles.js';
import {formatDistance, formatDuration, isAccurate, shouldRecord, trackLengthM, trackLine} from './track.js';
import {uploadQueue} from './uploads.js';

const OWN_SEGMENT = {color: '#0E7C86', weight: 7, opacity: 0.55, pane: 'hetu-river-segments', interactive: false};
const OWN_AREA = {color: '#0E7C86', weight: 2, opacity: 0.8, fillOpacity: 0.08, pane: 'hetu-river-segments', interactive: false};
const OWN_ASSET = {radius: 7, color: '#FFFFFF', weight: 2, fillColor: '#0E7C86', fillOpacity: 0.9, pane: 'hetu-river-points', interactive: false};
/** The grids and assets in one's charge drawn on the map at most (an inspector of a town has a few dozen). */
const MAX_DUTY_SHAPES = 100;
const TRACK = {color: '#D9480F', weight: 4, opacity: 0.95, pane: 'hetu-river-track', interactive: false};
const HERE = {radius: 8, color: '#FFFFFF', weight: 3, fillColor: '#1971C2', fillOpacity: 1, pane: 'hetu-river-points', interactive: false};
const ISSUE_AT = {radius: 9, color: '#FFFFFF', weight: 3, fillColor: '#E03131', fillOpacity: 1, pane: 'hetu-river-points', interactive: false};

/** The patrol being walked is saved under this name in the offline store, so that a reload loses nothing. */
const WALKING = 'patrol';
/** The chief's own record, kept so that a patrol can start with no signal. */
const MY_CHIEF = 'chief';
/** The summaries of the patrols ended on this phone, newest first. */
const HISTORY = 'history';
/** The patrol types and what the account patrols, kept so that any type can start with no signal. */
const FIELD_WORK = 'field-work';
/** Share of the phone's storage for this site from which the user is warned, before anything is lost. */
const STORAGE_WARNING = 0.9;

/**
 * A river chief's patrol on a phone (#/patrol), worked with one thumb: the map above, big
 * buttons below. Starting a patrol records GPS fixes (dropping imprecise ones) with the live
 * distance and duration; without GPS the chief draws the route by tapping the map. Ending it
 * queues the patrol for upload; issues reported on the way are queued after it with their
 * photos. Everything is in IndexedDB until the server has it.
 */
export class PatrolPage {
	constructor(options) {
		const {container, api, i18n, session, county, toast, window: win = globalThis.window} = options;
		Object.assign(this, {container, api, i18n, session, county, toast, window: win});
		this.riverApi = new RiverApi({api});
		this.queue = uploadQueue({api, owner: session.username, window: win});
		this.store = this.queue.store;
		this.walking = null;
		this.fix = null;
		this.gps = 'waiting';
		this.chief = null;
		this.chiefs = [];
		this.picking = false;
		this.history = [];
		this.types = [];
		this.fieldWork = null;
		this.type = null;
		this.showSummary = false;
		this._watch = null;
		this._built = false;
	}

	destroy() {
		this._stopWatch();
		this.window.clearInterval(this._ticker);
		this.badge?.destroy();
		this.map?.destroy();
		this._abort?.abort();
		this._unsubscribe?.();
		this._unsubscribeQueue?.();
	}

	async show() {
		if (!this._built) {
			this._build();
		}
		this._startWatch();
		if (!this._loaded) {
			this._loaded = true;
			this.walking = (await this.store.get(STATE, WALKING).catch(() => null)) || null;
			this.history = (await this.store.get(STATE, HISTORY).catch(() => null))?.patrols || [];
			this._onQueueChange();
			this._drawTrack();
			this._draw();
			await this._loadChief();
		}
	}

	_build() {
		this._built = true;
		const t = (key) => this.i18n.t(key);
		this.top = el('div', {class: 'hetu-river-patrol__top'});
		this.chiefLine = el('div', {class: 'hetu-river-patrol__chief', 'data-role': 'chief'});
		this.top.append(this.chiefLine);
		this.badge = new QueueBadge({container: this.top, i18n: this.i18n, queue: this.queue, categoryName: (code) => t(`river.category.${code}`)});
		this.mapBox = el('div', {class: 'hetu-river-patrol__map'});
		this.notice = el('p', {class: 'hetu-river-patrol__notice', role: 'status', hidden: true});
		this.summaryBox = el('div', {class: 'hetu-river-patrol__summary'});
		this.summary = new PatrolSummary({container: this.summaryBox, i18n: this.i18n, onClose: () => {
			this.showSummary = false;
			this._draw();
		}});
		this.stats = el('dl', {class: 'hetu-river-patrol__stats', 'aria-live': 'polite'});
		this.actions = el('div', {class: 'hetu-river-patrol__actions'});
		this.sheet = el('div', {class: 'hetu-river-patrol__sheet'});
		replaceChildren(this.container, el('div', {class: 'hetu-river-patrol'}, this.top, this.mapBox, this.notice, this.summaryBox, this.stats, this.actions, this.sheet));
		this.map = new RiverMap({container: this.mapBox, api: this.api, i18n: this.i18n, county: this.county, label: t('river.patrol.map')});
		this.ownLayer = new GeoJSON(null, {style: () => OWN_SEGMENT}).addTo(this.map.map);
		this.dutyLayer = new GeoJSON(null, {style: (f) => (f.geometry?.type.endsWith('Polygon') ? OWN_AREA : OWN_SEGMENT),
			pointToLayer: (f, latlng) => new CircleMarker(latlng, OWN_ASSET)}).addTo(this.map.map);
		this.trackLayer = new Polyline([], TRACK).addTo(this.map.map);
		this.marks = new LayerGroup().addTo(this.map.map);
		this.map.map.on('click', (e) => this._onMapClick(e.latlng));
		this.form = new IssueForm({
			container: this.sheet,
			i18n: this.i18n,
			onUseGps: () => this._issueAtGps(),
			onPickOnMap: () => this._startPicking(),
			onSubmit: (issue) => this._queueIssue(issue),
			onCancel: () => this._closeForm(),
			categories: () => categoriesOf(this._currentType(), this.i18n)
		});
		this.inspection = new InspectionSheet({container: this.sheet, i18n: this.i18n,
			onSubmit: (inspection) => this._addInspection(inspection), onCancel: () => this.inspection.close()});
		this._ticker = this.window.setInterval(() => this.walking && this._drawStats(), 1000);
		this._unsubscribe = this.i18n.onChange(() => this._draw());
		this._unsubscribeQueue = this.queue.onChange(() => this._onQueueChange());
	}

	/** A patrol of the history that the server has now: its figures as the server worked them out. */
	_onQueueChange() {
		const next = withServerAnswers(this.history, this.queue.sent);
		if (next) {
			this._saveHistory(next);
			this._draw();
		}
	}

	_saveHistory(history) {
		this.history = history;
		return this.store.put(STATE, {name: HISTORY, patrols: history}).catch(() => null);
	}

	// ---- who patrols

	async _loadChief() {
		const t = (key) => this.i18n.t(key);
		if (!canPatrol(this.session)) {
			this._showNotice(t('river.patrol.notAllowed'));
			return;
		}
		this._abort = new AbortController();
		try {
			const types = this._loadTypes();
			types.catch(() => null);
			this.chief = await this._myChief();
			this._draw();
			await types;
			if (!this.chief && isOffice(this.session)) {
				this.chiefs = await this.riverApi.chiefs({signal: this._abort.signal});
				const walkingChief = this.walking && this.chiefs.find((c) => c.id === this.walking.chiefId);
				this.chief = walkingChief || null;
			}
		} catch (error) {
			if (!isAbort(error)) {
				this._showNotice(problemText(error, this.i18n));
			}
		}
		this._draw();
		this._loadOwnSegments();
	}

	/** The signed-in chief, as the server says; with no signal, as it said last time. */
	async _myChief() {
		try {
			const chief = await this.riverApi.myChief({signal: this._abort.signal});
			await this.store.put(STATE, {name: MY_CHIEF, chief}).catch(() => null);
			return chief;
		} catch (error) {
			const kept = error?.status === 0 ? await this.store.get(STATE, MY_CHIEF).catch(() => null) : null;
			if (!kept) {
				throw error;
			}
			return kept.chief;
		}
	}

	/** The types and the account's field work, as the server says; with no signal, as it said last time. */
	async _loadTypes() {
		let kept;
		try {
			const [types, fieldWork] = await Promise.all([this.riverApi.patrolTypes({signal: this._abort.signal}),
				this.riverApi.fieldWork({signal: this._abort.signal})]);
			kept = {name: FIELD_WORK, types, fieldWork, dutyShapes: await this._dutyShapes(fieldWork)};
			await this.store.put(STATE, kept).catch(() => null);
		} catch (error) {
			kept = error?.status === 0 ? await this.store.get(STATE, FIELD_WORK).catch(() => null) : null;
			if (!kept) {
				throw error;
			}
		}
		this.types = kept.types || [];
		this.fieldWork = kept.fieldWork;
		this._drawDuties(kept.dutyShapes || []);
		const allowed = allowedTypes(this.types, this.fieldWork);
		this.type = allowed.find((type) => type.id === this.type?.id) || allowed[0] || null;
	}

	/** The shapes of the grids and assets in the account's charge (a shape that fails to load is left out). */
	async _dutyShapes(fieldWork) {
		const duties = (fieldWork?.duties || []).slice(0, MAX_DUTY_SHAPES);
		const shapes = await Promise.all(duties.map((duty) => this.riverApi.dutyShape(duty, {signal: this._abort.signal}).catch(() => null)));
		return shapes.filter((shape) => shape?.geometry);
	}

	/** Draws one's grids and assets, and fits the map to them when the page has nothing else to show yet. */
	_drawDuties(shapes) {
		this.dutyLayer.clearLayers();
		this.dutyLayer.addData(shapes);
		this.mapBox.dataset.duties = String(shapes.length);
		if (shapes.length && !this.walking?.points.length) {
			this.map.fit(this.dutyLayer.getBounds());
		}
	}

	_currentType() {
		const id = this.walking?.patrolType;
		return id ? this.types.find((type) => type.id === id) || null : this.type;
	}

	_chooseType(id) {
		this.type = this.types.find((type) => type.id === id) || this.type;
		this._draw();
	}

	/** Tells the user before the phone's storage for the app runs out, while the data is still safe. */
	async _checkStorage() {
		const estimate = await this.window.navigator.storage?.estimate?.().catch(() => null);
		if (estimate?.quota && estimate.usage / estimate.quota >= STORAGE_WARNING) {
			this._showNotice(this.i18n.t('river.patrol.storageLow', {pct: Math.round(estimate.usage / estimate.quota * 100)}));
			return false;
		}
		return true;
	}

	async _loadOwnSegments() {
		this.ownLayer.clearLayers();
		if (!this.chief) {
			return;
		}
		try {
			const all = await this.riverApi.responsibility();
			const own = (all?.features || []).filter((f) => (f.properties?.chiefs || []).some((c) => c.id === this.chief.id));
			this.ownLayer.addData(own);
			if (!this.walking?.points.length && own.length) {
				this.map.fit(this.ownLayer.getBounds());
			}
		} catch {
			// The segments only guide the eye; the patrol works without them.
		}
	}

	_chooseChief(id) {
		this.chief = this.chiefs.find((c) => String(c.id) === id) || null;
		this._draw();
		this._loadOwnSegments();
	}

	// ---- GPS

	_startWatch() {
		const geo = this.window.navigator.geolocation;
		if (this._watch !== null) {
			return;
		}
		if (!geo) {
			this._gpsLost('unavailable');
			return;
		}
		this._watch = geo.watchPosition((position) => this._onFix(position), (error) => this._onGpsError(error),
			{enableHighAccuracy: true, maximumAge: 0, timeout: 30000});
	}

	_stopWatch() {
		if (this._watch !== null) {
			this.window.navigator.geolocation?.clearWatch(this._watch);
			this._watch = null;
		}
	}

	_onFix(position) {
		const {longitude: lon, latitude: lat, accuracy} = position.coords;
		this.fix = {lon, lat, accuracy, at: position.timestamp || Date.now()};
		this.gps = isAccurate(this.fix) ? 'ok' : 'poor';
		this.marks.clearLayers();
		this.marks.addLayer(new CircleMarker([lat, lon], HERE));
		const walking = this.walking;
		if (walking?.source === 'gps' && shouldRecord(this.fix, walking.points.at(-1))) {
			walking.points.push(this.fix);
			this._saveWalking();
			this._drawTrack();
			this._follow(this.fix);
		}
		this._draw();
	}

	/** Keeps the walker on screen, close enough to see the river banks. */
	_follow(point) {
		const map = this.map.map;
		if (map.getZoom() < 15) {
			map.setView([point.lat, point.lon], 16, {animate: false});
		} else if (!map.getBounds().pad(-0.15).contains([point.lat, point.lon])) {
			map.panTo([point.lat, point.lon], {animate: false});
		}
	}

	_onGpsError(error) {
		if (error.code === 1) {
			this._gpsLost('denied');
		} else if (error.code === 2) {
			this._gpsLost('unavailable');
		} else {
			this.gps = 'waiting';
			this._draw();
		}
	}

	/** GPS is gone for good: a patrol with no fix yet is drawn by hand instead. */
	_gpsLost(reason) {
		this.gps = reason;
		if (this.walking?.source === 'gps' && !this.walking.points.length) {
			this.walking.source = 'drawn';
			this._saveWalking();
		}
		this._draw();
	}

	_useDrawing() {
		if (this.walking && !this.walking.points.length) {
			this.walking.source = 'drawn';
			this._saveWalking();
			this._draw();
		}
	}

	// ---- the patrol

	async _start() {
		if (!this.chief) {
			return;
		}
		await this._checkStorage();
		this.walking = {
			id: crypto.randomUUID(), chiefId: this.chief.id, chiefName: this.chief.name, patrolType: this.type?.id || 'river', inspections: [],
			startedAt: new Date().toISOString(), source: this.gps === 'denied' || this.gps === 'unavailable' ? 'drawn' : 'gps', points: []
		};
		if (this.walking.source === 'gps' && this.fix && isAccurate(this.fix) && Date.now() - this.fix.at < 30000) {
			this.walking.points.push({...this.fix, at: Date.now()});
			this._follow(this.fix);
		}
		this.showSummary = false;
		await this._saveWalking();
		this._drawTrack();
		this._draw();
	}

	_saveWalking() {
		return this.store.put(STATE, {name: WALKING, ...this.walking}).catch((error) => this._showNotice(error?.name === 'QuotaExceededError'
			? this.i18n.t('river.patrol.storageFull') : String(error?.message || error)));
	}

	async _end() {
		const t = (key) => this.i18n.t(key);
		const walking = this.walking;
		const track = trackLine(walking.points);
		if (!track) {
			if (this.window.confirm(t('river.patrol.tooShort'))) {
				await this.store.delete(STATE, WALKING);
				this.walking = null;
				this._drawTrack();
				this._draw();
			}
			return;
		}
		const endedAt = new Date().toISOString();
		const payload = {
			id: walking.id, chiefId: walking.chiefId, patrolType: walking.patrolType || 'river', startedAt: walking.startedAt, endedAt, track, source: walking.source,
			inspections: (walking.inspections || []).map(({collection, assetId, stationStatus, results}) => ({collection, assetId, stationStatus, results})),
			points: walking.source === 'gps' ? walking.points.map((p) => ({lon: p.lon, lat: p.lat, accuracy: p.accuracy, at: new Date(p.at).toISOString()})) : null
		};
		await this.queue.add({id: walking.id, kind: 'patrol', payload, summary: {distance: trackLengthM(walking.points)}});
		await this._saveHistory(withSummary(this.history, summarise(walking, endedAt)));
		await this.store.delete(STATE, WALKING);
		this.walking = null;
		this.showSummary = true;
		this._drawTrack();
		this._draw();
		this.toast?.show(t('river.patrol.ended'), {kind: 'ok'});
		this.queue.drain();
	}

	_onMapClick(latlng) {
		const point = {lon: latlng.lng, lat: latlng.lat};
		if (this.picking) {
			this.picking = false;
			this.root.classList.remove('is-picking');
			this._showNotice('');
			this.form.setPosition({...point, source: 'map'});
			this._showIssueMark(point);
			this.form.element.hidden = false;
			return;
		}
		if (this.walking?.source === 'drawn' && !this.form.isOpen) {
			this.walking.points.push({...point, accuracy: null, at: Date.now()});
			this._saveWalking();
			this._drawTrack();
			this._draw();
		}
	}

	_undoPoint() {
		this.walking?.points.pop();
		this._saveWalking();
		this._drawTrack();
		this._draw();
	}

	// ---- issues

	_openForm() {
		const here = this.fix && isAccurate(this.fix) ? {...this.fix, source: 'gps'} : null;
		this.form.open(here);
		if (here) {
			this._showIssueMark(here);
		}
	}

	_closeForm() {
		this.form.close();
		this.picking = false;
		this.root.classList.remove('is-picking');
		this.issueMark?.remove();
	}

	_issueAtGps() {
		if (this.fix && isAccurate(this.fix)) {
			this.form.setPosition({...this.fix, source: 'gps'});
			this._showIssueMark(this.fix);
		} else {
			this._showNotice(this.i18n.t('river.issue.noGps'));
		}
	}

	_startPicking() {
		this.picking = true;
		this.form.element.hidden = true;
		this.root.classList.add('is-picking');
		this._showNotice(this.i18n.t('river.issue.tapMap'));
	}

	_showIssueMark(point) {
		this.issueMark?.remove();
		this.issueMark = new CircleMarker([point.lat, point.lon], ISSUE_AT).addTo(this.map.map);
	}

	async _queueIssue(issue) {
		const t = (key) => this.i18n.t(key);
		const id = crypto.randomUUID();
		const patrolId = this.walking?.id || null;
		if (this.walking) {
			this.walking.issues = (this.walking.issues || 0) + 1;
			await this._saveWalking();
		}
		await this.queue.add({
			id, kind: 'issue', after: patrolId ? [patrolId] : [],
			payload: {id, patrolId, patrolType: this._currentType()?.id || 'river', lon: issue.lon, lat: issue.lat, category: issue.category, description: issue.description, reportedAt: new Date().toISOString()}
		});
		for (const file of issue.photos) {
			const photoId = crypto.randomUUID();
			await this.queue.add({id: photoId, kind: 'photo', after: [id], payload: {id: photoId, issueId: id, kind: 'before', name: file.name}, blob: file});
		}
		this._closeForm();
		this.toast?.show(t('river.issue.queued'), {kind: 'ok'});
		this._checkStorage();
		this.queue.drain();
	}

	// ---- inspections

	_openInspection() {
		this.inspection.open(this._currentType(), this.fieldWork, this.walking?.inspections || []);
	}

	async _addInspection(inspection) {
		this.walking.inspections = [...(this.walking.inspections || []), inspection];
		await this._saveWalking();
		this.inspection.close();
		this.toast?.show(this.i18n.t('river.inspect.kept', {name: inspection.name || inspection.assetId}), {kind: 'ok'});
		this._draw();
	}

	// ---- drawing

	get root() {
		return this.container.firstChild;
	}

	_showNotice(text) {
		this.notice.hidden = !text;
		this.notice.textContent = text || '';
	}

	_drawTrack() {
		const points = this.walking?.points || [];
		this.trackLayer.setLatLngs(points.map((p) => [p.lat, p.lon]));
	}

	_draw() {
		if (!this._built) {
			return;
		}
		this._drawChief();
		this._drawStats();
		this._drawActions();
		this.summary.render(this.history, {showLast: this.showSummary && !this.walking});
		this.stats.hidden = this.showSummary && !this.walking;
		this.badge.render();
		this.root.classList.toggle('is-walking', Boolean(this.walking));
		this.root.dataset.gps = this.gps;
		this.root.dataset.source = this.walking?.source || '';
	}

	/** The kinds of field work the account may do: a choice before a patrol, the type's name during one. */
	_drawType() {
		const t = (key) => this.i18n.t(key);
		const allowed = allowedTypes(this.types, this.fieldWork);
		const current = this._currentType();
		if (this.walking || allowed.length < 2) {
			return current ? el('span', {class: 'hetu-river-patrol__type', 'data-role': 'patrol-type-name'}, localName(current.name, this.i18n)) : null;
		}
		return el('label', {class: 'hetu-river-patrol__choose'},
			el('span', {}, t('river.patrol.type')),
			el('select', {class: 'hetu-select', id: 'hetu-river-type', 'data-role': 'patrol-type', onchange: (e) => this._chooseType(e.target.value)},
				allowed.map((type) => el('option', {value: type.id, selected: type.id === current?.id}, localName(type.name, this.i18n)))));
	}

	_drawChief() {
		this._drawChiefOnly();
		const type = this._drawType();
		if (type) {
			this.chiefLine.append(type);
		}
	}

	_drawChiefOnly() {
		const t = (key, params) => this.i18n.t(key, params);
		const level = (chief) => t(`river.level.${chief.level}`);
		if (this.walking || !this.chiefs.length) {
			const chief = this.chief || (this.walking && {name: this.walking.chiefName, level: null});
			replaceChildren(this.chiefLine, chief
				? el('span', {}, chief.level ? `${chief.name} · ${level(chief)}${chief.town ? ` · ${chief.town}` : ''}` : chief.name)
				: el('span', {class: 'hetu-hint'}, canPatrol(this.session) ? t('common.loading') : ''));
			return;
		}
		replaceChildren(this.chiefLine, el('label', {class: 'hetu-river-patrol__choose'},
			el('span', {}, t('river.patrol.chooseChief')),
			el('select', {class: 'hetu-select', id: 'hetu-river-chief', 'data-role': 'chief-select', onchange: (e) => this._chooseChief(e.target.value)},
				el('option', {value: ''}, t('river.patrol.chiefPlaceholder')),
				this.chiefs.map((c) => el('option', {value: String(c.id), selected: c.id === this.chief?.id},
					`${c.name} · ${level(c)}${c.town ? ` · ${c.town}` : ''}`)))));
	}

	_drawStats() {
		const t = (key, params) => this.i18n.t(key, params);
		const walking = this.walking;
		const accuracy = this.fix ? Math.round(this.fix.accuracy) : null;
		const gpsText = this.gps === 'ok' ? t('river.gps.ok', {accuracy})
			: this.gps === 'poor' ? t('river.gps.poor', {accuracy}) : t(`river.gps.${this.gps}`);
		const stat = (key, value, role) => [el('dt', {}, t(key)), el('dd', {'data-role': role}, value)];
		replaceChildren(this.stats,
			stat('river.patrol.distance', formatDistance(walking ? trackLengthM(walking.points) : 0), 'distance'),
			stat('river.patrol.duration', formatDuration(walking ? Date.now() - Date.parse(walking.startedAt) : 0), 'duration'),
			stat('river.patrol.gps', walking?.source === 'drawn' ? t('river.patrol.drawing', {count: walking.points.length}) : gpsText, 'accuracy'));
		this.stats.dataset.gps = this.gps;
	}

	_drawActions() {
		const t = (key) => this.i18n.t(key);
		const button = (action, key, onclick, extra = '') => el('button', {type: 'button', class: `hetu-button hetu-river-big ${extra}`.trim(), 'data-action': action, onclick}, t(key));
		const report = button('report-issue', 'river.patrol.report', () => this._openForm(), 'hetu-button--secondary');
		if (!canPatrol(this.session)) {
			replaceChildren(this.actions);
			return;
		}
		if (!this.walking) {
			const start = button('start-patrol', 'river.patrol.start', () => this._start());
			start.disabled = !this.chief;
			replaceChildren(this.actions, report, start);
			return;
		}
		const drawing = this.walking.source === 'drawn';
		const inspections = this.walking.inspections?.length || 0;
		replaceChildren(this.actions,
			inspects(this._currentType()) ? el('button', {type: 'button', class: 'hetu-button hetu-river-big hetu-button--secondary', 'data-action': 'inspect',
				onclick: () => this._openInspection()}, inspections ? `${t('river.inspect.open')} (${inspections})` : t('river.inspect.open')) : null,
			drawing ? button('undo-point', 'river.patrol.undo', () => this._undoPoint(), 'hetu-button--secondary') : null,
			!drawing && !this.walking.points.length && this.gps !== 'ok' ? button('draw-route', 'river.patrol.drawInstead', () => this._useDrawing(), 'hetu-button--secondary') : null,
			report,
			button('end-patrol', 'river.patrol.end', () => this._end(), 'hetu-button--danger'));
		if (drawing) {
			this._showNotice(this.walking.points.length ? '' : t('river.patrol.tapToDraw'));
		}
	}
}
