export {Api, MAX_LIMIT} from './Api.js';
export {ApiError, isAbort} from './ApiError.js';
