package cn.hetu.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Progress says how it is measured, is never a silent 0, and "无项目" is never a project's status. */
@RegistryTest
class ProjectProgressTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    /** The raw rows of a project that its progress is made from. */
    record Raw(long id, String status, String chosen, BigDecimal reportedPct, boolean reported, long milestones,
            long milestonesDone, String measure, BigDecimal target, BigDecimal planned, BigDecimal invested) {
    }

    @Test
    void recomputesEveryProjectsProgressFromTheRawRows() {
        Map<Long, JsonNode> listed = new HashMap<>();
        admin.get("/api/v1/projects?size=500").json().get("items").forEach(p -> listed.put(p.get("id").asLong(), p));
        List<Raw> raws = jdbc.sql("""
                SELECT p.id, p.status, p.progress_method, p.progress_pct, p.progress_reported_at IS NOT NULL,
                       (SELECT count(*) FROM project_milestone m WHERE m.project_id = p.id),
                       (SELECT count(*) FROM project_milestone m WHERE m.project_id = p.id AND m.done_on IS NOT NULL),
                       p.target_measure, p.target_value, p.investment_planned, p.investment_done
                FROM project p ORDER BY p.id""")
            .query((rs, n) -> new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBoolean(5),
                    rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                    rs.getBigDecimal(11)))
            .list();
        assertThat(listed).hasSameSizeAs(raws);
        for (Raw raw : raws) {
            JsonNode progress = listed.get(raw.id()).get("progress");
            String method = expectedMethod(raw);
            assertThat(progress.get("method").asString()).as("method of project %d", raw.id()).isEqualTo(method);
            BigDecimal expected = expectedPct(raw, method);
            if (expected == null) {
                assertThat(progress.get("pct").isNull()).as("project %d has nothing to measure", raw.id()).isTrue();
            }
            else {
                assertThat(progress.get("pct").decimalValue()).as("progress of project %d by %s", raw.id(), method)
                    .isEqualByComparingTo(expected);
                assertThat(listed.get(raw.id()).get("progressPct").decimalValue()).isEqualByComparingTo(expected);
            }
        }
    }

    @Test
    void workUnderWayIsNeverASilentZeroAndCompletedWorkIsWhole() {
        JsonNode items = admin.get("/api/v1/projects?status=under_construction&size=500").json().get("items");
        assertThat(items.size()).isPositive();
        items.forEach(p -> {
            JsonNode progress = p.get("progress");
            assertThat(progress.get("method").asString()).isNotBlank();
            assertThat(progress.get("pct").isNull() || progress.get("pct").asDouble() > 0)
                .as("%s: %s", p.get("name").asString(), progress).isTrue();
        });
        admin.get("/api/v1/projects?status=completed&size=500").json().get("items").forEach(p -> {
            assertThat(p.get("progress").get("pct").asDouble()).as(p.get("name").asString()).isEqualTo(100);
            assertThat(p.get("progress").get("method").asString()).isEqualTo("completed");
        });
        long waterUnderWay = jdbc.sql("""
                SELECT count(*) FROM project WHERE department = 'water' AND status = 'under_construction'
                AND investment_done > 0""").query(Long.class).single();
        assertThat(waterUnderWay).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aReportedFigureSaysWhoReportedItAndWhen() {
        long id = TestProjects.create(admin, jdbc, "XM-TEST-PROG-1");
        JsonNode before = admin.get("/api/v1/projects/" + id).json();
        assertThat(before.get("progress").get("method").asString()).isEqualTo("milestones");
        assertThat(before.get("progress").get("pct").asDouble()).isZero();
        Http.Reply reported = admin.send("PATCH", "/api/v1/projects/" + id,
                "{\"properties\":{\"progress_pct\":35,\"version\":" + before.get("summary").get("version").asInt() + "}}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        JsonNode progress = reported.json().get("progress");
        assertThat(progress.get("method").asString()).isEqualTo("reported");
        assertThat(progress.get("pct").asDouble()).isEqualTo(35);
        assertThat(progress.get("reportedBy").asString()).isEqualTo("admin");
        assertThat(Duration.between(Instant.parse(progress.get("reportedAt").asString()), Instant.now()).abs())
            .isLessThan(Duration.ofMinutes(5));
        Http.Reply byInvestment = admin.send("PATCH", "/api/v1/projects/" + id, """
                {"properties":{"progress_method":"investment","investment_planned":200,"investment_done":50,"version":%d}}"""
            .formatted(reported.json().get("summary").get("version").asInt()));
        assertThat(byInvestment.status()).as(byInvestment.body()).isEqualTo(200);
        assertThat(byInvestment.json().get("progress").get("method").asString()).isEqualTo("investment");
        assertThat(byInvestment.json().get("progress").get("pct").asDouble()).isEqualTo(25);
        jdbc.sql("DELETE FROM project WHERE id = ?").param(id).update();
    }

    @Test
    void noProjectIsEverWithoutAProject() {
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE status = 'none'").query(Long.class).single()).isZero();
        Http.Reply created = admin.post("/api/v1/projects", """
                {"properties":{"code":"XM-TEST-PROG-2","name":"测试","department":"water","category":"service",
                 "year":2026,"status":"none"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.json().get("detail").asString()).contains("none");
        long id = TestProjects.create(admin, jdbc, "XM-TEST-PROG-3");
        Http.Reply moved = admin.post("/api/v1/projects/" + id + "/transitions",
                "{\"to\":\"none\",\"reason\":\"x\",\"version\":" + TestProjects.version(jdbc, id) + "}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(400);
        assertThat(admin.post("/ogc/collections/project/items", """
                {"type":"Feature","geometry":null,"properties":{"code":"XM-TEST-PROG-4","name":"测试","department":"water",
                 "category":"service","year":2026,"status":"none"}}""").status()).isBetween(400, 499);
        assertThatThrownBy(() -> jdbc.sql("UPDATE project SET status = 'none' WHERE id = ?").param(id).update())
            .hasMessageContaining("project");
        jdbc.sql("DELETE FROM project WHERE code LIKE 'XM-TEST-PROG-%'").update();
    }

    private static String expectedMethod(Raw raw) {
        if (raw.status().equals("completed")) {
            return "completed";
        }
        if (raw.chosen() != null) {
            return raw.chosen();
        }
        if (raw.reported()) {
            return "reported";
        }
        if (raw.milestones() > 0) {
            return "milestones";
        }
        return !raw.measure().equals("manual") && positive(raw.target()) ? "assets" : "investment";
    }

    private BigDecimal expectedPct(Raw raw, String method) {
        return switch (method) {
            case "completed" -> BigDecimal.valueOf(100);
            case "reported" -> raw.reported() ? raw.reportedPct() : null;
            case "milestones" -> raw.milestones() == 0 ? null
                    : percent(BigDecimal.valueOf(raw.milestonesDone()), BigDecimal.valueOf(raw.milestones()));
            case "assets" -> raw.measure().equals("manual") || !positive(raw.target()) ? null
                    : percent(measuredFromLinks(raw.id(), raw.measure()), raw.target());
            default -> !positive(raw.planned()) ? null
                    : percent(raw.invested() == null ? BigDecimal.ZERO : raw.invested(), raw.planned());
        };
    }

    /** The target measure from the linked assets, one collection at a time. */
    private BigDecimal measuredFromLinks(long projectId, String measure) {
        if (measure.equals("treated_ditches")) {
            return jdbc.sql("""
                    SELECT count(*) FROM ditch d WHERE d.treated AND d.id IN
                      (SELECT asset_id FROM project_asset WHERE project_id = ? AND collection = 'ditch')""")
                .param(projectId).query(BigDecimal.class).single();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (String collection : jdbc.sql("SELECT DISTINCT collection FROM project_asset WHERE project_id = ?")
            .param(projectId).query(String.class).list()) {
            String value = measure.equals("completed_assets") ? "count(*)::numeric"
                    : "COALESCE(sum(ST_Length(a.geom::geography)), 0)::numeric / 1000";
            total = total.add(jdbc.sql("SELECT " + value + " FROM \"" + collection + "\" a WHERE a.status = 'completed'"
                    + " AND a.id IN (SELECT asset_id FROM project_asset WHERE project_id = ? AND collection = ?)")
                .params(projectId, collection).query(BigDecimal.class).single());
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        BigDecimal pct = part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
        return pct.min(BigDecimal.valueOf(100));
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

}
