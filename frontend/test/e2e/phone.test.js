import {PROFILES} from './browser.js';
import {authSuite} from './authSuite.js';
import {mapSuite} from './mapSuite.js';

authSuite(PROFILES.phone);
mapSuite(PROFILES.phone);
