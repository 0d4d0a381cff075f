import {CORE_FIELDS, ENUMS, HEAD_KEYS, TAIL_KEYS, describeCollection} from './Schema.js';

/*
 * Every collection is shown from the server's description of it (GET /api/v1/schemas: the schema of each
 * collection the user may read, as GET /ogc/collections/{id}/schema gives it one by one): its fields in order,
 * their kinds, coded values, defaults, which ones only the registry writes, and words in both languages.
 */

/** Kinds that show their own unit (1.2 km, 3 万元); other numbers carry the schema's unit in their label. */
const KINDS_WITH_UNIT = new Set(['length', 'area', 'metres', 'millimetres', 'capacity', 'money10k', 'percent', 'count', 'target']);

/** The field a property of a schema describes, as forms, details and filters use it. */
function fieldOf(collection, key, property, required) {
	const field = {key, kind: property['x-kind'] || 'text'};
	if (field.kind === 'enum') {
		field.enum = property['x-enumeration'] || `${collection}.${key}`;
	}
	// A choice the database fills when nobody makes it (a status, a yes/no) starts with its default and offers no empty choice.
	if (required || (property.default !== undefined && ['enum', 'bool'].includes(field.kind))) {
		field.required = true;
	}
	if (property.default !== undefined) {
		field.default = property.default;
	}
	if (property.readOnly) {
		field.readOnly = true;
	}
	return field;
}

/**
 * The field list (head, the collection's own in the server's order, tail), enumerations and messages
 * ({'zh-CN': {...}, en: {...}}) a collection's schema document describes.
 */
export function describeFromSchema(collection, schema) {
	const properties = schema.properties || {};
	const required = new Set(schema.required || []);
	const enums = {};
	const messages = {'zh-CN': {}, en: {}};
	const described = (key) => fieldOf(collection, key, properties[key], required.has(key));
	const own = Object.keys(properties).filter((key) => !CORE_FIELDS.has(key))
		.sort((a, b) => (properties[a]['x-ogc-propertySeq'] ?? 0) - (properties[b]['x-ogc-propertySeq'] ?? 0));
	const fields = [...HEAD_KEYS, ...own, ...TAIL_KEYS].filter((key) => properties[key]).map(described);
	for (const field of fields) {
		const property = properties[field.key];
		const titles = property['x-titles'] || {zh: field.key, en: field.key};
		const units = KINDS_WITH_UNIT.has(field.kind) ? null : property['x-units'];
		messages['zh-CN'][`field.${collection}.${field.key}`] = units ? `${titles.zh}（${units.zh}）` : titles.zh;
		messages.en[`field.${collection}.${field.key}`] = units ? `${titles.en} (${units.en})` : titles.en;
		if (field.kind === 'enum') {
			enums[field.enum] = (property.oneOf || (property.enum || []).map((code) => ({const: code}))).map((option) => {
				// Codes are text in forms and messages, numbered ones (a safety class) too.
				const code = String(option.const);
				messages['zh-CN'][`enum.${field.enum}.${code}`] = option['x-titles']?.zh ?? code;
				messages.en[`enum.${field.enum}.${code}`] = option['x-titles']?.en ?? code;
				return code;
			});
		}
	}
	return {fields, enums, messages};
}

/** Takes up one collection's description: its fields, coded values, and words the message files lack. */
export function adoptSchema(collection, schema, i18n) {
	const described = describeFromSchema(collection, schema);
	describeCollection(collection, described.fields);
	Object.assign(ENUMS, described.enums);
	i18n.addMissingMessages(described.messages);
}

/**
 * Takes up the description of every collection of the layer list from the answer of GET /api/v1/schemas. Imported
 * layers keep their file's column names and show as the file had them; a collection without a schema (an old
 * server, a failed request) shows its common fields.
 */
export function adoptServerSchemas(layers, schemas, i18n) {
	for (const layer of layers) {
		if (schemas?.[layer.id] && layer.theme !== 'imported') {
			adoptSchema(layer.id, schemas[layer.id], i18n);
		}
	}
}
