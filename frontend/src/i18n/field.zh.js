// 简体中文：办公室的外业地图（#/field）。键与 field.en.js 一一对应，由单元测试检查。
export const fieldZh = {
	'fieldmap.title': '外业一张图',
	'fieldmap.mapLabel': '巡查与问题地图',
	'fieldmap.all': '全部',
	'fieldmap.type': '类型',
	'fieldmap.town': '乡镇',
	'fieldmap.status': '状态',
	'fieldmap.month': '月份',
	'fieldmap.heat': '问题热力图',
	'fieldmap.summary': '问题 {issues} 个（超期 {overdue} 个），巡查 {patrols} 次',
	'fieldmap.patrol': '{chief} 的巡查',
	'fieldmap.when': '时间',
	'fieldmap.distance': '里程',
	'fieldmap.covered': '覆盖河段或网格 {count} 个',
	'fieldmap.openIssue': '打开问题',
	'fieldmap.close': '关闭',
	'fieldmap.type.river': '河长巡河',
	'fieldmap.type.straw_burning': '秸秆禁烧巡查',
	'fieldmap.type.works_inspection': '水利工程隐患排查',
	'fieldmap.type.warning_station': '预警站点维护'
};
