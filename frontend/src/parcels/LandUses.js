/*
 * Land uses as the registry records them: Chinese class names of the land use classification
 * (GB/T 21010), kept as entered. The query panel offers the construction-land classes, and
 * an English screen names them through these keys; a value not listed here is shown as it is.
 */
export const LAND_USES = [
	['工业用地', 'industrial'],
	['仓储用地', 'storage'],
	['商服用地', 'commercial'],
	['住宅用地', 'residential'],
	['公共管理与公共服务用地', 'public'],
	['交通运输用地', 'transport'],
	['特殊用地', 'special']
];

const KEYS = new Map(LAND_USES);

/** The message key of a land use, or null for a value the list does not know. */
export function landUseKey(value) {
	const key = KEYS.get(String(value ?? '').trim());
	return key ? `parcels.landUse.${key}` : null;
}

/** A land use in the user's language: a known class through the messages, anything else as entered. */
export function landUseLabel(value, i18n) {
	const key = landUseKey(value);
	return key && i18n.has(key) ? i18n.t(key) : String(value ?? '');
}
