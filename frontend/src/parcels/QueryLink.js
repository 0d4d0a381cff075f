/*
 * A parcel query in a link. The page's hash carries either a saved query's id
 * (#/parcels?saved=12) or the query itself (#/parcels?q=…): the search body as compact JSON in
 * base64url, which survives chat apps and e-mail clients that mangle braces, quotes and
 * Chinese characters. Coordinates are cut to six decimals (about 0.1 m), which keeps a drawn
 * polygon's link short.
 */
import {normalizeQuery, searchBody} from './ParcelQuery.js';

const ID = /^[1-9][0-9]{0,17}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function roundCoordinates(value) {
	if (Array.isArray(value)) {
		return value.map(roundCoordinates);
	}
	return typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value;
}

function toBase64Url(text) {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const byte of bytes) {
		binary += String.fromCharCode(byte);
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
	const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const binary = atob(padded);
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
}

/** The query as the `q` parameter of a link; an empty query is the empty string. */
export function encodeQuery(query) {
	const body = searchBody(query);
	if (body.polygon) {
		body.polygon = {...body.polygon, coordinates: roundCoordinates(body.polygon.coordinates)};
	}
	return Object.keys(body).length ? toBase64Url(JSON.stringify(body)) : '';
}

/** The query in a `q` parameter, or null when the text is not one (cut short, edited by hand). */
export function decodeQuery(text) {
	const value = String(text || '').trim();
	if (!value || !BASE64URL.test(value)) {
		return null;
	}
	try {
		const parsed = JSON.parse(fromBase64Url(value));
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? normalizeQuery(parsed) : null;
	} catch {
		return null;
	}
}

/** The page's link parameters for a query: {q}, or {} for no condition. */
export function queryParams(query) {
	const q = encodeQuery(query);
	return q ? {q} : {};
}

/** True for a saved query's id as a link carries it. */
export function isSavedId(value) {
	return ID.test(String(value ?? ''));
}

/**
 * What a page link asks for: {saved: id} for a saved query, {query} for an encoded one,
 * {invalid: true} for a parameter that cannot be read, or {} for an empty panel.
 */
export function readQueryParams(params = {}) {
	if (params.saved !== undefined && params.saved !== '') {
		return isSavedId(params.saved) ? {saved: String(params.saved)} : {invalid: true};
	}
	if (params.q) {
		const query = decodeQuery(params.q);
		return query ? {query} : {invalid: true};
	}
	return {};
}

/** The whole address of a page link (origin, path and hash) for copying. */
export function shareUrl(location, hash) {
	return `${location.origin}${location.pathname}${hash}`;
}
