package cn.hetu.land;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

@RegistryTest
class EnforcementTests {

    static final String ITEMS = "/ogc/collections/enforcement_patch/items";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPatchNeedsAPositionInTheCountyAndIsFlaggedWhenInFarmland() {
        jdbc.sql("DELETE FROM enforcement_patch WHERE code LIKE 'ENF-T-%'").update();
        Http natres = TestAccounts.natresEditor(admin);
        assertThat(natres.post(ITEMS, feature("ENF-T-0", "null")).status()).isEqualTo(400);
        Http.Reply outside = natres.post(ITEMS, feature("ENF-T-0", square(121.40, 31.20)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("outside the county");
        Http.Reply created = natres.post(ITEMS, feature("ENF-T-1", square(116.300, 33.200)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var row = jdbc.sql("""
                SELECT p.farmland_m2, COALESCE((SELECT ST_Area(ST_Intersection(ST_Transform(p.geom, 4527),
                       ST_Transform(ST_Union(f.geom), 4527))) FROM basic_farmland f WHERE ST_Intersects(f.geom, p.geom)), 0) AS expected
                FROM enforcement_patch p WHERE p.code = 'ENF-T-1'""").query().singleRow();
        double expected = ((Number) row.get("expected")).doubleValue();
        assertThat(expected).as("the demo farmland covers the countryside there").isPositive();
        assertThat(((Number) row.get("farmland_m2")).doubleValue()).isCloseTo(expected, offset(expected * 3e-4));
    }

    @Test
    void anIllegalPatchGoesThroughTheRiverIssuesWorkflowAndALegalOneClosesAtOnce() {
        long legal = insert("ENF-W-1", "2026-10", null);
        long illegal = insert("ENF-W-2", "2026-10", null);
        Http natres = TestAccounts.natresEditor(admin);
        String judge = "/api/v1/enforcement/patches/%d/judgement";
        String body = "{\"judgement\":\"%s\",\"justification\":\"%s\",\"version\":0}";
        assertThat(TestAccounts.planner(admin).post(judge.formatted(legal), body.formatted("legal", "皖政地〔2026〕1号")).status())
            .isEqualTo(403);
        assertThat(natres.post(judge.formatted(legal), body.formatted("legal", " ")).status()).isEqualTo(400);
        JsonNode closed = natres.post(judge.formatted(legal), body.formatted("legal", "皖政地〔2026〕1号")).json();
        assertThat(closed.get("rectification").asString()).isEqualTo("closed");
        assertThat(natres.post(judge.formatted(illegal), body.formatted("illegal", "《土地管理法》第七十七条")).json()
            .get("rectification").asString()).isEqualTo("reported");
        String move = "/api/v1/enforcement/patches/" + illegal + "/transitions";
        assertThat(natres.post(move, "{\"to\":\"closed\",\"version\":1}").status()).isEqualTo(422);
        assertThat(natres.post(move, "{\"to\":\"assigned\",\"version\":1}").json().get("parameter").asString()).isEqualTo("town");
        assertThat(natres.post(move, "{\"to\":\"assigned\",\"town\":\"石弓镇\",\"deadline\":\"2026-12-31\",\"version\":0}").status())
            .as("stale").isEqualTo(409);
        int version = 1;
        for (String to : new String[] { "assigned", "rectifying", "rectified", "closed" }) {
            Http.Reply moved = natres.post(move, "{\"to\":\"" + to + "\",\"town\":\"石弓镇\",\"deadline\":\"2026-12-31\",\"version\":"
                    + version++ + "}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM patch_event WHERE patch_id = ?").param(illegal).query(Long.class).single())
            .isEqualTo(5);
    }

    @Test
    void patchesAreListedByBatchAndShownWithTheirShapeAndEvents() {
        long id = insert("ENF-L-1", "2024-02", "2024-02-10");
        jdbc.sql("INSERT INTO patch_event (patch_id, kind, to_status, note) VALUES (?, 'judged', 'reported', 'illegal: 测试')")
            .param(id).update();
        JsonNode batches = admin.get("/api/v1/enforcement/batches").json();
        assertThat(batches.toString()).contains("\"batch\":\"2024-02\"");
        JsonNode list = admin.get("/api/v1/enforcement/patches?batch=2024-02").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("patch_no").asString()).isEqualTo("ENF-L-1");
        assertThat(list.get(0).get("overdue").asBoolean()).as("due 2024-02-10 and open").isTrue();
        JsonNode detail = admin.get("/api/v1/enforcement/patches/" + id).json();
        assertThat(detail.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        assertThat(detail.get("events").get(0).get("note").asString()).isEqualTo("illegal: 测试");
        assertThat(admin.get("/api/v1/enforcement/patches?batch=2024-2").json().get("parameter").asString()).isEqualTo("batch");
        assertThat(admin.get("/api/v1/enforcement/patches/999999999").status()).isEqualTo(404);
    }

    @Test
    void theCadenceCountsAtThePeriodsEndInCountyTime() {
        jdbc.sql("DELETE FROM enforcement_patch WHERE code LIKE 'ENF-C-%'").update();
        // 23:30 on 30 September in the county is still September; 00:30 on 1 October is not.
        closed(insert("ENF-C-1", "2025-09", "2025-09-29"), "2025-09-30T15:30:00Z");
        closed(insert("ENF-C-2", "2025-09", "2025-09-29"), "2025-09-30T16:30:00Z");
        insert("ENF-C-3", "2025-09", "2025-09-30");
        insert("ENF-C-4", "2025-12", "2026-01-05");
        JsonNode month = row(admin.get("/api/v1/enforcement/figures?period=2025-09").json());
        assertThat(month.get("patches").asLong()).isEqualTo(3);
        assertThat(month.get("closed").asLong()).isEqualTo(1);
        assertThat(month.get("overdue").asLong()).as("ENF-C-2 closed only in October, ENF-C-3 due on the 30th and open")
            .isEqualTo(2);
        assertThat(month.get("clearedPct").asDouble()).isEqualTo(33.3);
        JsonNode quarter = row(admin.get("/api/v1/enforcement/figures?period=2025-Q3").json());
        assertThat(quarter.get("closed").asLong()).isEqualTo(1);
        JsonNode q4 = admin.get("/api/v1/enforcement/figures?period=2025-Q4").json();
        assertThat(row(q4).get("patches").asLong()).isEqualTo(1);
        assertThat(row(q4).get("overdue").asLong()).as("its deadline lies after the quarter").isZero();
        JsonNode year = admin.get("/api/v1/enforcement/figures?period=2025").json();
        assertThat(row(year).get("patches").asLong()).isEqualTo(4);
        assertThat(row(year).get("closed").asLong()).isEqualTo(2);
        assertThat(year.get("complete").asBoolean()).isTrue();
        JsonNode half = row(admin.get("/api/v1/enforcement/figures?period=2025-H2").json());
        assertThat(half.get("overdue").asLong()).as("ENF-C-3 open past 30 September; ENF-C-4 not yet due").isEqualTo(1);
        assertThat(admin.get("/api/v1/enforcement/figures?period=2025-13").status()).isEqualTo(400);
    }

    private long insert(String code, String batch, String deadline) {
        jdbc.sql("DELETE FROM enforcement_patch WHERE code = ?").param(code).update();
        return jdbc.sql("""
                INSERT INTO enforcement_patch (code, name, geom, department, town, patch_no, batch, detected_on, change_type,
                                               judgement, justification, rectification, assigned_town, deadline)
                VALUES (?, '测试图斑', ST_Multi(ST_MakeEnvelope(116.10, 33.40, 116.101, 33.401, 4490)), 'natres', '测试镇', ?, ?,
                        to_date(?, 'YYYY-MM'), 'CCT', CASE WHEN ?::date IS NULL THEN NULL ELSE 'illegal' END,
                        CASE WHEN ?::date IS NULL THEN NULL ELSE '测试' END, CASE WHEN ?::date IS NULL THEN 'reported' ELSE 'assigned' END,
                        CASE WHEN ?::date IS NULL THEN NULL ELSE '测试镇' END, ?::date) RETURNING id""")
            .params(code, code, batch, batch, deadline, deadline, deadline, deadline, deadline)
            .query(Long.class)
            .single();
    }

    private void closed(long id, String at) {
        jdbc.sql("UPDATE enforcement_patch SET rectification = 'closed', closed_at = ?::timestamptz WHERE id = ?")
            .params(at, id).update();
    }

    private static JsonNode row(JsonNode figures) {
        for (JsonNode row : figures.get("rows")) {
            if (row.get("town").asString().equals("测试镇") && row.get("changeType").asString().equals("CCT")) {
                return row;
            }
        }
        throw new AssertionError("no test row in " + figures);
    }

    private static String feature(String code, String geometry) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"code\":\"" + code + "\",\"name\":\"测试图斑\","
                + "\"department\":\"natres\",\"patch_no\":\"" + code + "\",\"batch\":\"2026-10\",\"detected_on\":\"2026-10-12\","
                + "\"change_type\":\"新增建设用地\",\"town\":\"城关镇\"}}";
    }

    private static String square(double lon, double lat) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
            .formatted(lon, lat, lon + 0.002, lat + 0.002);
    }

}
