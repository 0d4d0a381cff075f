package cn.hetu.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class OverviewTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsThePlansOwnFiguresAgainstTheirTargets() {
        JsonNode overview = admin.get("/api/v1/stats/overview").json();
        Map<String, JsonNode> tiles = new HashMap<>();
        overview.get("tiles").forEach(t -> tiles.put(t.get("key").asString(), t));
        assertThat(tiles.get("ditches_treated").get("value").asInt()).isEqualTo(135);
        assertThat(tiles.get("ditches_treated").get("target").asInt()).isEqualTo(544);
        assertThat(tiles.get("ditches_plan_2023").get("target").asInt()).isEqualTo(95);
        assertThat(tiles.get("sluice_standardization").get("target").asInt()).isEqualTo(7);
        assertThat(tiles.get("small_sluice_appraisal").get("target").asInt()).isEqualTo(6);
        assertThat(tiles.get("dangerous_bridges_rebuilt").get("target").asInt()).isEqualTo(36);
        assertThat(tiles.get("disposal_idle_unsupplied").get("target").asDouble()).isEqualTo(20.0);
        assertThat(tiles.get("disposal_inefficient").get("value").asDouble()).isBetween(0.0, 100.0);
        tiles.values().forEach(t -> assertThat(t.get("mapView").asString()).startsWith("#/"));
    }

    /** Every figure of the dashboard, counted a second way from the raw rows. */
    @Test
    void everyFigureIsThatOfTheRawRows() {
        JsonNode overview = admin.get("/api/v1/stats/overview").json();
        Map<String, Object> projects = jdbc.sql("""
                SELECT count(*) AS n, COALESCE(sum(investment_planned), 0)::float8 AS planned,
                       COALESCE(sum(investment_done), 0)::float8 AS done FROM project""").query().singleRow();
        assertThat(overview.get("projects").asLong()).isEqualTo(((Number) projects.get("n")).longValue());
        assertThat(overview.get("investmentPlanned").asDouble()).isCloseTo(number(projects, "planned"), offset(0.01));
        assertThat(overview.get("investmentDone").asDouble()).isCloseTo(number(projects, "done"), offset(0.01));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long overdue = jdbc.sql("SELECT count(*) FILTER (WHERE done_on IS NULL AND due_on < ?) FROM project_milestone")
            .param(today)
            .query(Long.class)
            .single();
        assertThat(overview.get("overdueMilestones").asLong()).as("milestones overdue on the county's today").isEqualTo(overdue);
        assertGroupsMatchTheProjects(overview.get("projectsByStatus"), "status");
        assertGroupsMatchTheProjects(overview.get("projectsByDepartment"), "department");
        overview.get("assets").properties().forEach(asset -> assertThat(asset.getValue().asLong()).as(asset.getKey())
            .isEqualTo(jdbc.sql("SELECT count(*) FROM " + asset.getKey()).query(Long.class).single()));

        Map<String, JsonNode> tiles = new HashMap<>();
        overview.get("tiles").forEach(t -> tiles.put(t.get("key").asString(), t));
        Map<String, Object> ditch = jdbc.sql("""
                SELECT count(*) AS all, count(*) FILTER (WHERE treated) AS treated,
                       count(*) FILTER (WHERE planned_year = 2023) AS plan, count(*) FILTER (WHERE planned_year = 2023 AND treated) AS plan_done
                FROM ditch""").query().singleRow();
        assertTile(tiles.get("ditches_treated"), number(ditch, "treated"), number(ditch, "all"));
        assertTile(tiles.get("ditches_plan_2023"), number(ditch, "plan_done"), number(ditch, "plan"));
        Map<String, Object> sluice = jdbc.sql("""
                SELECT count(*) FILTER (WHERE standardization IN ('planned', 'in_progress', 'certified')) AS creating,
                       count(*) FILTER (WHERE standardization = 'certified') AS certified,
                       count(*) FILTER (WHERE scale = 'small' AND (appraisal = 'planned' OR appraised_on >= '2023-01-01')) AS due,
                       count(*) FILTER (WHERE scale = 'small' AND appraisal = 'done' AND appraised_on >= '2023-01-01') AS done
                FROM sluice""").query().singleRow();
        assertTile(tiles.get("sluice_standardization"), number(sluice, "certified"), number(sluice, "creating"));
        assertTile(tiles.get("small_sluice_appraisal"), number(sluice, "done"), number(sluice, "due"));
        Map<String, Object> bridge = jdbc.sql("""
                SELECT count(*) FILTER (WHERE rebuild_year IS NOT NULL) AS planned,
                       count(*) FILTER (WHERE rebuild_year IS NOT NULL AND status = 'completed') AS rebuilt FROM bridge""")
            .query().singleRow();
        assertTile(tiles.get("dangerous_bridges_rebuilt"), number(bridge, "rebuilt"), number(bridge, "planned"));

        int year = today.getYear();
        JsonNode rate = admin.get("/api/v1/parcels/disposal-rate?year=" + year).json();
        assertThat(rate.get("hasBaseline").asBoolean()).as("the job froze this year").isTrue();
        for (int group = 0; group < 2; group++) {
            JsonNode tile = tiles.get(group == 0 ? "disposal_idle_unsupplied" : "disposal_inefficient");
            String[] categories = group == 0 ? new String[] { "approved_unsupplied", "idle" }
                    : new String[] { "inefficient_industrial" };
            Map<String, Object> e = jdbc.sql("""
                    SELECT COALESCE(sum(b.area_m2), 0) AS stock,
                           COALESCE(sum(b.area_m2) FILTER (WHERE p.disposed_on >= make_date(:year, 1, 1)
                                                             AND p.disposed_on < make_date(:year + 1, 1, 1)), 0) AS done
                    FROM disposal_baseline b LEFT JOIN land_parcel p ON p.id = b.parcel_id
                    WHERE b.year = :year AND b.category = ANY (:categories)""")
                .param("year", year).param("categories", categories).query().singleRow();
            double expected = Math.round(number(e, "done") * 1000 / number(e, "stock")) / 10.0;
            assertThat(tile.get("year").asInt()).isEqualTo(year);
            assertThat(tile.get("titleZh").asString()).startsWith(year + "年");
            assertThat(tile.get("value").asDouble()).as(tile.get("key").asString()).isEqualTo(expected);
            assertThat(tile.get("target").asDouble()).isEqualTo(20.0);
            assertThat(rate.get("county").get(group).get("ratePct").asDouble()).as("the rate page shows the same figure")
                .isEqualTo(expected);
        }
    }

    private static void assertTile(JsonNode tile, double value, double target) {
        assertThat(tile.get("value").asDouble()).as(tile.get("key").asString()).isEqualTo(value);
        assertThat(tile.get("target").asDouble()).as(tile.get("key").asString()).isEqualTo(target);
    }

    /** Each group's project count and investment, recounted from the projects with that value in {@code column}. */
    private void assertGroupsMatchTheProjects(JsonNode groups, String column) {
        for (JsonNode group : groups) {
            Map<String, Object> e = jdbc.sql("""
                    SELECT count(*) AS n, COALESCE(sum(investment_planned), 0)::float8 AS planned,
                           COALESCE(sum(investment_done), 0)::float8 AS done FROM project WHERE %s = ?""".formatted(column))
                .param(group.get(column).asString()).query().singleRow();
            assertThat(group.get("count").asLong()).as(column).isEqualTo(((Number) e.get("n")).longValue());
            assertThat(group.get("investmentPlanned").asDouble()).isCloseTo(number(e, "planned"), offset(0.01));
            assertThat(group.get("investmentDone").asDouble()).isCloseTo(number(e, "done"), offset(0.01));
        }
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    @Test
    void countsProjectsAndInvestmentByStatusAndDepartment() {
        JsonNode overview = admin.get("/api/v1/stats/overview").json();
        long projects = jdbc.sql("SELECT count(*) FROM project").query(Long.class).single();
        assertThat(overview.get("projects").asLong()).isEqualTo(projects);
        long byStatus = 0;
        for (JsonNode s : overview.get("projectsByStatus")) {
            byStatus += s.get("count").asLong();
        }
        assertThat(byStatus).isEqualTo(projects);
        double planned = jdbc.sql("SELECT COALESCE(sum(investment_planned), 0)::float8 FROM project").query(Double.class)
            .single();
        assertThat(overview.get("investmentPlanned").asDouble()).isCloseTo(planned, org.assertj.core.data.Offset.offset(0.01));
        assertThat(overview.get("projectsByDepartment").size()).isEqualTo(5);
        assertThat(admin.anonymous().get("/api/v1/stats/overview").status()).isEqualTo(401);
    }

}
