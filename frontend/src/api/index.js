export {Api, CSRF_COOKIE, CSRF_HEADER, MAX_LIMIT, projectQuery, versionOfEtag} from './Api.js';
export {ApiError, isAbort} from './ApiError.js';
export {readCookie} from './readCookie.js';
