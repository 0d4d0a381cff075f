/*
 * Why the registry refused a shape, in the user's language: the server names the kind of fault
 * (`fault` of an `invalid_geometry` problem); the fault picks a message.
 */

const FAULTS = {
	self_intersection: 'edit.geometry.selfIntersection',
	outside: 'edit.geometry.outside',
	wrong_type: 'edit.geometry.wrongType',
	too_many_vertices: 'edit.geometry.tooManyVertices',
	too_few: 'edit.geometry.tooFew',
	rings: 'edit.geometry.rings',
	coordinates: 'edit.geometry.coordinates'
};

/** True for a refusal of the shape rather than of a property. */
export function isGeometryProblem(error) {
	return error?.code === 'invalid_geometry';
}

/** The message key for a refused shape. */
export function geometryProblemKey(error) {
	return FAULTS[error?.fault] || 'edit.geometry.invalid';
}
