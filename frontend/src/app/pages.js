/*
 * The page registry: every page beside the map, one entry each, in the order the menus list them.
 *
 *   name        the page's name, and its path in the URL hash (#/<name>?…); `under: 'projects'` makes
 *               the path #/projects/<id> instead (the id is in params.id)
 *   params      the query parameters the page keeps in the hash (PageRoute reads and writes only these)
 *   titleKey    the message of the page's title bar
 *   allowed     (session) => whether the menus offer the page to this user (any signed-in user when
 *               left out); they mirror the server's rules (src/test/resources/security/role-table.txt,
 *               cn.hetu.security.LayerAccess). The server still decides: a page opened by its link
 *               shows what the server answers.
 *   home        (session) => whether the app opens on this page for this user when the URL names
 *               none (the first page whose `home` says yes; the map for everyone else)
 *   nav         the key of its link in the header (the pages leaders use most)
 *   menu        the user menu's group that lists it ('main' or 'river') and `menuKey` its label
 *   messages    () => import of the feature's own messages, added to the dictionary before the page
 *               is made, so that they load with the page and not with the map
 *   create      async (context) => the page: loads the page's module and makes it from the context,
 *               which has everything a page may need (see Workspace._pageContext): container, i18n,
 *               api, session, county, toast, window, layers, departments, formatter, collectionTitle,
 *               departmentName, roleName, userName, href, onParams, navigate, goTo, closePage,
 *               showFeature, mapBbox, lastParams, edit (footprints, picking assets, project changes)
 *
 * A page is a class with `show(params, {reload})` (called on every change of its hash) and
 * `destroy()`, optionally `invalidate()` (data changed elsewhere: redraw on the next show).
 *
 * Adding a page is adding one entry here: the page's class in its feature's folder, its
 * messages in `<feature>/messages.js` (see river/messages.js), and nothing else in app/.
 *
 * Porting a page written for the old MapWorkspace (a PAGES and PARAMS entry in PageRoute.js, a
 * PAGE_VIEWS loader and an `else if` in MapWorkspace._pageView): `name` and `params` come from
 * PARAMS, `titleKey` and the module from PAGE_VIEWS, and the `else if` body becomes `create`, with
 * `...common` → `...context`, `this.layerInfo` → `context.layers`, `this._collectionTitle` /
 * `_departmentName` / `_roleName` / `_userName` → `context.collectionTitle` / …, `this._mapBbox()` →
 * `context.mapBbox()`, `this.navigate` → `context.navigate`, `this._goTo` → `context.goTo`,
 * `this._closePage()` → `context.closePage()`, `this.county` / `toast` / `window` / `departments` /
 * `formatter` → `context.…`; `onParams: (params, options) => this.navigate(name, params, {push: …})`
 * is the context's own `onParams` already. Messages merged into zh.js/en.js move to `messages`.
 */
import {canPatrol, canReadRiver, isOffice} from '../river/roles.js';

const riverMessages = () => import('../river/messages.js');
const projectMessages = () => import('../projects/messages.js');
const accountMessages = () => import('../accounts/messages.js');
const investMessages = () => import('../invest/messages.js');

