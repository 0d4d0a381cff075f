/*
 * Chart.js with only what the dashboard draws (bars and a doughnut), registered once. This
 * module is loaded when the dashboard first opens, so the map does not carry it.
 */
import {ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip} from 'chart.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip);
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || 'sans-serif';
Chart.defaults.color = '#3E4C59';
Chart.defaults.animation = {duration: 300};

export {Chart};
