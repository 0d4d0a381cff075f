/**
 * Sends the user back to the sign-in screen when the server answers 401 to a data call
 * while they were signed in (the session expired, or an administrator disabled them).
 * The URL hash, which holds the view, the open feature or the page, is kept, and put back
 * after signing in again if anything changed it meanwhile, so the user returns to the same
 * view. A 401 while nobody is signed in is left to the caller: the data just is not public.
 */
export class AuthGate {
	constructor(options) {
		const {api, session, window: win = globalThis.window, onSignInRequired} = options;
		Object.assign(this, {api, session, window: win, onSignInRequired});
		this.pending = false;
		this.returnHash = null;
		this._stop = api.onUnauthorized(() => this._onUnauthorized());
	}

	_onUnauthorized() {
		if (this.pending || !this.session.authenticated) {
			return;
		}
		this.require('expired');
	}

	/** Shows the sign-in screen, remembering where the user was. */
	require(reason) {
		this.pending = true;
		this.returnHash = this.window.location.hash;
		this.session.expire();
		this.onSignInRequired?.({reason, hash: this.returnHash});
	}

	/** After signing in: puts the remembered hash back and answers it. */
	completed() {
		const hash = this.returnHash;
		if (this.pending && hash !== null && this.window.location.hash !== hash) {
			const {location, history} = this.window;
			history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
		}
		this.pending = false;
		this.returnHash = null;
		return hash;
	}

	destroy() {
		this._stop();
	}
}
