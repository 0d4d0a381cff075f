/*
 * Patrol types as the server defines them (GET /api/v1/patrol-types): their names in the reader's language, the
 * issue categories of a type, the checklist of an asset collection. Nothing here knows a particular type.
 */

/** A {zh, en} name in the current language. */
export function localName(name, i18n) {
	return (i18n.locale === 'en' ? name?.en : name?.zh) || name?.zh || name?.en || '';
}

/** The types the account may patrol, in the server's order; the river alone when nothing is known yet. */
export function allowedTypes(types, fieldWork) {
	const allowed = new Set(fieldWork?.types || ['river']);
	return (types || []).filter((type) => allowed.has(type.id));
}

/** The issue categories of a type as {id, label}. */
export function categoriesOf(type, i18n) {
	return type ? type.issueCategories.map((c) => ({id: c.id, label: localName(c.name, i18n)})) : null;
}

/** Whether patrols of the type inspect assets against a checklist. */
export function inspects(type) {
	return Boolean(type && Object.keys(type.checklists || {}).length);
}

/** The grids or assets of the account's duties of a type that have a checklist. */
export function inspectable(type, fieldWork) {
	return (fieldWork?.duties || []).filter((d) => d.patrolType === type?.id && type.checklists?.[d.collection]?.length);
}
