// English: the office's map of field work (#/field). Same keys as field.zh.js, checked by a unit test.
export const fieldEn = {
	'fieldmap.title': 'Field work map',
	'fieldmap.mapLabel': 'Map of patrols and issues',
	'fieldmap.all': 'All',
	'fieldmap.type': 'Type',
	'fieldmap.town': 'Town',
	'fieldmap.status': 'Status',
	'fieldmap.month': 'Month',
	'fieldmap.heat': 'Issue heat map',
	'fieldmap.summary': '{issues} issues ({overdue} overdue), {patrols} patrols',
	'fieldmap.patrol': 'Patrol by {chief}',
	'fieldmap.when': 'When',
	'fieldmap.distance': 'Distance',
	'fieldmap.covered': '{count} segments or grids covered',
	'fieldmap.openIssue': 'Open the issue',
	'fieldmap.close': 'Close',
	'fieldmap.type.river': 'River patrol',
	'fieldmap.type.straw_burning': 'Straw-burning patrol',
	'fieldmap.type.works_inspection': 'Water works inspection',
	'fieldmap.type.warning_station': 'Warning station visit'
};
