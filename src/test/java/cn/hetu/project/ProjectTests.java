package cn.hetu.project;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class ProjectTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsProjectsByDepartmentStatusAndText() {
        JsonNode page = admin.get("/api/v1/projects?department=water&status=under_construction&size=200").json();
        long expected = count("SELECT count(*) FROM project WHERE department = 'water' AND status = 'under_construction'");
        assertThat(page.get("total").asLong()).isEqualTo(expected).isPositive();
        page.get("items").forEach(p -> {
            assertThat(p.get("department").asString()).isEqualTo("water");
            assertThat(p.get("departmentName").asString()).isEqualTo("县水利局");
        });
        JsonNode found = admin.get("/api/v1/projects?q=" + encode("曹市闸")).json();
        assertThat(found.get("items").get(0).get("name").asString()).contains("曹市闸");
        JsonNode sorted = admin.get("/api/v1/projects?sort=-investment&size=3").json().get("items");
        assertThat(sorted.get(0).get("investmentPlanned").asDouble())
            .isGreaterThanOrEqualTo(sorted.get(1).get("investmentPlanned").asDouble());
        assertThat(admin.get("/api/v1/projects?sort=colour").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/projects?size=10000").status()).isEqualTo(400);
    }

    @Test
    void flagsOverdueMilestonesInListsAndDetails() {
        long withOverdue = count("""
                SELECT count(DISTINCT project_id) FROM project_milestone WHERE done_on IS NULL AND due_on < current_date""");
        assertThat(withOverdue).isPositive();
        assertThat(admin.get("/api/v1/projects?overdue=true&size=500").json().get("total").asLong()).isEqualTo(withOverdue);
        long id = jdbc.sql("""
                SELECT project_id FROM project_milestone WHERE done_on IS NULL AND due_on < current_date LIMIT 1""")
            .query(Long.class)
            .single();
        JsonNode detail = admin.get("/api/v1/projects/" + id).json();
        assertThat(detail.get("summary").get("overdueMilestones").asInt()).isPositive();
        assertThat(detail.get("milestones").toString()).contains("\"overdue\":true");
    }

    @Test
    void measuresProgressFromTheLinkedAssets() {
        long id = jdbc.sql("SELECT id FROM project WHERE name = '大中型水闸标准化创建'").query(Long.class).single();
        int version = admin.get("/api/v1/projects/" + id).json().get("summary").get("version").asInt();
        Http.Reply byAssets = admin.send("PATCH", "/api/v1/projects/" + id,
                "{\"properties\":{\"progress_method\":\"assets\",\"version\":" + version + "}}");
        assertThat(byAssets.status()).as(byAssets.body()).isEqualTo(200);
        JsonNode progress = byAssets.json().get("progress");
        assertThat(progress.get("method").asString()).isEqualTo("assets");
        long completed = count("""
                SELECT count(*) FROM project_asset pa JOIN sluice s ON s.id = pa.asset_id
                WHERE pa.project_id = %d AND pa.collection = 'sluice' AND s.status = 'completed'""".formatted(id));
        assertThat(progress.get("measure").asString()).isEqualTo("completed_assets");
        assertThat(progress.get("measured").asDouble()).isEqualTo(completed);
        assertThat(progress.get("pct").asDouble()).isCloseTo(Math.min(100, completed * 100.0 / 7), org.assertj.core.data.Offset.offset(0.1));
        admin.send("PATCH", "/api/v1/projects/" + id, "{\"properties\":{\"progress_method\":null,\"version\":"
                + (version + 1) + "}}");

        long ditches = jdbc.sql("SELECT id FROM project WHERE target_measure = 'treated_ditches' ORDER BY year LIMIT 1")
            .query(Long.class)
            .single();
        double before = admin.get("/api/v1/projects/" + ditches).json().get("progress").get("measured").asDouble();
        long treatedDitch = jdbc.sql("""
                SELECT id FROM ditch WHERE treated AND id NOT IN (SELECT asset_id FROM project_asset
                WHERE project_id = ? AND collection = 'ditch') LIMIT 1""").param(ditches).query(Long.class).single();
        Http.Reply linked = admin.post("/api/v1/projects/" + ditches + "/links",
                "{\"collection\":\"ditch\",\"assetId\":" + treatedDitch + "}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("progress").get("measured").asDouble()).isEqualTo(before + 1);
        assertThat(admin.delete("/api/v1/projects/" + ditches + "/links/ditch/" + treatedDitch).json().get("progress")
            .get("measured").asDouble()).isEqualTo(before);
    }

    @Test
    void createsAProjectWithItsMilestoneChainAndFootprint() {
        jdbc.sql("DELETE FROM project WHERE code = 'XM-TEST-001'").update();
        Http editor = TestAccounts.waterEditor(admin);
        Http.Reply created = editor.post("/api/v1/projects", """
                {"properties":{"code":"XM-TEST-001","name":"测试泵站新建工程","department":"water","category":"water_conservancy",
                 "year":2026,"planned_start":"2026-01-01","planned_end":"2026-12-31","investment_planned":860,
                 "status":"planned"},
                 "footprint":{"type":"Polygon","coordinates":[[[116.30,33.20],[116.31,33.20],[116.31,33.21],[116.30,33.20]]]}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode detail = created.json();
        assertThat(detail.get("milestones").size()).isEqualTo(7);
        assertThat(detail.get("milestones").get(0).get("name").asString()).isEqualTo("立项");
        assertThat(detail.get("milestones").get(6).get("dueOn").asString()).isEqualTo("2026-12-31");
        assertThat(detail.get("history").get(0).get("toStatus").asString()).isEqualTo("planned");
        assertThat(detail.get("history").get(0).get("changedBy").asString()).isEqualTo("water_editor");
        assertThat(detail.get("footprint").get("type").asString()).isEqualTo("Polygon");
        assertThat(TestAccounts.natresEditor(admin).post("/api/v1/projects",
                "{\"properties\":{\"code\":\"XM-TEST-002\",\"name\":\"x\",\"department\":\"water\",\"category\":\"land\",\"year\":2026}}")
            .status()).isEqualTo(403);
        jdbc.sql("DELETE FROM project WHERE code = 'XM-TEST-001'").update();
    }

    @Test
    void onlyAllowedTransitionsHappenAndEachIsRecordedWithItsReason() {
        long id = TestProjects.create(admin, jdbc, "XM-TEST-003");
        int version = TestProjects.version(jdbc, id);
        Http.Reply skipped = admin.post("/api/v1/projects/" + id + "/transitions",
                "{\"to\":\"completed\",\"reason\":\"想跳过\",\"version\":" + version + "}");
        assertThat(skipped.status()).isEqualTo(422);
        assertThat(skipped.json().get("detail").asString()).contains("planned", "completed", "approved", "suspended");
        assertThat(admin.post("/api/v1/projects/" + id + "/transitions", "{\"to\":\"approved\",\"version\":" + version + "}")
            .status()).as("a reason is required").isEqualTo(400);
        Http.Reply approved = admin.post("/api/v1/projects/" + id + "/transitions",
                "{\"to\":\"approved\",\"reason\":\"县发改委批复\",\"version\":" + version + "}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode last = approved.json().get("history").get(approved.json().get("history").size() - 1);
        assertThat(last.get("fromStatus").asString()).isEqualTo("planned");
        assertThat(last.get("toStatus").asString()).isEqualTo("approved");
        assertThat(last.get("reason").asString()).isEqualTo("县发改委批复");
        assertThat(last.get("changedBy").asString()).isEqualTo("admin");
        assertThat(admin.post("/api/v1/projects/" + id + "/transitions",
                "{\"to\":\"under_construction\",\"reason\":\"x\",\"version\":" + version + "}").status())
            .as("stale version").isEqualTo(409);
        Http.Reply around = admin.send("PATCH", "/ogc/collections/project/items/" + id,
                "{\"properties\":{\"status\":\"completed\"}}", "Content-Type", "application/merge-patch+json");
        assertThat(around.status()).as("the rule holds on the OGC API path too").isEqualTo(400);
        assertThat(around.json().get("detail").asString()).contains("工作状态不能从“已立项”直接改为“已完工”");
        assertThat(around.json().get("code").asString()).isEqualTo("not_allowed_transition");
        assertThat(around.json().get("field").asString()).isEqualTo("status");
        assertThat(TestAccounts.natresEditor(admin).post("/api/v1/projects/" + id + "/transitions",
                "{\"to\":\"suspended\",\"reason\":\"x\",\"version\":" + TestProjects.version(jdbc, id) + "}").status()).isEqualTo(403);
        Http.Reply building = TestAccounts.waterEditor(admin).post("/api/v1/projects/" + id + "/transitions",
                "{\"to\":\"under_construction\",\"reason\":\"开工令已下达\",\"version\":" + TestProjects.version(jdbc, id) + "}");
        assertThat(building.status()).isEqualTo(200);
        assertThat(building.json().get("actualStart").isNull()).isFalse();
        jdbc.sql("DELETE FROM project WHERE code = 'XM-TEST-003'").update();
    }

    @Test
    void milestonesAreDoneWithOptimisticLocking() {
        long id = TestProjects.create(admin, jdbc, "XM-TEST-004");
        JsonNode milestone = admin.get("/api/v1/projects/" + id).json().get("milestones").get(0);
        String url = "/api/v1/projects/" + id + "/milestones/" + milestone.get("id").asLong();
        Http.Reply done = admin.send("PUT", url, "{\"dueOn\":\"2020-01-01\",\"doneOn\":\"2020-02-01\",\"version\":"
                + milestone.get("version").asInt() + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("milestones").get(0).get("overdue").asBoolean()).isFalse();
        assertThat(admin.send("PUT", url, "{\"dueOn\":\"2020-01-01\",\"version\":" + milestone.get("version").asInt() + "}")
            .status()).isEqualTo(409);
        Http.Reply late = admin.send("PUT", url, "{\"dueOn\":\"2020-01-01\",\"version\":" + (milestone.get("version").asInt() + 1)
                + "}");
        assertThat(late.json().get("milestones").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(late.json().get("summary").get("overdueMilestones").asInt()).isEqualTo(1);
        jdbc.sql("DELETE FROM project WHERE code = 'XM-TEST-004'").update();
    }

    @Test
    void derivesTheFootprintFromTheLinkedAssets() {
        long id = TestProjects.create(admin, jdbc, "XM-TEST-005");
        long sluice = jdbc.sql("SELECT id FROM sluice WHERE name = '朱楼闸'").query(Long.class).single();
        long bridge = jdbc.sql("SELECT min(id) FROM bridge").query(Long.class).single();
        admin.post("/api/v1/projects/" + id + "/links", "{\"collection\":\"sluice\",\"assetId\":" + sluice + "}");
        admin.post("/api/v1/projects/" + id + "/links", "{\"collection\":\"bridge\",\"assetId\":" + bridge + "}");
        Http.Reply derived = admin.post("/api/v1/projects/" + id + "/footprint/derive", null);
        assertThat(derived.status()).as(derived.body()).isEqualTo(200);
        assertThat(derived.json().get("footprint").get("type").asString()).isEqualTo("MultiPoint");
        assertThat(derived.json().get("links").size()).isEqualTo(2);
        assertThat(admin.post("/api/v1/projects/" + id + "/links", "{\"collection\":\"sluice\",\"assetId\":99999999}")
            .status()).isEqualTo(404);
        jdbc.sql("DELETE FROM project WHERE code = 'XM-TEST-005'").update();
    }

    @Test
    void exportsTheListAsCsvAndXlsx() {
        Http.Reply csv = admin.get("/api/v1/projects/export?format=csv&department=water");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF编号,项目名称,状态,部门");
        assertThat(csv.body()).contains("县水利局", "曹市闸");
        assertThat(csv.body().lines().count() - 1)
            .isEqualTo(count("SELECT count(*) FROM project WHERE department = 'water'"));
        Http.Reply xlsx = admin.get("/api/v1/projects/export?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
        assertThat(xlsx.body()).startsWith("PK");
        assertThat(admin.get("/api/v1/projects/export?format=pdf").status()).isEqualTo(400);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
