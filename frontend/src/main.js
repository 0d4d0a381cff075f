import 'leaflet/dist/leaflet.css';
import './styles/hetu.css';
import {HetuApp} from './app/HetuApp.js';
import {installApp} from './installApp.js';

new HetuApp({root: document.getElementById('app')}).start();
installApp();
