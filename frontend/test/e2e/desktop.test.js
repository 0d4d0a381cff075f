import {PROFILES} from './browser.js';
import {authSuite} from './authSuite.js';
import {editSuite} from './editSuite.js';
import {mapSuite} from './mapSuite.js';
import {projectSuite} from './projectSuite.js';
import {tileSuite} from './tileSuite.js';

authSuite(PROFILES.desktop);
mapSuite(PROFILES.desktop);
projectSuite(PROFILES.desktop);
editSuite(PROFILES.desktop);
tileSuite(PROFILES.desktop);
