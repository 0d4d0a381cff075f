package cn.hetu.ogcapi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class FeatureEditTests {

    private static final String SLUICES = "/ogc/collections/sluice/items";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorCreatesASluiceOfTheirDepartmentAndTheTrailNamesThem() {
        Http editor = TestAccounts.waterEditor(admin);
        cleanUp("EDIT-1");
        Http.Reply created = editor.post(SLUICES, sluice("EDIT-1", "planned", "water", "[116.31, 33.21]"),
                "Content-Type", "application/geo+json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(admin.base() + SLUICES + "/");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.json().get("properties").get("created_by").asString()).isEqualTo("water_editor");
        JsonNode read = admin.get(location).json();
        assertThat(read.get("properties").get("name").asString()).isEqualTo("编辑测试闸");
        assertThat(read.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(116.31);
        long id = read.get("id").asLong();
        assertThat(admin.get("/api/v1/features/sluice/" + id + "/history").json().get(0).get("username").asString())
            .isEqualTo("water_editor");
        cleanUp("EDIT-1");
    }

    @Test
    void refusesASelfIntersectingParcelSayingWhereItCrosses() {
        String bowtie = """
                {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[116.30,33.20],[116.31,33.21],
                [116.31,33.20],[116.30,33.21],[116.30,33.20]]]},"properties":{"code":"EDIT-BOW","name":"自相交地块",
                "department":"natres","parcel_no":"EDIT-BOW","category":"idle"}}""";
        Http.Reply refused = admin.post("/ogc/collections/land_parcel/items", bowtie);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).containsIgnoringCase("self-intersection");
        assertThat(refused.json().get("location").get(0).asDouble()).isCloseTo(116.305, org.assertj.core.data.Offset.offset(0.001));
        assertThat(jdbc.sql("SELECT count(*) FROM land_parcel WHERE code = 'EDIT-BOW'").query(Long.class).single()).isZero();
    }

    @Test
    void refusesWrongTypesPlacesAndPropertiesNamingTheProblem() {
        assertProblem(admin.post(SLUICES, """
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[116.3,33.2],[116.4,33.3]]},
                 "properties":{"code":"EDIT-X","name":"x","department":"water","scale":"small"}}"""), "geometry", "Point");
        assertProblem(admin.post(SLUICES, sluice("EDIT-X", "planned", "water", "[33.21, 116.31]")), "geometry", "outside");
        assertProblem(admin.post(SLUICES, sluice("EDIT-X", "planned", "water", "[116.31, 33.21]")
            .replace("\"scale\"", "\"colour\":\"red\",\"scale\"")), "colour", "no property");
        assertProblem(admin.post(SLUICES, sluice("EDIT-X", "planned", "water", "[116.31, 33.21]")
            .replace("\"scale\"", "\"safety_class\":\"high\",\"scale\"")), "safety_class", "integer");
        Http.Reply badStatus = admin.post(SLUICES, sluice("EDIT-X", "finished", "water", "[116.31, 33.21]"));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("field").asString()).isEqualTo("status");
        assertThat(badStatus.json().get("code").asString()).isEqualTo("not_allowed");
        assertThat(badStatus.json().get("detail").asString()).contains("工作状态").doesNotContain("sluice_status_check");
        assertThat(jdbc.sql("SELECT count(*) FROM sluice WHERE code = 'EDIT-X'").query(Long.class).single()).isZero();
    }

    @Test
    void staleVersionsAreRefusedAndNeverOverwrite() {
        long id = create("EDIT-2");
        String url = SLUICES + "/" + id;
        Http.Reply first = admin.send("PUT", url, sluice("EDIT-2", "approved", "water", "[116.32, 33.22]"), "If-Match", "\"0\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
        Http.Reply stale = admin.send("PUT", url, sluice("EDIT-2", "suspended", "water", "[116.32, 33.22]"), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        Http.Reply staleBody = admin.send("PUT", url,
                sluice("EDIT-2", "suspended", "water", "[116.32, 33.22]").replace("\"scale\"", "\"version\":0,\"scale\""));
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(staleBody.json().get("current").get("properties").get("status").asString()).isEqualTo("approved");
        assertThat(jdbc.sql("SELECT status FROM sluice WHERE id = ?").param(id).query(String.class).single())
            .isEqualTo("approved");
        cleanUp("EDIT-2");
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        long id = create("EDIT-3");
        Http.Reply patched = admin.send("PATCH", SLUICES + "/" + id,
                "{\"properties\":{\"status\":\"under_construction\",\"remarks\":null}}", "Content-Type",
                "application/merge-patch+json", "If-Match", "\"0\"");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode properties = patched.json().get("properties");
        assertThat(properties.get("status").asString()).isEqualTo("under_construction");
        assertThat(properties.get("remarks").isNull()).isTrue();
        assertThat(properties.get("name").asString()).isEqualTo("编辑测试闸");
        assertThat(patched.json().get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(116.31);
        assertThat(properties.get("version").asInt()).isEqualTo(1);
        cleanUp("EDIT-3");
    }

    @Test
    void deletingAFeatureIsRecordedAndItIsGone() {
        long id = create("EDIT-4");
        assertThat(admin.delete(SLUICES + "/" + id, "If-Match", "\"5\"").status()).isEqualTo(412);
        assertThat(admin.delete(SLUICES + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(SLUICES + "/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/features/sluice/" + id + "/history").json().get(0).get("action").asString())
            .isEqualTo("delete");
    }

    @Test
    void onlyThoseWhoMayEditADepartmentsFeaturesWriteThem() {
        String body = sluice("EDIT-5", "planned", "water", "[116.31, 33.21]");
        assertThat(TestAccounts.natresEditor(admin).post(SLUICES, body).status()).isEqualTo(403);
        assertThat(TestAccounts.viewer(admin).post(SLUICES, body).status()).isEqualTo(403);
        assertThat(TestAccounts.planner(admin).post(SLUICES, body).status()).isEqualTo(403);
        assertThat(TestAccounts.riverChief(admin).post(SLUICES, body).status()).isEqualTo(403);
        assertThat(admin.anonymous().post(SLUICES, body).status()).isEqualTo(401);
        assertThat(TestAccounts.waterEditor(admin).post(SLUICES, sluice("EDIT-5", "planned", "natres", "[116.31, 33.21]"))
            .status()).as("an editor cannot file a feature under another department").isEqualTo(403);
        long id = create("EDIT-5");
        Http natres = TestAccounts.natresEditor(admin);
        assertThat(natres.send("PUT", SLUICES + "/" + id, body).status()).isEqualTo(403);
        assertThat(natres.send("PATCH", SLUICES + "/" + id, "{\"properties\":{\"status\":\"completed\"}}").status())
            .isEqualTo(403);
        assertThat(natres.delete(SLUICES + "/" + id).status()).isEqualTo(403);
        assertThat(TestAccounts.viewer(admin).delete(SLUICES + "/" + id).status()).isEqualTo(403);
        assertThat(admin.anonymous().delete(SLUICES + "/" + id).status()).isEqualTo(401);
        String parcel = """
                {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[116.30,33.20],[116.301,33.20],
                [116.301,33.201],[116.30,33.201],[116.30,33.20]]]},"properties":{"code":"EDIT-P","name":"规划测试地块",
                "department":"natres","parcel_no":"EDIT-P","category":"idle"}}""";
        Http.Reply planned = TestAccounts.planner(admin).post("/ogc/collections/land_parcel/items", parcel);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.json().get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        assertThat(planned.json().get("properties").get("area_m2").asDouble()).isBetween(9_000.0, 12_000.0);
        jdbc.sql("DELETE FROM land_parcel WHERE code = 'EDIT-P'").update();
        cleanUp("EDIT-5");
    }

    @Test
    void acceptsTheFieldsADesktopClientSendsBack() {
        long id = create("EDIT-6");
        JsonNode feature = admin.get(SLUICES + "/" + id).json();
        String echoed = feature.toString().replace("\"status\":\"planned\"", "\"status\":\"completed\"");
        Http.Reply replaced = admin.send("PUT", SLUICES + "/" + id, echoed, "Content-Type", "application/geo+json");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("properties").get("status").asString()).isEqualTo("completed");
        cleanUp("EDIT-6");
    }

    private long create(String code) {
        cleanUp(code);
        Http.Reply created = admin.post(SLUICES, sluice(code, "planned", "water", "[116.31, 33.21]"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void cleanUp(String code) {
        jdbc.sql("DELETE FROM sluice WHERE code = ?").param(code).update();
    }

    private static String sluice(String code, String status, String department, String position) {
        return """
                {"type":"Feature","geometry":{"type":"Point","coordinates":%s},
                 "properties":{"code":"%s","name":"编辑测试闸","status":"%s","department":"%s","remarks":"测试",
                 "scale":"small"}}""".formatted(position, code, status, department);
    }

    private static void assertProblem(Http.Reply reply, String parameter, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("parameter").asString()).isEqualTo(parameter);
        assertThat(reply.json().get("detail").asString()).contains(detail);
    }

}
