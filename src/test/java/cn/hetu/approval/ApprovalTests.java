package cn.hetu.approval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
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
import static org.assertj.core.api.Assertions.within;

@RegistryTest
class ApprovalTests {

    /**
     * The State Council's 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知), written out here independently
     * of the calendar_day table: 元旦 1-1..3, 春节 2-15..23, 清明 4-4..6, 劳动节 5-1..5, 端午 6-19..21, 中秋 9-25..27,
     * 国庆 10-1..7; weekend days worked 1-4, 2-14, 2-28, 5-9, 9-20, 10-10.
     */
    private static final Set<LocalDate> HOLIDAYS_2026 = holidays("2026-01-01/2026-01-03", "2026-02-15/2026-02-23",
            "2026-04-04/2026-04-06", "2026-05-01/2026-05-05", "2026-06-19/2026-06-21", "2026-09-25/2026-09-27",
            "2026-10-01/2026-10-07");

    private static final Set<LocalDate> WORKED_WEEKENDS_2026 = Set.of(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"),
            LocalDate.parse("2026-02-28"), LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10"));

    private static Set<LocalDate> holidays(String... ranges) {
        Set<LocalDate> days = new HashSet<>();
        for (String range : ranges) {
            String[] ends = range.split("/");
            LocalDate.parse(ends[0]).datesUntil(LocalDate.parse(ends[1]).plusDays(1)).forEach(days::add);
        }
        return days;
    }

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

    record Row(LocalDate started, LocalDate finished, int limit, boolean blocked) {
    }

    @Test
    void theDashboardFiguresAreTheApprovalsCountedAgain() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        JsonNode figures = admin.get("/api/v1/approvals/figures").json();
        List<Row> rows = jdbc.sql("""
                SELECT a.started_on, a.finished_on, t.limit_days, a.issue IS NOT NULL AND a.issue_resolved_on IS NULL
                FROM project_approval a JOIN approval_type t ON t.code = a.approval_type""")
            .query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getInt(3),
                    rs.getBoolean(4)))
            .list();
        List<Row> running = rows.stream().filter(r -> r.started() != null && r.finished() == null).toList();
        List<Row> finished = rows.stream().filter(r -> r.finished() != null && r.finished().getYear() == today.getYear()).toList();
        long onTime = finished.stream().filter(r -> workingDays(r.started(), r.finished()) <= r.limit()).count();
        assertThat(figures.get("inProgress").asLong()).isEqualTo(running.size()).isPositive();
        assertThat(figures.get("overdue").asLong())
            .isEqualTo(running.stream().filter(r -> workingDays(r.started(), today) > r.limit()).count()).isPositive();
        assertThat(figures.get("blocked").asLong()).isEqualTo(rows.stream().filter(r -> r.blocked() && r.finished() == null).count());
        assertThat(figures.get("notStarted").asLong()).isEqualTo(rows.stream().filter(r -> r.started() == null).count());
        assertThat(figures.get("finishedInYear").asLong()).isEqualTo(finished.size()).isPositive();
        assertThat(figures.get("finishedOnTime").asLong()).isEqualTo(onTime);
        assertThat(figures.get("onTimePct").asDouble()).isCloseTo(100.0 * onTime / finished.size(), within(0.05));
        List<String> stages = jdbc.sql("SELECT stage FROM approval_case").query(String.class).list();
        assertThat(figures.get("projects").asLong()).isEqualTo(stages.size());
        assertThat(figures.get("greenChannel").asLong())
            .isEqualTo(jdbc.sql("SELECT count(*) FROM approval_case WHERE green_channel").query(Long.class).single());
        for (JsonNode stage : figures.get("byStage")) {
            assertThat(stage.get("projects").asLong()).as(stage.get("stage").asString())
                .isEqualTo(stages.stream().filter(stage.get("stage").asString()::equals).count());
        }
        assertThat(figures.get("byStage").findValues("stage").stream().map(JsonNode::asString))
            .containsExactly("guidance", "parallel", "coordination", "follow_up");
        assertThat(admin.get("/api/v1/approvals/figures?year=1999").status()).isEqualTo(400);
    }

    @Test
    void holidaysAreDataTheBureauEnters() {
        Http bureau = TestAccounts.ensure(admin, "approval_editor", List.of("editor"), "approval");
        long project = chainedProject(bureau);
        record(bureau, project, approval(project, "energy_review"), "{\"startedOn\":\"2026-11-16\",\"finishedOn\":\"2026-11-20\"}");
        assertThat(approval(project, "energy_review").get("usedDays").asInt()).isEqualTo(4);
        try {
            Http.Reply holiday = bureau.send("PUT", "/api/v1/calendar-days/2026-11-18", "{\"kind\":\"holiday\",\"name\":\"测试假日\"}");
            assertThat(holiday.status()).as(holiday.body()).isEqualTo(200);
            assertThat(approval(project, "energy_review").get("usedDays").asInt()).isEqualTo(3);
            assertThat(admin.get("/api/v1/calendar-days?year=2026").json().findValues("day").stream().map(JsonNode::asString))
                .contains("2026-11-18", "2026-02-15", "2026-02-14");
        } finally {
            assertThat(bureau.send("DELETE", "/api/v1/calendar-days/2026-11-18", null).status()).isEqualTo(204);
        }
        assertThat(approval(project, "energy_review").get("usedDays").asInt()).isEqualTo(4);
        assertThat(bureau.send("PUT", "/api/v1/calendar-days/2026-11-21", "{\"kind\":\"holiday\",\"name\":\"周六\"}").status())
            .isEqualTo(400);
        assertThat(bureau.send("PUT", "/api/v1/calendar-days/2026-11-18", "{\"kind\":\"workday\",\"name\":\"x\"}").status())
            .isEqualTo(400);
        assertThat(TestAccounts.waterEditor(admin).send("PUT", "/api/v1/calendar-days/2026-11-18",
                "{\"kind\":\"holiday\",\"name\":\"x\"}").status()).isEqualTo(403);
    }

}
