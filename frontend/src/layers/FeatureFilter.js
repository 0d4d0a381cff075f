import {WORK_STATUSES} from '../catalog/Schema.js';

/**
 * The user's filter: the set of work statuses shown and at most one department.
 * Immutable; `with...` methods return a new filter.
 */
export class FeatureFilter {
	constructor(options = {}) {
		const {statuses = WORK_STATUSES, department = ''} = options;
		this.statuses = new Set(statuses);
		this.department = department || '';
	}

	accepts(props = {}) {
		return this.statuses.has(props.status || 'none')
			&& (!this.department || props.department === this.department);
	}

	withStatus(status, shown) {
		const statuses = new Set(this.statuses);
		if (shown) {
			statuses.add(status);
		} else {
			statuses.delete(status);
		}
		return new FeatureFilter({statuses, department: this.department});
	}

	withDepartment(department) {
		return new FeatureFilter({statuses: this.statuses, department});
	}

	get isDefault() {
		return !this.department && WORK_STATUSES.every((s) => this.statuses.has(s));
	}

	/** Features of one collection that pass, from counts per status (as /api/v1/stats/counts gives them). */
	countOf(statusCounts = {}) {
		return Object.entries(statusCounts)
			.filter(([status]) => this.statuses.has(status))
			.reduce((sum, [, n]) => sum + Number(n || 0), 0);
	}
}
