package cn.hetu.river;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field work of every type through the river's machinery: a straw-burning patrol over a grid with a fire spot, a
 * works inspection whose failed item becomes an issue with a deadline, a warning-station visit's last-seen status,
 * and tracks that cannot be trusted.
 */
@RegistryTest
class FieldWorkTests {

    private static final String NAME = "测试网格员";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    long patroller;

    long grid;

    @BeforeEach
    void aPatrollerWithAGrid() {
        removeThem();
        grid = jdbc.sql("SELECT min(id) FROM patrol_grid").query(Long.class).single();
        patroller = jdbc.sql("INSERT INTO river_chief (name, level, town) VALUES (?, 'village', '石弓镇') RETURNING id")
            .param(NAME).query(Long.class).single();
        jdbc.sql("INSERT INTO patrol_duty (chief_id, patrol_type, collection, asset_id) VALUES (?, 'straw_burning', 'patrol_grid', ?)")
            .params(patroller, grid).update();
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM patrol_issue WHERE patrol_id IN (SELECT p.id FROM patrol p JOIN river_chief c ON c.id = p.chief_id"
                + " WHERE c.name LIKE '测试%员')").update();
        jdbc.sql("DELETE FROM patrol WHERE chief_id IN (SELECT id FROM river_chief WHERE name LIKE '测试%员')").update();
        jdbc.sql("DELETE FROM river_chief WHERE name LIKE '测试%员'").update();
    }

    private String across(long gridId) {
        return jdbc.sql("""
                SELECT ST_AsGeoJSON(ST_MakeLine(ST_PointOnSurface(geom),
                                                ST_Translate(ST_PointOnSurface(geom), 0.002, 0.001)))
                FROM patrol_grid WHERE id = ?""").param(gridId).query(String.class).single();
    }

    private static String patrol(UUID id, long chief, String type, String start, String end, String track, String extra) {
        return """
                {"id":"%s","chiefId":%s,"patrolType":"%s","startedAt":"%s","endedAt":"%s","track":%s,"source":"gps"%s}"""
            .formatted(id, chief, type, start, end, track, extra);
    }

