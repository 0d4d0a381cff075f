/*
 * What the registry holds, as the front end needs it: themes, work statuses, and the columns of every
 * collection with the way each one is shown, as the server's schemas describe them (GET /api/v1/schemas, taken
 * up at start by catalog/ServerSchema.js). No collection's fields or coded values are written here.
 */

export const THEMES = ['water', 'natural_resources', 'transport', 'project', 'imported'];

export const WORK_STATUSES = ['planned', 'approved', 'under_construction', 'completed', 'suspended', 'none'];

/** A project's statuses: 'none' (无项目) marks an asset that belongs to no project, never a project. */
export const PROJECT_STATUSES = WORK_STATUSES.filter((s) => s !== 'none');

/**
 * Coded values by the name of their list (work_status, ditch_class, pump_type, ...), as the server's schemas give
 * them; filled at start by catalog/ServerSchema.js, never written here.
 */
export const ENUMS = {};

/*
 * Field kinds (the schemas' x-kind): text, enum (with `enum`), department, bool, int, year, date, datetime,
 * decimal, length (metres, shown as m or km), area (m², also ha and 亩), metres, millimetres, capacity (m³ per
 * day), money10k (万元), percent, count (gate openings), target, json.
 */

/** The columns every collection has, before and after its own, as they show while no schema describes them. */
const HEAD = [
	{key: 'code', kind: 'text', required: true},
	{key: 'status', kind: 'enum', enum: 'work_status', required: true, default: 'none'},
	{key: 'department', kind: 'department', required: true},
	{key: 'town', kind: 'text'}
];

const TAIL = [
	{key: 'remarks', kind: 'text'},
	{key: 'created_at', kind: 'datetime', readOnly: true},
	{key: 'created_by', kind: 'text', readOnly: true},
	{key: 'updated_at', kind: 'datetime', readOnly: true},
	{key: 'updated_by', kind: 'text', readOnly: true},
	{key: 'version', kind: 'int', readOnly: true}
];

/** The keys of the common columns before and after a collection's own. */
export const HEAD_KEYS = HEAD.map((f) => f.key);
export const TAIL_KEYS = TAIL.map((f) => f.key);

/** Columns the front end places itself: the name as the title, the head and tail around a collection's own. */
export const CORE_FIELDS = new Set(['id', 'name', 'attributes', 'geometry', ...HEAD.map((f) => f.key), ...TAIL.map((f) => f.key)]);

/** Each described collection's fields in display order (head, its own, tail), from its schema. */
const described = new Map();

/** Takes up a collection's field list as its server schema describes it (catalog/ServerSchema.js). */
export function describeCollection(collection, fields) {
	described.set(collection, fields);
}

/** The collections the server has described. */
export function describedCollections() {
	return [...described.keys()];
}

/** Known keys of the free-form `attributes` object, shown under labels `attr.<key>`; others show their key. */
export const ATTRIBUTE_FIELDS = [
	{key: 'from', kind: 'text'},
	{key: 'to', kind: 'text'},
	{key: 'flows_into', kind: 'text'},
	{key: 'village', kind: 'text'},
	{key: 'built_year', kind: 'year'},
	{key: 'defect', kind: 'text'},
	{key: 'role', kind: 'enum', enum: 'pipeline_role'},
	{key: 'supplied_on', kind: 'date'},
	{key: 'agreed_start_on', kind: 'date'},
	{key: 'assessment', kind: 'text'},
	{key: 'plot_ratio', kind: 'decimal'},
	{key: 'tax_per_mu_10k_cny', kind: 'money10kPerMu'},
	{key: 'programme', kind: 'text'},
	{key: 'source_plan', kind: 'text'},
	{key: 'sites', kind: 'int'},
	{key: 'achieved_pct', kind: 'percent'},
	{key: 'achieved_industrial_pct', kind: 'percent'}
];

/** Every column of a collection, in display order. `name` is shown as the panel's title. */
export function fieldsOf(collection) {
	return described.get(collection) || [...HEAD, ...TAIL];
}

/** The message key of a column's label: a collection-specific one where the column means something else there. */
export function fieldLabelKey(collection, key, messages) {
	const specific = `field.${collection}.${key}`;
	return messages && specific in messages ? specific : `field.${key}`;
}

/** Columns the panel never lists as plain rows (title, geometry helpers, extras shown separately). */
export const HIDDEN_PROPERTIES = new Set(['id', 'name', 'attributes', 'target_unit', 'milestones']);

/** Columns the registry keeps itself in every collection; forms never offer them (nor any field its schema marks read-only). */
export const READ_ONLY_FIELDS = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version']);

/** Fields whose values are numbers in the database, by kind. */
export const NUMERIC_KINDS = new Set(['int', 'year', 'count', 'metres', 'millimetres', 'capacity', 'money10k', 'percent', 'decimal', 'target', 'length', 'area']);

/**
 * The fields an attribute form offers for a collection, in order: the name first, then the columns users may
 * write (the schema marks those only the registry writes, such as a project's status, which changes only
 * through its lifecycle).
 */
export function editableFieldsOf(collection) {
	return [{key: 'name', kind: 'text', required: true},
		...fieldsOf(collection).filter((field) => !field.readOnly && !READ_ONLY_FIELDS.has(field.key))];
}
