/*
 * What the river pages offer whom. The server decides in the end; these only keep buttons away
 * from users who would be refused.
 */

/** The water bureau's river chief office: administrators and the water bureau's editors. */
export function isOffice(session) {
	return session.isAdmin || (session.hasRole('editor') && session.department === 'water');
}

/** Chiefs log their own patrols; the office logs them for any chief. */
export function canPatrol(session) {
	return session.hasRole('river_chief') || isOffice(session);
}

/** Issues and the bulletin are read by chiefs, the office and viewers; other departments' editors are refused. */
export function canReadRiver(session) {
	return canPatrol(session) || session.hasRole('viewer');
}
