import {COLLECTION_FIELDS, ENUMS} from './Schema.js';

/*
 * A collection the front end has no field list for (one added by a migration, such as 泵站) is shown from
 * the server's description of it, GET /ogc/collections/{id}/schema: its fields, their kinds, coded values
 * and words in both languages become a field list, enumerations and messages like those of the others.
 */

/** Fields every collection has, which the common head and tail of a field list already show. */
const CORE = new Set(['id', 'code', 'name', 'status', 'department', 'town', 'remarks', 'attributes', 'created_at',
	'created_by', 'updated_at', 'updated_by', 'version', 'geometry']);

/** The kind a field is shown and edited as, from its JSON Schema. */
function kindOf(property) {
	if (property.oneOf || property.enum) {
		return 'enum';
	}
	switch (property.type) {
		case 'integer': return 'int';
		case 'number': return 'decimal';
		case 'boolean': return 'bool';
		case 'object': return 'json';
		default: return property.format === 'date' ? 'date' : property.format === 'date-time' ? 'datetime' : 'text';
	}
}

/**
 * The field list, enumerations and messages ({'zh-CN': {...}, en: {...}}) a collection's schema
 * document describes; its own fields only, in the server's order.
 */
export function describeFromSchema(collection, schema) {
	const fields = [];
	const enums = {};
	const messages = {'zh-CN': {}, en: {}};
	const entries = Object.entries(schema.properties || {})
		.filter(([key]) => !CORE.has(key))
		.sort(([, a], [, b]) => (a['x-ogc-propertySeq'] ?? 0) - (b['x-ogc-propertySeq'] ?? 0));
	for (const [key, property] of entries) {
		const field = {key, kind: kindOf(property)};
		if ((schema.required || []).includes(key)) {
			field.required = true;
		}
		const titles = property['x-titles'] || {};
		const units = property['x-units'];
		messages['zh-CN'][`field.${collection}.${key}`] = units ? `${titles.zh}（${units.zh}）` : titles.zh;
		messages.en[`field.${collection}.${key}`] = units ? `${titles.en} (${units.en})` : titles.en;
		if (field.kind === 'enum') {
			field.enum = `${collection}.${key}`;
			enums[field.enum] = (property.oneOf || property.enum.map((code) => ({const: code}))).map((option) => {
				messages['zh-CN'][`enum.${field.enum}.${option.const}`] = option['x-titles']?.zh ?? option.const;
				messages.en[`enum.${field.enum}.${option.const}`] = option['x-titles']?.en ?? option.const;
				return option.const;
			});
		}
		fields.push(field);
	}
	return {fields, enums, messages};
}

/**
 * Takes up the description of each collection the front end has no field list for: fetches its schema
 * and registers its fields, enumerations and messages. Collections that fail to describe themselves stay as
 * they were (their core fields still show).
 */
export async function adoptServerSchemas(layers, {api, i18n}) {
	// Imported layers keep their file's column names (shown as the file had them).
	const unknown = layers.filter((layer) => !COLLECTION_FIELDS[layer.id] && layer.theme !== 'imported');
	await Promise.all(unknown.map(async (layer) => {
		try {
			const described = describeFromSchema(layer.id, await api.get(`/ogc/collections/${encodeURIComponent(layer.id)}/schema`));
			COLLECTION_FIELDS[layer.id] = described.fields;
			Object.assign(ENUMS, described.enums);
			i18n.addMessages(described.messages);
		} catch {
			// An imported layer without words: shown with its core fields and its own column names.
		}
	}));
}
