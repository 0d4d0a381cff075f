package cn.hetu.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's tiles recounted from the raw rows: which indicators a year's plans put on the dashboard,
 * each figure by hand-written SQL (frozen, latest report, or the registry's rows), each status by the rule
 * said again, on the county's day in its own time zone.
 */
@RegistryTest
class DashboardTilesTests {

    private static final int TRIAL_YEAR = 2093;

    /** The registry figures the demo's dashboard shows, by collection and filter, counted a second way. */
    private static final Map<String, String> RAW = Map.of(
            "ditch|treated = true", "SELECT count(*) FROM ditch WHERE treated",
            "ditch|treated_year = :year", "SELECT count(*) FROM ditch WHERE treated_year = :year",
            "bridge|rebuild_year = 2023 AND status = 'completed'", "SELECT count(*) FROM bridge WHERE rebuild_year = 2023 AND status = 'completed'",
            "sluice|standardization = 'certified'", "SELECT count(*) FROM sluice WHERE standardization = 'certified'",
            "sluice|scale = 'small' AND appraisal = 'done'", "SELECT count(*) FROM sluice WHERE scale = 'small' AND appraisal = 'done'",
            "road_node|road = 'G205' AND status = 'completed'", "SELECT count(*) FROM road_node WHERE road = 'G205' AND status = 'completed'",
            "land_parcel|category IN ('approved_unsupplied', 'idle')", rate("'approved_unsupplied', 'idle'"),
            "land_parcel|category = 'inefficient_industrial'", rate("'inefficient_industrial'"));

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTrialPlan() {
        jdbc.sql("DELETE FROM plan WHERE year = ?").param(TRIAL_YEAR).update();
    }

    @Test
    void theTilesOfTheClosedAndTheCurrentYearAreTheirPlansIndicatorsRecounted() {
        LocalDate today = countyToday();
        JsonNode byDefault = admin.get("/api/v1/stats/overview").json().get("tiles");
        assertThat(byDefault.get(0).get("year").asInt()).as("the county's year, in its time zone").isEqualTo(today.getYear());
        for (int year : List.of(2023, today.getYear())) {
            JsonNode tiles = admin.get("/api/v1/stats/overview?year=" + year).json().get("tiles");
            List<Long> expected = jdbc.sql("""
                    SELECT i.id FROM plan_indicator i JOIN plan_task k ON k.id = i.task_id JOIN plan p ON p.id = k.plan_id
                    WHERE p.year = ? AND i.on_dashboard ORDER BY i.id""").param(year).query(Long.class).list();
            assertThat(tiles.valueStream().map(t -> t.get("indicatorId").asLong()).sorted().toList()).as("tiles of " + year)
                .isEqualTo(expected).hasSizeGreaterThan(5);
            for (JsonNode tile : tiles) {
                assertTileIsItsIndicatorRecounted(tile, year, today);
            }
        }
    }

    @Test
    void aFigureOfZeroIsShownAndOneThatCannotBeEvaluatedNever() {
        long task = trialTask();
        long zero = indicator(task, 1, "registry", "'ditch', 'treated_year = " + TRIAL_YEAR + "', 'count'", LocalDate.of(TRIAL_YEAR, 1, 1),
                LocalDate.of(TRIAL_YEAR, 12, 31));
        long gone = indicator(task, 2, "registry", "'pumping_station', NULL, 'count'", LocalDate.of(TRIAL_YEAR, 1, 1),
                LocalDate.of(TRIAL_YEAR, 12, 31));
        Map<Long, JsonNode> tiles = tiles(TRIAL_YEAR);
        assertThat(tiles.get(zero).get("value").asDouble()).isZero();
        assertThat(tiles.get(zero).get("status").asString()).as("a period not begun: nothing is expected yet").isEqualTo("on_track");
        assertThat(tiles.get(zero).get("mapView").asString()).isEqualTo("#/layer/ditch?treated_year=" + TRIAL_YEAR);
        assertThat(tiles.get(gone).get("value")).as("never 0").isNull();
        assertThat(tiles.get(gone).get("status").asString()).isEqualTo("unavailable");
        assertThat(tiles.get(gone).get("problem").asString()).contains("pumping_station");
    }

    /**
     * The deadline is the county's day, whatever the server's clock says: a reported figure short of its
     * target is behind on its deadline day and missed the day after; a report of the county's today is taken.
     */
    @Test
    void theDeadlineIsJudgedOnTheCountysDay() {
        LocalDate today = countyToday();
        long task = trialTask();
        long dueToday = indicator(task, 1, "reported", "NULL, NULL, NULL", today.minusDays(9), today);
        long dueYesterday = indicator(task, 2, "reported", "NULL, NULL, NULL", today.minusDays(10), today.minusDays(1));
        for (long id : List.of(dueToday, dueYesterday)) {
            Http.Reply reported = admin.post("/api/v1/plans/indicators/" + id + "/reports",
                    "{\"value\":4,\"reportedOn\":\"" + today + "\"}");
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        }
        Map<Long, JsonNode> tiles = tiles(TRIAL_YEAR);
        assertThat(tiles.get(dueToday).get("status").asString()).isEqualTo("behind");
        assertThat(tiles.get(dueYesterday).get("status").asString()).isEqualTo("missed");
        assertThat(admin.post("/api/v1/plans/indicators/" + dueToday + "/reports",
                "{\"value\":4,\"reportedOn\":\"" + today.plusDays(1) + "\"}").status()).as("the county's tomorrow").isEqualTo(400);
    }

    private void assertTileIsItsIndicatorRecounted(JsonNode tile, int year, LocalDate today) {
        Map<String, Object> row = jdbc.sql("""
                SELECT i.*, p.closed, p.department AS plan_department FROM plan_indicator i JOIN plan_task k ON k.id = i.task_id
                JOIN plan p ON p.id = k.plan_id WHERE i.id = ?""").param(tile.get("indicatorId").asLong()).query().singleRow();
        String key = row.get("name_zh") + " (" + year + ")";
        assertThat(tile.get("titleZh").asString()).as(key).isEqualTo(row.get("name_zh"));
        assertThat(tile.get("department").asString()).as(key).isEqualTo(row.get("plan_department"));
        assertThat(tile.get("target").asDouble()).as(key).isEqualTo(((Number) row.get("target")).doubleValue());
        Double value = expectedValue(row, year);
        if (value == null) {
            assertThat(tile.get("value")).as(key).isNull();
        }
        else {
            assertThat(tile.get("value").asDouble()).as(key).isEqualTo(value);
        }
        boolean closed = (Boolean) row.get("closed");
        LocalDate start = ((java.sql.Date) row.get("period_start")).toLocalDate();
        LocalDate deadline = ((java.sql.Date) row.get("deadline")).toLocalDate();
        assertThat(tile.get("status").asString()).as(key).isEqualTo(status(value, ((Number) row.get("target")).doubleValue(),
                row.get("comparison").equals("at_least"), start, deadline, closed ? deadline.plusDays(1) : today));
    }

    private Double expectedValue(Map<String, Object> row, int year) {
        if ((Boolean) row.get("closed")) {
            return row.get("frozen_value") == null ? null : ((Number) row.get("frozen_value")).doubleValue();
        }
        if (row.get("measurement").equals("reported")) {
            return jdbc.sql("SELECT value FROM indicator_report WHERE indicator_id = ? ORDER BY reported_on DESC, id DESC LIMIT 1")
                .param(row.get("id")).query(Double.class).optional().orElse(null);
        }
        String filter = ((String) row.get("filter")).replace(String.valueOf(year), ":year");
        String sql = RAW.get(row.get("collection") + "|" + filter);
        assertThat(sql).as("a hand-written count for " + row.get("collection") + " " + row.get("filter")).isNotNull();
        if (!sql.contains(":year")) {
            return jdbc.sql(sql).query(Double.class).optional().orElse(null);
        }
        return jdbc.sql(sql).param("year", year).query(Double.class).optional().orElse(null);
    }

    /** The disposal rate of the year's frozen stock in the categories, in % to one decimal; null without a stock. */
    private static String rate(String categories) {
        return """
                SELECT round((sum(b.area_m2) FILTER (WHERE p.disposed_on >= make_date(:year, 1, 1)
                                                     AND p.disposed_on < make_date(:year + 1, 1, 1)) * 1000
                              / NULLIF(sum(b.area_m2), 0))::numeric)::float8 / 10
                FROM disposal_baseline b LEFT JOIN land_parcel p ON p.id = b.parcel_id
                WHERE b.year = :year AND b.category IN (%s)""".formatted(categories);
    }

    /** The status rule said again: even progress over the period, met or missed once it is over. */
    private static String status(Double value, double target, boolean atLeast, LocalDate start, LocalDate deadline, LocalDate today) {
        if (value == null) {
            return "unavailable";
        }
        boolean met = atLeast ? value >= target : value <= target;
        if (today.isAfter(deadline)) {
            return met ? "done" : "missed";
        }
        if (!atLeast) {
            return met ? "on_track" : "behind";
        }
        double share = today.isBefore(start) ? 0
                : (ChronoUnit.DAYS.between(start, today) + 1.0) / (ChronoUnit.DAYS.between(start, deadline) + 1.0);
        return met ? "done" : value >= target * share ? "on_track" : "behind";
    }

    private LocalDate countyToday() {
        return LocalDate.now(ZoneId.of(admin.get("/api/v1/county").json().get("timeZone").asString()));
    }

    private Map<Long, JsonNode> tiles(int year) {
        Map<Long, JsonNode> tiles = new java.util.HashMap<>();
        admin.get("/api/v1/stats/overview?year=" + year).json().get("tiles").forEach(t -> tiles.put(t.get("indicatorId").asLong(), t));
        return tiles;
    }

    private long trialTask() {
        long plan = jdbc.sql("INSERT INTO plan (department, year, title) VALUES ('natres', ?, '驾驶舱测试') RETURNING id")
            .param(TRIAL_YEAR).query(Long.class).single();
        return jdbc.sql("INSERT INTO plan_task (plan_id, seq, title, responsible) VALUES (?, 1, '驾驶舱测试', 'natres') RETURNING id")
            .param(plan).query(Long.class).single();
    }

    /** An indicator on the dashboard with a target of 10: {@code registry} is "collection, filter, aggregate" as SQL. */
    private long indicator(long task, int seq, String measurement, String registry, LocalDate start, LocalDate deadline) {
        return jdbc.sql("""
                INSERT INTO plan_indicator (task_id, seq, name_zh, kind, unit, target, period_start, deadline, measurement,
                    collection, filter, aggregate, on_dashboard)
                VALUES (?, ?, '驾驶舱测试指标', 'count', '个', 10, ?, ?, ?, %s, true) RETURNING id""".formatted(registry))
            .params(task, seq, start, deadline, measurement).query(Long.class).single();
    }

}
