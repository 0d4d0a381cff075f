import {describe, expect, it} from 'vitest';
import {ENUMS, editableFieldsOf, fieldsOf} from '../../../src/catalog/Schema.js';
import {adoptServerSchemas, describeFromSchema} from '../../../src/catalog/ServerSchema.js';
import {I18n} from '../../../src/i18n/I18n.js';
import {SCHEMAS} from '../../support/serverFixtures.js';

/** What GET /api/v1/schemas answers for the collection PumpingStationTests adds (abridged). */
const PUMPING_STATION = {
	type: 'object',
	required: ['code', 'name', 'department', 'pump_type'],
	properties: {
		id: {type: 'integer', 'x-ogc-role': 'id', readOnly: true, 'x-ogc-propertySeq': 1, 'x-titles': {zh: '要素编号', en: 'Feature ID'}, 'x-kind': 'int'},
		code: {type: 'string', 'x-ogc-propertySeq': 2, 'x-titles': {zh: '编码', en: 'Code'}, 'x-kind': 'text'},
		status: {type: 'string', 'x-ogc-propertySeq': 5, default: 'none', 'x-enumeration': 'work_status', 'x-kind': 'enum',
			enum: ['planned', 'none'], oneOf: [{const: 'planned'}, {const: 'none'}]},
		flow_m3_s: {type: 'number', exclusiveMinimum: 0, 'x-ogc-propertySeq': 17, 'x-titles': {zh: '设计流量', en: 'Design flow'},
			'x-units': {zh: '立方米/秒', en: 'm³/s'}, 'x-kind': 'decimal'},
		built_year: {type: 'integer', 'x-ogc-propertySeq': 18, 'x-titles': {zh: '建成年份', en: 'Year built'}, 'x-kind': 'year'},
		pump_type: {type: 'string', 'x-ogc-propertySeq': 15, 'x-titles': {zh: '泵型', en: 'Pump type'}, enum: ['axial', 'mixed'],
			'x-enumeration': 'pump_type', 'x-kind': 'enum',
			oneOf: [{const: 'axial', 'x-titles': {zh: '轴流泵', en: 'Axial-flow'}}, {const: 'mixed', 'x-titles': {zh: '混流泵', en: 'Mixed-flow'}}]},
		created_at: {type: 'string', format: 'date-time', readOnly: true, 'x-ogc-propertySeq': 12, 'x-kind': 'datetime'},
		geometry: {'x-ogc-role': 'primary-geometry', format: 'geometry-point'}
	}
};

describe('a collection described by the server', () => {
	it('becomes a field list in order with kinds, coded values and words in both languages', () => {
		const {fields, enums, messages} = describeFromSchema('pumping_station', PUMPING_STATION);
		expect(fields).toEqual([
			{key: 'code', kind: 'text', required: true},
			{key: 'status', kind: 'enum', enum: 'work_status', required: true, default: 'none'},
			{key: 'pump_type', kind: 'enum', required: true, enum: 'pump_type'},
			{key: 'flow_m3_s', kind: 'decimal'},
			{key: 'built_year', kind: 'year'},
			{key: 'created_at', kind: 'datetime', readOnly: true}
		]);
		expect(enums.pump_type).toEqual(['axial', 'mixed']);
		expect(messages['zh-CN']['field.pumping_station.flow_m3_s']).toBe('设计流量（立方米/秒）');
		expect(messages.en['enum.pump_type.mixed']).toBe('Mixed-flow');
	});

	it('is adopted from the one answer for every collection, and forms offer what users may write', () => {
		const i18n = new I18n({locale: 'zh-CN'});
		adoptServerSchemas([{id: 'ditch', theme: 'water'}, {id: 'pumping_station', theme: 'water'}, {id: 'upload', theme: 'imported'}],
			{ditch: SCHEMAS.ditch, pumping_station: PUMPING_STATION, upload: PUMPING_STATION}, i18n);
		expect(fieldsOf('pumping_station').map((f) => f.key)).toEqual(['code', 'status', 'pump_type', 'flow_m3_s', 'built_year', 'created_at']);
		expect(editableFieldsOf('pumping_station').map((f) => f.key)).toEqual(['name', 'code', 'status', 'pump_type', 'flow_m3_s', 'built_year']);
		expect(ENUMS.pump_type).toEqual(['axial', 'mixed']);
		expect(i18n.t('enum.pump_type.axial')).toBe('轴流泵');
		expect(fieldsOf('ditch').find((f) => f.key === 'length_m')).toEqual({key: 'length_m', kind: 'length', readOnly: true});
		expect(i18n.t('field.ditch.class'), 'the message files keep their own words').toBe(i18n.t('field.class'));
		expect(fieldsOf('upload').map((f) => f.key), 'an imported layer keeps its file\'s columns').not.toContain('pump_type');
		i18n.setLocale('en');
		expect(i18n.t('field.pumping_station.pump_type')).toBe('Pump type');
	});

	it('codes numbered values as text, with their words', () => {
		const {fields, enums} = describeFromSchema('sluice', SCHEMAS.sluice);
		expect(fields.find((f) => f.key === 'safety_class')).toMatchObject({kind: 'enum', enum: 'safety_class'});
		expect(enums.safety_class).toEqual(['1', '2', '3', '4']);
	});
});
