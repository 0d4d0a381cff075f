package cn.hetu.river;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Patrols and issues through OGC API - Features, the responsibility map, and what a river chief sees. */
@RegistryTest
class RiverRecordTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void patrolsAndIssuesArePagedReadOnlyCollectionsForTheRiverChiefSystemsReaders() {
        Http viewer = TestAccounts.viewer(admin);
        long patrols = jdbc.sql("SELECT count(*) FROM patrol").query(Long.class).single();
        Set<String> ids = new HashSet<>();
        String next = "/ogc/collections/patrol/items?limit=50";
        while (next != null) {
            JsonNode page = viewer.get(next).json();
            assertThat(page.get("numberMatched").asLong()).isEqualTo(patrols);
            for (JsonNode feature : page.get("features")) {
                assertThat(ids.add(feature.get("id").asString())).as("no feature twice").isTrue();
                assertThat(feature.get("geometry").get("type").asString()).isEqualTo("LineString");
                assertThat(feature.get("properties").has("chief_id")).isTrue();
            }
            next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    next = link.get("href").asString();
                }
            }
        }
        assertThat(ids).hasSize((int) patrols);

        JsonNode issues = viewer.get("/ogc/collections/patrol_issue/items?bbox=115.9,32.9,116.7,33.6&limit=10000").json();
        assertThat(issues.get("numberMatched").asLong())
            .isEqualTo(jdbc.sql("SELECT count(*) FROM patrol_issue").query(Long.class).single());
        String issueId = issues.get("features").get(0).get("id").asString();
        Http.Reply one = viewer.get("/ogc/collections/patrol_issue/items/" + issueId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("properties").get("category").isString()).isTrue();
        assertThat(viewer.get("/ogc/collections/patrol_issue/items?bbox=100,20,100.1,20.1").json().get("numberReturned").asInt())
            .isZero();
        String category = one.json().get("properties").get("category").asString();
        viewer.get("/ogc/collections/patrol_issue/items?category=" + category).json().get("features")
            .forEach(f -> assertThat(f.get("properties").get("category").asString()).isEqualTo(category));
        assertThat(viewer.get("/ogc/collections/patrol_issue/items/not-a-uuid").status()).isEqualTo(404);
        assertThat(viewer.get("/ogc/collections/patrol_issue/queryables").json().get("properties").get("id").get("format")
            .asString()).isEqualTo("uuid");

        JsonNode api = viewer.get("/ogc/api").json().get("paths");
        assertThat(api.has("/collections/patrol/items")).isTrue();
        assertThat(api.get("/collections/patrol_issue/items").has("post")).as("read-only").isFalse();
        assertThat(admin.send("DELETE", "/ogc/collections/patrol_issue/items/" + issueId, null).status()).isEqualTo(405);
        assertThat(admin.anonymous().get("/ogc/collections/patrol/items").status()).isEqualTo(401);
        Http natres = TestAccounts.natresEditor(admin);
        assertThat(natres.get("/ogc/collections/patrol/items").status()).isEqualTo(403);
        assertThat(natres.get("/ogc/collections").body()).doesNotContain("\"patrol\"");
        assertThat(TestAccounts.waterEditor(admin).get("/ogc/collections/patrol_issue/items").status()).isEqualTo(200);
        assertThat(TestAccounts.riverChief(admin).get("/ogc/collections/patrol/items?limit=1").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/layers").body()).doesNotContain("\"id\":\"patrol\"").doesNotContain("\"id\":\"patrol_issue\"");
        assertThat(admin.get("/tiles/patrol/10/853/414.mvt").status()).isEqualTo(404);
    }

    @Test
    void theResponsibilityMapFlagsSegmentsWithoutAChief() {
        long unassigned = jdbc.sql("""
                SELECT id FROM ditch d WHERE NOT EXISTS (SELECT 1 FROM chief_assignment a
                    WHERE a.collection = 'ditch' AND a.asset_id = d.id) ORDER BY id LIMIT 1""")
            .query(Long.class)
            .optional()
            .orElseGet(() -> {
                long id = jdbc.sql("SELECT max(id) FROM ditch").query(Long.class).single();
                jdbc.sql("DELETE FROM chief_assignment WHERE collection = 'ditch' AND asset_id = ?").param(id).update();
                return id;
            });
        Http.Reply reply = TestAccounts.viewer(admin).get("/api/v1/chiefs/responsibility");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/geo+json");
        JsonNode features = reply.json().get("features");
        long segments = jdbc.sql("SELECT (SELECT count(*) FROM river_segment) + (SELECT count(*) FROM ditch)")
            .query(Long.class)
            .single();
        assertThat(features.size()).isEqualTo((int) segments);
        boolean found = false;
        for (JsonNode feature : features) {
            JsonNode properties = feature.get("properties");
            boolean noChief = properties.get("chiefs").isEmpty();
            assertThat(properties.get("unassigned").asBoolean()).isEqualTo(noChief);
            if (properties.get("collection").asString().equals("ditch") && properties.get("id").asLong() == unassigned) {
                assertThat(properties.get("unassigned").asBoolean()).isTrue();
                found = true;
            }
            if (!noChief) {
                assertThat(properties.get("chiefs").get(0).get("level").asString()).isIn("village", "town", "county");
            }
            assertThat(feature.get("geometry").get("type").asString()).isEqualTo("LineString");
        }
        assertThat(found).isTrue();
    }

    @Test
    void aRiverChiefFindsTheirRecordAndSeesTheIssuesOfTheirOwnSegments() {
        Http chiefAccount = TestAccounts.riverChief(admin);
        long account = jdbc.sql("SELECT id FROM account WHERE username = 'river_chief'").query(Long.class).single();
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE account_id = ?").param(account).update();
        assertThat(chiefAccount.get("/api/v1/me/chief").status()).as("not linked yet").isEqualTo(204);

        Map<String, Object> own = jdbc.sql("""
                SELECT c.id, c.version, a.asset_id FROM river_chief c
                JOIN chief_assignment a ON a.chief_id = c.id AND a.collection = 'river_segment'
                WHERE c.level = 'village' ORDER BY c.id, a.asset_id LIMIT 1""").query().singleRow();
        long chief = ((Number) own.get("id")).longValue();
        Http.Reply linked = admin.patch("/api/v1/chiefs/" + chief,
                "{\"accountId\":" + account + ",\"version\":" + own.get("version") + "}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("accountId").asLong()).isEqualTo(account);
        int stale = linked.json().get("version").asInt() - 1;
        assertThat(admin.patch("/api/v1/chiefs/" + chief, "{\"phone\":\"0558-1\",\"version\":" + stale + "}").status())
            .as("stale version").isEqualTo(409);
        assertThat(admin.patch("/api/v1/chiefs/" + chief, "{\"rank\":1}").json().get("parameter").asString())
            .isEqualTo("rank");
        assertThat(chiefAccount.patch("/api/v1/chiefs/" + chief, "{\"phone\":\"110\"}").status()).isEqualTo(403);

        JsonNode me = chiefAccount.get("/api/v1/me/chief").json();
        assertThat(me.get("id").asLong()).isEqualTo(chief);
        assertThat(me.get("assignments").toString()).contains("\"assetId\":" + own.get("asset_id"));
        assertThat(me.get("assignments").get(0).get("name").asString()).isNotBlank();

        UUID onOwn = report(point("river_segment", ((Number) own.get("asset_id")).longValue()));
        Map<String, Object> elsewhere = jdbc.sql("""
                SELECT s.id FROM river_segment s WHERE NOT EXISTS (SELECT 1 FROM chief_assignment a
                    WHERE a.chief_id = ? AND a.collection = 'river_segment' AND a.asset_id = s.id) ORDER BY s.id LIMIT 1""")
            .param(chief).query().singleRow();
        UUID other = report(point("river_segment", ((Number) elsewhere.get("id")).longValue()));
        jdbc.sql("UPDATE patrol_issue SET segment_collection = 'river_segment', segment_id = ? WHERE id = ?")
            .params(own.get("asset_id"), onOwn).update();
        jdbc.sql("UPDATE patrol_issue SET segment_collection = 'river_segment', segment_id = ? WHERE id = ?")
            .params(elsewhere.get("id"), other).update();

        List<String> seen = new ArrayList<>();
        chiefAccount.get("/api/v1/issues").json().forEach(i -> seen.add(i.get("id").asString()));
        assertThat(seen).contains(onOwn.toString()).doesNotContain(other.toString());
        assertThat(chiefAccount.get("/api/v1/issues/" + other).status()).isEqualTo(404);
        List<String> all = new ArrayList<>();
        TestAccounts.viewer(admin).get("/api/v1/issues").json().forEach(i -> all.add(i.get("id").asString()));
        assertThat(all).contains(onOwn.toString(), other.toString());

        assertThat(admin.patch("/api/v1/chiefs/" + chief, "{\"accountId\":null}").json().has("accountId")).isFalse();
    }

    private double[] point(String collection, long id) {
        Map<String, Object> row = jdbc.sql("SELECT ST_X(ST_LineInterpolatePoint(geom, 0.5)) AS lon, "
                + "ST_Y(ST_LineInterpolatePoint(geom, 0.5)) AS lat FROM " + collection + " WHERE id = ?")
            .param(id).query().singleRow();
        return new double[] { ((Number) row.get("lon")).doubleValue(), ((Number) row.get("lat")).doubleValue() };
    }

    private UUID report(double[] at) {
        UUID id = UUID.randomUUID();
        assertThat(admin.post("/api/v1/issues", """
                {"id":"%s","lon":%s,"lat":%s,"category":"occupation","description":"占用河道堆放物料"}"""
            .formatted(id, at[0], at[1])).status()).isEqualTo(201);
        return id;
    }

}
