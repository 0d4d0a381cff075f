/*
 * Why the registry refused a shape, in the user's language. The server explains in English
 * (`detail` of a 400 problem whose parameter is "geometry"); the kind of fault picks a message.
 */

const RULES = [
	[/self[- ]intersection|crosses itself/i, 'edit.geometry.selfIntersection'],
	[/outside the county/i, 'edit.geometry.outside'],
	[/needs a \w+ geometry|is a \w+, not a|unknown geometry type/i, 'edit.geometry.wrongType'],
	[/vertices; at most/i, 'edit.geometry.tooManyVertices'],
	[/at least \d+ positions|too few|must end where it starts|not closed/i, 'edit.geometry.tooFew'],
	[/hole|nested|disconnected|duplicate ring/i, 'edit.geometry.rings'],
	[/longitude, latitude|coordinates|invalid coordinate/i, 'edit.geometry.coordinates']
];

/** True for a 400 that refused the shape rather than a property. */
export function isGeometryProblem(error) {
	return error?.code === 'invalid_geometry';
}

/** The message key for a refused shape. */
export function geometryProblemKey(detail) {
	const text = String(detail || '');
	return RULES.find(([pattern]) => pattern.test(text))?.[1] || 'edit.geometry.invalid';
}
