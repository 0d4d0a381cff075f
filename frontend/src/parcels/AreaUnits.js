/*
 * The area units a planner types a range in: square metres, hectares (公顷) and 亩, with
 * 1 亩 = 666.67 m² as the county's plans and the server define it (not 10000/15), so a
 * range typed in 亩 selects exactly the parcels the server counts in 亩.
 */

export const AREA_UNITS = ['m2', 'ha', 'mu'];

/** Square metres in one of each unit. */
export const SQUARE_METRES = Object.freeze({m2: 1, ha: 10000, mu: 666.67});

/** Decimals worth keeping for a value in each unit (a tenth of a m², a ten-thousandth of a ha, a hundredth of a 亩). */
const DIGITS = {m2: 1, ha: 4, mu: 2};

export function isAreaUnit(unit) {
	return AREA_UNITS.includes(unit);
}

/** `value` in `unit` as square metres. */
export function toSquareMetres(value, unit) {
	if (!isAreaUnit(unit)) {
		throw new RangeError(`unknown area unit ${unit}`);
	}
	return Number(value) * SQUARE_METRES[unit];
}

/** `m2` square metres in `unit`. */
export function fromSquareMetres(m2, unit) {
	if (!isAreaUnit(unit)) {
		throw new RangeError(`unknown area unit ${unit}`);
	}
	return Number(m2) / SQUARE_METRES[unit];
}

/** Rounds a value to the decimals its unit deserves, so that 2 ha in 亩 reads 30 rather than 29.9998500…. */
export function roundArea(value, unit) {
	const factor = 10 ** DIGITS[unit];
	return Math.round(Number(value) * factor) / factor;
}

/**
 * The same area in another unit, rounded for typing: `convertArea(2, 'ha', 'mu')` is 30. Empty
 * values (null, undefined, '') stay empty, so that switching the unit of an open range keeps it open.
 */
export function convertArea(value, from, to) {
	if (value === null || value === undefined || value === '' || !Number.isFinite(Number(value))) {
		return null;
	}
	return roundArea(fromSquareMetres(toSquareMetres(value, from), to), to);
}
