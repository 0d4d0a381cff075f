package cn.hetu.river;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import tools.jackson.databind.JsonNode;

/**
 * Whether a track is to be trusted: a GPS fix that jumps from one place to another faster than a patrol moves
 * (on foot, by bicycle or in a car on county roads) is a bad fix or a track made up, so the patrol is flagged.
 * The raw points are judged pair by pair on their own times; the whole track also against its start and end.
 */
final class TrackCheck {

    /** 150 km/h: nothing on a county patrol moves faster. */
    static final double MAX_SPEED_MS = 150 / 3.6;

    /** Jitter of a fix: two fixes this close are never a jump, whatever their times. */
    private static final double JITTER_M = 100;

    private TrackCheck() {
    }

    static boolean speedJump(JsonNode points, LineString track, Instant startedAt, Instant endedAt) {
        if (tooFast(length(track.getCoordinates()), Duration.between(startedAt, endedAt))) {
            return true;
        }
        if (points == null || !points.isArray()) {
            return false;
        }
        JsonNode previous = null;
        for (JsonNode point : points) {
            Instant at = at(point);
            if (at == null || !point.path("lon").isNumber() || !point.path("lat").isNumber()) {
                continue;
            }
            if (previous != null) {
                double metres = metres(previous.path("lon").asDouble(), previous.path("lat").asDouble(),
                        point.path("lon").asDouble(), point.path("lat").asDouble());
                if (tooFast(metres, Duration.between(at(previous), at))) {
                    return true;
                }
            }
            previous = point;
        }
        return false;
    }

    private static boolean tooFast(double metres, Duration elapsed) {
        return metres > JITTER_M && metres / Math.max(elapsed.toMillis() / 1000.0, 0.001) > MAX_SPEED_MS;
    }

    private static Instant at(JsonNode point) {
        try {
            return point.path("at").isString() ? Instant.parse(point.path("at").asString()) : null;
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static double length(Coordinate[] line) {
        double metres = 0;
        for (int i = 1; i < line.length; i++) {
            metres += metres(line[i - 1].x, line[i - 1].y, line[i].x, line[i].y);
        }
        return metres;
    }

    /** Great-circle distance in metres (haversine), ample for fixes a few hundred metres apart. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }

}
