import {PROFILES} from './browser.js';
import {mapSuite} from './mapSuite.js';

mapSuite(PROFILES.phone);
