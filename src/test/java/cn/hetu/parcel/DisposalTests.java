package cn.hetu.parcel;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;
import cn.hetu.county.County;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class DisposalTests {

    @Autowired
    County county;

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPlanMovesFromPendingToDisposedWithNotesAndRights() {
        long id = parcel("DISP-PLAN", "2019-05-01", null);
        String url = "/api/v1/parcels/" + id + "/plan";
        JsonNode plan = admin.get(url).json();
        assertThat(plan.get("disposalStatus").asString()).isEqualTo("pending");
        String start = "{\"disposalMethod\":\"urge_construction\",\"responsibleUnit\":\"县自然资源和规划局\","
                + "\"targetDate\":\"2030-06-30\",\"disposalStatus\":\"in_progress\",\"note\":\"已约谈业主，限期动工\",\"version\":%d}";
        assertThat(TestAccounts.viewer(admin).send("PUT", url, start.formatted(plan.get("version").asInt())).status())
            .isEqualTo(403);
        assertThat(TestAccounts.waterEditor(admin).send("PUT", url, start.formatted(plan.get("version").asInt())).status())
            .isEqualTo(403);
        assertThat(admin.send("PUT", url, start.replace(",\"note\":\"已约谈业主，限期动工\"", "")
            .formatted(plan.get("version").asInt())).json().get("parameter").asString()).isEqualTo("note");
        Http.Reply started = TestAccounts.planner(admin).send("PUT", url, start.formatted(plan.get("version").asInt()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("notes").get(0).get("createdBy").asString()).isEqualTo("planner");
        assertThat(admin.send("PUT", url, start.formatted(plan.get("version").asInt())).status()).as("stale").isEqualTo(409);
        Http.Reply done = admin.send("PUT", url, ("{\"disposalMethod\":\"urge_construction\",\"disposalStatus\":\"disposed\","
                + "\"note\":\"已开工建设\",\"version\":%d}").formatted(started.json().get("version").asInt()));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("disposedOn").asString()).isEqualTo(county.today().toString());
        Http.Reply back = admin.send("PUT", url, ("{\"disposalMethod\":\"urge_construction\",\"disposalStatus\":\"pending\","
                + "\"note\":\"撤回\",\"version\":%d}").formatted(done.json().get("version").asInt()));
        assertThat(back.status()).as("a disposed parcel stays disposed").isEqualTo(400);
        remove("DISP-PLAN");
    }

    @Test
    void theRateCountsTheStockAtTheStartOfTheYearAndStaysFrozen() {
        jdbc.sql("DELETE FROM disposal_baseline WHERE year = 2022").update();
        jdbc.sql("DELETE FROM disposal_baseline_year WHERE year = 2022").update();
        long disposedBefore = parcel("DISP-A", "2020-01-01", "2021-12-31");
        long disposedOnNewYear = parcel("DISP-B", "2020-01-01", "2022-01-01");
        long approvedLater = parcel("DISP-C", "2022-03-01", null);
        assertThat(admin.get("/api/v1/parcels/disposal-rate?year=2022").json().get("hasBaseline").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/parcels/disposal-baselines/2022", "").status()).isEqualTo(201);
        JsonNode report = admin.get("/api/v1/parcels/disposal-rate?year=2022").json();
        assertThat(inBaseline(2022, disposedBefore)).isFalse();
        assertThat(inBaseline(2022, disposedOnNewYear)).isTrue();
        assertThat(inBaseline(2022, approvedLater)).isFalse();
        var expected = jdbc.sql("""
                SELECT sum(area_m2) AS stock,
                       COALESCE(sum(area_m2) FILTER (WHERE disposed_on BETWEEN '2022-01-01' AND '2022-12-31'), 0) AS done
                FROM land_parcel WHERE category IN ('approved_unsupplied', 'idle') AND approved_on < '2022-01-01'
                AND (disposed_on IS NULL OR disposed_on >= '2022-01-01')""").query().singleRow();
        JsonNode combined = report.get("county").get(0);
        double stock = ((Number) expected.get("stock")).doubleValue();
        double done = ((Number) expected.get("done")).doubleValue();
        assertThat(combined.get("stockM2").asDouble()).isCloseTo(stock, offset(1.0));
        assertThat(combined.get("disposedM2").asDouble()).isCloseTo(done, offset(1.0));
        assertThat(combined.get("ratePct").asDouble()).isCloseTo(Math.round(done * 1000 / stock) / 10.0, offset(0.05));
        assertThat(combined.get("meetsTarget").asBoolean()).isEqualTo(combined.get("ratePct").asDouble() >= 20);

        parcel("DISP-D", "2018-01-01", null);
        JsonNode again = admin.get("/api/v1/parcels/disposal-rate?year=2022").json();
        assertThat(again.get("county").get(0).get("stockM2").asDouble())
            .as("a parcel entered later does not move the frozen stock").isEqualTo(combined.get("stockM2").asDouble());
        assertThat(again.get("baselineFrozenAt").asString()).isEqualTo(report.get("baselineFrozenAt").asString());
        assertThat(admin.get("/api/v1/parcels/disposal-rate?year=2999").status()).isEqualTo(400);
        for (String code : new String[] { "DISP-A", "DISP-B", "DISP-C", "DISP-D" }) {
            remove(code);
        }
    }

    @Test
    void constructionLandPerUnitOfGdpComparesWithTheYearBefore() {
        assertThat(admin.send("PUT", "/api/v1/parcels/indicators/2025", "{\"gdp100mCny\":200,\"constructionLandHa\":10000}")
            .status()).isEqualTo(200);
        admin.send("PUT", "/api/v1/parcels/indicators/2026", "{\"gdp100mCny\":220,\"constructionLandHa\":10200}");
        JsonNode perGdp = admin.get("/api/v1/parcels/disposal-rate?year=2026").json().get("landPerGdp");
        assertThat(perGdp.get("haPer100m").asDouble()).isCloseTo(10200.0 / 220, offset(0.0001));
        assertThat(perGdp.get("changePct").asDouble()).isCloseTo((10200.0 / 220 / 50 - 1) * 100, offset(0.01));
        assertThat(TestAccounts.viewer(admin).send("PUT", "/api/v1/parcels/indicators/2026",
                "{\"gdp100mCny\":1,\"constructionLandHa\":1}").status()).isEqualTo(403);
    }

    @Test
    void savedQueriesAreSharedAndOnlyTheirOwnerDeletesThem() {
        Http planner = TestAccounts.planner(admin);
        Http.Reply saved = planner.post("/api/v1/parcels/queries",
                "{\"name\":\"G205沿线闲置地\",\"query\":{\"categories\":[\"idle\"],\"areaMin\":2,\"areaUnit\":\"ha\"}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        long id = saved.json().get("id").asLong();
        JsonNode read = TestAccounts.viewer(admin).get("/api/v1/parcels/queries/" + id).json();
        assertThat(read.get("query").get("areaMin").asInt()).isEqualTo(2);
        assertThat(read.get("owner").asString()).isEqualTo("planner");
        assertThat(TestAccounts.viewer(admin).delete("/api/v1/parcels/queries/" + id).status()).isEqualTo(403);
        assertThat(planner.delete("/api/v1/parcels/queries/" + id).status()).isEqualTo(204);
        assertThat(planner.post("/api/v1/parcels/queries", "{\"name\":\" \",\"query\":{}}").status()).isEqualTo(400);
    }

    private long parcel(String code, String approvedOn, String disposedOn) {
        remove(code);
        return jdbc.sql("""
                INSERT INTO land_parcel (code, name, geom, department, town, parcel_no, category, approved_on,
                                         disposal_method, disposal_status, disposed_on)
                VALUES (:code, '测试地块', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(116.5, 33.05), 4490), 0.001)),
                        'natres', '石弓镇', :code, 'idle', :approved::date,
                        CASE WHEN :disposed::date IS NULL THEN NULL ELSE 'land_reserve' END,
                        CASE WHEN :disposed::date IS NULL THEN 'pending' ELSE 'disposed' END, :disposed::date)
                RETURNING id""")
            .param("code", code)
            .param("approved", approvedOn)
            .param("disposed", disposedOn)
            .query(Long.class)
            .single();
    }

    private boolean inBaseline(int year, long parcel) {
        return jdbc.sql("SELECT count(*) FROM disposal_baseline WHERE year = ? AND parcel_id = ?").params(year, parcel)
            .query(Long.class).single() > 0;
    }

    private void remove(String code) {
        jdbc.sql("DELETE FROM land_parcel WHERE code = ?").param(code).update();
    }

}
