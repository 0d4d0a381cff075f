/*
 * What the registry holds, as the front end needs it: themes, work statuses, enumerations
 * and the columns of every collection with the way each one is shown. Labels live in the
 * message files (i18n); this module only names things.
 */

export const THEMES = ['water', 'natural_resources', 'transport', 'project', 'imported'];

export const WORK_STATUSES = ['planned', 'approved', 'under_construction', 'completed', 'suspended', 'none'];

/** A project's statuses: 'none' (无项目) marks an asset that belongs to no project, never a project. */
export const PROJECT_STATUSES = WORK_STATUSES.filter((s) => s !== 'none');

export const ENUMS = {
	work_status: WORK_STATUSES,
	river_level: ['county', 'town', 'village'],
	ditch_class: ['large', 'medium'],
	sluice_scale: ['large', 'medium', 'small'],
	safety_class: ['1', '2', '3', '4'],
	appraisal: ['none', 'planned', 'done'],
	standardization: ['none', 'planned', 'in_progress', 'certified'],
	bridge_condition: ['sound', 'dangerous'],
	node_type: ['intersection', 'bridge_approach', 'entrance', 'village_entrance'],
	parcel_category: ['approved_unsupplied', 'idle', 'inefficient_industrial'],
	disposal_method: ['reclaim_by_law', 'reclaim_by_agreement', 'urge_construction', 'swap', 'temporary_use', 'land_reserve', 'supply'],
	disposal_status: ['pending', 'in_progress', 'disposed'],
	water_source: ['surface', 'ground'],
	bank: ['left', 'right'],
	dike_grade: ['1', '2', '3', '4', '5'],
	station_type: ['rain', 'water_level', 'video', 'broadcast'],
	pipeline_role: ['ring', 'branch'],
	target_measure: ['manual', 'treated_ditches', 'completed_assets', 'completed_length'],
	progress_method: ['reported', 'milestones', 'assets', 'investment'],
	project_category: ['water_conservancy', 'water_supply', 'river_chief', 'land', 'transport', 'real_estate',
		'public_utility', 'rural', 'industry', 'service']
};

/*
 * Field kinds: text, enum (with `enum`), department, bool, int, year, date, datetime,
 * length (metres, shown as m or km), area (m², also ha and 亩), metres, millimetres,
 * capacity (m³ per day), money10k (万元), percent, count (gate openings), json.
 */
const HEAD = [
	{key: 'code', kind: 'text', required: true},
	{key: 'status', kind: 'enum', enum: 'work_status', required: true, default: 'none'},
	{key: 'department', kind: 'department', required: true},
	{key: 'town', kind: 'text'}
];

const TAIL = [
	{key: 'remarks', kind: 'text'},
	{key: 'created_at', kind: 'datetime'},
	{key: 'created_by', kind: 'text'},
	{key: 'updated_at', kind: 'datetime'},
	{key: 'updated_by', kind: 'text'},
	{key: 'version', kind: 'int'}
];


