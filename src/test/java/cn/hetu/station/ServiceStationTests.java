package cn.hetu.station;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class ServiceStationTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void coverageCountsTheVillagesWithAStationWithinTheDistance() {
        for (int distance : List.of(500, 2000, 10000)) {
            JsonNode coverage = admin.get("/api/v1/service-stations/coverage?distance=" + distance).json();
            // Independently: every pair of village and station, no nearest-neighbour search.
            long expected = jdbc.sql("""
                    SELECT count(*) FROM village v
                    WHERE EXISTS (SELECT 1 FROM service_station s WHERE ST_DWithin(v.geom::geography, s.geom::geography, ?))""")
                .param(distance)
                .query(Long.class)
                .single();
            assertThat(coverage.get("covered").asLong()).as("within " + distance + " m").isEqualTo(expected);
            assertThat(coverage.get("villages").asLong()).isEqualTo(jdbc.sql("SELECT count(*) FROM village").query(Long.class).single());
        }
        assertThat(admin.get("/api/v1/service-stations/coverage?distance=0").status()).isEqualTo(400);
    }

    @Test
    void theApprovalBureauLogsDoorToDoorVisits() {
        long station = jdbc.sql("SELECT min(id) FROM service_station").query(Long.class).single();
        Http bureau = TestAccounts.ensure(admin, "approval_editor", List.of("editor"), "approval");
        Http.Reply logged = bureau.post("/api/v1/service-stations/" + station + "/visits",
                "{\"visitedOn\":\"2026-11-30\",\"service\":\"finance\",\"matter\":\"代办小额贷款\",\"staffName\":\"朱秀英\"}");
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        assertThat(logged.body()).contains("代办小额贷款");
        assertThat(bureau.post("/api/v1/service-stations/" + station + "/visits",
                "{\"visitedOn\":\"2026-11-30\",\"service\":\"tea\",\"matter\":\"x\",\"staffName\":\"y\"}").status()).isEqualTo(400);
        assertThat(TestAccounts.waterEditor(admin).post("/api/v1/service-stations/" + station + "/visits",
                "{\"visitedOn\":\"2026-11-30\",\"service\":\"gov\",\"matter\":\"x\",\"staffName\":\"y\"}").status()).isEqualTo(403);
    }

}