export const PAGES = [
	{
		name: 'projects', titleKey: 'projects.title', nav: 'nav.projects', menu: 'main', menuKey: 'user.projects',
		params: ['q', 'department', 'status', 'category', 'year', 'overdue', 'inView', 'sort', 'page'], messages: projectMessages,
		create: async (context) => new (await import('../projects/ProjectsPage.js')).ProjectsPage({
			...context,
			onParams: (params) => context.navigate('projects', params, {push: false}),
			onOpen: (id) => context.navigate('project', {id: String(id)})
		})
	},
	{
		name: 'project', under: 'projects', titleKey: 'project.title', params: [], messages: projectMessages,
		create: async (context) => new (await import('../projects/ProjectPage.js')).ProjectPage({
			...context,
			onOpenFeature: (collection, id) => context.showFeature(collection, id),
			onShowOnMap: (id) => context.showFeature('project', id),
			onEditFootprint: (id) => context.edit.editFootprint(id),
			onPickAsset: (project) => context.edit.startPick(project),
			onList: () => context.navigate('projects', context.lastParams('projects')),
			onChanged: () => context.edit.projectChanged(),
			onDeleted: () => {
				context.edit.projectChanged();
				context.toast.show(context.i18n.t('project.deleted'), {kind: 'ok'});
				context.navigate('projects', context.lastParams('projects'), {push: false});
			}
		})
	},
	{
		name: 'parcels', titleKey: 'parcels.title', nav: 'nav.parcels', menu: 'main', menuKey: 'user.parcels',
		params: ['saved', 'q', 'parcel', 'view', 'year'],
		messages: () => import('../parcels/messages.js'),
		create: async (context) => new (await import('../parcels/ParcelsPage.js')).ParcelsPage({...context, onBack: () => context.closePage()})
	},
	{
		name: 'dashboard', titleKey: 'dashboard.title', nav: 'nav.dashboard', menu: 'main', menuKey: 'user.dashboard', params: ['year'],
		messages: () => import('../dashboard/messages.js'),
		create: async (context) => new (await import('../dashboard/DashboardPage.js')).DashboardPage({...context, onNavigate: (hash) => context.goTo(hash)})
	},
	{
		name: 'plans', titleKey: 'plans.title', nav: 'nav.plans', menu: 'main', menuKey: 'nav.plans', params: ['year', 'department'],
		messages: () => import('../plans/messages.js'),
		create: async (context) => new (await import('../plans/PlansPage.js')).PlansPage({
			...context, onParams: (params) => context.navigate('plans', params, {push: false}), onNavigate: (hash) => context.goTo(hash)
		})
	},
	{
		name: 'investments', titleKey: 'invest.title', nav: 'nav.investments', menu: 'main', menuKey: 'nav.investments', params: ['id'],
		messages: investMessages,
		create: async (context) => new (await import('../invest/InvestmentsPage.js')).InvestmentsPage({
			...context, onParams: (params) => context.navigate('investments', params, {push: false})
		})
	},
	{
		name: 'commerce', titleKey: 'commerce.title', menu: 'main', menuKey: 'nav.commerce', params: ['year'],
		messages: investMessages,
		create: async (context) => new (await import('../invest/CommercePage.js')).CommercePage({
			...context, onParams: (params) => context.navigate('commerce', params, {push: false})
		})
	},
	{
		name: 'enterprises', titleKey: 'enterprises.title', menu: 'main', menuKey: 'nav.enterprises',
		params: ['chain', 'scale', 'specialized', 'highTech', 'foreignTrade', 'watch', 'id'], messages: investMessages,
		create: async (context) => new (await import('../invest/EnterprisesPage.js')).EnterprisesPage({
			...context, onParams: (params) => context.navigate('enterprises', params, {push: false})
		})
	},
	{
		name: 'approvals', titleKey: 'approvalsPage.title', menu: 'main', menuKey: 'nav.approvals', params: ['overdue'],
		messages: investMessages,
		create: async (context) => new (await import('../invest/ApprovalsPage.js')).ApprovalsPage({
			...context, onParams: (params) => context.navigate('approvals', params, {push: false})
		})
	},
	{
		name: 'stations', titleKey: 'stations.title', menu: 'main', menuKey: 'nav.stations', params: ['distance', 'id'],
		messages: investMessages,
		create: async (context) => new (await import('../invest/StationsPage.js')).StationsPage({
			...context, onParams: (params) => context.navigate('stations', params, {push: false})
		})
	},
	{
		name: 'constraints', titleKey: 'constraints.title', menu: 'main', menuKey: 'user.constraints',
		params: ['tab', 'year', 'batch', 'patch', 'period'],
		create: async (context) => new (await import('../land/ConstraintsPage.js')).ConstraintsPage({
			...context,
			onParams: (params) => context.navigate('constraints', params),
			onOpenProject: (id) => context.navigate('project', {id: String(id)}),
			onOpenParcel: (id) => context.navigate('parcels', {parcel: String(id)})
		})
	},
	{
		// Only those who may import somewhere: everyone else would find an empty form and an empty list.
		name: 'imports', titleKey: 'imports.title', menu: 'main', menuKey: 'user.imports', params: ['job'],
		allowed: (session) => session.isAdmin || session.editableCollections.length > 0,
		messages: () => import('../imports/messages.js'),
		create: async (context) => new (await import('../imports/ImportsPage.js')).ImportsPage({
			...context,
			onParams: (params) => context.navigate('imports', params, {push: false}),
			// A layer the import created is not on this map yet: the page loads again with it.
			onOpenLayer: (id, created) => {
				context.goTo(`#/layer/${id}`);
				if (created) {
					context.window.location.reload();
				}
			}
		})
	},
	{
		name: 'changes', titleKey: 'changes.title', menu: 'main', menuKey: 'user.changes', params: ['user', 'collection'],
		messages: () => import('../changes/messages.js'),
		create: async (context) => new (await import('../changes/ChangesPage.js')).ChangesPage({
			...context,
			onOpenFeature: (collection, id) => context.showFeature(collection, id),
			onFilter: (params) => context.navigate('changes', params, {push: false})
		})
	},
	{
		name: 'account', titleKey: 'account.title', menu: 'main', menuKey: 'user.account', params: [], messages: accountMessages,
		create: async (context) => new (await import('../accounts/MyAccountPage.js')).MyAccountPage({
			...context, ogcUrl: `${context.window.location.origin}/ogc`
		})
	},
	{
		name: 'accounts', titleKey: 'accounts.title', menu: 'main', menuKey: 'user.accounts', params: [], messages: accountMessages,
		allowed: (session) => session.isAdmin,
		create: async (context) => new (await import('../accounts/AccountsPage.js')).AccountsPage(context)
	},
	{
		name: 'county', titleKey: 'county.title', menu: 'main', menuKey: 'user.county', params: [],
		allowed: (session) => session.isAdmin, messages: () => import('../countyprofile/messages.js'),
		create: async (context) => new (await import('../countyprofile/CountyProfilePage.js')).CountyProfilePage(context)
	},
	{
		name: 'patrol', titleKey: 'river.patrol.title', menu: 'river', menuKey: 'user.river.patrol', params: [],
		allowed: canPatrol, messages: riverMessages,
		// A chief's day is the patrol, on a phone; a chief who also works in an office keeps the map.
		home: (session) => session.roles.length > 0 && session.roles.every((role) => role === 'river_chief'),
		create: async (context) => new (await import('../river/PatrolPage.js')).PatrolPage(context)
	},
	{
		name: 'issues', titleKey: 'river.issues.title', menu: 'river', menuKey: 'user.river.issues',
		params: ['status', 'overdue', 'town', 'category', 'month', 'issue'],
		allowed: canReadRiver, messages: riverMessages,
		create: async (context) => new (await import('../river/IssuesPage.js')).IssuesPage(context)
	},
	{
		// The office's view of field work: the river office and those who read over its shoulder.
		name: 'field', titleKey: 'fieldmap.title', menu: 'river', menuKey: 'user.river.field',
		params: ['type', 'town', 'status', 'overdue', 'month', 'patrol'],
		allowed: (session) => isOffice(session) || session.hasRole('viewer'), messages: () => import('../field/messages.js'),
		create: async (context) => new (await import('../field/FieldMapPage.js')).FieldMapPage(context)
	},
	{
		name: 'bulletin', titleKey: 'river.bulletin.pageTitle', menu: 'river', menuKey: 'user.river.bulletin', params: ['month'],
		allowed: canReadRiver, messages: riverMessages,
		create: async (context) => new (await import('../river/BulletinPage.js')).BulletinPage({
			...context, onParams: (params) => context.navigate('bulletin', params)
		})
	},
	{
		name: 'chiefs', titleKey: 'river.chiefs.title', menu: 'river', menuKey: 'user.river.chiefs', params: [],
		allowed: canReadRiver, messages: riverMessages,
		create: async (context) => new (await import('../river/ChiefsPage.js')).ChiefsPage(context)
	}
];

const BY_NAME = new Map(PAGES.map((page) => [page.name, page]));

/** The registry's entry of a page, or undefined. */
export function pageNamed(name) {
	return BY_NAME.get(name);
}

/** The page the app opens on for this user when the URL names none, or undefined for the map. */
export function homePage(session) {
	return PAGES.find((page) => page.home?.(session) && offers(page, session));
}

/** Whether the menus offer a page to this user. */
export function offers(page, session) {
	return session.authenticated && (!page.allowed || page.allowed(session));
}
