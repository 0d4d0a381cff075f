import {countyDateParts, countyTimeZone} from '../county/County.js';
/*
 * Numbers with their units, as Chinese offices read them: lengths in m or km, areas in
 * m², hectares and 亩, money in 万元 (10,000 CNY; English readers get CNY millions).
 * Every function takes the I18n in use for the locale and the unit words.
 */

/** One 亩 (mu) is 10000/15 m², that is 666.67 m². */
export const MU_M2 = 10000 / 15;
export const HECTARE_M2 = 10000;

export function formatNumber(value, i18n, options = {}) {
	const {digits = 0, minDigits = 0} = options;
	return new Intl.NumberFormat(i18n.locale, {
		maximumFractionDigits: digits,
		minimumFractionDigits: Math.min(minDigits, digits)
	}).format(value);
}

/** A length in metres: "790 m" below a kilometre, "12.53 km" from there on. */
export function formatLength(metres, i18n) {
	if (Math.abs(metres) < 1000) {
		return `${formatNumber(metres, i18n)} m`;
	}
	return `${formatNumber(metres / 1000, i18n, {digits: 2, minDigits: 2})} km`;
}

/** A plain measure in metres with one decimal at most ("12.5 m"), e.g. a bridge span. */
export function formatMetres(metres, i18n) {
	return `${formatNumber(metres, i18n, {digits: 1})} m`;
}

export function formatMillimetres(mm, i18n) {
	return `${formatNumber(mm, i18n)} mm`;
}

/** An area in m² with its equivalent in hectares and 亩. */
export function formatArea(m2, i18n) {
	const parts = [
		`${formatNumber(m2, i18n)} m²`,
		`${formatNumber(m2 / HECTARE_M2, i18n, {digits: 2, minDigits: 2})} ha`,
		`${formatNumber(m2 / MU_M2, i18n, {digits: 2, minDigits: 2})} ${i18n.t('unit.mu')}`
	];
	return parts.join(' · ');
}

/** An amount in 万元 (units of 10,000 CNY). */
export function formatMoney10k(wan, i18n) {
	const value = i18n.isChinese
		? formatNumber(wan, i18n, {digits: 2, minDigits: 2})
		: formatNumber(wan / 100, i18n, {digits: 2, minDigits: 2});
	return i18n.t('unit.money10k', {value});
}

/** An amount in 万元 per 亩, such as tax revenue per unit of land. */
export function formatMoney10kPerMu(wan, i18n) {
	const value = i18n.isChinese
		? formatNumber(wan, i18n, {digits: 2})
		: formatNumber(wan * 10000, i18n);
	return i18n.t('unit.money10kPerMu', {value});
}

export function formatPercent(pct, i18n) {
	return `${formatNumber(pct, i18n, {digits: 1})}%`;
}

export function formatCapacity(m3PerDay, i18n) {
	return i18n.t('unit.capacity', {value: formatNumber(m3PerDay, i18n)});
}

/** A calendar date as ISO 8601 (2023-12-31), read the same way in both languages. */
export function formatDate(value) {
	const text = String(value);
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	return match ? match[1] : text;
}

/** A timestamp in the county's time as "2023-12-31 08:30". */
export function formatDateTime(value) {
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) {
		return String(value);
	}
	const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
		timeZone: countyTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit',
		hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
	}).formatToParts(date).map((p) => [p.type, p.value]));
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Chinese counting words (量词) that data use as units: the English screen leaves them out, the number says enough. */
const CLASSIFIERS = new Set(['座', '条', '个', '期', '处', '宗', '项', '家', '户', '台', '套', '孔', '块']);

/** A unit from the data in the user's language: 亩 as such, counting words only in Chinese, others as they are. */
export function unitText(unit, i18n) {
	const text = String(unit ?? '').trim();
	if (!text) {
		return '';
	}
	if (text === '亩') {
		return i18n.t('unit.mu');
	}
	if (text === '公里') {
		return 'km';
	}
	if (text === '米') {
		return 'm';
	}
	if (CLASSIFIERS.has(text)) {
		return i18n.isChinese ? text : '';
	}
	return text;
}

/** An amount with its unit from the data: "12 座" in Chinese, "12" in English, "3.5 km", "16.1%". */
export function formatAmount(value, unit, i18n, options = {}) {
	const {digits = 2} = options;
	const number = formatNumber(Number(value), i18n, {digits});
	const word = unitText(unit, i18n);
	if (!word) {
		return number;
	}
	return word === '%' ? `${number}%` : `${number} ${word}`;
}

/** Today's date in the county's time zone (yyyy-MM-dd), as the server counts days. */
export function countyToday(now = new Date()) {
	const {year, month, day} = countyDateParts(now);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