export const COLLECTION_FIELDS = {
	river_segment: [
		{key: 'river', kind: 'text', required: true},
		{key: 'level', kind: 'enum', enum: 'river_level', required: true},
		{key: 'length_m', kind: 'length'}
	],
	ditch: [
		{key: 'class', kind: 'enum', enum: 'ditch_class', required: true},
		{key: 'river', kind: 'text'},
		{key: 'length_m', kind: 'length'},
		{key: 'treated', kind: 'bool', required: true, default: false},
		{key: 'treated_year', kind: 'year'},
		{key: 'planned_year', kind: 'year'},
		{key: 'funding', kind: 'text'}
	],
	sluice: [
		{key: 'river', kind: 'text'},
		{key: 'scale', kind: 'enum', enum: 'sluice_scale', required: true},
		{key: 'gate_type', kind: 'text'},
		{key: 'gate_count', kind: 'count'},
		{key: 'safety_class', kind: 'enum', enum: 'safety_class'},
		{key: 'appraised_on', kind: 'date'},
		{key: 'appraisal', kind: 'enum', enum: 'appraisal', required: true, default: 'none'},
		{key: 'standardization', kind: 'enum', enum: 'standardization', required: true, default: 'none'},
		{key: 'maintenance_planned', kind: 'bool', required: true, default: false}
	],
	bridge: [
		{key: 'river', kind: 'text'},
		{key: 'road', kind: 'text'},
		{key: 'span_m', kind: 'metres'},
		{key: 'condition', kind: 'enum', enum: 'bridge_condition', required: true},
		{key: 'rebuild_year', kind: 'year'}
	],
	road_node: [
		{key: 'road', kind: 'text', required: true},
		{key: 'node_type', kind: 'enum', enum: 'node_type', required: true},
		{key: 'improvement', kind: 'text'}
	],
	land_parcel: [
		{key: 'parcel_no', kind: 'text', required: true},
		{key: 'category', kind: 'enum', enum: 'parcel_category', required: true},
		{key: 'area_m2', kind: 'area'},
		{key: 'land_use', kind: 'text'},
		{key: 'holder', kind: 'text'},
		{key: 'approval_no', kind: 'text'},
		{key: 'approved_on', kind: 'date'},
		{key: 'idle_since', kind: 'date'},
		{key: 'idle_cause', kind: 'text'},
		{key: 'disposal_method', kind: 'enum', enum: 'disposal_method'},
		{key: 'disposal_status', kind: 'enum', enum: 'disposal_status', required: true, default: 'pending'},
		{key: 'disposed_on', kind: 'date'},
		{key: 'responsible_unit', kind: 'text'},
		{key: 'target_date', kind: 'date'}
	],
	water_plant: [
		{key: 'source', kind: 'enum', enum: 'water_source', required: true},
		{key: 'capacity_m3_d', kind: 'capacity'},
		{key: 'planned_start', kind: 'date'},
		{key: 'planned_end', kind: 'date'}
	],
	pipeline: [
		{key: 'network', kind: 'text'},
		{key: 'diameter_mm', kind: 'millimetres'},
		{key: 'material', kind: 'text'},
		{key: 'length_m', kind: 'length'}
	],
	dike: [
		{key: 'river', kind: 'text'},
		{key: 'bank', kind: 'enum', enum: 'bank'},
		{key: 'grade', kind: 'enum', enum: 'dike_grade'},
		{key: 'length_m', kind: 'length'}
	],
	warning_station: [
		{key: 'station_type', kind: 'enum', enum: 'station_type', required: true},
		{key: 'village', kind: 'text'},
		{key: 'last_maintained_on', kind: 'date'}
	],
	project: [
		{key: 'category', kind: 'enum', enum: 'project_category', required: true},
		{key: 'year', kind: 'year', required: true},
		{key: 'lead_unit', kind: 'text'},
		{key: 'progress_pct', kind: 'percent'},
		{key: 'progress_method', kind: 'enum', enum: 'progress_method', noneKey: 'enum.progress_method.auto'},
		{key: 'progress_reported_by', kind: 'text'},
		{key: 'progress_reported_at', kind: 'datetime'},
		{key: 'planned_start', kind: 'date'},
		{key: 'planned_end', kind: 'date'},
		{key: 'actual_start', kind: 'date'},
		{key: 'actual_end', kind: 'date'},
		{key: 'investment_planned', kind: 'money10k'},
		{key: 'investment_done', kind: 'money10k'},
		{key: 'target_value', kind: 'target'},
		{key: 'target_description', kind: 'text'},
		{key: 'target_measure', kind: 'enum', enum: 'target_measure', required: true, default: 'manual'}
	]
};

export const COLLECTIONS = Object.keys(COLLECTION_FIELDS);

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
	return [...HEAD, ...(COLLECTION_FIELDS[collection] || []), ...TAIL];
}

/** The message key of a column's label: a collection-specific one where the column means something else there. */
export function fieldLabelKey(collection, key, messages) {
	const specific = `field.${collection}.${key}`;
	return messages && specific in messages ? specific : `field.${key}`;
}

/** Columns the panel never lists as plain rows (title, geometry helpers, extras shown separately). */
export const HIDDEN_PROPERTIES = new Set(['id', 'name', 'attributes', 'target_unit', 'milestones']);

/** Columns the registry computes or keeps itself; forms never offer them. */
export const READ_ONLY_FIELDS = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'length_m', 'area_m2',
	'progress_reported_by', 'progress_reported_at']);

/** Fields whose values are numbers in the database, by kind. */
export const NUMERIC_KINDS = new Set(['int', 'year', 'count', 'metres', 'millimetres', 'capacity', 'money10k', 'percent', 'decimal', 'target', 'length', 'area']);

/**
 * The fields an attribute form offers for a collection, in order: the name first, then the
 * columns shown in the details that users may write. A project's status changes only through
 * its lifecycle, so its form leaves it out; its target has a unit beside the value.
 */
export function editableFieldsOf(collection) {
	const fields = [{key: 'name', kind: 'text', required: true}];
	for (const field of fieldsOf(collection)) {
		if (READ_ONLY_FIELDS.has(field.key) || (collection === 'project' && field.key === 'status')) {
			continue;
		}
		fields.push(field);
		if (collection === 'project' && field.key === 'target_value') {
			fields.push({key: 'target_unit', kind: 'text'});
		}
	}
	return fields;
}
