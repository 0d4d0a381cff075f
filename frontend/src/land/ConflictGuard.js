import {ConstraintsApi, WARNED_LAYERS} from './ConstraintsApi.js';
import {ConflictDialog} from './ConflictDialog.js';

const COLLECTIONS = ['project', 'land_parcel'];

/**
 * Asked before a project footprint or a parcel is saved: when the shape enters permanent basic farmland or
 * the ecological red line, the editor sees the figures and decides; a decision to go ahead needs a reason.
 * Both decisions are recorded (the server recomputes the figures). Answers whether the save goes ahead; a
 * shape the check refuses goes ahead, for the save to explain what is wrong with it. `ask` shows the figures
 * and answers {decision: 'proceed', reason} or {decision: 'cancel'} (an in-page dialog by default).
 */
export async function confirmConflicts({api, i18n, window, toast, ask = null}, collection, id, geometry) {
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
	const asking = ask || ((layers) => new ConflictDialog({document: window.document, i18n}).ask(layers));
	const answer = await asking(entered);
	const decision = {collection, featureId: id ?? null, geometry};
	if (answer.decision === 'proceed' && answer.reason?.trim()) {
		await constraints.decide({...decision, decision: 'proceed', reason: answer.reason.trim()});
		return true;
	}
	await constraints.decide({...decision, decision: 'cancel'}).catch(() => {});
	toast?.show(i18n.t('constraints.warn.cancelled'));
	return false;
}
