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

/** Every count shown under a filter counts the filtered set, as the map's legend shows it. */
@RegistryTest
class CountsTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStatusCountsOfAFilteredLayerSumToItsFilteredTotal() {
        Map<String, Long> expected = byStatus("SELECT status, count(*) FROM ditch WHERE treated GROUP BY status");
        long total = jdbc.sql("SELECT count(*) FROM ditch WHERE treated").query(Long.class).single();
        Http.Reply reply = admin.get("/api/v1/stats/counts/ditch?treated=true");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(counts(reply.json())).isEqualTo(expected);
        assertThat(counts(reply.json()).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total)
            .isLessThan(jdbc.sql("SELECT count(*) FROM ditch").query(Long.class).single());

        Map<String, Long> water = byStatus("""
                SELECT status, count(*) FROM sluice WHERE standardization = 'in_progress' AND department = 'water'
                GROUP BY status""");
        assertThat(counts(admin.get("/api/v1/stats/counts/sluice?standardization=in_progress&department=water").json()))
            .isEqualTo(water);
    }

    @Test
    void refusesWhatItCannotCount() {
        Http.Reply unknown = admin.get("/api/v1/stats/counts/ditch?colour=red");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("colour");
        assertThat(admin.get("/api/v1/stats/counts/ditch?treated=maybe").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/stats/counts/no_such_layer").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/stats/counts/patrol").status()).isBetween(400, 404);
    }

    private Map<String, Long> byStatus(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static Map<String, Long> counts(JsonNode json) {
        Map<String, Long> counts = new HashMap<>();
        json.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

}
