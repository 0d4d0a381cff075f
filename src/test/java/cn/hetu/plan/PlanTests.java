package cn.hetu.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class PlanTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    /** The demo county's time zone (geodata/county.json). */
    private static final ZoneId DEMO_COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private static final int YEAR = LocalDate.now(DEMO_COUNTY_TIME).getYear();

    /**
     * Each registry figure of the seeded plans, counted a second way: hand-written SQL per indicator over the
     * raw rows, with the indicator found by department, task and number as the seed documents give them.
     */
    private static final Map<String, String> RAW = Map.of(
            "water/3/1", "SELECT count(*) FROM ditch WHERE treated_year = :year",
            "water/3/2", "SELECT count(*) FROM ditch WHERE treated",
            "water/5/2", "SELECT count(*) FROM bridge WHERE rebuild_year = 2023 AND status = 'completed'",
            "water/11/1", "SELECT count(*) FROM sluice WHERE standardization = 'certified'",
            "water/12/1", "SELECT count(*) FROM sluice WHERE scale = 'small' AND appraisal = 'done'",
            "water/12/2", "SELECT count(*) FROM sluice WHERE maintenance_planned AND status = 'completed'",
            "donglinxi/5/1", "SELECT count(*) FROM road_node WHERE road = 'G205' AND status = 'completed'");

    @Test
    void thisYearsRegistryFiguresAreThoseOfTheRawRows() {
        JsonNode plans = admin.get("/api/v1/plans?year=" + YEAR).json();
        assertThat(plans.size()).as("every department copied its 2023 plan to this year").isEqualTo(5);
        Map<String, JsonNode> indicators = indicators(plans);
        RAW.forEach((key, sql) -> {
            double raw = jdbc.sql(sql).params(sql.contains(":year") ? Map.of("year", YEAR) : Map.of()).query(Double.class).single();
            assertThat(indicators.get(key).get("value").asDouble()).as(key).isEqualTo(raw);
            assertThat(indicators.get(key).get("status").asString()).as(key).isEqualTo(expectedStatus(indicators.get(key)));
        });
        for (String key : List.of("natres/7/1", "natres/7/2")) {
            String[] categories = key.endsWith("1") ? new String[] { "approved_unsupplied", "idle" }
                    : new String[] { "inefficient_industrial" };
            Map<String, Object> e = jdbc.sql("""
                    SELECT COALESCE(sum(b.area_m2), 0) AS stock,
                           COALESCE(sum(b.area_m2) FILTER (WHERE p.disposed_on >= make_date(:year, 1, 1)
                                                             AND p.disposed_on < make_date(:year + 1, 1, 1)), 0) AS done
                    FROM disposal_baseline b LEFT JOIN land_parcel p ON p.id = b.parcel_id
                    WHERE b.year = :year AND b.category = ANY (:categories)""")
                .param("year", YEAR).param("categories", categories).query().singleRow();
            double expected = Math.round(number(e, "done") * 1000 / number(e, "stock")) / 10.0;
            assertThat(indicators.get(key).get("value").asDouble()).as(key).isEqualTo(expected);
            JsonNode rate = admin.get("/api/v1/parcels/disposal-rate?year=" + YEAR).json();
            assertThat(rate.get("county").get(key.endsWith("1") ? 0 : 1).get("ratePct").asDouble())
                .as("the parcels' rate page shows the same figure").isEqualTo(expected);
        }
    }

    @Test
    void aReportedFigureIsTheLatestReport() {
        Map<String, JsonNode> indicators = indicators(admin.get("/api/v1/plans?year=" + YEAR).json());
        for (JsonNode indicator : indicators.values()) {
            if (!indicator.get("measurement").asString().equals("reported")) {
                continue;
            }
            Double latest = jdbc.sql("""
                    SELECT value FROM indicator_report WHERE indicator_id = ? ORDER BY reported_on DESC, id DESC LIMIT 1""")
                .param(indicator.get("id").asLong()).query(Double.class).optional().orElse(null);
            if (latest == null) {
                assertThat(noValue(indicator)).as("never 0 without a report").isTrue();
                assertThat(indicator.get("status").asString()).isEqualTo("unavailable");
            }
            else {
                assertThat(indicator.get("value").asDouble()).isEqualTo(latest);
            }
        }
    }

    @Test
    void theClosedYearShowsItsFrozenFigures() {
        JsonNode plans = admin.get("/api/v1/plans?year=2023").json();
        assertThat(plans.size()).isEqualTo(5);
        int tasks = 0;
        for (JsonNode plan : plans) {
            assertThat(plan.get("closed").asBoolean()).isTrue();
            tasks += plan.get("tasks").size();
        }
        assertThat(tasks).as("every numbered task of the five documents").isEqualTo(40);
        Map<String, JsonNode> indicators = indicators(plans);
        for (JsonNode indicator : indicators.values()) {
            Double frozen = jdbc.sql("SELECT frozen_value FROM plan_indicator WHERE id = ?").param(indicator.get("id").asLong())
                .query(Double.class).optional().orElse(null);
            assertThat(indicator.get("frozen").asBoolean()).isTrue();
            if (frozen == null) {
                assertThat(noValue(indicator)).isTrue();
                assertThat(indicator.get("status").asString()).isEqualTo("unavailable");
            }
            else {
                assertThat(indicator.get("value").asDouble()).isEqualTo(frozen);
                assertThat(indicator.get("status").asString()).isIn("done", "missed");
            }
        }
        assertThat(indicators.get("water/1/1").get("value").asDouble()).isEqualTo(12.53);
        assertThat(indicators.get("water/3/1").get("target").asDouble()).isEqualTo(95);
        assertThat(indicators.get("water/5/2").get("target").asDouble()).isEqualTo(36);
        assertThat(indicators.get("donglinxi/5/1").get("status").asString()).isEqualTo("done");
        JsonNode rate2023 = indicators.get("natres/7/1");
        assertThat(noValue(rate2023)).as("no stock was frozen for 2023: unknown, never 0").isTrue();
        assertThat(rate2023.get("status").asString()).isEqualTo("unavailable");
    }

    @Test
    void theDashboardTilesAreTheYearsPlanIndicators() {
        for (int year : List.of(2023, YEAR)) {
            JsonNode tiles = admin.get("/api/v1/stats/overview?year=" + year).json().get("tiles");
            Map<String, JsonNode> indicators = indicators(admin.get("/api/v1/plans?year=" + year).json());
            long onDashboard = indicators.values().stream().filter(i -> i.get("onDashboard").asBoolean()).count();
            assertThat(tiles.size()).isEqualTo((int) onDashboard).isGreaterThan(5);
            Map<Long, JsonNode> byId = new HashMap<>();
            indicators.values().forEach(i -> byId.put(i.get("id").asLong(), i));
            for (JsonNode tile : tiles) {
                JsonNode indicator = byId.get(tile.get("indicatorId").asLong());
                assertThat(tile.get("titleZh").asString()).isEqualTo(indicator.get("nameZh").asString());
                assertThat(tile.get("target").asDouble()).isEqualTo(indicator.get("target").asDouble());
                assertThat(tile.get("value")).isEqualTo(indicator.get("value"));
                assertThat(tile.get("status").asString()).isEqualTo(indicator.get("status").asString());
                assertThat(tile.get("year").asInt()).isEqualTo(year);
            }
        }
        assertThat(admin.get("/api/v1/stats/overview?year=2031").json().get("tiles").size()).as("a year without plans").isZero();
    }

    @Test
    void aMeasurementTheServerCannotEvaluateIsRefusedOnSaveWithTheReason() {
        long task = taskId("water", YEAR, 3);
        String base = """
                {"nameZh":"测试指标","kind":"%s","unit":"%s","target":5,"periodStart":"%d-01-01","deadline":"%d-12-31",
                 "measurement":"registry","collection":"%s","filter":"%s","aggregate":"%s"}""";
        Http.Reply badFilter = admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("count", "条", YEAR, YEAR, "ditch", "no_such_column = 1", "count"));
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(badFilter.json().get("parameter").asString()).isEqualTo("filter");
        assertThat(badFilter.json().get("detail").asString()).contains("no_such_column");
        Http.Reply unparsable = admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("count", "条", YEAR, YEAR, "ditch", "treated = = true", "count"));
        assertThat(unparsable.status()).isEqualTo(422);
        Http.Reply gone = admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("count", "座", YEAR, YEAR, "pumping_station", "", "count"));
        assertThat(gone.status()).isEqualTo(422);
        assertThat(gone.json().get("detail").asString()).contains("pumping_station");
        Http.Reply noLength = admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("length", "km", YEAR, YEAR, "sluice", "", "sum_length"));
        assertThat(noLength.status()).isEqualTo(422);
        assertThat(noLength.json().get("detail").asString()).contains("length_m");
        assertThat(admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("length", "条", YEAR, YEAR, "ditch", "", "sum_length")).status()).as("a length in 条").isEqualTo(400);
        assertThat(admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("count", "条", YEAR, YEAR, "ditch", "", "sum_length")).status()).as("a count summed").isEqualTo(422);
        assertThat(admin.post("/api/v1/plans/tasks/" + task + "/indicators",
                base.formatted("count", "条", YEAR, YEAR, "patrol", "", "count")).status()).as("records are not measured").isEqualTo(422);
    }

    @Test
    void aLengthIsSummedInTheIndicatorsUnitAndZeroIsAFigure() {
        long task = taskId("water", YEAR, 15);
        Http.Reply km = admin.post("/api/v1/plans/tasks/" + task + "/indicators", """
                {"nameZh":"包河大中沟长度","kind":"length","unit":"km","target":5,"periodStart":"%d-01-01","deadline":"%d-12-31",
                 "measurement":"registry","collection":"ditch","filter":"river = '包河' AND treated = true","aggregate":"sum_length"}"""
            .formatted(YEAR, YEAR));
        assertThat(km.status()).as(km.body()).isEqualTo(201);
        double metres = jdbc.sql("SELECT COALESCE(sum(length_m), 0) FROM ditch WHERE river = '包河' AND treated").query(Double.class).single();
        assertThat(km.json().get("value").asDouble()).isEqualTo(Math.round(metres / 1000 * 100) / 100.0);
        assertThat(km.json().get("mapView").asString()).isEqualTo("#/layer/ditch?river=%E5%8C%85%E6%B2%B3&treated=true");
        Http.Reply none = admin.post("/api/v1/plans/tasks/" + task + "/indicators", """
                {"nameZh":"无此河","kind":"count","unit":"条","target":3,"periodStart":"%d-01-01","deadline":"%d-12-31",
                 "measurement":"registry","collection":"ditch","filter":"river = '无此河'","aggregate":"count"}""".formatted(YEAR, YEAR));
        assertThat(none.json().get("value").asDouble()).isZero();
        assertThat(none.json().get("status").asString()).isEqualTo(expectedStatus(none.json()));
        jdbc.sql("DELETE FROM plan_indicator WHERE id IN (?, ?)").params(km.json().get("id").asLong(), none.json().get("id").asLong())
            .update();
    }

    @Test
    void anIndicatorWhoseCollectionIsGoneShowsAsSuchNeverZero() {
        long task = taskId("water", YEAR, 13);
        long id = jdbc.sql("""
                INSERT INTO plan_indicator (task_id, seq, name_zh, kind, unit, target, period_start, deadline, measurement, collection, aggregate)
                VALUES (?, 99, '泵站数量', 'count', '座', 3, ?, ?, 'registry', 'pumping_station', 'count') RETURNING id""")
            .params(task, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)).query(Long.class).single();
        try {
            JsonNode indicator = indicators(admin.get("/api/v1/plans?year=" + YEAR + "&department=water").json()).get("water/13/99");
            assertThat(indicator.get("id").asLong()).isEqualTo(id);
            assertThat(noValue(indicator)).isTrue();
            assertThat(indicator.get("status").asString()).isEqualTo("unavailable");
            assertThat(indicator.get("problem").asString()).contains("pumping_station");
        }
        finally {
            jdbc.sql("DELETE FROM plan_indicator WHERE id = ?").param(id).update();
        }
    }

    @Test
    void reportedValuesAreValidatedAgainstTheUnitAndKeptWithTheirHistory() {
        Http water = TestAccounts.waterEditor(admin);
        long percent = indicatorId("water", YEAR, 4, 1);
        long length = indicatorId("water", YEAR, 1, 2);
        long count = indicatorId("water", YEAR, 8, 1);
        String path = "/api/v1/plans/indicators/%d/reports";
        assertThat(water.post(path.formatted(percent), "{\"value\":120,\"reportedOn\":\"2026-03-01\"}").status()).isEqualTo(400);
        assertThat(water.post(path.formatted(length), "{\"value\":-1,\"reportedOn\":\"2026-03-01\"}").status()).isEqualTo(400);
        assertThat(water.post(path.formatted(count), "{\"value\":2.5,\"reportedOn\":\"2026-03-01\"}").status()).isEqualTo(400);
        String tomorrow = LocalDate.now(DEMO_COUNTY_TIME).plusDays(1).toString();
        Http.Reply future = water.post(path.formatted(count), "{\"value\":3,\"reportedOn\":\"" + tomorrow + "\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("parameter").asString()).isEqualTo("reportedOn");
        assertThat(water.post(path.formatted(indicatorId("water", YEAR, 3, 1)), "{\"value\":3,\"reportedOn\":\"2026-03-01\"}").status())
            .as("a registry figure is not reported").isEqualTo(409);
        assertThat(TestAccounts.natresEditor(admin).post(path.formatted(count), "{\"value\":3,\"reportedOn\":\"2026-03-01\"}").status())
            .as("another department").isEqualTo(403);
        int before = jdbc.sql("SELECT count(*) FROM indicator_report WHERE indicator_id = ?").param(count).query(Integer.class).single();
        Http.Reply ok = water.post(path.formatted(count), "{\"value\":11,\"reportedOn\":\"" + LocalDate.now(DEMO_COUNTY_TIME) + "\",\"note\":\"十一月通报\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("value").asDouble()).isEqualTo(11);
        assertThat(ok.json().get("reports").size()).isEqualTo(before + 1);
        assertThat(ok.json().get("reports").get(0).get("reportedBy").asString()).isEqualTo("water_editor");
    }

    @Test
    void aReportCarriesItsEvidenceFileJudgedByItsContent() {
        long indicator = indicatorId("approval", YEAR, 2, 1);
        // A script's upload: a bearer token needs no CSRF token.
        Http script = admin.withToken(admin.post("/api/v1/me/tokens", "{\"name\":\"plan evidence\"}").json().get("token").asString());
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 };
        Http.Reply fake = script.post("/api/v1/plans/indicators/" + indicator + "/reports",
                multipart("18", "text pretending".getBytes(StandardCharsets.UTF_8), "image/png"), CONTENT_TYPE);
        assertThat(fake.status()).isEqualTo(415);
        Http.Reply ok = script.post("/api/v1/plans/indicators/" + indicator + "/reports", multipart("18", png, "image/png"),
                CONTENT_TYPE);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        JsonNode report = ok.json().get("reports").get(0);
        assertThat(report.get("evidenceName").asString()).isEqualTo("服务站照片.png");
        var file = admin.bytes(report.get("evidenceUrl").asString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static final String BOUNDARY = "plan-test-boundary";

    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private static byte[] multipart(String value, byte[] file, String contentType) {
        String head = "--%1$s\r\nContent-Disposition: form-data; name=\"value\"\r\n\r\n%2$s\r\n"
                + "--%1$s\r\nContent-Disposition: form-data; name=\"reportedOn\"\r\n\r\n%3$s\r\n"
                + "--%1$s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"服务站照片.png\"\r\nContent-Type: %4$s\r\n\r\n";
        byte[] start = head.formatted(BOUNDARY, value, LocalDate.now(DEMO_COUNTY_TIME), contentType).getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(file, 0, body, start.length, file.length);
        System.arraycopy(end, 0, body, start.length + file.length, end.length);
        return body;
    }

    @Test
    void aClosedYearChangesOnlyByAnAdministratorAndTheChangeIsAudited() {
        long id = indicatorId("water", 2023, 3, 1);
        JsonNode current = indicators(admin.get("/api/v1/plans?year=2023&department=water").json()).get("water/3/1");
        String body = """
                {"nameZh":"2023年计划治理大中沟","kind":"count","unit":"条","target":96,"periodStart":"2023-01-01",
                 "deadline":"2023-12-31","measurement":"registry","collection":"ditch",
                 "filter":"planned_year = 2023 AND treated = true","aggregate":"count","onDashboard":true,"version":%d}"""
            .formatted(current.get("version").asInt());
        Http.Reply editor = TestAccounts.waterEditor(admin).send("PUT", "/api/v1/plans/indicators/" + id, body);
        assertThat(editor.status()).isEqualTo(403);
        assertThat(editor.json().get("detail").asString()).contains("closed");
        long audited = jdbc.sql("SELECT count(*) FROM audit_log WHERE collection = 'plan_indicator' AND feature_id = ? AND username = 'admin'")
            .param(id).query(Long.class).single();
        Http.Reply byAdmin = admin.send("PUT", "/api/v1/plans/indicators/" + id, body);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(byAdmin.json().get("target").asDouble()).isEqualTo(96);
        assertThat(byAdmin.json().get("value")).as("still the frozen figure").isEqualTo(current.get("value"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE collection = 'plan_indicator' AND feature_id = ? AND username = 'admin'")
            .param(id).query(Long.class).single()).isEqualTo(audited + 1);
        admin.send("PUT", "/api/v1/plans/indicators/" + id, body.replace("\"target\":96", "\"target\":95")
            .replace("\"version\":" + current.get("version").asInt(), "\"version\":" + (current.get("version").asInt() + 1)));
    }

    @Test
    void aPlanIsCopiedToTheNextYearWithTheYearOfItsFiltersMoved() {
        long source = planId("approval", YEAR);
        Http.Reply copy = TestAccounts.waterEditor(admin).post("/api/v1/plans/" + source + "/copy", null);
        assertThat(copy.status()).as("another department's plan").isEqualTo(403);
        long water = planId("water", YEAR);
        Http.Reply copied = TestAccounts.waterEditor(admin).post("/api/v1/plans/" + water + "/copy", null);
        assertThat(copied.status()).as(copied.body()).isEqualTo(201);
        JsonNode plan = copied.json();
        assertThat(plan.get("year").asInt()).isEqualTo(YEAR + 1);
        assertThat(plan.get("copiedFrom").asLong()).isEqualTo(water);
        Map<String, JsonNode> indicators = indicators(admin.get("/api/v1/plans?year=" + (YEAR + 1)).json());
        assertThat(indicators.get("water/3/1").get("filter").asString()).isEqualTo("treated_year = " + (YEAR + 1));
        assertThat(indicators.get("water/3/1").get("deadline").asString()).isEqualTo((YEAR + 1) + "-12-31");
        assertThat(admin.post("/api/v1/plans/" + water + "/copy", null).status()).as("the year has a plan").isEqualTo(409);
        jdbc.sql("DELETE FROM plan WHERE id = ?").param(plan.get("id").asLong()).update();
    }

    @Test
    void theProgressReportIsASpreadsheet() {
        var reply = admin.bytes("/api/v1/plans/" + planId("water", 2023) + "/report.xlsx");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(reply.body()[0]).isEqualTo((byte) 'P');
    }

    /** The status rule said again: even progress over the period, met or missed once it is over. */
    private static String expectedStatus(JsonNode indicator) {
        if (noValue(indicator)) {
            return "unavailable";
        }
        double value = indicator.get("value").asDouble();
        double target = indicator.get("target").asDouble();
        boolean atLeast = indicator.get("comparison").asString().equals("at_least");
        LocalDate start = LocalDate.parse(indicator.get("periodStart").asString());
        LocalDate deadline = LocalDate.parse(indicator.get("deadline").asString());
        LocalDate today = indicator.get("frozen").asBoolean() ? deadline.plusDays(1) : LocalDate.now(DEMO_COUNTY_TIME);
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

    /** Null figures are left out of the JSON, like every null. */
    private static boolean noValue(JsonNode indicator) {
        return indicator.get("value") == null || indicator.get("value").isNull();
    }

    /** The indicators of the plans by department/task/number. */
    private static Map<String, JsonNode> indicators(JsonNode plans) {
        Map<String, JsonNode> all = new HashMap<>();
        for (JsonNode plan : plans) {
            for (JsonNode task : plan.get("tasks")) {
                for (JsonNode i : task.get("indicators")) {
                    all.put(plan.get("department").asString() + "/" + task.get("seq").asInt() + "/" + i.get("seq").asInt(), i);
                }
            }
        }
        return all;
    }

    private long planId(String department, int year) {
        return jdbc.sql("SELECT id FROM plan WHERE department = ? AND year = ?").params(department, year).query(Long.class).single();
    }

    private long taskId(String department, int year, int seq) {
        return jdbc.sql("SELECT k.id FROM plan_task k JOIN plan p ON p.id = k.plan_id WHERE p.department = ? AND p.year = ? AND k.seq = ?")
            .params(department, year, seq).query(Long.class).single();
    }

    private long indicatorId(String department, int year, int task, int seq) {
        return jdbc.sql("SELECT id FROM plan_indicator WHERE task_id = ? AND seq = ?").params(taskId(department, year, task), seq)
            .query(Long.class).single();
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

}
