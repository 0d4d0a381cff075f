package cn.hetu.invest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@RegistryTest
class InvestmentTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    Http commerce;

    @BeforeEach
    void accounts() {
        commerce = TestAccounts.ensure(admin, "commerce_editor", List.of("editor"), "commerce");
    }

    private JsonNode create(Http as, String extra) {
        Http.Reply reply = as.post("/api/v1/investments", newInvestment(extra));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static String newInvestment(String extra) {
        return """
                {"properties":{"code":"ZS-T-%s","name":"测试招商项目","investor":"长三角某新材料公司","amount_wan":12000,
                 "industry":"新材料","source":"yangtze_delta","person_in_charge":"李建国","town":"城关镇"%s},
                 "location":{"type":"Point","coordinates":[116.28,33.15]}}""".formatted(UUID.randomUUID(), extra);
    }

    private Http.Reply step(long id, String to, String reason) {
        int version = commerce.get("/api/v1/investments/" + id).json().get("summary").get("version").asInt();
        return commerce.post("/api/v1/investments/" + id + "/steps", "{\"to\":\"" + to + "\","
                + (reason == null ? "" : "\"reason\":\"" + reason + "\",") + "\"version\":" + version + "}");
    }

    @Test
    void commerceStaffLeadAProjectAlongThePipelineAndOthersOnlyRead() {
        JsonNode created = create(commerce, "");
        long id = created.get("summary").get("id").asLong();
        assertThat(created.get("summary").get("stage").asString()).isEqualTo("lead");
        assertThat(created.get("steps")).hasSize(1);
        assertThat(TestAccounts.waterEditor(admin).post("/api/v1/investments", newInvestment("")).status()).isEqualTo(403);
        assertThat(TestAccounts.viewer(admin).get("/api/v1/investments/" + id).status()).isEqualTo(200);

        for (String to : List.of("negotiating", "signed", "landed", "started", "producing")) {
            Http.Reply reply = step(id, to, null);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
        JsonNode steps = commerce.get("/api/v1/investments/" + id).json().get("steps");
        assertThat(steps).hasSize(6);
        assertThat(steps.get(5).get("fromStage").asString()).isEqualTo("started");
        assertThat(steps.get(5).get("toStage").asString()).isEqualTo("producing");
        assertThat(steps.get(5).get("changedBy").asString()).isEqualTo("commerce_editor");
    }

    @Test
    void skippingOrGoingBackNeedsAReasonOnEveryPath() {
        long id = create(commerce, "").get("summary").get("id").asLong();
        Http.Reply skip = step(id, "signed", null);
        assertThat(skip.status()).as(skip.body()).isEqualTo(400);
        assertThat(skip.json().get("parameter").asString()).isEqualTo("reason");
        assertThat(step(id, "signed", "  ").status()).isEqualTo(400);
        Http.Reply withReason = step(id, "signed", "老客户直接签约");
        assertThat(withReason.status()).as(withReason.body()).isEqualTo(200);
        assertThat(withReason.json().get("steps").get(1).get("reason").asString()).isEqualTo("老客户直接签约");

        assertThat(step(id, "negotiating", null).status()).isEqualTo(400);
        assertThat(step(id, "signed", null).status()).isEqualTo(422);
        assertThat(step(id, "built", "x").status()).isEqualTo(400);

        // The OGC API edits the same row: the database refuses the skipped step there too.
        int version = commerce.get("/api/v1/investments/" + id).json().get("summary").get("version").asInt();
        Http.Reply ogc = commerce.send("PATCH", "/ogc/collections/investment_project/items/" + id,
                "{\"properties\":{\"stage\":\"producing\",\"version\":" + version + "}}", "Content-Type",
                "application/merge-patch+json");
        assertThat(ogc.status()).as(ogc.body()).isEqualTo(400);
        assertThat(ogc.body()).contains("give a reason");
        Http.Reply patchStage = commerce.patch("/api/v1/investments/" + id,
                "{\"properties\":{\"stage\":\"landed\",\"version\":" + version + "}}");
        assertThat(patchStage.status()).isEqualTo(400);
    }

    @Test
    void anAmountThatLooksLikeYuanIsRefused() {
        Http.Reply yuan = commerce.post("/api/v1/investments", newInvestment("").replace("\"amount_wan\":12000",
                "\"amount_wan\":120000000"));
        assertThat(yuan.status()).as(yuan.body()).isEqualTo(400);
        assertThat(yuan.json().get("parameter").asString()).isEqualTo("amount_wan");
        assertThat(yuan.body()).contains("12000");
        assertThat(commerce.post("/api/v1/investments", newInvestment("").replace("12000", "-5")).status()).isEqualTo(400);
        assertThat(commerce.post("/api/v1/investments", newInvestment("").replace("12000", "\"很多\"")).status()).isEqualTo(400);
        long id = create(commerce, "").get("summary").get("id").asLong();
        Http.Reply patch = commerce.patch("/api/v1/investments/" + id, "{\"properties\":{\"amount_wan\":8000000000,\"version\":0}}");
        assertThat(patch.status()).isEqualTo(400);
        Http.Reply ogc = commerce.post("/ogc/collections/investment_project/items", """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[116.28,33.15]},
                 "properties":{"code":"ZS-OGC-%s","name":"OGC","department":"commerce","investor":"某公司","amount_wan":90000000}}"""
            .formatted(UUID.randomUUID()));
        assertThat(ogc.status()).as(ogc.body()).isEqualTo(400);
    }

    @Test
    void projectsWithoutAStepForNinetyDaysAreStalled() {
        long id = create(commerce, "").get("summary").get("id").asLong();
        assertThat(commerce.get("/api/v1/investments/" + id).json().get("summary").get("stalled").asBoolean()).isFalse();
        jdbc.sql("UPDATE investment_project SET stage_changed_at = now() - interval '91 days' WHERE id = ?").param(id).update();
        JsonNode stalled = commerce.get("/api/v1/investments?stalled=true").json();
        assertThat(stalled.get("stalledDays").asInt()).isEqualTo(90);
        long expected = jdbc.sql("""
                SELECT count(*) FROM investment_project
                WHERE stage <> 'producing' AND stage_changed_at < now() - interval '90 days'""").query(Long.class).single();
        assertThat(stalled.get("total").asLong()).isEqualTo(expected);
        assertThat(stalled.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        jdbc.sql("UPDATE investment_project SET stage_changed_at = now() - interval '89 days' WHERE id = ?").param(id).update();
        assertThat(commerce.get("/api/v1/investments/" + id).json().get("summary").get("stalled").asBoolean()).isFalse();
        assertThat(commerce.get("/api/v1/investments?stage=built").status()).isEqualTo(400);
    }

    @Test
    void aSignedProjectBecomesAKeyProjectLinkedBothWays() {
        long id = create(commerce, "").get("summary").get("id").asLong();
        assertThat(commerce.post("/api/v1/investments/" + id + "/key-project", "{\"version\":0}").status()).isEqualTo(422);
        step(id, "negotiating", null);
        step(id, "signed", null);
        int version = commerce.get("/api/v1/investments/" + id).json().get("summary").get("version").asInt();
        Http.Reply made = commerce.post("/api/v1/investments/" + id + "/key-project", "{\"version\":" + version + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long project = made.json().get("keyProjectId").asLong();
        assertThat(made.json().get("investment").get("summary").get("keyProjectId").asLong()).isEqualTo(project);
        JsonNode detail = admin.get("/api/v1/projects/" + project).json();
        assertThat(detail.get("summary").get("department").asString()).isEqualTo("commerce");
        assertThat(detail.get("summary").get("investmentPlanned").asDouble()).isEqualTo(12000);
        assertThat(detail.get("links").findValues("collection").stream().map(JsonNode::asString)).contains("investment_project");
        assertThat(detail.get("milestones").size()).isPositive();
        Http.Reply again = commerce.post("/api/v1/investments/" + id + "/key-project", "{\"version\":" + (version + 1) + "}");
        assertThat(again.status()).isEqualTo(422);
    }

    record Candidate(long id, double area, String town, Double roadM, double score, boolean onControlLine) {
    }

    @Test
    void landMatchesAreRankedAsAnIndependentComputationRanksThem() {
        long id = create(commerce, ",\"land_use\":\"工业用地\",\"land_area_min_m2\":5000,\"land_area_max_m2\":60000,"
                + "\"preferred_town\":\"城关镇\"").get("summary").get("id").asLong();
        JsonNode matches = commerce.get("/api/v1/investments/" + id + "/land-matches?limit=200").json();
        assertThat(matches.get("scoring").asString()).contains("area");

        // Independently: every parcel read plainly, filtered and scored here, nearest road node by KNN.
        List<Candidate> expected = new ArrayList<>();
        jdbc.sql("""
                SELECT p.id, ST_Area(p.geom::geography) AS area, p.town, p.category, p.disposal_status, p.land_use,
                       (SELECT ST_Distance(p.geom::geography, r.geom::geography) FROM road_node r
                        ORDER BY p.geom::geography <-> r.geom::geography LIMIT 1) AS road_m,
                       EXISTS (SELECT 1 FROM investment_project i WHERE i.parcel_id = p.id) AS taken,
                       EXISTS (SELECT 1 FROM (SELECT geom FROM basic_farmland UNION ALL SELECT geom FROM ecological_redline
                                              UNION ALL SELECT geom FROM cultivated_land) c
                               WHERE ST_Area(ST_Intersection(c.geom, p.geom)) > 0) AS on_control_line
                FROM land_parcel p""").query((rs, n) -> {
                    double area = rs.getDouble("area");
                    boolean fits = List.of("idle", "approved_unsupplied").contains(rs.getString("category"))
                            && !rs.getString("disposal_status").equals("disposed") && !rs.getBoolean("taken")
                            && "工业用地".equals(rs.getString("land_use")) && area >= 5000 && area <= 60000;
                    if (fits) {
                        Double road = (Double) rs.getObject("road_m");
                        double score = Math.max(0, 50 * (1 - Math.abs(area - 32500) / 32500))
                                + ("城关镇".equals(rs.getString("town")) ? 25 : 0)
                                + (road == null ? 0 : Math.max(0, 25 * (1 - road / 3000)));
                        expected.add(new Candidate(rs.getLong("id"), area, rs.getString("town"), road, score,
                                rs.getBoolean("on_control_line")));
                    }
                    return null;
                }).list();
        // Parcels on a restrictive control line (basic farmland, red line, cultivated land) come after all others.
        expected.sort(Comparator.comparing(Candidate::onControlLine)
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
            .thenComparingLong(Candidate::id));
        assertThat(expected).hasSizeGreaterThan(2);
        assertThat(expected).anyMatch(Candidate::onControlLine).anyMatch(c -> !c.onControlLine());
        JsonNode items = matches.get("items");
        assertThat(items).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(items.get(i).get("score").asDouble()).as("rank " + i).isCloseTo(expected.get(i).score(), within(0.01));
            assertThat(items.get(i).get("conflicts").isEmpty()).as("rank " + i).isEqualTo(!expected.get(i).onControlLine());
        }
        long conflicting = expected.stream().filter(Candidate::onControlLine).findFirst().orElseThrow().id();
        Http.Reply refused = commerce.send("PUT", "/api/v1/investments/" + id + "/parcel",
                "{\"parcelId\":" + conflicting + ",\"version\":0}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("管控线");
        assertThat(items.findValues("parcelId").stream().map(JsonNode::asLong).toList())
            .containsExactlyInAnyOrderElementsOf(expected.stream().map(Candidate::id).toList());
    }

    @Test
    void choosingAParcelRecordsItOnBothSidesAndUpdatesItsPlan() {
        long id = create(commerce, ",\"land_use\":\"工业用地\",\"land_area_min_m2\":3000").get("summary").get("id").asLong();
        long parcel = commerce.get("/api/v1/investments/" + id + "/land-matches").json().get("items").get(0).get("parcelId").asLong();
        Http.Reply chosen = commerce.send("PUT", "/api/v1/investments/" + id + "/parcel",
                "{\"parcelId\":" + parcel + ",\"version\":0}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("summary").get("parcelId").asLong()).isEqualTo(parcel);
        JsonNode plan = admin.get("/api/v1/parcels/" + parcel + "/plan").json();
        assertThat(plan.get("disposalMethod").asString()).isEqualTo("supply");
        assertThat(plan.get("disposalStatus").asString()).isEqualTo("in_progress");
        assertThat(plan.get("notes").toString()).contains("拟供地给招商项目");
        boolean onParcel = jdbc.sql("""
                SELECT ST_Intersects(i.geom, p.geom) FROM investment_project i JOIN land_parcel p ON p.id = i.parcel_id
                WHERE i.id = ?""").param(id).query(Boolean.class).single();
        assertThat(onParcel).isTrue();

        long other = create(commerce, ",\"land_use\":\"工业用地\"").get("summary").get("id").asLong();
        assertThat(commerce.get("/api/v1/investments/" + other + "/land-matches?limit=200").json().get("items")
            .findValues("parcelId").stream().map(JsonNode::asLong)).doesNotContain(parcel);
        assertThat(commerce.send("PUT", "/api/v1/investments/" + other + "/parcel", "{\"parcelId\":" + parcel + ",\"version\":0}")
            .status()).isEqualTo(422);
        long disposed = jdbc.sql("SELECT id FROM land_parcel WHERE disposal_status = 'disposed' LIMIT 1").query(Long.class).single();
        assertThat(commerce.send("PUT", "/api/v1/investments/" + other + "/parcel", "{\"parcelId\":" + disposed + ",\"version\":0}")
            .status()).isEqualTo(422);
        assertThat(TestAccounts.natresEditor(admin).send("PUT", "/api/v1/investments/" + other + "/parcel",
                "{\"parcelId\":" + parcel + ",\"version\":0}").status()).isEqualTo(403);
        assertThat(commerce.get("/api/v1/investments/999999/land-matches").status()).isEqualTo(404);
    }

    @Test
    void undeletingAProjectBringsBackItsSteps() {
        long id = create(commerce, "").get("summary").get("id").asLong();
        assertThat(step(id, "negotiating", null).status()).isEqualTo(200);
        assertThat(step(id, "landed", "老客户，直接落地").status()).isEqualTo(200);
        assertThat(admin.delete("/ogc/collections/investment_project/items/" + id).status()).isEqualTo(204);
        assertThat(commerce.get("/api/v1/investments/" + id).status()).isEqualTo(404);
        long deletion = admin.get("/api/v1/features/investment_project/" + id + "/history").json().get(0).get("id").asLong();
        Http.Reply restored = admin.post("/api/v1/features/investment_project/" + id + "/history/" + deletion + "/restore", null);
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        JsonNode detail = commerce.get("/api/v1/investments/" + id).json();
        assertThat(detail.get("summary").get("stage").asString()).isEqualTo("landed");
        assertThat(detail.get("steps").findValues("toStage").stream().map(JsonNode::asString).toList())
            .containsExactly("lead", "negotiating", "landed", "landed");
        assertThat(detail.get("steps").get(2).get("reason").asString()).isEqualTo("老客户，直接落地");
        assertThat(detail.get("steps").get(3).get("reason").asString()).contains("undeleted");
    }

    record Row(long id, String stage, BigDecimal amount, String source, String industry, Long parcel, double parcelArea,
            Instant stageChangedAt) {
    }

    @Test
    void theDashboardFiguresAreThePipelineCountedAgain() {
        JsonNode figures = commerce.get("/api/v1/investments/figures").json();
        List<Row> rows = jdbc.sql("""
                SELECT i.id, i.stage, i.amount_wan, i.source, i.industry, i.parcel_id, COALESCE(p.area_m2, 0), i.stage_changed_at
                FROM investment_project i LEFT JOIN land_parcel p ON p.id = i.parcel_id""")
            .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                    (Long) rs.getObject(6), rs.getDouble(7), rs.getTimestamp(8).toInstant()))
            .list();
        assertThat(figures.get("projects").asLong()).isEqualTo(rows.size());
        assertThat(figures.get("amountWan").decimalValue()).isEqualByComparingTo(sum(rows));
        for (String stage : List.of("lead", "negotiating", "signed", "landed", "started", "producing")) {
            List<Row> in = rows.stream().filter(r -> r.stage().equals(stage)).toList();
            JsonNode group = group(figures.get("byStage"), stage);
            assertThat(group.get("projects").asLong()).as(stage).isEqualTo(in.size()).isPositive();
            assertThat(group.get("amountWan").decimalValue()).as(stage).isEqualByComparingTo(sum(in));
        }
        for (JsonNode group : figures.get("bySource")) {
            String source = group.get("key").isNull() ? null : group.get("key").asString();
            List<Row> in = rows.stream().filter(r -> java.util.Objects.equals(r.source(), source)).toList();
            assertThat(group.get("projects").asLong()).as(source).isEqualTo(in.size());
            assertThat(group.get("amountWan").decimalValue()).as(source).isEqualByComparingTo(sum(in));
        }
        assertThat(figures.get("byIndustry").findValues("projects").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(rows.size());
        Instant stalledBefore = Instant.now().minus(java.time.Duration.ofDays(90));
        assertThat(figures.get("stalled").findValues("id").stream().map(JsonNode::asLong).toList())
            .containsExactlyInAnyOrderElementsOf(rows.stream()
                .filter(r -> !r.stage().equals("producing") && r.stageChangedAt().isBefore(stalledBefore)).map(Row::id).toList())
            .isNotEmpty();
        List<Row> onLand = rows.stream().filter(r -> r.parcel() != null).toList();
        assertThat(figures.get("land").get("projectsWithParcel").asLong()).isEqualTo(onLand.size());
        assertThat(figures.get("land").get("parcelAreaM2").asDouble())
            .isCloseTo(onLand.stream().mapToDouble(Row::parcelArea).sum(), within(0.01));

        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        List<Object[]> steps = jdbc.sql("SELECT investment_id, to_stage, changed_at FROM investment_step")
            .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant() }).list();
        for (String stage : List.of("signed", "landed", "producing")) {
            var ids = steps.stream().filter(s -> s[1].equals(stage)
                    && ((Instant) s[2]).atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear() == year).map(s -> (Long) s[0])
                .collect(java.util.stream.Collectors.toSet());
            assertThat(figures.get("year").get(stage).asLong()).as(stage).isEqualTo(ids.size());
            if (stage.equals("signed")) {
                assertThat(figures.get("year").get("signedAmountWan").decimalValue())
                    .isEqualByComparingTo(sum(rows.stream().filter(r -> ids.contains(r.id())).toList()));
            }
        }
        assertThat(figures.get("year").get("signed").asLong()).isPositive();
        assertThat(commerce.get("/api/v1/investments/figures?year=1999").status()).isEqualTo(400);
    }

    private static BigDecimal sum(List<Row> rows) {
        return rows.stream().map(Row::amount).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static JsonNode group(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (key.equals(group.get("key").asString())) {
                return group;
            }
        }
        throw new AssertionError("no group " + key);
    }

}