    @Test
    void aStrawBurningPatrolCoversItsGridAndReportsAFireSpotThere() {
        UUID id = UUID.randomUUID();
        Http.Reply uploaded = admin.post("/api/v1/patrols", patrol(id, patroller, "straw_burning", "2026-10-05T09:00:00+08:00",
                "2026-10-05T09:40:00+08:00", across(grid), ""));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("patrolType").asString()).isEqualTo("straw_burning");
        assertThat(uploaded.json().get("coverage").toString()).contains("\"collection\":\"patrol_grid\",\"assetId\":" + grid);
        assertThat(uploaded.json().get("speedJump").asBoolean()).isFalse();
        assertThat(uploaded.json().get("outsideCounty").asBoolean()).isFalse();
        Map<String, Object> at = jdbc.sql("SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat, town"
                + " FROM patrol_grid WHERE id = ?").param(grid).query().singleRow();
        UUID fire = UUID.randomUUID();
        String report = """
                {"id":"%s","patrolId":"%s","patrolType":"straw_burning","lon":%s,"lat":%s,"category":"fire_spot",
                 "description":"田间焚烧秸秆","reportedAt":"2026-10-05T09:20:00+08:00"}""".formatted(fire, id, at.get("lon"), at.get("lat"));
        Http.Reply reported = admin.post("/api/v1/issues", report);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().get("assetCollection").asString()).isEqualTo("patrol_grid");
        assertThat(reported.json().get("assetId").asLong()).isEqualTo(grid);
        assertThat(reported.json().get("town").asString()).isEqualTo(at.get("town"));
        assertThat(reported.json().hasNonNull("segmentId")).as("not a river's issue").isFalse();
        assertThat(admin.post("/api/v1/issues", report).status()).as("retried").isEqualTo(200);
        assertThat(admin.post("/api/v1/issues", report.replace(fire.toString(), UUID.randomUUID().toString())
            .replace("fire_spot", "dumping")).json().get("parameter").asString()).as("a river category").isEqualTo("category");
        assertThat(admin.get("/ogc/collections/patrol/items?patrol_type=straw_burning&limit=1000").body()).contains(id.toString());
        JsonNode issue = admin.get("/ogc/collections/patrol_issue/items/" + fire).json();
        assertThat(issue.get("properties").get("patrol_type").asString()).isEqualTo("straw_burning");
        assertThat(admin.get("/ogc/collections/patrol_issue/items?patrol_type=river&limit=1000").body()).doesNotContain(fire.toString());
        assertThat(admin.get("/api/v1/issues?type=straw_burning&month=2026-10").body()).contains(fire.toString());
        assertThat(admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), patroller, "works_inspection",
                "2026-10-05T09:00:00+08:00", "2026-10-05T09:40:00+08:00", across(grid), "")).json().get("parameter").asString())
            .as("a duty they do not have").isEqualTo("patrolType");
    }

    @Test
    void aFailedChecklistItemBecomesAnIssueWithTheTypesDeadlineOnce() {
        long inspector = jdbc.sql("INSERT INTO river_chief (name, level, town) VALUES ('测试巡查员', 'town', '石弓镇') RETURNING id")
            .query(Long.class).single();
        long sluice = jdbc.sql("SELECT min(id) FROM sluice").query(Long.class).single();
        jdbc.sql("INSERT INTO patrol_duty VALUES (?, 'works_inspection', 'sluice', ?)").params(inspector, sluice).update();
        String track = jdbc.sql("SELECT ST_AsGeoJSON(ST_MakeLine(ST_Translate(geom, -0.002, 0), geom)) FROM sluice WHERE id = ?")
            .param(sluice).query(String.class).single();
        String inspections = """
                ,"inspections":[{"collection":"sluice","assetId":%d,"results":[{"item":"gate_hoist","ok":false,"note":"启闭机异响"},
                                 {"item":"seepage","ok":true},{"item":"cracks","ok":true}]}]""".formatted(sluice);
        UUID id = UUID.randomUUID();
        // 23:30 on 30 November in county time is 15:30 UTC: the deadline counts from the county's day, 30 November + 15 days.
        String upload = patrol(id, inspector, "works_inspection", "2026-11-30T21:30:00+08:00", "2026-11-30T15:30:00Z", track, inspections);
        Http.Reply first = admin.post("/api/v1/patrols", upload);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("inspections").get(0).get("results").size()).isEqualTo(3);
        assertThat(admin.post("/api/v1/patrols", upload).status()).isEqualTo(200);
        JsonNode issues = admin.get("/api/v1/issues?type=works_inspection&month=2026-11").json();
        JsonNode found = null;
        for (JsonNode issue : issues) {
            if (id.toString().equals(issue.get("patrolId").asString())) {
                assertThat(found).as("one issue per failed item, however often uploaded").isNull();
                found = issue;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("category").asString()).isEqualTo("gate_hoist");
        assertThat(found.get("assetCollection").asString()).isEqualTo("sluice");
        assertThat(found.get("assetId").asLong()).isEqualTo(sluice);
        assertThat(found.get("description").asString()).contains("闸门及启闭机").contains("启闭机异响");
        assertThat(LocalDate.parse(found.get("deadline").asString())).isEqualTo(LocalDate.of(2026, 12, 15));
        JsonNode history = admin.get("/api/v1/inspections?collection=sluice&assetId=" + sluice).json();
        assertThat(history.toString()).contains("启闭机异响");
        // the inspector follows it up through the same workflow as a river issue
        Http inspectorAccount = TestAccounts.riverChief(admin);
        long account = jdbc.sql("SELECT id FROM account WHERE username = 'river_chief'").query(Long.class).single();
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE account_id = ?").param(account).update();
        jdbc.sql("UPDATE river_chief SET account_id = ? WHERE id = ?").params(account, inspector).update();
        Http.Reply assigned = inspectorAccount.post("/api/v1/issues/" + found.get("id").asString() + "/transitions",
                "{\"to\":\"assigned\",\"assignee\":\"县水利工程管理站\",\"deadline\":\"2026-12-15\",\"version\":0}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        JsonNode mine = inspectorAccount.get("/api/v1/me/field-work").json();
        assertThat(mine.get("types").toString()).isEqualTo("[\"works_inspection\"]");
        assertThat(mine.get("duties").get(0).get("lastInspectedAt").isNull()).isFalse();
        jdbc.sql("UPDATE river_chief SET account_id = NULL WHERE id = ?").param(inspector).update();
    }

    @Test
    void anInspectionOutsideTheChecklistIsRefusedBeforeAnythingIsStored() {
        long inspector = jdbc.sql("INSERT INTO river_chief (name, level) VALUES ('测试维护员', 'county') RETURNING id")
            .query(Long.class).single();
        long station = jdbc.sql("SELECT min(id) FROM warning_station").query(Long.class).single();
        jdbc.sql("INSERT INTO patrol_duty VALUES (?, 'warning_station', 'warning_station', ?)").params(inspector, station).update();
        String track = jdbc.sql("SELECT ST_AsGeoJSON(ST_MakeLine(ST_Translate(geom, -0.002, 0), geom)) FROM warning_station WHERE id = ?")
            .param(station).query(String.class).single();
        String visit = """
                ,"inspections":[{"collection":"warning_station","assetId":%d,"stationStatus":"offline",
                                 "results":[{"item":"power","ok":true},{"item":"communication","ok":false}]}]""".formatted(station);
        for (String[] bad : new String[][] { { "\"item\":\"power\"", "\"item\":\"gate_hoist\"" },
                { "\"stationStatus\":\"offline\"", "\"stationStatus\":\"asleep\"" }, { "\"ok\":true", "\"ok\":null" },
                { "\"collection\":\"warning_station\"", "\"collection\":\"sluice\"" }, { "\"assetId\":" + station, "\"assetId\":999999999" } }) {
            UUID id = UUID.randomUUID();
            Http.Reply refused = admin.post("/api/v1/patrols", patrol(id, inspector, "warning_station", "2026-10-05T09:00:00+08:00",
                    "2026-10-05T10:00:00+08:00", track, visit.replace(bad[0], bad[1])));
            assertThat(refused.status()).as(bad[1] + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("parameter").asString()).startsWith("inspections");
            assertThat(jdbc.sql("SELECT count(*) FROM patrol WHERE id = ?").param(id).query(Long.class).single()).isZero();
        }
        // the latest visit of all, so that it is the station's last-seen status
        java.time.Instant now = java.time.Instant.now();
        Http.Reply visited = admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), inspector, "warning_station",
                now.minusSeconds(3600).toString(), now.minusSeconds(60).toString(), track, visit));
        assertThat(visited.status()).as(visited.body()).isEqualTo(201);
        assertThat(admin.get("/api/v1/inspections?collection=warning_station&assetId=" + station).json().get(0)
            .get("stationStatus").asString()).as("the station's last-seen status").isEqualTo("offline");
    }

    @Test
    void theOfficePutsGridsAndAssetsInAWorkersCharge() {
        long sluice = jdbc.sql("SELECT min(id) FROM sluice").query(Long.class).single();
        String duties = "[{\"patrolType\":\"straw_burning\",\"collection\":\"patrol_grid\",\"assetId\":%d},"
                .formatted(grid) + "{\"patrolType\":\"works_inspection\",\"collection\":\"sluice\",\"assetId\":%d}]".formatted(sluice);
        Http.Reply put = admin.send("PUT", "/api/v1/chiefs/" + patroller + "/duties", duties);
        assertThat(put.status()).as(put.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_duty WHERE chief_id = ?").param(patroller).query(Long.class).single()).isEqualTo(2);
        assertThat(admin.send("PUT", "/api/v1/chiefs/" + patroller + "/duties", duties.replace("\"sluice\"", "\"patrol_grid\""))
            .json().get("parameter").asString()).as("a grid for a works inspection").isEqualTo("collection");
        assertThat(admin.send("PUT", "/api/v1/chiefs/" + patroller + "/duties", duties.replace("%d}]".formatted(sluice), "999999999}]"))
            .json().get("parameter").asString()).isEqualTo("assetId");
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_duty WHERE chief_id = ?").param(patroller).query(Long.class).single())
            .as("a refused replacement changes nothing").isEqualTo(2);
    }

    @Test
    void aTrackThatJumpsOrLeavesTheCountyIsFlaggedNotTrusted() {
        String points = """
                ,"points":[{"lon":116.30,"lat":33.20,"accuracy":5,"at":"2026-10-05T09:00:00+08:00"},
                           {"lon":116.301,"lat":33.2005,"accuracy":5,"at":"2026-10-05T09:01:00+08:00"},
                           {"lon":116.35,"lat":33.23,"accuracy":5,"at":"2026-10-05T09:01:10+08:00"},
                           {"lon":116.351,"lat":33.2305,"accuracy":5,"at":"2026-10-05T09:30:00+08:00"}]""";
        String track = "{\"type\":\"LineString\",\"coordinates\":[[116.30,33.20],[116.301,33.2005],[116.35,33.23],[116.351,33.2305]]}";
        Http.Reply jumped = admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), patroller, "straw_burning",
                "2026-10-05T09:00:00+08:00", "2026-10-05T10:00:00+08:00", track, points));
        assertThat(jumped.status()).as(jumped.body()).isEqualTo(201);
        assertThat(jumped.json().get("speedJump").asBoolean()).as("5.5 km in 10 s").isTrue();
        Http.Reply walked = admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), patroller, "straw_burning",
                "2026-10-05T09:00:00+08:00", "2026-10-05T10:00:00+08:00", track, points.replace("09:01:10", "09:15:00")));
        assertThat(walked.json().get("speedJump").asBoolean()).as("5.5 km in 14 minutes").isFalse();
        assertThat(walked.json().get("outsideCounty").asBoolean()).isFalse();
        double[] east = jdbc.sql("SELECT ST_XMax(boundary) + 0.05, ST_Y(ST_PointOnSurface(boundary)) FROM county")
            .query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).single();
        String outside = "{\"type\":\"LineString\",\"coordinates\":[[%s,%s],[%s,%s]]}".formatted(east[0] - 0.1, east[1], east[0], east[1]);
        Http.Reply left = admin.post("/api/v1/patrols", patrol(UUID.randomUUID(), patroller, "straw_burning",
                "2026-10-05T09:00:00+08:00", "2026-10-05T11:00:00+08:00", outside, ""));
        assertThat(left.json().get("outsideCounty").asBoolean()).isTrue();
        assertThat(admin.get("/ogc/collections/patrol/items?outside_county=true&limit=1000").body())
            .contains(left.json().get("id").asString());
    }

}
