package cn.hetu.land;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The conflict check against figures computed independently: the union of the layer's features cut by the
 * geometry in the Gauss-Krüger zone (EPSG:4527), where the check itself cuts feature by feature on the ellipsoid.
 * The two measures differ by the zone's scale error, about 1e-4 of the area at 116.3°E (0.7° off its meridian).
 */
@RegistryTest
class ConflictCheckTests {

    /** A farmland square and a red-line square east of it, overlapping by 0.002° of longitude. */
    static final String FARMLAND = "POLYGON((116.600 33.020, 116.610 33.020, 116.610 33.028, 116.600 33.028, 116.600 33.020))";

    static final String REDLINE = "POLYGON((116.608 33.020, 116.620 33.020, 116.620 33.028, 116.608 33.028, 116.608 33.020))";

    static final String QUERY = "{\"type\":\"Polygon\",\"coordinates\":[[[116.605,33.022],[116.615,33.022],[116.615,33.031],"
            + "[116.605,33.031],[116.605,33.022]]]}";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void controlLines() {
        jdbc.sql("DELETE FROM basic_farmland WHERE code LIKE 'CCT-%'").update();
        jdbc.sql("DELETE FROM ecological_redline WHERE code LIKE 'CCT-%'").update();
        jdbc.sql("INSERT INTO basic_farmland (code, name, geom, department, land_class) "
                + "VALUES ('CCT-F1', '测试基本农田', ST_Multi(ST_GeomFromText(?, 4490)), 'natres', '水田')").param(FARMLAND).update();
        jdbc.sql("INSERT INTO ecological_redline (code, name, geom, department, redline_type) "
                + "VALUES ('CCT-R1', '测试生态红线', ST_Multi(ST_GeomFromText(?, 4490)), 'natres', '河湖岸线')").param(REDLINE).update();
    }

    @Test
    void figuresPerLayerMatchIndependentSqlInSquareMetresHectaresAndMu() {
        JsonNode report = check("{\"geometry\":" + QUERY + "}");
        for (String layer : List.of("basic_farmland", "ecological_redline", "urban_boundary", "cultivated_land")) {
            JsonNode figures = layer(report, layer);
            double expected = independentArea(layer, QUERY);
            assertThat(figures.get("areaM2").asDouble()).as(layer).isCloseTo(expected, offset(Math.max(0.5, expected * 3e-4)));
            assertThat(figures.get("areaHa").asDouble()).isCloseTo(figures.get("areaM2").asDouble() / 10_000, offset(1e-4));
            assertThat(figures.get("areaMu").asDouble()).isCloseTo(figures.get("areaM2").asDouble() / 666.67, offset(0.01));
        }
        assertThat(codes(layer(report, "basic_farmland"))).contains("CCT-F1");
        assertThat(codes(layer(report, "ecological_redline"))).contains("CCT-R1");
        assertThat(report.get("conflicts").toString()).contains("basic_farmland", "ecological_redline");
        assertThat(report.get("muDefinition").asString()).contains("666.67");
        JsonNode piece = pieceOf(layer(report, "basic_farmland"), "CCT-F1");
        double pieceArea = jdbc.sql("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(?), 4490)::geography)")
            .param(piece.get("geometry").toString()).query(Double.class).single();
        assertThat(piece.get("properties").get("areaM2").asDouble()).isCloseTo(pieceArea, offset(0.5));
    }

    @Test
    void aPolygonTouchingABoundaryHasNoAreaInside() {
        String west = "{\"type\":\"Polygon\",\"coordinates\":[[[116.595,33.020],[116.600,33.020],[116.600,33.028],"
                + "[116.595,33.028],[116.595,33.020]]]}";
        JsonNode farmland = layer(check("{\"geometry\":" + west + "}"), "basic_farmland");
        assertThat(codes(farmland)).doesNotContain("CCT-F1");
        assertThat(farmland.get("areaM2").asDouble()).isCloseTo(independentArea("basic_farmland", west), offset(0.5));
    }

