import {PROFILES} from './browser.js';
import {parcelsSuite} from './parcelsSuite.js';

parcelsSuite(PROFILES.desktop);
parcelsSuite(PROFILES.phone);
