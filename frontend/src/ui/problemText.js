/**
 * What to tell the user about a failed call, in their language. The server's own detail is
 * English, so it is never shown as it is; the status picks the message.
 */
export function problemText(error, i18n) {
	const status = error?.status;
	if (status === 0) {
		return i18n.t('error.network');
	}
	const byCode = error?.code ? `problem.${error.code}` : null;
	if (byCode && i18n.has(byCode)) {
		return i18n.t(byCode);
	}
	const key = {401: 'error.unauthorized', 403: 'error.forbidden', 404: 'error.notFound', 409: 'error.conflict'}[status];
	if (key) {
		return i18n.t(key);
	}
	return status ? i18n.t('error.http', {status}) : i18n.t('error.unknown');
}
