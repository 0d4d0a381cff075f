import {describe, expect, it} from 'vitest';
import {setCounty} from '../../../src/county/County.js';
import {I18n} from '../../../src/i18n/I18n.js';
import {progressMethodText} from '../../../src/ui/statusChip.js';

const zh = new I18n({locale: 'zh-CN'});
const en = new I18n({locale: 'en'});

describe('project progress', () => {
	it('says who reported a figure and on which county day', () => {
		setCounty({timeZone: 'Asia/Shanghai'});
		const progress = {pct: 85, method: 'reported', reportedBy: '县水利局', reportedAt: '2026-10-26T17:30:00Z'};
		expect(progressMethodText(progress, zh)).toBe('县水利局 于 2026-10-27 上报');
		expect(progressMethodText(progress, en)).toBe('Reported by 县水利局 on 2026-10-27');
	});

	it('names the measure, and says so when there was nothing to measure', () => {
		expect(progressMethodText({pct: 25, method: 'milestones'}, zh)).toBe('按节点完成情况计算');
		expect(progressMethodText({pct: null, method: 'investment'}, en)).toBe('From investment done against planned: nothing to measure yet');
	});

});
