// English: the recent changes (#/changes). Same keys as changes.zh.js, checked by a unit test.
export const changesEn = {
	'changes.title': 'Recent changes',
	'changes.lead': 'Changes to every layer of the county, newest first.',
	'changes.filters': 'Filter the changes',
	'changes.user': 'User',
	'changes.anyUser': 'All users',
	'changes.collection': 'Layer',
	'changes.anyCollection': 'All layers',
	'changes.apply': 'Filter',
	'changes.clear': 'Clear filters',
	'changes.when': 'Time',
	'changes.who': 'User',
	'changes.action': 'Action',
	'changes.feature': 'Feature',
	'changes.fields': 'What changed',
	'changes.fieldsMore': '{fields} and {n} more',
	'changes.empty': 'No changes match',
	'changes.more': 'Load more',
	'changes.end': 'All {n} changes shown'
};
