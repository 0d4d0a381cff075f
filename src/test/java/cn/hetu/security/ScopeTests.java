package cn.hetu.security;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scope on every route: a river chief reads the same records through every way out, a layer is
 * written only by its own department, and viewers change nothing. The expected sets are counted
 * here in SQL, independently of the application's own scoping.
 */
@RegistryTest
class ScopeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    private Http chief;

    private long chiefId;

    @BeforeEach
    void linkTheRiverChiefAccount() {
        chief = TestAccounts.riverChief(admin);
        long account = jdbc.sql("SELECT id FROM account WHERE username = 'river_chief'").query(Long.class).single();
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE account_id = ?").param(account).update();
        chiefId = jdbc.sql("""
                SELECT c.id FROM river_chief c JOIN chief_assignment a ON a.chief_id = c.id
                WHERE c.level = 'village' AND EXISTS (SELECT 1 FROM patrol_issue i
                    WHERE i.segment_collection = a.collection AND i.segment_id = a.asset_id)
                ORDER BY c.id LIMIT 1""").query(Long.class).single();
        jdbc.sql("UPDATE river_chief SET account_id = ? WHERE id = ?").params(account, chiefId).update();
    }

    @AfterEach
    void unlink() {
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE id = ?").param(chiefId).update();
    }

    @Test
    void aRiverChiefReadsTheSameIssuesThroughEveryRoute() {
        Set<String> expected = ids(jdbc.sql("""
                SELECT i.id::text FROM patrol_issue i WHERE i.reported_by = 'river_chief' OR EXISTS (
                    SELECT 1 FROM chief_assignment a WHERE a.chief_id = ? AND a.collection = i.segment_collection
                                                       AND a.asset_id = i.segment_id)""").param(chiefId));
        long all = jdbc.sql("SELECT count(*) FROM patrol_issue").query(Long.class).single();
        assertThat(expected).isNotEmpty().hasSizeLessThan((int) all);

        Set<String> api = new HashSet<>();
        chief.get("/api/v1/issues").json().forEach(i -> api.add(i.get("id").asString()));
        assertThat(api).isEqualTo(expected);

        JsonNode page = chief.get("/ogc/collections/patrol_issue/items?limit=10000").json();
        assertThat(featureIds(page)).as("OGC items").isEqualTo(expected);
        assertThat(page.get("numberMatched").asLong()).as("numberMatched").isEqualTo(expected.size());

        String outside = jdbc.sql("SELECT id::text FROM patrol_issue WHERE NOT (id::text = ANY (?)) LIMIT 1")
            .param(expected.toArray(String[]::new)).query(String.class).single();
        assertThat(chief.get("/api/v1/issues/" + outside).status()).isEqualTo(404);
        assertThat(chief.get("/ogc/collections/patrol_issue/items/" + outside).status()).as("OGC single item").isEqualTo(404);
        assertThat(chief.get("/ogc/collections/patrol_issue/items/" + expected.iterator().next()).status()).isEqualTo(200);

        Http.Reply export = chief.get("/api/v1/collections/patrol_issue/export?format=geojson&labels=codes");
        assertThat(export.status()).isEqualTo(200);
        assertThat(featureIds(JSON.readTree(export.body()))).as("export").isEqualTo(expected);
        Http.Reply csv = chief.get("/api/v1/collections/patrol_issue/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count() - 1).as("CSV export rows").isEqualTo(expected.size());

        JsonNode bbox = chief.get("/ogc/collections/patrol_issue").json().get("extent").get("spatial").get("bbox").get(0);
        double[] own = jdbc.sql("""
                SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                FROM (SELECT ST_Extent(geom) AS e FROM patrol_issue WHERE id::text = ANY (?)) x""")
            .param(expected.toArray(String[]::new))
            .query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
            .single();
        for (int i = 0; i < 4; i++) {
            // Rounded outward to the 7 decimals coordinates are served with.
            double outward = i < 2 ? own[i] - bbox.get(i).asDouble() : bbox.get(i).asDouble() - own[i];
            assertThat(outward).as("the collection's extent is that of the chief's issues").isBetween(0.0, 1e-7);
        }

        Set<String> viewerSees = featureIds(TestAccounts.viewer(admin).get("/ogc/collections/patrol_issue/items?limit=10000").json());
        assertThat(viewerSees).as("a viewer reads every issue").hasSize((int) all);
    }

    @Test
    void aRiverChiefWithNothingInScopeReadsTheCollectionsWithoutAnExtent() {
        Http lonely = TestAccounts.ensure(admin, "river_chief_no_rows", List.of("river_chief"), null);
        long account = jdbc.sql("SELECT id FROM account WHERE username = 'river_chief_no_rows'").query(Long.class).single();
        long lonelyChief = jdbc.sql("""
                INSERT INTO river_chief (name, level, town, account_id) VALUES ('无责任河段的河长', 'village', '东临溪镇', ?)
                RETURNING id""").param(account).query(Long.class).single();
        try {
            assertThat(lonely.get("/ogc/collections").status()).isEqualTo(200);
            for (String records : List.of("patrol", "patrol_issue")) {
                Http.Reply collection = lonely.get("/ogc/collections/" + records);
                assertThat(collection.status()).as(records).isEqualTo(200);
                assertThat(collection.json().path("extent").path("spatial").has("bbox")).as("%s: no rows, so no box", records).isFalse();
            }
        } finally {
            jdbc.sql("DELETE FROM river_chief WHERE id = ?").param(lonelyChief).update();
        }
    }

    @Test
    void aRiverChiefReadsTheSamePatrolsThroughEveryRoute() {
        Set<String> expected = ids(jdbc.sql("""
                SELECT p.id::text FROM patrol p WHERE p.chief_id = ? OR p.created_by = 'river_chief' OR EXISTS (
                    SELECT 1 FROM patrol_coverage c JOIN chief_assignment a
                        ON a.collection = c.collection AND a.asset_id = c.asset_id AND a.chief_id = ?
                    WHERE c.patrol_id = p.id)""").params(chiefId, chiefId));
        long all = jdbc.sql("SELECT count(*) FROM patrol").query(Long.class).single();
        assertThat(expected).isNotEmpty().hasSizeLessThan((int) all);

        JsonNode page = chief.get("/ogc/collections/patrol/items?limit=10000").json();
        assertThat(featureIds(page)).as("OGC items").isEqualTo(expected);
        assertThat(page.get("numberMatched").asLong()).isEqualTo(expected.size());
        String outside = jdbc.sql("SELECT id::text FROM patrol WHERE NOT (id::text = ANY (?)) LIMIT 1")
            .param(expected.toArray(String[]::new)).query(String.class).single();
        assertThat(chief.get("/ogc/collections/patrol/items/" + outside).status()).isEqualTo(404);
        assertThat(chief.get("/api/v1/patrols/" + outside).status()).isEqualTo(404);
        assertThat(chief.get("/api/v1/patrols/" + expected.iterator().next()).status()).isEqualTo(200);
        Http.Reply export = chief.get("/api/v1/collections/patrol/export?format=geojson&labels=codes");
        assertThat(featureIds(JSON.readTree(export.body()))).as("export").isEqualTo(expected);
    }

    @Test
    void onlyTheOwningDepartmentWritesALayerWhateverTheBodySays() {
        Http water = TestAccounts.waterEditor(admin);
        String parcel = """
                {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[116.30,33.20],[116.301,33.20],
                 [116.301,33.201],[116.30,33.201],[116.30,33.20]]]]},
                 "properties":{"code":"SCOPE-%1$s","parcel_no":"SCOPE-%1$s","name":"越权地块","status":"none",
                 "department":"%2$s","category":"idle"}}""";
        assertThat(water.post("/ogc/collections/land_parcel/items", parcel.formatted(UUID.randomUUID(), "water")).status())
            .as("a water editor creating a natural-resources parcel").isEqualTo(403);
        String road = """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[116.30,33.20]},
                 "properties":{"code":"SCOPE-R","name":"越权节点","status":"planned","department":"water",
                 "road":"G205","node_type":"intersection"}}""";
        assertThat(water.post("/ogc/collections/road_node/items", road).status()).isEqualTo(403);

        Http natres = TestAccounts.natresEditor(admin);
        Http.Reply own = natres.post("/ogc/collections/land_parcel/items", parcel.formatted(UUID.randomUUID(), "natres"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String location = own.headers().firstValue("Location").orElseThrow();
        assertThat(natres.patch(location, "{\"properties\":{\"department\":\"water\"}}", "Content-Type",
                "application/merge-patch+json").status()).as("moving it out of the layer's department").isEqualTo(403);
        assertThat(natres.delete(location).status()).isEqualTo(204);

        String ditch = """
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[116.30,33.20],[116.31,33.21]]},
                 "properties":{"code":"SCOPE-%s","name":"本局沟渠","status":"none","department":"water",
                 "class":"medium"}}""".formatted(UUID.randomUUID());
        Http.Reply ownDitch = water.post("/ogc/collections/ditch/items", ditch);
        assertThat(ownDitch.status()).as(ownDitch.body()).isEqualTo(201);
        assertThat(water.delete(ownDitch.headers().firstValue("Location").orElseThrow()).status()).isEqualTo(204);
    }

    @Test
    void anEditorImportsOnlyIntoTheirDepartmentsLayers() {
        TestAccounts.waterEditor(admin);
        String token = TestAccounts.waterEditor(admin).post("/api/v1/me/tokens", "{\"name\":\"scope-test\"}").json()
            .get("token").asString();
        Http water = admin.withToken(token);
        String geojson = """
                {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",
                 "coordinates":[116.3,33.2]},"properties":{"code":"IMP-1","name":"导入","department":"water"}}]}""";
        assertThat(upload(water, "land_parcel", geojson).status()).as("into a natural-resources layer").isEqualTo(403);
        assertThat(upload(water, "road_node", geojson).status()).as("into a town's layer").isEqualTo(403);
        Http.Reply own = upload(water, "sluice", geojson);
        assertThat(own.status()).as("into their own layer").isEqualTo(202);
        assertThat(water.delete("/api/v1/imports/" + own.json().get("id").asString()).status()).isEqualTo(204);
        jdbc.sql("DELETE FROM api_token WHERE name = 'scope-test'").update();
    }

    @Test
    void aViewerReportsNoIssueAndSavesNoSharedQuery() {
        Http viewer = TestAccounts.viewer(admin);
        Http.Reply issue = viewer.post("/api/v1/issues", """
                {"id":"%s","lon":116.3,"lat":33.2,"category":"other","description":"查看者上报"}""".formatted(UUID.randomUUID()));
        assertThat(issue.status()).as(issue.body()).isEqualTo(403);
        Http.Reply saved = viewer.post("/api/v1/parcels/queries", "{\"name\":\"查看者的查询\",\"query\":{\"category\":[\"idle\"]}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(403);
        Http.Reply planners = TestAccounts.planner(admin).post("/api/v1/parcels/queries",
                "{\"name\":\"规划的查询\",\"query\":{\"category\":[\"idle\"]}}");
        assertThat(planners.status()).as(planners.body()).isIn(200, 201);
        assertThat(admin.delete("/api/v1/parcels/queries/" + planners.json().get("id").asLong()).status()).isEqualTo(204);
    }

    private Http.Reply upload(Http http, String collection, String geojson) {
        String boundary = "scope" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\n" + collection
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"points.geojson\"\r\n"
                + "Content-Type: application/geo+json\r\n\r\n" + geojson + "\r\n--" + boundary + "--\r\n";
        return http.post("/api/v1/imports", body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
    }

    private static Set<String> ids(JdbcClient.StatementSpec query) {
        return new HashSet<>(query.query(String.class).list());
    }

    private static Set<String> featureIds(JsonNode collection) {
        Set<String> ids = new HashSet<>();
        // OGC items carry the id on the feature, an export for programs (labels=codes) among the properties.
        collection.get("features").forEach(f -> ids.add((f.has("id") ? f : f.get("properties")).get("id").asString()));
        return ids;
    }

}
