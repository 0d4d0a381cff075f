package cn.hetu;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RegistryTest
class SchemaTests {

    private static final Map<String, String> GEOMETRY_TYPES = Map.ofEntries(Map.entry("river_segment", "LINESTRING"),
            Map.entry("ditch", "LINESTRING"), Map.entry("sluice", "POINT"), Map.entry("bridge", "POINT"),
            Map.entry("road_node", "POINT"), Map.entry("land_parcel", "MULTIPOLYGON"), Map.entry("water_plant", "POINT"),
            Map.entry("pipeline", "LINESTRING"), Map.entry("dike", "LINESTRING"), Map.entry("warning_station", "POINT"),
            Map.entry("project", "GEOMETRY"), Map.entry("investment_project", "POINT"), Map.entry("enterprise", "POINT"),
            Map.entry("service_station", "POINT"),
            Map.entry("basic_farmland", "MULTIPOLYGON"),
            Map.entry("ecological_redline", "MULTIPOLYGON"), Map.entry("urban_boundary", "MULTIPOLYGON"),
            Map.entry("cultivated_land", "MULTIPOLYGON"), Map.entry("enforcement_patch", "MULTIPOLYGON"),
            Map.entry("patrol_grid", "MULTIPOLYGON"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCollectionHasItsGeometryTypeInCgcs2000WithASpatialIndex() {
        for (var entry : GEOMETRY_TYPES.entrySet()) {
            Map<String, Object> column = jdbc
                .sql("SELECT type, srid FROM geometry_columns WHERE f_table_name = ? AND f_geometry_column = 'geom'")
                .param(entry.getKey())
                .query()
                .singleRow();
            assertThat(column).containsEntry("type", entry.getValue()).containsEntry("srid", 4490);
            assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE tablename = ? AND indexdef LIKE '%USING gist (geom)%'")
                .param(entry.getKey())
                .query(Long.class)
                .single()).as("GiST index on %s", entry.getKey()).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT id FROM collection WHERE kind = 'asset'").query(String.class).list())
            .containsExactlyInAnyOrderElementsOf(GEOMETRY_TYPES.keySet());
    }

    @Test
    void everyCollectionHasTheCommonCoreColumns() {
        List<String> core = List.of("id", "code", "name", "geom", "status", "department", "town", "remarks", "attributes",
                "created_at", "created_by", "updated_at", "updated_by", "version");
        for (String table : GEOMETRY_TYPES.keySet()) {
            assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ?")
                .param(table)
                .query(String.class)
                .list()).as(table).containsAll(core);
        }
    }

    @Test
    void refusesAnUnknownWorkStatus() {
        assertThatThrownBy(() -> insertSluice("TEST-STATUS", "'POINT(116.3 33.2)'", "finished"))
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("status");
    }

    @Test
    void refusesASelfIntersectingParcel() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO land_parcel (code, name, geom, department, parcel_no, category)
                VALUES ('TEST-BOWTIE', '自相交', ST_GeomFromText('MULTIPOLYGON(((116.30 33.20, 116.31 33.21, 116.31 33.20,
                        116.30 33.21, 116.30 33.20)))', 4490), 'natres', 'T-1', 'idle')""").update())
            .isInstanceOf(DataIntegrityViolationException.class)
            .hasMessageContaining("geom");
    }

    @Test
    void refusesAGeometryOfTheWrongTypeOrSrid() {
        assertThatThrownBy(() -> insertSluice("TEST-LINE", "'LINESTRING(116.3 33.2, 116.4 33.3)'", "none"))
            .hasMessageContaining("Geometry type");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO sluice (code, name, geom, department, scale)
                VALUES ('TEST-SRID', 'x', ST_GeomFromText('POINT(116.3 33.2)', 4326), 'water', 'small')""").update())
            .hasMessageContaining("SRID");
    }

    @Test
    void derivesLengthsAndAreasInTrueMetres() {
        // One degree of longitude at 33.2°N is about 93.2 km on the CGCS2000 ellipsoid.
        double length = jdbc.sql("""
                WITH l AS (INSERT INTO ditch (code, name, geom, department, class)
                           VALUES ('TEST-LEN', '测试沟', ST_GeomFromText('LINESTRING(116.0 33.2, 116.1 33.2)', 4490),
                                   'water', 'medium') RETURNING length_m)
                SELECT length_m FROM l""").query(Double.class).single();
        jdbc.sql("DELETE FROM ditch WHERE code = 'TEST-LEN'").update();
        assertThat(length).isBetween(9_300.0, 9_340.0);
    }

    @Test
    void refusesALineThatCrossesItself() {
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO ditch (code, name, geom, department, class) VALUES ('TEST-LOOP', '交叉沟',
                ST_GeomFromText('LINESTRING(116.30 33.20, 116.31 33.21, 116.31 33.20, 116.30 33.21)', 4490), 'water', 'medium')""")
            .update()).hasMessageContaining("ditch_geom_simple");
    }

    @Test
    void deletingAnAssetRemovesItsProjectLinks() {
        long sluice = jdbc.sql("""
                INSERT INTO sluice (code, name, geom, department, scale)
                VALUES ('TEST-LINKED', '测试闸', ST_GeomFromText('POINT(116.3 33.2)', 4490), 'water', 'small') RETURNING id""")
            .query(Long.class)
            .single();
        jdbc.sql("INSERT INTO project_asset (project_id, collection, asset_id) SELECT min(id), 'sluice', ? FROM project")
            .param(sluice)
            .update();
        jdbc.sql("DELETE FROM sluice WHERE id = ?").param(sluice).update();
        assertThat(jdbc.sql("SELECT count(*) FROM project_asset WHERE collection = 'sluice' AND asset_id = ?")
            .param(sluice)
            .query(Long.class)
            .single()).isZero();
    }

    private void insertSluice(String code, String wkt, String status) {
        jdbc.sql("INSERT INTO sluice (code, name, geom, status, department, scale) VALUES (?, '测试闸', ST_GeomFromText("
                + wkt + ", 4490), ?, 'water', 'small')").params(code, status).update();
    }

}
