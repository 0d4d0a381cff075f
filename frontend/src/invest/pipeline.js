/** The stages of the investment pipeline, in order: 线索 → 在谈 → 签约 → 落地 → 开工 → 投产. */
export const STAGES = ['lead', 'negotiating', 'signed', 'landed', 'started', 'producing'];

/** The projects of the pipeline grouped by stage, in pipeline order, empty stages kept. */
export function byStage(items) {
	const groups = new Map(STAGES.map((s) => [s, []]));
	for (const item of items) {
		groups.get(item.stage)?.push(item);
	}
	return groups;
}
