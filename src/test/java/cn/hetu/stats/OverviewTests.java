package cn.hetu.stats;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

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
