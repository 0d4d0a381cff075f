import {ConstraintsApi, WARNED_LAYERS} from './ConstraintsApi.js';

const COLLECTIONS = ['project', 'land_parcel'];

/**
 * Asked before a project footprint or a parcel is saved: when the shape enters permanent basic farmland or
 * the ecological red line, the editor sees the figures and decides; a decision to go ahead needs a reason.
 * Both decisions are recorded (the server recomputes the figures). Answers whether the save goes ahead; a
 * shape the check refuses goes ahead, for the save to explain what is wrong with it.
 */
export async function confirmConflicts({api, i18n, window, toast}, collection, id, geometry) {
	if (!COLLECTIONS.includes(collection) || !geometry) {
		return true;
	}
	const constraints = new ConstraintsApi({api});
	let report;
	try {
		report = await constraints.check(geometry);
	} catch {
		return true;
	}
	const entered = report.layers.filter((l) => WARNED_LAYERS.includes(l.layer) && l.features > 0);
	if (!entered.length) {
		return true;
	}
	const t = (key, params) => i18n.t(key, params);
	const lines = entered.map((l) => t('constraints.warn.line', {
		layer: t(`constraints.layer.${l.layer}`), m2: l.areaM2.toFixed(2), mu: l.areaMu.toFixed(2), features: l.features
	}));
	const message = [t('constraints.warn.title'), ...lines, t('constraints.warn.confirm')].join('\n');
	const decision = {collection, featureId: id ?? null, geometry};
	const reason = window.confirm(message) ? window.prompt(t('constraints.warn.reason'), '') : null;
	if (reason && reason.trim()) {
		await constraints.decide({...decision, decision: 'proceed', reason: reason.trim()});
		return true;
	}
	await constraints.decide({...decision, decision: 'cancel'}).catch(() => {});
	toast?.show(t('constraints.warn.cancelled'));
	return false;
}
