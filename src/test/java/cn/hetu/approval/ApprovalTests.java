package cn.hetu.approval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class ApprovalTests {

    /** The State Council's 2026 schedule, written out here independently of the calendar_day table. */
    private static final Set<LocalDate> HOLIDAYS_2026 = Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"),
            LocalDate.parse("2026-01-03"), LocalDate.parse("2026-09-25"), LocalDate.parse("2026-09-26"),
            LocalDate.parse("2026-09-27"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
            LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-04"), LocalDate.parse("2026-10-05"),
            LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07"));

    private static final Set<LocalDate> WORKED_WEEKENDS_2026 = Set.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    private static int workingDays(LocalDate start, LocalDate end) {
        int days = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (WORKED_WEEKENDS_2026.contains(d) || (!weekend && !HOLIDAYS_2026.contains(d))) {
                days++;
            }
        }
        return days;
    }

    private long chainedProject(Http bureau) {
        long project = jdbc.sql("""
                INSERT INTO project (code, name, department, category, year)
                VALUES ('SP-' || gen_random_uuid(), '审批测试项目', 'commerce', 'industry', 2026) RETURNING id""")
            .query(Long.class).single();
        Http.Reply opened = bureau.post("/api/v1/projects/" + project + "/approvals", "{\"greenChannel\":true}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return project;
    }

    private JsonNode approval(long project, String type) {
        for (JsonNode a : admin.get("/api/v1/projects/" + project + "/approvals").json().get("approvals")) {
            if (a.get("type").asString().equals(type)) {
                return a;
            }
        }
        throw new AssertionError("no " + type);
    }

    private Http.Reply record(Http bureau, long project, JsonNode approval, String body) {
        return bureau.patch("/api/v1/projects/" + project + "/approvals/" + approval.get("id").asLong(),
                body.replace("}", ",\"version\":" + approval.get("version").asInt() + "}"));
    }

    @Test
    void timeLimitsCountWorkingDaysAcrossWeekendsAndHolidays() {
        Http bureau = TestAccounts.ensure(admin, "approval_editor", List.of("editor"), "approval");
        long project = chainedProject(bureau);
        JsonNode chain = admin.get("/api/v1/projects/" + project + "/approvals").json();
        assertThat(chain.get("limitsIn").asString()).isEqualTo("working_days");
        assertThat(chain.get("greenChannel").asBoolean()).isTrue();
        assertThat(chain.get("stage").asString()).isEqualTo("guidance");

        // Thursday before the Mid-Autumn and National Day holidays to the Monday after: 7 working days, not 18.
        Http.Reply done = record(bureau, project, approval(project, "construction_permit"),
                "{\"startedOn\":\"2026-09-24\",\"finishedOn\":\"2026-10-12\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonNode permit = approval(project, "construction_permit");
        assertThat(permit.get("usedDays").asInt()).isEqualTo(workingDays(LocalDate.parse("2026-09-24"), LocalDate.parse("2026-10-12")))
            .isEqualTo(7);
        assertThat(permit.get("overdue").asBoolean()).isFalse();
        assertThat(permit.get("state").asString()).isEqualTo("done");

        // Over New Year: 2025-12-30 to 2026-01-06 is 4 working days: 12-31, 01-04 (a Sunday worked instead), 01-05, 01-06.
        record(bureau, project, approval(project, "planning_land"), "{\"startedOn\":\"2025-12-30\",\"finishedOn\":\"2026-01-06\"}");
        assertThat(approval(project, "planning_land").get("usedDays").asInt()).isEqualTo(4);

        // Still running: counted up to today, overdue once the limit (5 working days) is passed.
        LocalDate started = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30);
        record(bureau, project, approval(project, "project_filing"), "{\"startedOn\":\"" + started + "\",\"issue\":\"缺少材料\"}");
        JsonNode running = approval(project, "project_filing");
        int used = workingDays(started, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(running.get("usedDays").asInt()).isEqualTo(used);
        assertThat(running.get("daysLeft").asInt()).isEqualTo(5 - used);
        assertThat(running.get("overdue").asBoolean()).isTrue();
        assertThat(running.get("blocked").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/approvals?overdue=true").json().findValues("id").stream().map(JsonNode::asLong))
            .contains(running.get("id").asLong());
    }

    @Test
    void anApprovalCannotFinishBeforeItStarted() {
        Http bureau = TestAccounts.ensure(admin, "approval_editor", List.of("editor"), "approval");
        long project = chainedProject(bureau);
        JsonNode eia = approval(project, "eia");
        Http.Reply backwards = record(bureau, project, eia, "{\"startedOn\":\"2026-10-12\",\"finishedOn\":\"2026-10-09\"}");
        assertThat(backwards.status()).as(backwards.body()).isEqualTo(400);
        assertThat(backwards.json().get("parameter").asString()).isEqualTo("finishedOn");
        assertThat(record(bureau, project, eia, "{\"finishedOn\":\"2026-10-09\"}").status()).isEqualTo(400);
        assertThat(record(bureau, project, eia, "{\"startedOn\":\"2999-01-01\"}").status()).isEqualTo(400);
        assertThat(record(bureau, project, eia, "{\"issueResolvedOn\":\"2026-10-09\"}").status()).isEqualTo(400);
        assertThat(bureau.post("/api/v1/projects/" + project + "/approvals", "{\"greenChannel\":false}").status()).isEqualTo(422);
        assertThat(TestAccounts.waterEditor(admin).patch("/api/v1/projects/" + project + "/approvals/" + eia.get("id").asLong(),
                "{\"startedOn\":\"2026-10-12\",\"version\":0}").status()).isEqualTo(403);
    }

    @Test
    void theCountyViewListsEveryApprovalInProgress() {
        JsonNode all = admin.get("/api/v1/approvals").json();
        long expected = jdbc.sql("SELECT count(*) FROM project_approval WHERE started_on IS NOT NULL AND finished_on IS NULL")
            .query(Long.class).single();
        assertThat(all.size()).isEqualTo((int) expected).isPositive();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("daysLeft").asInt()).isGreaterThanOrEqualTo(all.get(i - 1).get("daysLeft").asInt());
        }
    }

}
