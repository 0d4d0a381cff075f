package cn.hetu.river;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Patrol types are rows: listed to everyone signed in, added and changed by an administrator, checked on the way in. */
@RegistryTest
class PatrolTypeTests {

    /** A type of field work no code knows: inspecting bridges, with a rainy-season rule. */
    private static final String BRIDGES = """
            {"id":"bridge_check","name":{"zh":"桥梁巡查","en":"Bridge inspection"},"sortOrder":50,
             "appliesTo":{"kind":"assets","collections":["bridge"]},
             "issueCategories":[{"id":"deck_damage","name":{"zh":"桥面破损","en":"Deck damage"}},
                                {"id":"other","name":{"zh":"其他","en":"Other"}}],
             "checklists":{"bridge":[{"id":"deck_damage","name":{"zh":"桥面","en":"Deck"}}]},
             "seasons":[{"id":"rainy","name":{"zh":"雨季","en":"Rainy season"},"from":"07-01","to":"08-31"}],
             "frequency":[{"level":"town","period":"month","minCount":1,"season":null},
                          {"level":"town","period":"week","minCount":1,"season":"rainy"}],
             "rectifyDays":10}""";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAddedTypes() {
        jdbc.sql("DELETE FROM patrol_type WHERE NOT built_in").update();
    }

    @Test
    void theFourBuiltInTypesAreListedWithTheirRules() {
        JsonNode types = TestAccounts.riverChief(admin).get("/api/v1/patrol-types").json();
        List<String> ids = new ArrayList<>();
        types.forEach(t -> ids.add(t.get("id").asString()));
        assertThat(ids).containsExactly("river", "straw_burning", "works_inspection", "warning_station");
        JsonNode works = types.get(2);
        assertThat(works.get("name").get("zh").asString()).isEqualTo("水利工程隐患排查");
        assertThat(works.get("appliesTo").get("kind").asString()).isEqualTo("assets");
        assertThat(works.get("checklists").get("sluice").toString()).contains("gate_hoist");
        assertThat(works.get("seasons").get(0).get("from").asString()).isEqualTo("06-01");
        assertThat(types.get(0).get("issueCategories").size()).isEqualTo(6);
        assertThat(admin.anonymous().get("/api/v1/patrol-types").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorAddsAndChangesATypeWithoutCode() {
        Http.Reply created = admin.post("/api/v1/patrol-types", BRIDGES);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("builtIn").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/patrol-types", BRIDGES).status()).as("the same id again").isEqualTo(409);
        assertThat(TestAccounts.waterEditor(admin).post("/api/v1/patrol-types", BRIDGES.replace("bridge_check", "b2")).status())
            .isEqualTo(403);
        String changed = BRIDGES.replace("桥梁巡查", "桥梁安全巡查").replace("\"rectifyDays\":10", "\"rectifyDays\":10,\"version\":0");
        Http.Reply replaced = admin.send("PUT", "/api/v1/patrol-types/bridge_check", changed);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("name").get("zh").asString()).isEqualTo("桥梁安全巡查");
        assertThat(admin.send("PUT", "/api/v1/patrol-types/bridge_check", changed).status()).as("stale version").isEqualTo(409);
        assertThat(admin.get("/api/v1/patrol-types/bridge_check").json().get("version").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/bulletins/2026-10?type=bridge_check").status()).isEqualTo(200);
    }

    @Test
    void aTypeTheApplicationCouldNotEvaluateIsRefusedNamingTheField() {
        assertRefused(BRIDGES.replace("\"bridge_check\"", "\"Bridge Check\""), "id");
        assertRefused(BRIDGES.replace("\"en\":\"Bridge inspection\"", "\"en\":\" \""), "name");
        assertRefused(BRIDGES.replace("\"kind\":\"assets\"", "\"kind\":\"roads\""), "appliesTo.kind");
        assertRefused(BRIDGES.replace("\"collections\":[\"bridge\"]", "\"collections\":[\"no_such_layer\"]"), "appliesTo.collections");
        assertRefused(BRIDGES.replace("\"collections\":[\"bridge\"]", "\"collections\":[\"patrol\"]"), "appliesTo.collections");
        assertRefused(BRIDGES.replace("\"checklists\":{\"bridge\"", "\"checklists\":{\"sluice\""), "checklists.sluice");
        assertRefused(BRIDGES.replace("{\"id\":\"deck_damage\",\"name\":{\"zh\":\"桥面\"", "{\"id\":\"railing\",\"name\":{\"zh\":\"桥面\""),
                "checklists.bridge");
        assertRefused(BRIDGES.replace("\"07-01\"", "\"07-32\""), "seasons.rainy.from");
        assertRefused(BRIDGES.replace("\"season\":\"rainy\"", "\"season\":\"monsoon\""), "frequency.season");
        assertRefused(BRIDGES.replace("\"period\":\"week\"", "\"period\":\"fortnight\""), "frequency.period");
        assertRefused(BRIDGES.replace("\"minCount\":1,\"season\":null", "\"minCount\":0,\"season\":null"), "frequency.minCount");
        assertRefused(BRIDGES.replace("\"season\":\"rainy\"", "\"season\":null"), "frequency");
        assertRefused(BRIDGES.replace("\"issueCategories\":[", "\"issueCategories\":[{\"id\":\"other\",\"name\":{\"zh\":\"其他\",\"en\":\"Other\"}},"),
                "issueCategories");
        assertRefused(BRIDGES.replace("\"rectifyDays\":10", "\"rectifyDays\":0"), "rectifyDays");
        assertRefused("{\"id\":\"bare\"}", "name");
        Http.Reply rename = admin.send("PUT", "/api/v1/patrol-types/river", BRIDGES.replace("\"rectifyDays\":10", "\"rectifyDays\":10,\"version\":0"));
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.json().get("parameter").asString()).isEqualTo("id");
        assertThat(admin.get("/api/v1/patrol-types/no_such_type").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/bulletins/2026-10?type=no_such_type").json().get("parameter").asString()).isEqualTo("type");
    }

    private void assertRefused(String body, String parameter) {
        Http.Reply reply = admin.post("/api/v1/patrol-types", body);
        assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(400);
        assertThat(reply.json().get("parameter").asString()).as(reply.body()).isEqualTo(parameter);
    }

}
