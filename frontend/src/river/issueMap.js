import {CircleMarker} from 'leaflet';

/** Issue dots by workflow status: red when new, through orange and blue, to green when closed. */
export const STATUS_COLOURS = {reported: '#D55E00', assigned: '#E69F00', rectifying: '#0072B2', rectified: '#56B4E9', closed: '#009E73'};

/** An issue's dot on a river map ({lon, lat, status, overdue}); overdue ones have a red rim. */
export function issueMarker(issue, options = {}) {
	return new CircleMarker([issue.lat, issue.lon], {
		pane: 'hetu-river-points', radius: 7, weight: 2, color: issue.overdue ? '#B00020' : '#FFFFFF',
		fillColor: STATUS_COLOURS[issue.status] || '#777777', fillOpacity: 1, className: 'hetu-issue-dot', ...options
	});
}

/** The segment an issue lies on. */
export const segmentStyle = {color: '#0072B2', weight: 6, opacity: 0.8, lineCap: 'round'};
