package cn.hetu.county;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/** The county profile's rows: the county, its towns, and the departments it names. */
@Component
class CountyStore {

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    CountyStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<CountyProfile> load() {
        List<CountyProfile.Department> departments = jdbc.sql("SELECT code, name_zh, name_en FROM department ORDER BY code")
            .query((rs, n) -> new CountyProfile.Department(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
        List<CountyProfile.Town> towns = jdbc.sql("""
                SELECT name_zh, name_en, kind, ST_X(seat), ST_Y(seat), villages FROM county_town ORDER BY position""")
            .query((rs, n) -> new CountyProfile.Town(rs.getString(1), rs.getString(2), rs.getString(3),
                    new double[] { rs.getDouble(4), rs.getDouble(5) }, strings(rs.getArray(6))))
            .list();
        return jdbc.sql("""
                SELECT code, name_zh, name_en, time_zone, gk_zones, ST_XMin(extent), ST_YMin(extent), ST_XMax(extent),
                       ST_YMax(extent), view_lon, view_lat, view_zoom, ST_AsGeoJSON(boundary, 7), updated_at, updated_by
                FROM county""")
            .query((rs, n) -> new CountyProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    Arrays.stream((Integer[]) rs.getArray(5).getArray()).toList(),
                    new double[] { rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9) },
                    new CountyProfile.View(new double[] { rs.getDouble(10), rs.getDouble(11) }, rs.getInt(12)),
                    departments, towns, json.readTree(rs.getString(13)), rs.getTimestamp(14).toInstant(), rs.getString(15)))
            .optional();
    }

    /** Writes a checked profile in place of the one held; false when {@code onlyIfNone} and one is held already. */
    @Transactional
    public boolean save(CountyProfile profile, String by, boolean onlyIfNone) {
        // Serialises concurrent first starts of several instances and concurrent edits.
        jdbc.sql("LOCK TABLE county IN EXCLUSIVE MODE").update();
        boolean held = jdbc.sql("SELECT count(*) FROM county").query(Long.class).single() > 0;
        if (held && onlyIfNone) {
            return false;
        }
        jdbc.sql("DELETE FROM county").update();
        jdbc.sql("""
                INSERT INTO county (code, name_zh, name_en, time_zone, gk_zones, boundary, extent, view_lon, view_lat,
                                    view_zoom, updated_by)
                VALUES (:code, :nameZh, :nameEn, :timeZone, :zones,
                        ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:boundary), 4490)),
                        ST_MakeEnvelope(:west, :south, :east, :north, 4490), :lon, :lat, :zoom, :by)""")
            .param("code", profile.code())
            .param("nameZh", profile.nameZh())
            .param("nameEn", profile.nameEn())
            .param("timeZone", profile.timeZone())
            .param("zones", profile.gkZones().toArray(Integer[]::new))
            .param("boundary", json.writeValueAsString(profile.boundary()))
            .param("west", profile.extent()[0])
            .param("south", profile.extent()[1])
            .param("east", profile.extent()[2])
            .param("north", profile.extent()[3])
            .param("lon", profile.view().center()[0])
            .param("lat", profile.view().center()[1])
            .param("zoom", profile.view().zoom())
            .param("by", by)
            .update();
        jdbc.sql("DELETE FROM county_town").update();
        int position = 0;
        for (CountyProfile.Town town : profile.towns()) {
            jdbc.sql("""
                    INSERT INTO county_town (name_zh, name_en, kind, seat, villages, position)
                    VALUES (?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), ?, ?)""")
                .params(town.nameZh(), town.nameEn(), town.kind(), town.seat()[0], town.seat()[1],
                        town.villages().toArray(String[]::new), position++)
                .update();
        }
        // Departments stay once named: assets, projects and accounts refer to them.
        for (CountyProfile.Department department : profile.departments()) {
            jdbc.sql("""
                    INSERT INTO department (code, name_zh, name_en) VALUES (?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en""")
                .params(department.code(), department.nameZh(), department.nameEn())
                .update();
        }
        return true;
    }

    /** Whether a GeoJSON geometry is a valid polygon or multipolygon lying inside the box, as PostGIS sees it. */
    String boundaryProblem(CountyProfile profile) {
        return jdbc.sql("""
                WITH b AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(:boundary), 4490) AS g)
                SELECT CASE WHEN GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN 'is a ' || GeometryType(g)
                                 || ', not a Polygon or MultiPolygon'
                            WHEN NOT ST_IsValid(g) THEN 'is not valid: ' || ST_IsValidReason(g)
                            WHEN NOT ST_Contains(ST_MakeEnvelope(:west, :south, :east, :north, 4490), g)
                                THEN 'does not lie inside the extent' END
                FROM b""")
            .param("boundary", json.writeValueAsString(profile.boundary()))
            .param("west", profile.extent()[0])
            .param("south", profile.extent()[1])
            .param("east", profile.extent()[2])
            .param("north", profile.extent()[3])
            .query(String.class)
            .list()
            .get(0);
    }

    boolean timeZoneKnown(String zone) {
        return jdbc.sql("SELECT count(*) FROM pg_timezone_names WHERE name = ?").param(zone).query(Long.class).single() > 0;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

}
