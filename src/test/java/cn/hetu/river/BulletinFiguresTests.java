package cn.hetu.river;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Every figure of the monthly bulletin recomputed a second way, from the raw patrols and issues, with SQL of
 * the test's own: periods are numbered from the local day of the month and judged by their last local day,
 * where the application cuts instants at local midnight. The patrols added here sit on the first and last
 * minute of a month and of a 旬 in county time.
 */
@RegistryTest
class BulletinFiguresTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    private static final String BY = "bulletin-figures-test";

    /** Per chief: the periods of the month, those over by the local date given, and what was done in each. */
    private static final String RECOMPUTE = """
            WITH local_patrol AS (
                SELECT chief_id, started_at AT TIME ZONE 'Asia/Shanghai' AS t FROM patrol
                WHERE patrol_type = 'river' AND to_char(started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = :month),
            -- river chiefs: in charge of segments, or with no duty of another type of field work
            chief AS (
                SELECT * FROM river_chief c WHERE EXISTS (SELECT 1 FROM chief_assignment a WHERE a.chief_id = c.id)
                                               OR NOT EXISTS (SELECT 1 FROM patrol_duty d WHERE d.chief_id = c.id)),
            slot AS (
                SELECT c.id AS chief_id, r.min_count, r.period, s.n,
                       -- the local day on which the slot ends, inclusive
                       CASE WHEN s.n = s.slots THEN (to_date(:month, 'YYYY-MM') + interval '1 month - 1 day')::date
                            WHEN r.period = 'xun' THEN to_date(:month, 'YYYY-MM') + 10 * s.n - 1
                            ELSE to_date(:month, 'YYYY-MM') + 7 * s.n - 1 END AS last_day
                FROM chief c JOIN patrol_rule r ON r.level = c.level
                CROSS JOIN LATERAL (SELECT g AS n, CASE r.period WHEN 'month' THEN 1 WHEN 'xun' THEN 3 ELSE 4 END AS slots
                                    FROM generate_series(1, CASE r.period WHEN 'month' THEN 1 WHEN 'xun' THEN 3 ELSE 4 END) g) s),
            slot_count AS (
                SELECT s.*, (SELECT count(*) FROM local_patrol lp WHERE lp.chief_id = s.chief_id
                               AND CASE s.period WHEN 'month' THEN 1
                                        WHEN 'xun' THEN CASE WHEN extract(day FROM lp.t) <= 10 THEN 1
                                                             WHEN extract(day FROM lp.t) <= 20 THEN 2 ELSE 3 END
                                        ELSE CASE WHEN extract(day FROM lp.t) <= 7 THEN 1 WHEN extract(day FROM lp.t) <= 14 THEN 2
                                                  WHEN extract(day FROM lp.t) <= 21 THEN 3 ELSE 4 END END = s.n) AS patrols
                FROM slot s)
            SELECT c.id, c.name, COALESCE(c.town, '') AS town,
                   COALESCE((SELECT sum(min_count) FROM slot_count sc WHERE sc.chief_id = c.id AND sc.last_day < :today), 0),
                   COALESCE((SELECT sum(CASE WHEN patrols >= min_count THEN min_count ELSE patrols END) FROM slot_count sc
                             WHERE sc.chief_id = c.id AND sc.last_day < :today), 0),
                   (SELECT count(*) FROM local_patrol lp WHERE lp.chief_id = c.id),
                   (SELECT count(DISTINCT i.id) FROM chief_assignment a JOIN patrol_issue i
                        ON i.segment_collection = a.collection AND i.segment_id = a.asset_id
                    WHERE a.chief_id = c.id AND to_char(i.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = :month),
                   (SELECT count(DISTINCT i.id) FROM chief_assignment a JOIN patrol_issue i
                        ON i.segment_collection = a.collection AND i.segment_id = a.asset_id
                    WHERE a.chief_id = c.id AND to_char(i.closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = :month),
                   (SELECT count(DISTINCT i.id) FROM chief_assignment a JOIN patrol_issue i
                        ON i.segment_collection = a.collection AND i.segment_id = a.asset_id
                    WHERE a.chief_id = c.id AND i.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date
                      AND i.status <> ALL (ARRAY['rectified', 'closed']))
            FROM chief c ORDER BY c.id""";

    record Expected(long id, String name, String town, int required, int done, int patrols, int found, int closed,
            int overdue) {

        Double pct() {
            return required == 0 ? null : Math.round(done * 1000.0 / required) / 10.0;
        }
    }

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    long townChief;

    long villageChief;

    @BeforeEach
    void patrolsOnTheEdges() {
        townChief = jdbc.sql("SELECT min(id) FROM river_chief WHERE level = 'town'").query(Long.class).single();
        villageChief = jdbc.sql("SELECT min(id) FROM river_chief WHERE level = 'village'").query(Long.class).single();
        // November 2026 in county time: the first and last minute of the month and of its first 旬, and the
        // minutes just outside it.
        patrol(townChief, "2026-10-31T23:59:00+08:00");
        patrol(townChief, "2026-11-01T00:00:00+08:00");
        patrol(townChief, "2026-11-10T23:59:00+08:00");
        patrol(townChief, "2026-11-11T00:00:00+08:00");
        patrol(townChief, "2026-11-30T23:59:00+08:00");
        patrol(townChief, "2026-12-01T00:00:00+08:00");
        patrol(villageChief, "2026-11-28T23:59:00+08:00");
        // The first minute of the current month.
        patrol(townChief, YearMonth.now(COUNTY).atDay(1).atStartOfDay(COUNTY).toOffsetDateTime().toString());
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM patrol WHERE created_by = ?").param(BY).update();
    }

    private void patrol(long chief, String startedAt) {
        jdbc.sql("""
                INSERT INTO patrol (id, chief_id, started_at, ended_at, geom, source, created_by)
                VALUES (gen_random_uuid(), ?, ?::timestamptz, ?::timestamptz + interval '20 minutes',
                        ST_GeomFromText('LINESTRING(116.2 33.2, 116.203 33.2)', 4490), 'gps', ?)
                ON CONFLICT DO NOTHING""")
            .params(chief, startedAt, startedAt, BY)
            .update();
    }

    private Map<Long, Expected> recompute(String month, String today) {
        Map<Long, Expected> expected = new HashMap<>();
        jdbc.sql(RECOMPUTE)
            .param("month", month)
            .param("today", java.time.LocalDate.parse(today))
            .query((rs, n) -> new Expected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                    rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)))
            .list()
            .forEach(e -> expected.put(e.id(), e));
        return expected;
    }

    private static Double pct(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    @Test
    void aFinishedMonthsFiguresAreThoseOfTheRawPatrols() {
        JsonNode bulletin = admin.get("/api/v1/bulletins/2026-11").json();
        Map<Long, Expected> expected = recompute("2026-11", "2026-12-01");
        assertThat(bulletin.get("complete").asBoolean()).isTrue();
        assertThat(bulletin.get("chiefs").size()).isEqualTo(expected.size());
        for (JsonNode chief : bulletin.get("chiefs")) {
            Expected e = expected.get(chief.get("chiefId").asLong());
            String who = e.name() + " (" + e.id() + ")";
            assertThat(chief.get("required").asInt()).as("required of " + who).isEqualTo(e.required());
            assertThat(chief.get("done").asInt()).as("done of " + who).isEqualTo(e.done());
            assertThat(chief.get("patrols").asInt()).as("patrols of " + who).isEqualTo(e.patrols());
            assertThat(pct(chief.get("compliancePct"))).as("compliance of " + who).isEqualTo(e.pct());
            assertThat(chief.get("issuesFound").asInt()).as("found of " + who).isEqualTo(e.found());
            assertThat(chief.get("issuesClosed").asInt()).as("closed of " + who).isEqualTo(e.closed());
            assertThat(chief.get("issuesOverdue").asInt()).as("overdue of " + who).isEqualTo(e.overdue());
        }
        // The edge patrols: the town chief did all three 旬, the village chief one week of four; a chief with no
        // patrol has none of the required done.
        assertThat(expected.get(townChief).done()).isEqualTo(3);
        assertThat(expected.get(townChief).patrols()).isEqualTo(4);
        assertThat(expected.get(villageChief).done()).isEqualTo(1);
        assertThat(expected.values().stream().filter(e -> e.patrols() == 0)).isNotEmpty()
            .allSatisfy(e -> assertThat(e.done()).isZero());
        assertRanking(bulletin, expected);
        assertTowns(bulletin, expected);
    }

    @Test
    void theCurrentMonthIsToDateAndJudgesOnlyThePeriodsOver() throws IOException {
        YearMonth now = YearMonth.now(COUNTY);
        String today = java.time.LocalDate.now(COUNTY).toString();
        JsonNode bulletin = admin.get("/api/v1/bulletins/" + now).json();
        Instant before = Instant.now();
        assertThat(bulletin.get("complete").asBoolean()).isFalse();
        assertThat(Instant.parse(bulletin.get("asOf").asString())).isBetween(before.minusSeconds(60), before);
        Map<Long, Expected> expected = recompute(now.toString(), today);
        for (JsonNode chief : bulletin.get("chiefs")) {
            Expected e = expected.get(chief.get("chiefId").asLong());
            assertThat(chief.get("required").asInt()).as("required of " + e.name()).isEqualTo(e.required());
            assertThat(chief.get("done").asInt()).as("done of " + e.name()).isEqualTo(e.done());
            assertThat(chief.get("patrols").asInt()).as("patrols of " + e.name()).isEqualTo(e.patrols());
            assertThat(pct(chief.get("compliancePct"))).isEqualTo(e.pct());
        }
        assertThat(expected.get(townChief).patrols()).isPositive();
        assertRanking(bulletin, expected);
        assertTowns(bulletin, expected);
        List<String> csv = new String(admin.bytes("/api/v1/bulletins/" + now + ".csv").body(),
                java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(csv).hasSize(bulletin.get("chiefs").size() + 2);
        assertThat(csv.get(csv.size() - 1)).as("the export says its figures are to date").startsWith("注：本月尚未结束，数字截至");
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new ByteArrayInputStream(admin.bytes("/api/v1/bulletins/" + now + ".xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).startsWith("注：本月尚未结束");
        }
        assertThat(admin.get("/api/v1/bulletins/" + now.plusMonths(1)).status()).isEqualTo(400);
    }

    @Test
    void theMonthsIssueTotalsAreThoseOfTheRawIssuesOfEachType() {
        for (String type : List.of("river", "straw_burning", "works_inspection", "warning_station")) {
            for (String month : List.of("2026-09", "2026-10", "2026-11")) {
                JsonNode bulletin = admin.get("/api/v1/bulletins/" + month + "?type=" + type).json();
                Map<String, int[]> byCategory = new HashMap<>();
                jdbc.sql("""
                        SELECT category,
                               count(*) FILTER (WHERE to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = :month),
                               count(*) FILTER (WHERE to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = :month)
                        FROM patrol_issue WHERE patrol_type = :type GROUP BY category""")
                    .param("month", month)
                    .param("type", type)
                    .query(rs -> {
                        byCategory.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
                    });
                int found = 0;
                for (JsonNode line : bulletin.get("issues")) {
                    int[] e = byCategory.getOrDefault(line.get("category").asString(), new int[2]);
                    assertThat(line.get("found").asInt()).as(type + " " + month + " found " + line).isEqualTo(e[0]);
                    assertThat(line.get("closed").asInt()).as(type + " " + month + " closed " + line).isEqualTo(e[1]);
                    found += e[0];
                }
                assertThat(found).as("every issue of " + type + " is in a category of its type")
                    .isEqualTo(byCategory.values().stream().mapToInt(e -> e[0]).sum());
                int overdue = jdbc.sql("""
                        SELECT count(*) FROM patrol_issue WHERE patrol_type = ? AND status NOT IN ('rectified', 'closed')
                          AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date""").param(type).query(Integer.class).single();
                assertThat(bulletin.get("overdueIssues").asInt()).isEqualTo(overdue);
                int escalated = jdbc.sql("""
                        SELECT count(DISTINCT e.issue_id) FROM issue_event e JOIN patrol_issue i ON i.id = e.issue_id
                        WHERE e.kind = 'escalated' AND i.patrol_type = ?
                          AND to_char(e.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ?""").params(type, month).query(Integer.class)
                    .single();
                assertThat(bulletin.get("escalated").asInt()).isEqualTo(escalated);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM patrol_issue WHERE patrol_type = 'straw_burning'").query(Long.class).single())
            .as("the demo's fire spots").isPositive();
    }


    @Test
    void theExportsCarryTheRecomputedFigures() throws IOException {
        Map<Long, Expected> expected = recompute("2026-11", "2026-12-01");
        JsonNode chiefs = admin.get("/api/v1/bulletins/2026-11").json().get("chiefs");
        List<String> lines = new String(admin.bytes("/api/v1/bulletins/2026-11.csv").body(),
                java.nio.charset.StandardCharsets.UTF_8).substring(1).lines().toList();
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new ByteArrayInputStream(admin.bytes("/api/v1/bulletins/2026-11.xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < chiefs.size(); i++) {
                Expected e = expected.get(chiefs.get(i).get("chiefId").asLong());
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(e.name());
                assertThat(row.getCell(4).getNumericCellValue()).as("required of " + e.name()).isEqualTo(e.required());
                assertThat(row.getCell(5).getNumericCellValue()).as("done of " + e.name()).isEqualTo(e.done());
                assertThat(row.getCell(6).getNumericCellValue()).as("patrols of " + e.name()).isEqualTo(e.patrols());
                assertThat(row.getCell(7).getNumericCellValue()).as("compliance of " + e.name()).isEqualTo(e.pct());
                String[] csv = lines.get(i + 1).split(",", -1);
                assertThat(csv[1]).isEqualTo(e.name());
                assertThat(Integer.parseInt(csv[5])).isEqualTo(e.done());
                assertThat(Double.parseDouble(csv[7])).isEqualTo(e.pct());
            }
        }
    }

    /** Ranked are the chiefs with periods judged, by compliance, then issues closed; the rest are not ranked. */
    private static void assertRanking(JsonNode bulletin, Map<Long, Expected> expected) {
        List<Expected> judged = new ArrayList<>(expected.values().stream().filter(e -> e.required() > 0).toList());
        judged.sort(Comparator.comparing(Expected::pct).reversed().thenComparing(Comparator.comparingInt(Expected::closed).reversed()));
        JsonNode ranking = bulletin.get("ranking");
        assertThat(ranking.size()).isEqualTo(judged.size());
        for (int i = 0; i < ranking.size(); i++) {
            JsonNode place = ranking.get(i);
            assertThat(place.get("rank").asInt()).isEqualTo(i + 1);
            Expected e = expected.get(place.get("chiefId").asLong());
            assertThat(pct(place.get("compliancePct"))).as("place " + (i + 1)).isEqualTo(e.pct()).isEqualTo(judged.get(i).pct());
            assertThat(place.get("issuesClosed").asInt()).isEqualTo(judged.get(i).closed());
        }
        for (JsonNode chief : bulletin.get("chiefs")) {
            boolean isJudged = expected.get(chief.get("chiefId").asLong()).required() > 0;
            assertThat(pct(chief.get("rank")) == null).as("unranked " + chief).isEqualTo(!isJudged);
        }
    }

    private static void assertTowns(JsonNode bulletin, Map<Long, Expected> expected) {
        Map<String, int[]> towns = new HashMap<>();
        expected.values().forEach(e -> {
            int[] t = towns.computeIfAbsent(e.town(), k -> new int[3]);
            t[0]++;
            t[1] += e.required();
            t[2] += e.done();
        });
        assertThat(bulletin.get("towns").size()).isEqualTo(towns.size());
        for (JsonNode town : bulletin.get("towns")) {
            int[] t = towns.get(town.get("town").asString());
            assertThat(town.get("chiefs").asInt()).isEqualTo(t[0]);
            assertThat(town.get("required").asInt()).as("required in " + town).isEqualTo(t[1]);
            assertThat(town.get("done").asInt()).as("done in " + town).isEqualTo(t[2]);
            assertThat(pct(town.get("compliancePct"))).isEqualTo(t[1] == 0 ? null : Math.round(t[2] * 1000.0 / t[1]) / 10.0);
        }
    }

}
