package cn.hetu.river;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class RiverChiefTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPatrolAlongASegmentCoversItOnceHoweverOftenItIsUploaded() {
        Map<String, Object> segment = jdbc.sql("""
                SELECT id, length_m, ST_AsGeoJSON(ST_Translate(geom, 0.0001, 0.0001)) AS track
                FROM river_segment WHERE river = '包河' ORDER BY length_m DESC LIMIT 1""").query().singleRow();
        long chief = chief("测试河长甲", "town");
        UUID id = UUID.randomUUID();
        String upload = patrol(id, chief, "2026-10-05T09:00:00+08:00", (String) segment.get("track"));
        Http.Reply first = admin.post("/api/v1/patrols", upload);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        double length = ((Number) segment.get("length_m")).doubleValue();
        assertThat(first.json().get("distanceM").asDouble()).isCloseTo(length, offset(length * 0.01));
        JsonNode coverage = first.json().get("coverage");
        assertThat(coverage.toString()).contains("\"assetId\":" + segment.get("id"));
        assertThat(coverage.get(0).get("coveredM").asDouble()).isGreaterThan(length * 0.9);
        Http.Reply again = admin.post("/api/v1/patrols", upload);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(jdbc.sql("SELECT count(*) FROM patrol WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_coverage WHERE patrol_id = ?").param(id).query(Long.class).single())
            .isEqualTo(coverage.size());
    }

    @Test
    void aChiefLogsOnlyTheirOwnPatrols() {
        Http chiefAccount = TestAccounts.riverChief(admin);
        long account = jdbc.sql("SELECT id FROM account WHERE username = 'river_chief'").query(Long.class).single();
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE account_id = ?").param(account).update();
        long own = chief("测试河长乙", "village");
        jdbc.sql("UPDATE river_chief SET account_id = ? WHERE id = ?").params(account, own).update();
        long other = chief("测试河长丙", "village");
        String track = "{\"type\":\"LineString\",\"coordinates\":[[116.30,33.20],[116.305,33.205]]}";
        assertThat(chiefAccount.post("/api/v1/patrols", patrol(UUID.randomUUID(), null, "2026-10-06T09:00:00+08:00", track))
            .status()).as("their own, without naming the chief").isEqualTo(201);
        assertThat(chiefAccount.post("/api/v1/patrols", patrol(UUID.randomUUID(), other, "2026-10-06T09:00:00+08:00", track))
            .status()).isEqualTo(403);
        assertThat(TestAccounts.viewer(admin).post("/api/v1/patrols", patrol(UUID.randomUUID(), own,
                "2026-10-06T09:00:00+08:00", track)).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), own, "2026-10-06T09:00:00+08:00",
                "{\"type\":\"Point\",\"coordinates\":[116.3,33.2]}")).json().get("parameter").asString()).isEqualTo("track");
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE id = ?").param(own).update();
    }

    @Test
    void anIssueFindsItsSegmentAndFollowsTheWorkflow() {
        Map<String, Object> segment = jdbc.sql("""
                SELECT id, ST_X(ST_LineInterpolatePoint(geom, 0.5)) AS lon, ST_Y(ST_LineInterpolatePoint(geom, 0.5)) AS lat
                FROM river_segment WHERE river = '包河' LIMIT 1""").query().singleRow();
        UUID id = UUID.randomUUID();
        String report = """
                {"id":"%s","lon":%s,"lat":%s,"category":"dumping","description":"河岸堆放建筑垃圾约20方",
                 "reportedAt":"2026-10-07T10:00:00+08:00"}""".formatted(id, segment.get("lon"), segment.get("lat"));
        Http.Reply reported = admin.post("/api/v1/issues", report);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().get("segmentId").asLong()).isEqualTo(((Number) segment.get("id")).longValue());
        assertThat(admin.post("/api/v1/issues", report).status()).as("retried upload").isEqualTo(200);
        String url = "/api/v1/issues/" + id + "/transitions";
        assertThat(admin.post(url, "{\"to\":\"closed\",\"version\":0}").status()).isEqualTo(422);
        assertThat(admin.post(url, "{\"to\":\"assigned\",\"version\":0}").json().get("parameter").asString())
            .isEqualTo("assignee");
        assertThat(TestAccounts.viewer(admin).post(url, "{\"to\":\"assigned\",\"assignee\":\"石弓镇\",\"deadline\":\"2026-10-20\","
                + "\"version\":0}").status()).isEqualTo(403);
        Http.Reply assigned = admin.post(url,
                "{\"to\":\"assigned\",\"assignee\":\"石弓镇人民政府\",\"deadline\":\"2026-10-20\",\"note\":\"限期清理\",\"version\":0}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("overdue").asBoolean()).as("the deadline has passed").isTrue();
        assertThat(assigned.json().get("events").size()).isEqualTo(2);
        assertThat(admin.get("/api/v1/issues?overdue=true").json().toString()).contains(id.toString());
        assertThat(admin.post("/api/v1/issues", report.replace("dumping", "littering")).json().get("parameter").asString())
            .isEqualTo("category");
    }

    @Test
    void theBulletinCountsPatrolsPerPeriodInCountyTime() {
        long town = chief("测试镇级河长", "town");
        long village = chief("测试村级河长", "village");
        long county = chief("测试县级河长", "county");
        String track = "{\"type\":\"LineString\",\"coordinates\":[[116.30,33.20],[116.305,33.205]]}";
        // 10 March 23:30 and 11 March 00:30 in county time fall in the first and the second 旬.
        for (String start : List.of("2020-03-10T23:30:00+08:00", "2020-03-10T16:30:00Z")) {
            admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), town, start, track));
        }
        for (String start : List.of("2020-03-07T09:00:00+08:00", "2020-03-08T09:00:00+08:00", "2020-03-30T09:00:00+08:00")) {
            admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), village, start, track));
        }
        admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), county, "2020-03-31T23:00:00+08:00", track));
        admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), county, "2020-02-29T23:00:00+08:00", track));
        JsonNode bulletin = admin.get("/api/v1/bulletins/2020-03").json();
        assertThat(line(bulletin, town).get("done").asInt()).isEqualTo(2);
        assertThat(line(bulletin, town).get("required").asInt()).isEqualTo(3);
        assertThat(line(bulletin, town).get("compliancePct").asDouble()).isEqualTo(66.7);
        assertThat(line(bulletin, village).get("done").asInt()).as("days 29-31 belong to the fourth week").isEqualTo(3);
        assertThat(line(bulletin, village).get("required").asInt()).isEqualTo(4);
        assertThat(line(bulletin, county).get("done").asInt()).isEqualTo(1);
        assertThat(line(bulletin, county).get("patrols").asInt()).isEqualTo(1);
        assertThat(line(bulletin, county).get("rank").asInt()).isLessThan(line(bulletin, village).get("rank").asInt());
        assertThat(admin.get("/api/v1/bulletins/March").status()).isEqualTo(400);
    }

    @Test
    void theDemoCountyHasChiefsPatrolsAndAMeaningfulBulletin() {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM river_chief c
                WHERE phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM patrol_duty d WHERE d.chief_id = c.id)""")
            .query(Long.class).single())
            .as("27 chiefs of the demo and the chief of the hezhang account; the rest patrol grids or inspect works").isEqualTo(28);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM river_segment s WHERE NOT EXISTS (SELECT 1 FROM chief_assignment a
                WHERE a.collection = 'river_segment' AND a.asset_id = s.id)""").query(Long.class).single())
            .as("every demo segment has a chief").isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM river_chief c JOIN account a ON a.id = c.account_id
                JOIN chief_assignment s ON s.chief_id = c.id JOIN river_segment r ON r.id = s.asset_id
                WHERE a.username = 'hezhang' AND NOT a.enabled AND c.level = 'village' AND r.river = '包河'""")
            .query(Long.class).single()).as("the demo chief's account is linked, and disabled").isEqualTo(1);
        JsonNode bulletin = admin.get("/api/v1/bulletins/2026-10").json();
        int required = 0;
        int done = 0;
        for (JsonNode town : bulletin.get("towns")) {
            required += town.get("required").asInt();
            done += town.get("done").asInt();
        }
        assertThat(done).isPositive().isLessThan(required);
        int found = 0;
        for (JsonNode category : bulletin.get("issues")) {
            found += category.get("found").asInt();
        }
        assertThat(found).isPositive();
    }

    private long chief(String name, String level) {
        jdbc.sql("DELETE FROM patrol WHERE chief_id IN (SELECT id FROM river_chief WHERE name = ?)").param(name).update();
        jdbc.sql("DELETE FROM river_chief WHERE name = ?").param(name).update();
        Http.Reply created = admin.post("/api/v1/chiefs",
                "{\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"town\":\"石弓镇\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("id").asLong();
    }

    private static String patrol(UUID id, Long chief, String start, String track) {
        return """
                {"id":"%s","chiefId":%s,"startedAt":"%s","endedAt":"%s","track":%s,"source":"gps"}"""
            .formatted(id, chief, start, start, track);
    }

    private static JsonNode line(JsonNode bulletin, long chief) {
        for (JsonNode line : bulletin.get("chiefs")) {
            if (line.get("chiefId").asLong() == chief) {
                return line;
            }
        }
        throw new AssertionError("chief " + chief + " is not in the bulletin");
    }

}
