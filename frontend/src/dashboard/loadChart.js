let loading = null;

/** Chart.js (only the parts the dashboard uses), loaded on first use. */
export function loadChart() {
	if (!loading) {
		loading = import('./charts.js').then((module) => module.Chart);
		loading.catch(() => {
			loading = null;
		});
	}
	return loading;
}
