package cn.hetu.enterprise;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class EnterpriseTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    private Http.Reply create(Http as, String creditCode) {
        return as.post("/api/v1/enterprises", """
                {"properties":{"code":"QY-T-%s","name":"测试企业","credit_code":%s,"chain":"new_materials","scale":"above"},
                 "location":{"type":"Point","coordinates":[116.30,33.26]}}"""
            .formatted(UUID.randomUUID(), creditCode == null ? "null" : "\"" + creditCode + "\""));
    }

    @Test
    void creditCodesAreCheckedByTheirCheckCharacter() {
        Http commerce = TestAccounts.ensure(admin, "commerce_editor", List.of("editor"), "commerce");
        jdbc.sql("DELETE FROM enterprise WHERE credit_code IN ('91350100M000100Y43', '91110000802100433B', '91440300708461136T')").update();
        for (String valid : List.of("91350100M000100Y43", "91110000802100433B", "91440300708461136t")) {
            Http.Reply reply = create(commerce, valid);
            assertThat(reply.status()).as(valid + ": " + reply.body()).isEqualTo(201);
            assertThat(reply.json().get("creditCode").asString()).isEqualTo(valid.toUpperCase());
        }
        for (String invalid : List.of("911100001000013823", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43",
                "91350100M000100Y42")) {
            Http.Reply reply = create(commerce, invalid);
            assertThat(reply.status()).as(invalid + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("parameter").asString()).isEqualTo("credit_code");
        }
        assertThat(create(commerce, "911100001000013823").body()).contains("check character is 'G'");
        // The database holds the same rule for every other way in.
        Http.Reply ogc = commerce.post("/ogc/collections/enterprise/items", """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[116.30,33.26]},
                 "properties":{"code":"QY-OGC-%s","name":"OGC企业","department":"commerce","credit_code":"911100001000013823"}}"""
            .formatted(UUID.randomUUID()));
        assertThat(ogc.status()).as(ogc.body()).isEqualTo(400);
        assertThat(TestAccounts.waterEditor(admin).post("/api/v1/enterprises", "{\"properties\":{\"code\":\"x\",\"name\":\"x\"},"
                + "\"location\":{\"type\":\"Point\",\"coordinates\":[116.30,33.26]}}").status()).isEqualTo(403);
    }

    @Test
    void contactsAndVisitsAreReadOnlyByCommerceStaffAndAdministrators() {
        Http commerce = TestAccounts.ensure(admin, "commerce_editor", List.of("editor"), "commerce");
        Http commerceViewer = TestAccounts.ensure(admin, "commerce_viewer", List.of("viewer"), "commerce");
        long id = create(commerce, null).json().get("id").asLong();
        Http.Reply added = commerce.post("/api/v1/enterprises/" + id + "/contacts",
                "{\"name\":\"郑明\",\"position\":\"总经理\",\"phone\":\"13955551234\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(commerceViewer.get("/api/v1/enterprises/" + id + "/contacts").body()).contains("13955551234");
        assertThat(admin.get("/api/v1/enterprises/" + id + "/contacts").body()).contains("13955551234");
        for (Http other : List.of(TestAccounts.viewer(admin), TestAccounts.waterEditor(admin), TestAccounts.planner(admin))) {
            assertThat(other.get("/api/v1/enterprises/" + id + "/contacts").status()).isEqualTo(403);
            assertThat(other.get("/api/v1/enterprises/" + id + "/visits").status()).isEqualTo(403);
            assertThat(other.get("/api/v1/enterprises/" + id).body()).doesNotContain("13955551234");
            assertThat(other.get("/ogc/collections/enterprise/items/" + id).body()).doesNotContain("13955551234").doesNotContain("郑明");
        }
        assertThat(commerceViewer.post("/api/v1/enterprises/" + id + "/contacts", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(commerce.post("/api/v1/enterprises/" + id + "/contacts", "{\"name\":\"x\",\"phone\":\"call me\"}").status())
            .isEqualTo(400);
    }

    @Test
    void visitProblemsAreFollowedUpAndTheWatchListHoldsAboveScaleEnterprisesThatCutProduction() {
        Http commerce = TestAccounts.ensure(admin, "commerce_editor", List.of("editor"), "commerce");
        long id = create(commerce, null).json().get("id").asLong();
        assertThat(commerce.post("/api/v1/enterprises/" + id + "/visits", "{\"visitedOn\":\"2999-01-01\",\"officer\":\"王建国\"}")
            .status()).isEqualTo(400);
        Http.Reply visit = commerce.post("/api/v1/enterprises/" + id + "/visits",
                "{\"visitedOn\":\"2026-11-20\",\"officer\":\"王建国\",\"problems\":\"用工紧张\"}");
        assertThat(visit.status()).as(visit.body()).isEqualTo(201);
        long visitId = visit.json().get(0).get("id").asLong();
        assertThat(commerce.get("/api/v1/enterprises/" + id).json().get("openProblems").asInt()).isEqualTo(1);
        assertThat(commerce.patch("/api/v1/enterprises/" + id + "/visits/" + visitId,
                "{\"to\":\"closed\",\"followUp\":\"x\",\"version\":0}").status()).isEqualTo(422);
        for (String to : List.of("assigned", "rectifying", "rectified", "closed")) {
            int version = commerce.get("/api/v1/enterprises/" + id + "/visits").json().get(0).get("version").asInt();
            Http.Reply moved = commerce.patch("/api/v1/enterprises/" + id + "/visits/" + visitId,
                    "{\"to\":\"" + to + "\",\"followUp\":\"跟进：" + to + "\",\"version\":" + version + "}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        assertThat(commerce.get("/api/v1/enterprises/" + id).json().get("openProblems").asInt()).isZero();

        int version = commerce.get("/api/v1/enterprises/" + id).json().get("version").asInt();
        commerce.patch("/api/v1/enterprises/" + id, "{\"properties\":{\"production\":\"halted\",\"version\":" + version + "}}");
        JsonNode watch = commerce.get("/api/v1/enterprises?watch=true").json();
        long expected = jdbc.sql("SELECT count(*) FROM enterprise WHERE scale = 'above' AND production IN ('reduced', 'halted')")
            .query(Long.class).single();
        assertThat(watch.get("total").asLong()).isEqualTo(expected);
        assertThat(watch.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
    }

    /** Contacts and visit problems live outside the feature table: no format of any general route carries them, to anyone. */
    @Test
    void personalDataLeavesThroughNoOtherRouteOrFormat() {
        Http commerce = TestAccounts.ensure(admin, "commerce_editor", List.of("editor"), "commerce");
        long id = create(commerce, null).json().get("id").asLong();
        String phone = "1398" + String.format("%07d", (int) (Math.random() * 10_000_000));
        assertThat(commerce.post("/api/v1/enterprises/" + id + "/contacts",
                "{\"name\":\"欧阳隐私\",\"position\":\"财务总监\",\"phone\":\"" + phone + "\"}").status()).isEqualTo(201);
        assertThat(commerce.post("/api/v1/enterprises/" + id + "/visits",
                "{\"visitedOn\":\"2026-11-20\",\"officer\":\"王建国\",\"problems\":\"隐私问题描述\"}").status()).isEqualTo(201);
        for (Http reader : List.of(admin, commerce, TestAccounts.viewer(admin), TestAccounts.waterEditor(admin))) {
            for (String path : List.of("/api/v1/enterprises", "/api/v1/enterprises/" + id, "/api/v1/enterprises?q=欧阳隐私",
                    "/ogc/collections/enterprise/items?limit=1000", "/ogc/collections/enterprise/items?limit=1000&f=html",
                    "/ogc/collections/enterprise/items/" + id, "/ogc/collections/enterprise/items/" + id + "?f=html",
                    "/api/v1/collections/enterprise/export?format=csv", "/api/v1/collections/enterprise/export?format=geojson",
                    "/api/v1/search?q=" + phone, "/api/v1/search?q=欧阳隐私")) {
                Http.Reply reply = reader.get(path);
                assertThat(reply.status()).as(path).isEqualTo(200);
                assertThat(reply.body()).as(path).doesNotContain(phone).doesNotContain("欧阳隐私").doesNotContain("隐私问题描述");
            }
        }
    }

    @Test
    void theChainsAreDataTheCommerceBureauKeeps() {
        Http commerce = TestAccounts.ensure(admin, "commerce_editor", List.of("editor"), "commerce");
        Http.Reply put = commerce.send("PUT", "/api/v1/enterprises/chains/test_chain",
                "{\"nameZh\":\"测试产业链\",\"nameEn\":\"Test chain\",\"cluster\":\"leading\",\"chainLeader\":\"县长\",\"sortOrder\":999}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("测试产业链", "县长");
        assertThat(commerce.send("PUT", "/api/v1/enterprises/chains/test_chain",
                "{\"nameZh\":\"测试产业链\",\"nameEn\":\"Test chain\",\"cluster\":\"biggest\"}").status()).isEqualTo(400);
        assertThat(TestAccounts.waterEditor(admin).send("PUT", "/api/v1/enterprises/chains/test_chain",
                "{\"nameZh\":\"x\",\"nameEn\":\"x\",\"cluster\":\"leading\"}").status()).isEqualTo(403);
        assertThat(commerce.post("/api/v1/enterprises", """
                {"properties":{"code":"QY-T-%s","name":"链上企业","chain":"test_chain"},
                 "location":{"type":"Point","coordinates":[116.30,33.26]}}""".formatted(UUID.randomUUID())).status()).isEqualTo(201);
    }

}
