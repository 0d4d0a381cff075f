package cn.hetu.plan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan made on its page: created, its tasks added and edited, linked to projects and assets, parts removed. */
@RegistryTest
class PlanEditingTests {

    private static final int YEAR = 2091;

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removePlans() {
        jdbc.sql("DELETE FROM plan WHERE year IN (?, ?)").params(YEAR, YEAR + 1).update();
    }

    @Test
    void aDepartmentsEditorMakesItsPlanWithTasksAndIndicators() {
        Http water = TestAccounts.waterEditor(admin);
        assertThat(water.post("/api/v1/plans", plan("natres")).status()).as("another department's plan").isEqualTo(403);
        assertThat(water.post("/api/v1/plans", plan("no_such")).json().get("parameter").asString()).isEqualTo("department");
        assertThat(water.post("/api/v1/plans", "{\"department\":\"water\",\"year\":1999,\"title\":\"x\"}").json()
            .get("parameter").asString()).isEqualTo("year");
        assertThat(water.post("/api/v1/plans", "{\"department\":\"water\",\"year\":" + YEAR + ",\"title\":\" \"}").json()
            .get("parameter").asString()).isEqualTo("title");
        Http.Reply created = water.post("/api/v1/plans", plan("water"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long planId = created.json().get("id").asLong();
        assertThat(created.json().get("tasks").size()).isZero();
        assertThat(water.post("/api/v1/plans", plan("water")).status()).as("one plan a year").isEqualTo(409);

        Http.Reply first = water.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"沟渠清淤\",\"section\":\"一、水利\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("seq").asInt()).isEqualTo(1);
        assertThat(first.json().get("responsible").asString()).as("the plan's department by default").isEqualTo("water");
        Http.Reply second = water.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"闲置土地处置\",\"responsible\":\"natres\"}");
        assertThat(second.json().get("seq").asInt()).isEqualTo(2);
        assertThat(water.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"x\",\"responsible\":\"nobody\"}").json()
            .get("parameter").asString()).isEqualTo("responsible");
        assertThat(water.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"" + "长".repeat(201) + "\"}").status())
            .isEqualTo(400);

