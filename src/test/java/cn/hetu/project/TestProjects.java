package cn.hetu.project;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** A planned water project made afresh through the API for a test, and its row version. */
final class TestProjects {

    private TestProjects() {
    }

    static long create(Http admin, JdbcClient jdbc, String code) {
        jdbc.sql("DELETE FROM project WHERE code = ?").param(code).update();
        Http.Reply created = admin.post("/api/v1/projects", """
                {"properties":{"code":"%s","name":"测试项目","department":"water","category":"water_conservancy",
                 "year":2030,"planned_start":"2030-01-01","planned_end":"2030-12-31","status":"planned"}}""".formatted(code));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("summary").get("id").asLong();
    }

    static int version(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT version FROM project WHERE id = ?").param(id).query(Integer.class).single();
    }

}
