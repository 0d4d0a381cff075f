package cn.hetu.river;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulletin of a type with seasons, its figures counted by hand here. Straw burning asks a village patroller for
 * two patrols a week, and one a day from the autumn harvest (20 September to 10 November); a town patroller for one
 * a week, three a week in the harvest. A period belongs to the season its first day lies in. September 2026:
 * the village's weeks of 1, 8 and 15 September (2 each) and the days 20 to 30 (1 each): 6 + 11 = 17 required; the
 * town's weeks of 1, 8 and 15 (1 each) and of 22 (3): 6. The patrols sit on the minutes around local midnight.
 */
@RegistryTest
class BulletinTypeTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    long village;

    long town;

    @BeforeEach
    void patrollersAndTheirPatrols() {
        removeThem();
        long grid = jdbc.sql("SELECT max(id) FROM patrol_grid").query(Long.class).single();
        village = person("测试禁烧村级员", "village", grid);
        town = person("测试禁烧镇级员", "town", grid);
        for (String at : List.of("2026-09-01T09:00:00+08:00", "2026-09-07T23:59:00+08:00", "2026-09-08T00:00:00+08:00",
                "2026-09-19T23:59:00+08:00", "2026-09-20T00:00:00+08:00", "2026-09-20T18:00:00+08:00",
                "2026-09-30T23:59:00+08:00", "2026-10-01T00:00:00+08:00", "2026-08-31T23:59:00+08:00")) {
            patrol(village, "straw_burning", at);
        }
        // one river patrol: not straw burning's
        patrol(village, "river", "2026-09-02T09:00:00+08:00");
        for (String at : List.of("2026-09-02T09:00:00+08:00", "2026-09-22T09:00:00+08:00", "2026-09-24T09:00:00+08:00",
                "2026-09-30T23:59:00+08:00")) {
            patrol(town, "straw_burning", at);
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM patrol WHERE chief_id IN (SELECT id FROM river_chief WHERE name LIKE '测试禁烧%')").update();
        jdbc.sql("DELETE FROM river_chief WHERE name LIKE '测试禁烧%'").update();
    }

    private long person(String name, String level, long grid) {
        long id = jdbc.sql("INSERT INTO river_chief (name, level, town) VALUES (?, ?, '测试镇') RETURNING id")
            .params(name, level).query(Long.class).single();
        jdbc.sql("INSERT INTO patrol_duty VALUES (?, 'straw_burning', 'patrol_grid', ?)").params(id, grid).update();
        return id;
    }

    private void patrol(long chief, String type, String startedAt) {
        jdbc.sql("""
                INSERT INTO patrol (id, chief_id, patrol_type, started_at, ended_at, geom, source, created_by)
                VALUES (gen_random_uuid(), ?, ?, ?::timestamptz, ?::timestamptz + interval '30 minutes',
                        ST_GeomFromText('LINESTRING(116.2 33.2, 116.203 33.2)', 4490), 'gps', 'bulletin-type-test')""")
            .params(chief, type, startedAt, startedAt)
            .update();
    }

    private static JsonNode line(JsonNode bulletin, long chief) {
        for (JsonNode line : bulletin.get("chiefs")) {
            if (line.get("chiefId").asLong() == chief) {
                return line;
            }
        }
        throw new AssertionError(chief + " is not in the bulletin " + bulletin.get("type"));
    }

    @Test
    void aMonthAcrossTheStartOfTheHarvestCountsWeeksBeforeAndDaysAfter() {
        JsonNode september = admin.get("/api/v1/bulletins/2026-09?type=straw_burning").json();
        assertThat(september.get("type").asString()).isEqualTo("straw_burning");
        assertThat(september.get("complete").asBoolean()).isTrue();
        JsonNode v = line(september, village);
        assertThat(v.get("required").asInt()).isEqualTo(17);
        // week 1: 2 of 2; week 2: 1 of 2; week 3 (19 Sep, 23:59): 1 of 2; 20 Sep twice: 1; 30 Sep: 1
        assertThat(v.get("done").asInt()).isEqualTo(6);
        assertThat(v.get("patrols").asInt()).as("7 in September; 31 Aug, 1 Oct and the river patrol are not").isEqualTo(7);
        assertThat(v.get("compliancePct").asDouble()).isEqualTo(35.3);
        JsonNode t = line(september, town);
        assertThat(t.get("required").asInt()).isEqualTo(6);
        // week 1: 1; week 22-30: 3 of 3
        assertThat(t.get("done").asInt()).isEqualTo(4);
        JsonNode townLine = null;
        for (JsonNode line : september.get("towns")) {
            if (line.get("town").asString().equals("测试镇")) {
                townLine = line;
            }
        }
        assertThat(townLine.get("required").asInt()).isEqualTo(23);
        assertThat(townLine.get("done").asInt()).isEqualTo(10);
        JsonNode river = admin.get("/api/v1/bulletins/2026-09").json();
        assertThat(river.get("chiefs").toString()).as("straw-burning patrollers are not river chiefs")
            .doesNotContain("\"chiefId\":" + village + ",");
    }

    @Test
    void octoberIsAllHarvestAndTheSeasonSummaryRunsFromItsFirstToItsLastDay() {
        JsonNode october = admin.get("/api/v1/bulletins/2026-10?type=straw_burning").json();
        assertThat(line(october, village).get("required").asInt()).isEqualTo(31);
        assertThat(line(october, village).get("done").asInt()).isEqualTo(1);
        // weeks of 1, 8, 15 and 22 October, three each
        assertThat(line(october, town).get("required").asInt()).isEqualTo(12);
        JsonNode season = admin.get("/api/v1/bulletins/seasons/2026/autumn_harvest?type=straw_burning").json();
        assertThat(season.get("season").asString()).isEqualTo("autumn_harvest");
        assertThat(season.get("from").asString()).isEqualTo("2026-09-20");
        assertThat(season.get("to").asString()).isEqualTo("2026-11-10");
        // 11 + 31 + 10 days; done on 20 Sep, 30 Sep and 1 Oct
        assertThat(line(season, village).get("required").asInt()).isEqualTo(52);
        assertThat(line(season, village).get("done").asInt()).isEqualTo(3);
        assertThat(line(season, village).get("patrols").asInt()).isEqualTo(4);
        // weeks starting 22 Sep; 1, 8, 15, 22 Oct; 1 Nov, 8 Nov (cut at 10 Nov): 7 weeks of 3
        assertThat(line(season, town).get("required").asInt()).isEqualTo(21);
        assertThat(line(season, town).get("done").asInt()).isEqualTo(3);
        assertThat(admin.get("/api/v1/bulletins/seasons/2026/flood?type=straw_burning").json().get("parameter").asString())
            .isEqualTo("season");
        assertThat(admin.get("/api/v1/bulletins/seasons/2999/autumn_harvest?type=straw_burning").status()).isEqualTo(400);
    }

    @Test
    void theExportsFollowTheType() {
        Http.Reply csv = new Http.Reply(0, null, new String(admin.bytes("/api/v1/bulletins/2026-09.csv?type=straw_burning").body(),
                java.nio.charset.StandardCharsets.UTF_8), null, null);
        assertThat(csv.body()).contains("巡查人员").contains("测试禁烧村级员").doesNotContain("河长");
        String disposition = admin.bytes("/api/v1/bulletins/2026-09.xlsx?type=straw_burning").headers()
            .firstValue("Content-Disposition").orElseThrow();
        assertThat(java.net.URLDecoder.decode(disposition, java.nio.charset.StandardCharsets.UTF_8)).endsWith("秸秆禁烧巡查通报-2026-09.xlsx");
    }

}
