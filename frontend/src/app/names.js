import {problemText} from '../ui/problemText.js';

/**
 * How the workspace names things, in the user's language: collections and departments (as the
 * server lists them, else the messages), roles, users (the system's own changes) and errors.
 * `layers()` and `departments()` give the lists once they have loaded.
 */
export function namesFor({i18n, layers, departments}) {
	return {
		collectionTitle: (id) => {
			const info = layers()?.find((l) => l.id === id);
			return (info && i18n.pick(info.titleZh, info.titleEn)) || i18n.t(`collection.${id}`);
		},
		departmentName: (code) => {
			const department = departments()?.find((d) => d.code === code);
			const key = `department.${code}`;
			return (department && i18n.pick(department.nameZh, department.nameEn)) || (i18n.has(key) ? i18n.t(key) : code);
		},
		roleName: (role) => (i18n.has(`role.${role}`) ? i18n.t(`role.${role}`) : role),
		userName: (username) => (username === 'system' ? i18n.t('history.system') : username),
		errorText: (error) => problemText(error, i18n)
	};
}
