import {describe, expect, it} from 'vitest';
import {ApiError} from '../../../src/api/ApiError.js';
import {geometryProblemKey, isGeometryProblem} from '../../../src/edit/GeometryProblem.js';

describe('GeometryProblem', () => {
	it('names the fault of a refused shape from the server’s words', () => {
		expect(geometryProblemKey('Self-intersection at (116.205000, 33.205000)')).toBe('edit.geometry.selfIntersection');
		expect(geometryProblemKey('Ring Self-intersection at (116.2, 33.2)')).toBe('edit.geometry.selfIntersection');
		expect(geometryProblemKey('The line crosses itself at (116.2, 33.2)')).toBe('edit.geometry.selfIntersection');
		expect(geometryProblemKey('The geometry lies outside the county (lon 115.9–116.7, lat 32.9–33.6); are the coordinates swapped?')).toBe('edit.geometry.outside');
		expect(geometryProblemKey('A land_parcel is a MultiPolygon, not a LineString')).toBe('edit.geometry.wrongType');
		expect(geometryProblemKey('The geometry has 200000 vertices; at most 100000 are accepted')).toBe('edit.geometry.tooManyVertices');
		expect(geometryProblemKey('A polygon ring needs at least 4 positions and must end where it starts')).toBe('edit.geometry.tooFew');
		expect(geometryProblemKey('Hole lies outside shell at (1, 2)')).toBe('edit.geometry.rings');
		expect(geometryProblemKey('Something new')).toBe('edit.geometry.invalid');
		expect(geometryProblemKey(undefined)).toBe('edit.geometry.invalid');
	});

	it('tells a refused shape from a refused property', () => {
		expect(isGeometryProblem(new ApiError({status: 400, code: 'invalid_geometry', parameter: 'geometry'}))).toBe(true);
		expect(isGeometryProblem(new ApiError({status: 400, code: 'invalid_geometry', parameter: 'footprint'}))).toBe(true);
		expect(isGeometryProblem(new ApiError({status: 400, code: 'invalid_parameter', title: 'Invalid geometry', parameter: 'gate_count'}))).toBe(false);
		expect(isGeometryProblem(new ApiError({status: 409, parameter: 'geometry'}))).toBe(false);
	});
});
