/*
 * JSON merge patches (RFC 7396) as the editor sends them: only what the user changed, null
 * for what they cleared, nested objects patched key by key. Used for PATCH of a feature
 * (OGC API - Features Part 4) and of a project, and to re-apply one's own changes on top of a
 * version someone else saved meanwhile.
 */

/** Properties the registry keeps itself; sending them back is harmless but pointless. */
export const SERVER_KEPT = new Set(['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'length_m', 'area_m2']);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep equality of JSON values (object key order does not matter). */
export function sameJson(a, b) {
	if (a === b) {
		return true;
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
	}
	if (isObject(a) && isObject(b)) {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		return [...keys].every((key) => sameJson(a[key], b[key]));
	}
	// A missing value and null mean the same in a record.
	return (a === undefined || a === null) && (b === undefined || b === null);
}

/** The merge patch that turns `before` into `after`; {} when they are the same. */
export function buildMergePatch(before = {}, after = {}) {
	const patch = {};
	for (const [key, value] of Object.entries(after)) {
		const old = before?.[key];
		if (sameJson(old, value)) {
			continue;
		}
		if (isObject(old) && isObject(value)) {
			patch[key] = buildMergePatch(old, value);
		} else {
			patch[key] = value === undefined ? null : value;
		}
	}
	for (const key of Object.keys(before || {})) {
		if (!(key in after) && before[key] !== null && before[key] !== undefined) {
			patch[key] = null;
		}
	}
	return patch;
}

/** Applies a merge patch to a copy of `target` (RFC 7396). */
export function applyMergePatch(target, patch) {
	if (!isObject(patch)) {
		return patch;
	}
	const result = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) {
			delete result[key];
		} else {
			result[key] = applyMergePatch(result[key], value);
		}
	}
	return result;
}

/** Coordinates rounded to 1e-7 degrees (about a centimetre), so that a shape read back compares equal. */
export function normalizeGeometry(geometry) {
	if (!geometry) {
		return null;
	}
	const round = (c) => (typeof c === 'number' ? Math.round(c * 1e7) / 1e7 : c.map(round));
	return geometry.type === 'GeometryCollection'
		? {type: geometry.type, geometries: geometry.geometries.map(normalizeGeometry)}
		: {type: geometry.type, coordinates: round(geometry.coordinates)};
}

export function sameGeometry(a, b) {
	return sameJson(normalizeGeometry(a), normalizeGeometry(b));
}

/**
 * What to PATCH for a feature the user edited: {properties, geometry} with only the changes,
 * leaving out what the server keeps; null when nothing changed.
 */
export function featurePatch(original, edited) {
	const strip = (props) => Object.fromEntries(Object.entries(props || {}).filter(([key]) => !SERVER_KEPT.has(key)));
	const before = strip(original?.properties);
	const after = {...before, ...strip(edited?.properties)};
	const properties = buildMergePatch(before, after);
	const patch = {};
	if (Object.keys(properties).length) {
		patch.properties = properties;
	}
	if (edited && 'geometry' in edited && !sameGeometry(original?.geometry, edited.geometry)) {
		patch.geometry = edited.geometry;
	}
	return Object.keys(patch).length ? patch : null;
}

/** The names of the properties whose values differ between two features (server-kept ones left out). */
export function changedProperties(a, b) {
	const pa = a?.properties || {};
	const pb = b?.properties || {};
	return [...new Set([...Object.keys(pa), ...Object.keys(pb)])]
		.filter((key) => !SERVER_KEPT.has(key) && !sameJson(pa[key], pb[key]));
}

/**
 * Puts the user's own changes (from `base`, the version they started from, to `mine`) on top
 * of `current`, the version someone else saved meanwhile. Their changes win where both changed.
 */
export function reapply(base, mine, current) {
	const patch = featurePatch(base, mine) || {};
	return {
		...current,
		properties: applyMergePatch(current?.properties || {}, patch.properties || {}),
		geometry: 'geometry' in patch ? patch.geometry : current?.geometry ?? null
	};
}

/**
 * The rows of a side-by-side comparison after a stale save: every property (and `geom` for the
 * shape) that the user or the other writer changed since `base`, marking who changed it and
 * where both changed it differently.
 */
export function conflictRows(base, mine, current) {
	const mineKeys = changedProperties(base, mine);
	const theirKeys = changedProperties(base, current);
	const keys = [...new Set([...mineKeys, ...theirKeys])];
	const rows = keys.map((key) => {
		const mineChanged = mineKeys.includes(key);
		const theirsChanged = theirKeys.includes(key);
		return {key, mineChanged, theirsChanged, both: mineChanged && theirsChanged && !sameJson(mine?.properties?.[key], current?.properties?.[key])};
	});
	const mineShape = Boolean(mine && 'geometry' in mine) && !sameGeometry(base?.geometry, mine.geometry);
	const theirShape = !sameGeometry(base?.geometry, current?.geometry);
	if (mineShape || theirShape) {
		rows.unshift({key: 'geom', mineChanged: mineShape, theirsChanged: theirShape, both: mineShape && theirShape && !sameGeometry(mine.geometry, current?.geometry)});
	}
	return rows;
}