    @Test
    void aMultipolygonWithAHoleCountsOnlyWhatItCovers() {
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[116.598,33.018],[116.612,33.018],[116.612,33.030],"
                + "[116.598,33.030],[116.598,33.018]],[[116.602,33.022],[116.606,33.022],[116.606,33.026],[116.602,33.026],"
                + "[116.602,33.022]]],[[[116.640,33.050],[116.645,33.050],[116.645,33.055],[116.640,33.055],[116.640,33.050]]]]}";
        JsonNode report = check("{\"geometry\":" + multi + "}");
        for (String layer : List.of("basic_farmland", "ecological_redline")) {
            double expected = independentArea(layer, multi);
            assertThat(layer(report, layer).get("areaM2").asDouble()).as(layer).isCloseTo(expected, offset(expected * 3e-4));
        }
        double hole = jdbc.sql("SELECT ST_Area(ST_GeomFromText('POLYGON((116.602 33.022, 116.606 33.022, 116.606 33.026, "
                + "116.602 33.026, 116.602 33.022))', 4490)::geography)").query(Double.class).single();
        double farmlandPiece = pieceOf(layer(report, "basic_farmland"), "CCT-F1").get("properties").get("areaM2").asDouble();
        double farmlandInsideOuterRing = jdbc.sql("SELECT ST_Area(ST_Intersection(ST_GeomFromText(?, 4490), "
                + "ST_MakeEnvelope(116.598, 33.018, 116.612, 33.030, 4490))::geography)").param(FARMLAND).query(Double.class).single();
        assertThat(farmlandPiece).isCloseTo(farmlandInsideOuterRing - hole, offset(0.5));
    }

    @Test
    void aGeometryInTheGaussKruegerZoneGetsTheSameFigures() {
        String gk = jdbc.sql("SELECT ST_AsGeoJSON(ST_FlipCoordinates(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), 4490), 4548)), 3)")
            .param(QUERY).query(String.class).single();
        JsonNode lonLat = check("{\"geometry\":" + QUERY + "}");
        JsonNode projected = check("{\"geometry\":" + gk + ",\"crs\":\"EPSG:4548\"}");
        for (String layer : List.of("basic_farmland", "ecological_redline")) {
            assertThat(layer(projected, layer).get("areaM2").asDouble()).as(layer)
                .isCloseTo(layer(lonLat, layer).get("areaM2").asDouble(), offset(1.0));
        }
        assertThat(projected.get("geometryAreaM2").asDouble()).isCloseTo(lonLat.get("geometryAreaM2").asDouble(), offset(1.0));
    }

