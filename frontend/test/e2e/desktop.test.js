import {PROFILES} from './browser.js';
import {authSuite} from './authSuite.js';
import {mapSuite} from './mapSuite.js';

authSuite(PROFILES.desktop);
mapSuite(PROFILES.desktop);
