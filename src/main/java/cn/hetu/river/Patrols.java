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

import static cn.hetu.system.SqlIdentifiers.quote;

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
    record Upload(UUID id, Long chiefId, String patrolType, Instant startedAt, Instant endedAt, JsonNode track, String source,
            JsonNode points, String remarks, List<Inspections.Inspection> inspections) {
    }

    record Coverage(String collection, long assetId, String name, double coveredM) {
    }

    /**
     * @param speedJump the track holds a jump faster than {@link TrackCheck#MAX_SPEED_MS}: kept, but not to be trusted
     * @param outsideCounty part of the track lies outside the county's boundary
     */
    record Patrol(UUID id, String patrolType, long chiefId, String chief, Instant startedAt, Instant endedAt,
            double distanceM, String source, boolean speedJump, boolean outsideCounty, List<Coverage> coverage,
            List<Inspections.Done> inspections) {
    }

    private final JdbcClient jdbc;

    private final RiverAccess river;

    private final Actor actor;

    private final PatrolTypes types;

    private final Inspections inspections;

    Patrols(JdbcClient jdbc, RiverAccess river, Actor actor, PatrolTypes types, Inspections inspections) {
        this.jdbc = jdbc;
        this.river = river;
        this.actor = actor;
        this.types = types;
        this.inspections = inspections;
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
        PatrolType type = types.named("patrolType", upload.patrolType());
        river.requireDuty(chief, type.id());
        if (upload.startedAt() == null || upload.endedAt() == null || upload.endedAt().isBefore(upload.startedAt())) {
            throw new InvalidParameterException("endedAt", "A patrol needs startedAt and an endedAt not before it");
        }
        String source = upload.source() == null ? "gps" : upload.source();
        if (!source.equals("gps") && !source.equals("drawn")) {
            throw new InvalidParameterException("source", "source is gps or drawn");
        }
        LineString line = track(upload.track());
        boolean speedJump = TrackCheck.speedJump(upload.points(), line, upload.startedAt(), upload.endedAt());
        List<Inspections.Inspection> visits = inspections.check(type, upload.inspections());
        actor.stamp();
        int inserted = jdbc.sql("""
                INSERT INTO patrol (id, chief_id, patrol_type, started_at, ended_at, geom, source, points, remarks, created_by,
                                    speed_jump, outside_county)
                SELECT :id, :chief, :type, :started, :ended, t.g, :source, :points::jsonb, :remarks, acting_user(), :jump,
                       NOT COALESCE((SELECT ST_Covers(boundary, t.g) FROM county), true)
                FROM (SELECT ST_GeomFromWKB(:track, 4490) AS g) t
                ON CONFLICT (id) DO NOTHING""")
            .param("id", upload.id())
            .param("chief", chief)
            .param("type", type.id())
            .param("started", Timestamp.from(upload.startedAt()))
            .param("ended", Timestamp.from(upload.endedAt()))
            .param("track", new WKBWriter().write(line))
            .param("source", source)
            .param("points", upload.points() == null ? null : upload.points().toString())
            .param("remarks", upload.remarks())
            .param("jump", speedJump)
            .update();
        if (inserted == 1) {
            for (String collection : type.appliesTo().collections()) {
                if (type.appliesTo().kind().equals("segments")) {
                    cover(upload.id(), collection);
                }
                else {
                    coverNear(upload.id(), collection);
                }
            }
            inspections.store(type, upload.id(), upload.endedAt(), visits);
        }
        return inserted == 1;
    }

    /** Grids the track entered and assets it passed within {@link #TOLERANCE_M}, with the metres of track inside the buffer. */
    private void coverNear(UUID patrol, String collection) {
        jdbc.sql("""
                INSERT INTO patrol_coverage (patrol_id, collection, asset_id, covered_m)
                SELECT p.id, :collection, a.id, ST_Length(ST_Intersection(p.geom, ST_SetSRID(
                        ST_Buffer(a.geom::geography, :tolerance)::geometry, 4490))::geography)
                FROM patrol p
                JOIN %1$s a ON a.geom && ST_Expand(p.geom, :degrees)
                WHERE p.id = :patrol AND ST_DWithin(a.geom::geography, p.geom::geography, :tolerance)"""
                .formatted(quote(collection)))
            .param("collection", collection)
            .param("degrees", TOLERANCE_M / 85_000)
            .param("tolerance", TOLERANCE_M)
            .param("patrol", patrol)
            .update();
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

    private static LineString track(JsonNode json) {
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
        return line;
    }

    /** The patrol if the reader reads it (see {@link LayerAccess#rows}). */
    Optional<Patrol> patrol(UUID id) {
        LayerAccess.RowScope scope = river.rows("patrol", "p");
        List<Coverage> coverage = jdbc.sql("""
                SELECT c.collection, c.asset_id, asset_name(c.collection, c.asset_id), c.covered_m FROM patrol_coverage c
                WHERE c.patrol_id = ? ORDER BY c.covered_m DESC, c.asset_id""")
            .param(id)
            .query((rs, n) -> new Coverage(rs.getString(1), rs.getLong(2), rs.getString(3), Math.round(rs.getDouble(4))))
            .list();
        List<Inspections.Done> done = inspections.ofPatrol(id);
        return jdbc.sql("""
                SELECT p.id, p.patrol_type, p.chief_id, c.name, p.started_at, p.ended_at, p.distance_m, p.source, p.speed_jump,
                       p.outside_county
                FROM patrol p JOIN river_chief c ON c.id = p.chief_id WHERE p.id = :id""" + " AND " + scope.namedSql())
            .param("id", id)
            .params(scope.namedArgs())
            .query((rs, n) -> new Patrol(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), Math.round(rs.getDouble(7)),
                    rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), coverage, done))
            .optional();
    }

}
