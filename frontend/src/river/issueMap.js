import {CircleMarker, GeoJSON} from 'leaflet';
import {RiverMap} from './RiverMap.js';

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

/** A small map of where an issue is, with the segment it was reported on: a RiverMap (destroy() it). */
export function issueMap({container, issue, api, i18n, county}) {
	const label = `${i18n.t('river.issues.position')} ${Number(issue.lon).toFixed(5)}, ${Number(issue.lat).toFixed(5)}`;
	const map = new RiverMap({container, api, i18n, county, className: 'hetu-issue-map', label});
	const point = issueMarker(issue).addTo(map.map);
	map.fit(point.getLatLng().toBounds(400));
	if (issue.segmentCollection && issue.segmentId) {
		api.item(issue.segmentCollection, issue.segmentId).then((segment) => {
			if (map.map) {
				const line = new GeoJSON(segment, {pane: 'hetu-river-segments', style: segmentStyle, interactive: false}).addTo(map.map);
				map.fit(line.getBounds().extend(point.getLatLng()));
			}
		}).catch(() => {
			// The map still shows where the issue is; the segment's name is in the facts above it.
		});
	}
	return map;
}