        long taskId = first.json().get("id").asLong();
        String edit = "{\"title\":\"大中沟清淤\",\"body\":\"全年完成\",\"responsible\":\"water\",\"version\":%d}";
        Http.Reply saved = water.send("PUT", "/api/v1/plans/tasks/" + taskId, edit.formatted(0));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("title").asString()).isEqualTo("大中沟清淤");
        assertThat(saved.json().get("section")).as("cleared").isNull();
        assertThat(water.send("PUT", "/api/v1/plans/tasks/" + taskId, edit.formatted(0)).status()).as("a stale version").isEqualTo(409);
        assertThat(TestAccounts.natresEditor(admin).send("PUT", "/api/v1/plans/tasks/" + taskId, edit.formatted(1)).status())
            .isEqualTo(403);

        Http.Reply indicator = water.post("/api/v1/plans/tasks/" + taskId + "/indicators", """
                {"nameZh":"清淤大中沟","kind":"count","unit":"条","target":10,"periodStart":"%d-01-01","deadline":"%d-12-31",
                 "measurement":"registry","collection":"ditch","filter":"treated_year = %d","aggregate":"count","onDashboard":true}"""
            .formatted(YEAR, YEAR, YEAR));
        assertThat(indicator.status()).as(indicator.body()).isEqualTo(201);
        assertThat(indicator.json().get("value").asDouble()).as("no ditch is treated in " + YEAR).isZero();
        assertThat(admin.get("/api/v1/stats/overview?year=" + YEAR).json().get("tiles").get(0).get("indicatorId").asLong())
            .isEqualTo(indicator.json().get("id").asLong());
        assertThat(admin.get("/api/v1/plans/years").json().toString()).contains(String.valueOf(YEAR));

        assertThat(water.delete("/api/v1/plans/indicators/" + indicator.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(water.delete("/api/v1/plans/tasks/" + second.json().get("id").asLong()).status()).isEqualTo(204);
        JsonNode plan = admin.get("/api/v1/plans/" + planId).json();
        assertThat(plan.get("tasks").size()).isEqualTo(1);
        assertThat(plan.get("tasks").get(0).get("indicators").size()).isZero();
        assertThat(water.delete("/api/v1/plans/tasks/999999999").status()).isEqualTo(404);
        assertThat(TestAccounts.natresEditor(admin).delete("/api/v1/plans/" + planId).status()).isEqualTo(403);
        assertThat(water.delete("/api/v1/plans/" + planId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/plans/" + planId).status()).isEqualTo(404);
    }

    @Test
    void aTaskIsLinkedToProjectsAndAssetsThatExistAndTheLinksAreAudited() {
        long planId = admin.post("/api/v1/plans", plan("water")).json().get("id").asLong();
        long taskId = admin.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"桥梁改造\"}").json().get("id").asLong();
        long project = jdbc.sql("SELECT min(id) FROM project").query(Long.class).single();
        long bridge = jdbc.sql("SELECT min(id) FROM bridge").query(Long.class).single();
        String path = "/api/v1/plans/tasks/" + taskId + "/links";
        Http.Reply linked = admin.send("PUT", path,
                "{\"projects\":[" + project + "],\"assets\":[{\"collection\":\"bridge\",\"id\":" + bridge + "}]}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("projects").get(0).get("id").asLong()).isEqualTo(project);
        assertThat(linked.json().get("assets").get(0).get("id").asLong()).isEqualTo(bridge);
        assertThat(parameter(admin.send("PUT", path, "{\"projects\":[999999999]}"))).isEqualTo("projects[0]");
        assertThat(parameter(admin.send("PUT", path, "{\"assets\":[{\"collection\":\"patrol\",\"id\":1}]}")))
            .as("a record is not an asset").isEqualTo("assets[0].collection");
        assertThat(parameter(admin.send("PUT", path, "{\"assets\":[{\"collection\":\"bridge\",\"id\":999999999}]}")))
            .isEqualTo("assets[0].id");
        assertThat(admin.get("/api/v1/plans/" + planId).json().get("tasks").get(0).get("assets").size()).as("nothing refused was kept")
            .isEqualTo(1);
        Http.Reply unlinked = admin.send("PUT", path, "{\"projects\":[],\"assets\":[]}");
        assertThat(unlinked.json().get("projects").size()).isZero();
        assertThat(unlinked.json().get("assets").size()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE collection IN ('plan_task_project', 'plan_task_asset') AND feature_id = ?
                AND username = 'admin'""").param(taskId).query(Long.class).single()).as("two links made, two removed").isEqualTo(4);
    }

    @Test
    void aClosedYearsTasksChangeOnlyByAnAdministratorInTheAuditTrail() {
        long planId = admin.post("/api/v1/plans", plan("water")).json().get("id").asLong();
        long taskId = admin.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"旧任务\"}").json().get("id").asLong();
        assertThat(admin.post("/api/v1/plans/" + planId + "/close", null).status()).isEqualTo(200);
        Http water = TestAccounts.waterEditor(admin);
        String edit = "{\"title\":\"改过的任务\",\"version\":0}";
        Http.Reply refused = water.send("PUT", "/api/v1/plans/tasks/" + taskId, edit);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("closed");
        assertThat(water.post("/api/v1/plans/" + planId + "/tasks", "{\"title\":\"新任务\"}").status()).isEqualTo(403);
        assertThat(water.delete("/api/v1/plans/tasks/" + taskId).status()).isEqualTo(403);
        assertThat(admin.send("PUT", "/api/v1/plans/tasks/" + taskId, edit).status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT after->>'title' FROM audit_log WHERE collection = 'plan_task' AND feature_id = ? AND action = 'update'
                AND username = 'admin' ORDER BY id DESC LIMIT 1""").param(taskId).query(String.class).single()).isEqualTo("改过的任务");
    }

    private static String plan(String department) {
        return "{\"department\":\"" + department + "\",\"year\":" + YEAR + ",\"title\":\"" + YEAR + "年测试计划\"}";
    }

    private static String parameter(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("parameter").asString();
    }

}
