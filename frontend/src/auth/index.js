export {AuthGate} from './AuthGate.js';
export {ROLES, Session} from './Session.js';
