import {PROFILES} from './browser.js';
import {authSuite} from './authSuite.js';
import {editSuite} from './editSuite.js';
import {mapSuite} from './mapSuite.js';
import {projectSuite} from './projectSuite.js';
import {tileSuite} from './tileSuite.js';

authSuite(PROFILES.phone);
mapSuite(PROFILES.phone);
projectSuite(PROFILES.phone);
editSuite(PROFILES.phone);
tileSuite(PROFILES.phone);
