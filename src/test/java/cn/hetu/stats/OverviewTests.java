package cn.hetu.stats;

import java.time.LocalDate;
import java.time.ZoneId;
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

        assertThat(overview.get("planYears").toString()).as("the years a dashboard is shown for")
            .isEqualTo(jdbc.sql("SELECT DISTINCT year FROM plan ORDER BY year DESC").query(Integer.class).list().toString().replace(" ", ""));
        // The tiles come from the plans: DashboardTilesTests recounts them.
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
