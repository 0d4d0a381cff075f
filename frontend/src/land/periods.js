/** The cadence's report named by its period: 2026-09 月清, 2026-Q3 季度预警, 2026-H2 半年分析, 2026 年度评估. */
export function periodKind(period) {
	if (/^\d{4}-\d{2}$/.test(period)) {
		return 'month';
	}
	if (/^\d{4}-Q[1-4]$/.test(period)) {
		return 'quarter';
	}
	return /^\d{4}-H[12]$/.test(period) ? 'half' : 'year';
}
