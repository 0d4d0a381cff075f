/** The value of cookie `name` in a `document.cookie` string, or null. */
export function readCookie(cookieText, name) {
	for (const part of String(cookieText || '').split(';')) {
		const cut = part.indexOf('=');
		if (cut > 0 && part.slice(0, cut).trim() === name) {
			const value = part.slice(cut + 1).trim();
			try {
				return decodeURIComponent(value);
			} catch {
				return value;
			}
		}
	}
	return null;
}
