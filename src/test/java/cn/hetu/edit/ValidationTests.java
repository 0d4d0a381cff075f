package cn.hetu.edit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule the database keeps is known before a write (served in the queryables for the form), and a
 * refusal names the field in the reader's language with a stable code; constraint names never leave the server.
 */
@RegistryTest
class ValidationTests {

    private static final String SLUICES = "/ogc/collections/sluice/items";

    @Autowired
    Http http;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM sluice WHERE code LIKE 'VAL-%'").update();
        jdbc.sql("DELETE FROM land_parcel WHERE code LIKE 'VAL-%'").update();
    }

    @Test
    void aNegativeGateCountIsRefusedNamingTheFieldInTheReadersLanguage() {
        Http.Reply zh = http.post(SLUICES, sluice("VAL-1", "\"gate_count\":-3"), "Accept-Language", "zh-CN");
        assertRefused(zh, 400, "too_small", "gate_count");
        assertThat(zh.json().get("detail").asString()).contains("闸孔数").contains("0");
        assertThat(zh.json().get("limit").asInt()).isZero();
        assertThat(zh.json().get("exclusive").asBoolean()).isTrue();
        Http.Reply en = http.post(SLUICES, sluice("VAL-1", "\"gate_count\":-3"), "Accept-Language", "en");
        assertThat(en.json().get("detail").asString()).contains("Gate openings");
        assertRefused(http.post(SLUICES, sluice("VAL-1", "\"safety_class\":5")), 400, "too_large", "safety_class");
        assertRefused(http.post(SLUICES, sluice("VAL-1", "\"scale\":\"huge\"")), 400, "not_allowed", "scale");
        assertRefused(http.post(SLUICES, sluice("VAL-1", "\"gate_count\":\"three\"")), 400, "wrong_type", "gate_count");
        assertRefused(http.post(SLUICES, sluice("VAL-1", "\"no_such\":1")), 400, "unknown_field", "no_such");
        assertRefused(http.post(SLUICES, sluice("VAL-1", "\"name\":\"   \"")), 400, "blank", "name");
    }

    @Test
    void aMillionCharacterNameIsRefusedByTheApiAndByTheDatabase() {
        String huge = "闸".repeat(1_000_000);
        Http.Reply reply = http.post(SLUICES, sluice("VAL-2", "\"name\":\"" + huge + "\""));
        assertRefused(reply, 400, "too_long", "name");
        assertThat(reply.json().get("limit").asInt()).isEqualTo(200);
        assertRefused(http.post(SLUICES, sluice("VAL-2", "\"gate_type\":\"" + "x".repeat(201) + "\"")), 400, "too_long",
                "gate_type");
        assertThat(http.post(SLUICES, sluice("VAL-2", "\"name\":\"" + "闸".repeat(200) + "\"")).status()).isEqualTo(201);
        assertThatThrownBy(() -> jdbc.sql("UPDATE sluice SET remarks = repeat('x', 2001) WHERE code = 'VAL-2'").update())
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void refusalsOnlyTheDatabaseSeesAreToldByFieldAndCodeWithoutConstraintNames() {
        Http.Reply created = http.post(SLUICES, sluice("VAL-3", "\"gate_count\":2"));
        assertThat(created.status()).isEqualTo(201);
        Http.Reply duplicate = http.post(SLUICES, sluice("VAL-3", "\"gate_count\":2"));
        assertRefused(duplicate, 409, "duplicate", "code");
        Http.Reply unknownDepartment = http.post(SLUICES, sluice("VAL-4", "\"department\":\"nowhere\""));
        assertThat(unknownDepartment.status()).isBetween(400, 403);
        assertThat(unknownDepartment.body()).doesNotContain("fkey", "constraint");
        Http.Reply inconsistent = http.post("/ogc/collections/land_parcel/items", """
                {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[116.30,33.20],[116.301,33.20],
                 [116.301,33.201],[116.30,33.201],[116.30,33.20]]]]},
                 "properties":{"code":"VAL-5","name":"校验地块","department":"natres","parcel_no":"VAL-5","category":"idle",
                 "disposal_status":"disposed"}}""");
        assertRefused(inconsistent, 400, "inconsistent", "disposal_status");
        assertThat(inconsistent.json().get("detail").asString()).contains("处置状态").contains("处置完成日期");
    }

    @Test
    void theQueryablesCarryTheDatabasesRulesForTheForm() {
        JsonNode properties = http.get("/ogc/collections/sluice/queryables").json().get("properties");
        assertThat(properties.get("gate_count").get("exclusiveMinimum").asInt()).isZero();
        assertThat(properties.get("gate_count").get("title").asString()).isEqualTo("闸孔数");
        assertThat(properties.get("safety_class").get("minimum").asInt()).isEqualTo(1);
        assertThat(properties.get("safety_class").get("maximum").asInt()).isEqualTo(4);
        assertThat(properties.get("scale").get("enum").toString()).isEqualTo("[\"large\",\"medium\",\"small\"]");
        assertThat(properties.get("scale").get("x-labels").get("small").asString()).isEqualTo("小型");
        assertThat(properties.get("status").get("enum")).hasSize(6);
        assertThat(properties.get("name").get("maxLength").asInt()).isEqualTo(200);
        assertThat(properties.get("name").get("minLength").asInt()).isEqualTo(1);
        assertThat(properties.get("remarks").get("maxLength").asInt()).isEqualTo(2000);
        assertThat(http.get("/ogc/collections/sluice/queryables?lang=en").json().at("/properties/gate_count/title").asString())
            .isEqualTo("Gate openings");
    }

    private static void assertRefused(Http.Reply reply, int status, String code, String field) {
        String body = reply.body().length() > 400 ? reply.body().substring(0, 400) + "…" : reply.body();
        assertThat(reply.status()).as(body).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asString("")).as(body).isEqualTo(code);
        assertThat(reply.json().get("field").asString()).isEqualTo(field);
        assertThat(reply.json().get("pointer").asString()).isEqualTo("/properties/" + field);
        assertThat(reply.body()).doesNotContain("_check", "_key", "violates", "constraint");
    }

    private static String sluice(String code, String extra) {
        StringBuilder properties = new StringBuilder("\"code\":\"" + code + "\",");
        for (String key : new String[] { "\"name\":\"校验测试闸\"", "\"department\":\"water\"", "\"scale\":\"small\"" }) {
            if (!extra.startsWith(key.substring(0, key.indexOf(':') + 1))) {
                properties.append(key).append(',');
            }
        }
        properties.append(extra);
        return """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[116.31,33.21]},"properties":{%s}}"""
            .formatted(properties);
    }

}