    @Test
    void badGeometriesAreRefusedWithTheReasonAndTheSpot() {
        Http.Reply bowtie = admin.post("/api/v1/constraints/check", "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[116.30,33.20],[116.31,33.21],[116.31,33.20],[116.30,33.21],[116.30,33.20]]]}}");
        assertThat(bowtie.status()).as(bowtie.body()).isEqualTo(400);
        assertThat(bowtie.json().get("detail").asString()).containsIgnoringCase("self-intersection");
        assertThat(bowtie.json().get("location").get(0).asDouble()).isCloseTo(116.305, offset(1e-6));
        Http.Reply outside = admin.post("/api/v1/constraints/check", "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.4,31.2]}}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("detail").asString()).contains("outside the county");
        Http.Reply projectedWithoutCrs = admin.post("/api/v1/constraints/check",
                "{\"geometry\":{\"type\":\"Point\",\"coordinates\":[3660000,530000]}}");
        assertThat(projectedWithoutCrs.status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/constraints/check", "{}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/constraints/check", "{\"geometry\":" + QUERY + ",\"crs\":\"EPSG:2000\"}").json()
            .get("parameter").asString()).isEqualTo("crs");
        assertThat(admin.post("/api/v1/constraints/check", "{\"geometry\":" + QUERY + ",\"date\":\"2023-13-45\"}").status())
            .isEqualTo(400);
        assertThat(admin.anonymous().post("/api/v1/constraints/check", "{\"geometry\":" + QUERY + "}").status()).isEqualTo(401);
    }

    @Test
    void aNewEditionReplacesTheOldWhichStaysCheckableByDate() {
        String url = "/api/v1/constraints/layers/ecological_redline/editions";
        String body = "{\"edition\":\"CCT-2025\",\"validFrom\":\"2025-01-01\"}";
        assertThat(TestAccounts.planner(admin).post(url, body).status()).isEqualTo(403);
        assertThat(TestAccounts.waterEditor(admin).post(url, body).status()).isEqualTo(403);
        try {
            Http.Reply opened = TestAccounts.natresEditor(admin).post(url, body);
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            assertThat(layer(check("{\"geometry\":" + QUERY + "}"), "ecological_redline").get("edition").asString())
                .isEqualTo("CCT-2025");
            assertThat(codes(layer(check("{\"geometry\":" + QUERY + "}"), "ecological_redline"))).isEmpty();
            JsonNode before = layer(check("{\"geometry\":" + QUERY + ",\"date\":\"2024-12-31\"}"), "ecological_redline");
            assertThat(before.get("edition").asString()).isEqualTo("2022");
            assertThat(codes(before)).contains("CCT-R1");
            assertThat(codes(layer(check("{\"geometry\":" + QUERY + ",\"date\":\"2021-01-01\"}"), "ecological_redline"))).isEmpty();
            assertThat(TestAccounts.natresEditor(admin).post(url, "{\"edition\":\"CCT-2024\",\"validFrom\":\"2024-06-01\"}").status())
                .as("an edition cannot start before the current one").isEqualTo(400);
        } finally {
            restoreRedline();
        }
    }

    @Test
    void theReportListsTheDemoParcelsAndProjectsInFarmlandWithTheirArea() {
        JsonNode report = TestAccounts.viewer(admin).get("/api/v1/constraints/report").json();
        JsonNode parcel = entry(report, "DK-2023-0005");
        double expected = jdbc.sql("""
                SELECT ST_Area(ST_Intersection(ST_Transform(p.geom, 4527),
                       ST_Transform((SELECT ST_Union(f.geom) FROM basic_farmland f WHERE ST_Intersects(f.geom, p.geom)), 4527)))
                FROM land_parcel p WHERE p.code = 'DK-2023-0005'""").query(Double.class).single();
        assertThat(expected).as("the demo puts farmland over this parcel").isGreaterThan(1000);
        assertThat(parcel.get("kind").asString()).isEqualTo("parcel");
        assertThat(parcel.get("areaM2ByLayer").get("basic_farmland").asDouble()).isCloseTo(expected, offset(expected * 3e-4));
        assertThat(parcel.get("farmlandMu").asDouble()).isCloseTo(expected / 666.67, offset(0.05));
        assertThat(entry(report, "XM-2023-035").get("kind").asString()).isEqualTo("project");
        long parcelId = parcel.get("id").asLong();
        JsonNode single = TestAccounts.viewer(admin).get("/api/v1/constraints/parcels/" + parcelId).json();
        assertThat(layer(single.get("report"), "basic_farmland").get("areaM2").asDouble())
            .isCloseTo(parcel.get("areaM2ByLayer").get("basic_farmland").asDouble(), offset(0.05));
        assertThat(admin.get("/api/v1/constraints/parcels/999999999").status()).isEqualTo(404);
        long noFootprint = jdbc.sql("SELECT id FROM project WHERE geom IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
        assertThat(admin.get("/api/v1/constraints/projects/" + noFootprint).json().get("hasFootprint").asBoolean()).isFalse();
    }

    @Test
    void aDecisionIsRecordedWithFiguresTheServerComputed() {
        long parcel = jdbc.sql("SELECT id FROM land_parcel ORDER BY id LIMIT 1").query(Long.class).single();
        String body = "{\"collection\":\"land_parcel\",\"featureId\":" + parcel + ",\"geometry\":" + QUERY
                + ",\"decision\":\"proceed\",\"reason\":\"已取得农用地转用批复\"}";
        Http planner = TestAccounts.planner(admin);
        Http.Reply recorded = planner.post("/api/v1/constraints/decisions", body);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("decidedBy").asString()).isEqualTo("planner");
        double farmland = layer(check("{\"geometry\":" + QUERY + "}"), "basic_farmland").get("areaM2").asDouble();
        assertThat(recorded.json().get("conflicts").get("areaM2ByLayer").get("basic_farmland").asDouble())
            .isCloseTo(farmland, offset(0.01));
        assertThat(planner.post("/api/v1/constraints/decisions", body.replace("已取得农用地转用批复", " ")).status())
            .as("going ahead needs a reason").isEqualTo(400);
        assertThat(TestAccounts.viewer(admin).post("/api/v1/constraints/decisions", body).status()).isEqualTo(403);
        JsonNode list = admin.get("/api/v1/constraints/decisions?collection=land_parcel&featureId=" + parcel).json();
        assertThat(list.get(0).get("id").asLong()).isEqualTo(recorded.json().get("id").asLong());
    }

    @Test
    void theIdleLandSearchLeavesOutParcelsInFarmlandAndKeepsThoseInsideTheBoundary() {
        long outside = admin.post("/api/v1/parcels/search", "{\"outsideFarmland\":true,\"size\":1}").json()
            .get("numberMatched").asLong();
        long expectedOutside = jdbc.sql("""
                SELECT count(*) FROM land_parcel p WHERE NOT EXISTS (SELECT 1 FROM basic_farmland f
                    WHERE ST_Area(ST_Intersection(f.geom, p.geom)::geography) > 0)""").query(Long.class).single();
        assertThat(outside).isEqualTo(expectedOutside);
        assertThat(expectedOutside).isLessThan(jdbc.sql("SELECT count(*) FROM land_parcel").query(Long.class).single());
        long inside = admin.post("/api/v1/parcels/search", "{\"insideUrbanBoundary\":true,\"size\":1}").json()
            .get("numberMatched").asLong();
        long expectedInside = jdbc.sql("""
                SELECT count(*) FROM land_parcel p
                WHERE ST_Area(ST_Difference(p.geom, (SELECT ST_Union(geom) FROM urban_boundary))::geography) < 0.01""")
            .query(Long.class).single();
        assertThat(inside).isEqualTo(expectedInside).isPositive();
    }

    private static JsonNode entry(JsonNode report, String code) {
        for (JsonNode entry : report) {
            if (entry.get("code").asString().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError("no " + code + " in the conflict report");
    }

    /** Puts the archived red line back as the current edition, for the other tests. */
    private void restoreRedline() {
        jdbc.sql("DELETE FROM ecological_redline").update();
        jdbc.sql("DELETE FROM control_edition WHERE layer = 'ecological_redline' AND edition = 'CCT-2025'").update();
        jdbc.sql("UPDATE control_edition SET valid_to = NULL WHERE layer = 'ecological_redline' AND edition = '2022'").update();
        jdbc.sql("""
                INSERT INTO ecological_redline (id, code, name, geom, department, town, redline_type)
                SELECT feature_id, code, name, geom, properties->>'department', town, properties->>'redline_type'
                FROM control_archive WHERE layer = 'ecological_redline' AND edition = '2022'""").update();
        jdbc.sql("DELETE FROM control_archive WHERE layer = 'ecological_redline' AND edition = '2022'").update();
    }

    private JsonNode check(String body) {
        Http.Reply reply = TestAccounts.viewer(admin).post("/api/v1/constraints/check", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private double independentArea(String layer, String geoJson) {
        return jdbc.sql("""
                WITH q AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4490) AS g)
                SELECT COALESCE(ST_Area(ST_Intersection(ST_Transform(q.g, 4527),
                       ST_Transform((SELECT ST_Union(geom) FROM %s f WHERE ST_Intersects(f.geom, q.g)), 4527))), 0)
                FROM q""".formatted(layer))
            .param(geoJson).query(Double.class).single();
    }

    private static JsonNode layer(JsonNode report, String id) {
        for (JsonNode layer : report.get("layers")) {
            if (layer.get("layer").asString().equals(id)) {
                return layer;
            }
        }
        throw new AssertionError("no layer " + id + " in " + report);
    }

    private static List<String> codes(JsonNode layer) {
        List<String> codes = new ArrayList<>();
        layer.get("pieces").get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }

    private static JsonNode pieceOf(JsonNode layer, String code) {
        for (JsonNode f : layer.get("pieces").get("features")) {
            if (f.get("properties").get("code").asString().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no piece of " + code);
    }

}
