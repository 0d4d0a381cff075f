// 简体中文：最近更改（#/changes）。键与 changes.en.js 一一对应，由单元测试检查。
export const changesZh = {
	'changes.title': '最近更改',
	'changes.lead': '全县各图层的修改记录，最新的在前。',
	'changes.filters': '筛选修改记录',
	'changes.user': '操作人',
	'changes.anyUser': '全部用户',
	'changes.collection': '图层',
	'changes.anyCollection': '全部图层',
	'changes.apply': '筛选',
	'changes.clear': '清除筛选',
	'changes.when': '时间',
	'changes.who': '操作人',
	'changes.action': '操作',
	'changes.feature': '要素',
	'changes.fields': '修改内容',
	'changes.fieldsMore': '{fields} 等 {n} 项',
	'changes.empty': '没有符合条件的修改记录',
	'changes.more': '加载更多',
	'changes.end': '已显示全部 {n} 条记录'
};
