import {describe, expect, it} from 'vitest';
import {COLLECTION_FIELDS, ENUMS, editableFieldsOf} from '../../../src/catalog/Schema.js';
import {adoptServerSchemas, describeFromSchema} from '../../../src/catalog/ServerSchema.js';
import {I18n} from '../../../src/i18n/I18n.js';

/** What GET /ogc/collections/pumping_station/schema answers for the collection PumpingStationTests adds. */
const PUMPING_STATION = {
	type: 'object',
	required: ['code', 'name', 'department', 'pump_type'],
	properties: {
		id: {type: 'integer', 'x-ogc-role': 'id', readOnly: true, 'x-ogc-propertySeq': 1, 'x-titles': {zh: '要素编号', en: 'Feature ID'}},
		code: {type: 'string', 'x-ogc-propertySeq': 2, 'x-titles': {zh: '编码', en: 'Code'}},
		flow_m3_s: {type: 'number', exclusiveMinimum: 0, 'x-ogc-propertySeq': 17, 'x-titles': {zh: '设计流量', en: 'Design flow'},
			'x-units': {zh: '立方米/秒', en: 'm³/s'}},
		pump_type: {type: 'string', 'x-ogc-propertySeq': 15, 'x-titles': {zh: '泵型', en: 'Pump type'}, enum: ['axial', 'mixed'],
			oneOf: [{const: 'axial', 'x-titles': {zh: '轴流泵', en: 'Axial-flow'}}, {const: 'mixed', 'x-titles': {zh: '混流泵', en: 'Mixed-flow'}}]},
		geometry: {'x-ogc-role': 'primary-geometry', format: 'geometry-point'}
	}
};

describe('a collection described by the server', () => {
	it('becomes a field list with kinds, coded values and words in both languages', () => {
		const {fields, enums, messages} = describeFromSchema('pumping_station', PUMPING_STATION);
		expect(fields).toEqual([
			{key: 'pump_type', kind: 'enum', required: true, enum: 'pumping_station.pump_type'},
			{key: 'flow_m3_s', kind: 'decimal'}
		]);
		expect(enums['pumping_station.pump_type']).toEqual(['axial', 'mixed']);
		expect(messages['zh-CN']['field.pumping_station.flow_m3_s']).toBe('设计流量（立方米/秒）');
		expect(messages.en['enum.pumping_station.pump_type.mixed']).toBe('Mixed-flow');
	});

	it('is adopted for collections the front end has no list for, and forms offer its fields', async () => {
		const i18n = new I18n({locale: 'zh-CN'});
		const asked = [];
		const api = {get: async (path) => {
			asked.push(path);
			return PUMPING_STATION;
		}};
		await adoptServerSchemas([{id: 'ditch', theme: 'water'}, {id: 'pumping_station', theme: 'water'}], {api, i18n});
		expect(asked).toEqual(['/ogc/collections/pumping_station/schema']);
		expect(COLLECTION_FIELDS.pumping_station.map((f) => f.key)).toEqual(['pump_type', 'flow_m3_s']);
		expect(ENUMS['pumping_station.pump_type']).toEqual(['axial', 'mixed']);
		expect(editableFieldsOf('pumping_station').map((f) => f.key)).toContain('pump_type');
		expect(i18n.t('enum.pumping_station.pump_type.axial')).toBe('轴流泵');
		i18n.setLocale('en');
		expect(i18n.t('field.pumping_station.pump_type')).toBe('Pump type');
	});
});
