/** The roles an account may hold, most powerful first. */
export const ROLES = ['admin', 'editor', 'river_chief', 'planner', 'viewer'];

const ANONYMOUS = Object.freeze({authenticated: false, roles: [], editableCollections: []});

/**
 * Who is signed in, as the server says (`/api/v1/auth/me`), and what they may do. Views ask
 * it rather than reading roles themselves; listeners hear every change of user.
 */
export class Session {
	constructor(options) {
		const {api} = options;
		this.api = api;
		this.me = ANONYMOUS;
		this._listeners = [];
	}

	get authenticated() {
		return Boolean(this.me.authenticated);
	}

	get username() {
		return this.me.username || null;
	}

	/** The name to show: the display name, else the user name. */
	get displayName() {
		return this.me.displayName || this.me.username || '';
	}

	get roles() {
		return this.me.roles || [];
	}

	get department() {
		return this.me.department || null;
	}

	/** The collections whose features the user may change (the server still checks the department). */
	get editableCollections() {
		return this.me.editableCollections || [];
	}

	get isAdmin() {
		return this.hasRole('admin');
	}

	hasRole(role) {
		return this.roles.includes(role);
	}

	/** True when the user may change features of `collection` (the server still checks the department). */
	canEdit(collection) {
		return this.authenticated && this.editableCollections.includes(collection);
	}

	/** Asks the server who is signed in; this also gives the browser its CSRF cookie. */
	async refresh(options) {
		this._set(await this.api.me(options));
		return this.me;
	}

	/** Takes `me` as who is signed in without asking the server (which cannot be reached): the last visit's. */
	restore(me) {
		this._set(me);
		return this.me;
	}

	/** Signs in; a wrong user name or password rejects with the server's 401. */
	async signIn(username, password) {
		this._set(await this.api.login(username, password));
		return this.me;
	}

	async signOut() {
		try {
			await this.api.logout();
		} finally {
			this._set(ANONYMOUS);
		}
	}

	/** Forgets the user without asking the server: it already said the session is gone. */
	expire() {
		this._set(ANONYMOUS);
	}

	onChange(listener) {
		this._listeners.push(listener);
		return () => {
			this._listeners = this._listeners.filter((l) => l !== listener);
		};
	}

	_set(me) {
		const next = me && typeof me === 'object' && me.authenticated ? {...ANONYMOUS, ...me} : ANONYMOUS;
		const changed = next.username !== this.me.username || next.authenticated !== this.me.authenticated;
		this.me = next;
		if (changed) {
			for (const listener of [...this._listeners]) {
				listener(this.me);
			}
		}
	}
}
