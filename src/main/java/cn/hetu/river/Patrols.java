package cn.hetu.river;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import cn.hetu.audit.Actor;
import cn.hetu.edit.GeoJsonGeometry;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.GeometryProblem;
import cn.hetu.system.InvalidParameterException;

/**
 * Patrol uploads. The phone names each patrol with its own id, so an upload retried after a lost
 * answer finds the patrol already there and changes nothing. The segments a track covered are
 * worked out by PostGIS: within {@link #TOLERANCE_M} of the track for at least 200 m, or half the
 * segment if it is shorter.
 */
@Component
class Patrols {

    static final double TOLERANCE_M = 50;

    /**
     * A patrol as the phone sends it: a GeoJSON LineString track (lon/lat), recorded by GPS or drawn
     * by hand, and the raw points with their times and accuracy when there are any.
     */
    record Upload(UUID id, Long chiefId, Instant startedAt, Instant endedAt, JsonNode track, String source,
            JsonNode points, String remarks) {
    }

    record Coverage(String collection, long assetId, String name, double coveredM) {
    }

    record Patrol(UUID id, long chiefId, String chief, Instant startedAt, Instant endedAt, double distanceM,
            String source, List<Coverage> coverage) {
    }

    private final JdbcClient jdbc;

    private final RiverAccess river;

    private final Actor actor;

    Patrols(JdbcClient jdbc, RiverAccess river, Actor actor) {
        this.jdbc = jdbc;
        this.river = river;
        this.actor = actor;
    }

    /** Stores the patrol unless it is already there; true when it is new. */
    @Transactional
    boolean upload(Upload upload) {
        river.requireReporter();
        if (upload.id() == null) {
            throw new InvalidParameterException("id", "A patrol needs the id its phone gave it (a UUID)");
        }
        long chief = upload.chiefId() != null ? upload.chiefId()
                : river.ownChief().orElseThrow(() -> new InvalidParameterException("chiefId",
                        "This account is no river chief; say whose patrol it is"));
        river.requirePatrolFor(chief);
        if (upload.startedAt() == null || upload.endedAt() == null || upload.endedAt().isBefore(upload.startedAt())) {
            throw new InvalidParameterException("endedAt", "A patrol needs startedAt and an endedAt not before it");
        }
        String source = upload.source() == null ? "gps" : upload.source();
        if (!source.equals("gps") && !source.equals("drawn")) {
            throw new InvalidParameterException("source", "source is gps or drawn");
        }
        byte[] track = track(upload.track());
        actor.stamp();
        int inserted = jdbc.sql("""
                INSERT INTO patrol (id, chief_id, started_at, ended_at, geom, source, points, remarks, created_by)
                VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4490), ?, ?::jsonb, ?, acting_user())
                ON CONFLICT (id) DO NOTHING""")
            .params(upload.id(), chief, Timestamp.from(upload.startedAt()), Timestamp.from(upload.endedAt()),
                    track, source, upload.points() == null ? null : upload.points().toString(), upload.remarks())
            .update();
        if (inserted == 1) {
            for (String collection : List.of("river_segment", "ditch")) {
                cover(upload.id(), collection);
            }
        }
        return inserted == 1;
    }

    private void cover(UUID patrol, String collection) {
        jdbc.sql("""
                INSERT INTO patrol_coverage (patrol_id, collection, asset_id, covered_m)
                SELECT p.id, :collection, s.id, c.covered
                FROM patrol p
                JOIN %1$s s ON s.geom && ST_Expand(p.geom, :degrees)
                CROSS JOIN LATERAL (SELECT ST_Length(ST_Intersection(s.geom, ST_SetSRID(
                        ST_Buffer(p.geom::geography, :tolerance)::geometry, 4490))::geography) AS covered) c
                WHERE p.id = :patrol AND c.covered >= least(200, 0.5 * s.length_m)""".formatted(collection))
            .param("collection", collection)
            .param("degrees", TOLERANCE_M / 85_000)
            .param("tolerance", TOLERANCE_M)
            .param("patrol", patrol)
            .update();
    }

    private static byte[] track(JsonNode json) {
        Geometry geometry;
        try {
            geometry = GeoJsonGeometry.read(json, new GeometryFactory());
        }
        catch (GeometryProblem e) {
            throw new InvalidParameterException("track", "track: " + e.getMessage());
        }
        if (!(geometry instanceof LineString line) || line.getNumPoints() < 2) {
            throw new InvalidParameterException("track", "track must be a GeoJSON LineString of at least 2 positions");
        }
        return new WKBWriter().write(line);
    }

    /** The patrol if the reader reads it (see {@link LayerAccess#rows}). */
    Optional<Patrol> patrol(UUID id) {
        LayerAccess.RowScope scope = river.rows("patrol", "p");
        List<Coverage> coverage = jdbc.sql("""
                SELECT c.collection, c.asset_id, COALESCE(r.name, d.name), c.covered_m FROM patrol_coverage c
                LEFT JOIN river_segment r ON c.collection = 'river_segment' AND r.id = c.asset_id
                LEFT JOIN ditch d ON c.collection = 'ditch' AND d.id = c.asset_id
                WHERE c.patrol_id = ? ORDER BY c.covered_m DESC""")
            .param(id)
            .query((rs, n) -> new Coverage(rs.getString(1), rs.getLong(2), rs.getString(3), Math.round(rs.getDouble(4))))
            .list();
        return jdbc.sql("""
                SELECT p.id, p.chief_id, c.name, p.started_at, p.ended_at, p.distance_m, p.source
                FROM patrol p JOIN river_chief c ON c.id = p.chief_id WHERE p.id = :id""" + " AND " + scope.namedSql())
            .param("id", id)
            .params(scope.namedArgs())
            .query((rs, n) -> new Patrol(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), Math.round(rs.getDouble(6)),
                    rs.getString(7), coverage))
            .optional();
    }

}
