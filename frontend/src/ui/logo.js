/** The mark of Hetu: a river through surveyed points on the county's blue. */
export const LOGO_SVG = '<svg width="34" height="34" viewBox="0 0 34 34" aria-hidden="true" focusable="false"><rect width="34" height="34" rx="8" fill="#0B4F6C"/>'
	+ '<path d="M5 22c4-6 8 2 12-3s8-9 12-4" fill="none" stroke="#7FD1F5" stroke-width="2.6" stroke-linecap="round"/>'
	+ '<circle cx="11" cy="11" r="2.4" fill="#FFFFFF"/><circle cx="23" cy="9" r="2.4" fill="#E69F00"/><circle cx="24" cy="25" r="2.4" fill="#FFFFFF"/>'
	+ '<path d="M11 11L23 9M23 9L24 25" stroke="#FFFFFF" stroke-width="1.2" stroke-opacity="0.7"/></svg>';
