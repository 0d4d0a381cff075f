import {describe, expect, it} from 'vitest';
import {ApiError} from '../../../src/api/ApiError.js';
import {geometryProblemKey, isGeometryProblem} from '../../../src/edit/GeometryProblem.js';

describe('GeometryProblem', () => {
	it('names the fault of a refused shape from the server’s fault code, never its words', () => {
		const refused = (fault, detail = 'Self-intersection at (1, 2)') => new ApiError({status: 400, code: 'invalid_geometry', fault, detail});
		expect(geometryProblemKey(refused('self_intersection'))).toBe('edit.geometry.selfIntersection');
		expect(geometryProblemKey(refused('outside'))).toBe('edit.geometry.outside');
		expect(geometryProblemKey(refused('wrong_type'))).toBe('edit.geometry.wrongType');
		expect(geometryProblemKey(refused('too_many_vertices'))).toBe('edit.geometry.tooManyVertices');
		expect(geometryProblemKey(refused('too_few'))).toBe('edit.geometry.tooFew');
		expect(geometryProblemKey(refused('rings'))).toBe('edit.geometry.rings');
		expect(geometryProblemKey(refused('coordinates'))).toBe('edit.geometry.coordinates');
		expect(geometryProblemKey(refused('invalid'))).toBe('edit.geometry.invalid');
		expect(geometryProblemKey(refused(undefined))).toBe('edit.geometry.invalid');
		expect(geometryProblemKey(undefined)).toBe('edit.geometry.invalid');
	});

	it('tells a refused shape from a refused property', () => {
		expect(isGeometryProblem(new ApiError({status: 400, code: 'invalid_geometry', parameter: 'geometry'}))).toBe(true);
		expect(isGeometryProblem(new ApiError({status: 400, code: 'invalid_geometry', parameter: 'footprint'}))).toBe(true);
		expect(isGeometryProblem(new ApiError({status: 400, code: 'invalid_parameter', title: 'Invalid geometry', parameter: 'gate_count'}))).toBe(false);
		expect(isGeometryProblem(new ApiError({status: 409, parameter: 'geometry'}))).toBe(false);
	});
});
