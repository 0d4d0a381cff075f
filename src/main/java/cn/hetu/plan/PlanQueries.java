package cn.hetu.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.county.County;
import cn.hetu.plan.PlanViews.AssetLink;
import cn.hetu.plan.PlanViews.Indicator;
import cn.hetu.plan.PlanViews.Plan;
import cn.hetu.plan.PlanViews.ProjectLink;
import cn.hetu.plan.PlanViews.Report;
import cn.hetu.plan.PlanViews.Task;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/** Reads plans with their figures, evaluated on the county's day. */
@Component
class PlanQueries {

    private final JdbcClient jdbc;

    private final RegistryFigures figures;

    private final County county;

    PlanQueries(JdbcClient jdbc, RegistryFigures figures, County county) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.county = county;
    }

    /** The county's day: what "today" is for every deadline. */
    LocalDate today() {
        return county.today();
    }

    @Transactional(readOnly = true)
    public List<Plan> plans(Integer year, String department) {
        return jdbc.sql("""
                SELECT id FROM plan WHERE (:year::int IS NULL OR year = :year) AND (:department::text IS NULL OR department = :department)
                ORDER BY year DESC, department""")
            .param("year", year)
            .param("department", department == null || department.isBlank() ? null : department)
            .query(Long.class)
            .list()
            .stream()
            .map(this::plan)
            .toList();
    }

    @Transactional(readOnly = true)
    public Plan plan(long id) {
        return jdbc.sql("""
                SELECT p.*, d.name_zh, d.name_en FROM plan p JOIN department d ON d.code = p.department WHERE p.id = ?""")
            .param(id)
            .query((rs, n) -> new Plan(rs.getLong("id"), rs.getString("department"), rs.getString("name_zh"),
                    rs.getString("name_en"), rs.getInt("year"), rs.getString("title"), rs.getBoolean("closed"),
                    instant(rs, "closed_at"), (Long) rs.getObject("copied_from"), rs.getInt("version"),
                    tasks(rs.getLong("id"), rs.getBoolean("closed"))))
            .optional()
            .orElseThrow(() -> new NotFoundException("No plan " + id));
    }

    /** The plan an indicator belongs to, and whether it is closed. */
    record Owner(long planId, String department, int year, boolean closed) {
    }

    Owner ownerOfIndicator(long indicatorId) {
        return jdbc.sql("""
                SELECT p.id, p.department, p.year, p.closed FROM plan_indicator i JOIN plan_task k ON k.id = i.task_id
                JOIN plan p ON p.id = k.plan_id WHERE i.id = ?""")
            .param(indicatorId)
            .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
            .optional()
            .orElseThrow(() -> new NotFoundException("No indicator " + indicatorId));
    }

    Owner ownerOfTask(long taskId) {
        return jdbc.sql("SELECT p.id, p.department, p.year, p.closed FROM plan_task k JOIN plan p ON p.id = k.plan_id WHERE k.id = ?")
            .param(taskId)
            .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
            .optional()
            .orElseThrow(() -> new NotFoundException("No task " + taskId));
    }

    /** The years that have plans, latest first. */
    List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT year FROM plan ORDER BY year DESC").query(Integer.class).list();
    }

    Owner ownerOfPlan(long planId) {
        return jdbc.sql("SELECT id, department, year, closed FROM plan WHERE id = ?")
            .param(planId)
            .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
            .optional()
            .orElseThrow(() -> new NotFoundException("No plan " + planId));
    }

    private List<Task> tasks(long planId, boolean closed) {
        return jdbc.sql("SELECT * FROM plan_task WHERE plan_id = ? ORDER BY seq")
            .param(planId)
            .query((rs, n) -> new Task(rs.getLong("id"), rs.getInt("seq"), rs.getString("section"), rs.getString("title"),
                    rs.getString("body"), rs.getString("responsible"), rs.getInt("version"), projects(rs.getLong("id")),
                    assets(rs.getLong("id")), null))
            .list()
            .stream()
            .map(t -> new Task(t.id(), t.seq(), t.section(), t.title(), t.body(), t.responsible(), t.version(), t.projects(),
                    t.assets(), indicators(planId, t.id(), closed)))
            .toList();
    }

    private List<ProjectLink> projects(long taskId) {
        return jdbc.sql("""
                SELECT p.id, p.code, p.name, p.status FROM plan_task_project l JOIN project p ON p.id = l.project_id
                WHERE l.task_id = ? ORDER BY p.code""")
            .param(taskId)
            .query((rs, n) -> new ProjectLink(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
    }

    private List<AssetLink> assets(long taskId) {
        List<String> collections = jdbc.sql("SELECT DISTINCT collection FROM plan_task_asset WHERE task_id = ? ORDER BY 1")
            .param(taskId)
            .query(String.class)
            .list();
        return collections.stream()
            .flatMap(c -> jdbc.sql("SELECT a.id, a.code, a.name FROM plan_task_asset l JOIN " + quote(c)
                    + " a ON a.id = l.asset_id WHERE l.task_id = ? AND l.collection = ? ORDER BY a.code")
                .params(taskId, c)
                .query((rs, n) -> new AssetLink(c, rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list()
                .stream())
            .toList();
    }

    private List<Indicator> indicators(long planId, long taskId, boolean closed) {
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM plan_indicator WHERE task_id = ? ORDER BY seq")
            .param(taskId)
            .query((rs, n) -> indicator(rs, planId, closed, today))
            .list();
    }

    private Indicator indicator(ResultSet rs, long planId, boolean closed, LocalDate today) throws SQLException {
        long id = rs.getLong("id");
        Measurement m = new Measurement(rs.getString("kind"), rs.getString("unit"), rs.getString("measurement"),
                rs.getString("collection"), rs.getString("filter"), rs.getString("aggregate"));
        LocalDate start = rs.getDate("period_start").toLocalDate();
        LocalDate deadline = rs.getDate("deadline").toLocalDate();
        List<Report> reports = reports(id);
        RegistryFigures.Figure figure;
        if (closed) {
            Double frozen = (Double) rs.getObject("frozen_value");
            figure = frozen == null ? RegistryFigures.Figure.none("no figure could be taken when the year was closed")
                    : new RegistryFigures.Figure(frozen, null);
        }
        else {
            figure = current(m, deadline.getYear(), reports);
        }
        boolean atLeast = rs.getString("comparison").equals("at_least");
        Progress status = Progress.of(figure.value(), rs.getDouble("target"), atLeast, start, deadline,
                closed ? deadline.plusDays(1) : today);
        return new Indicator(id, planId, rs.getInt("seq"), rs.getString("name_zh"), rs.getString("name_en"), m.kind(),
                m.unit(), rs.getString("comparison"), rs.getDouble("target"), start, deadline, m.method(), m.collection(),
                m.filter(), m.aggregate(), rs.getBoolean("on_dashboard"), figure.value(), figure.problem(), status.code(),
                closed, instant(rs, "frozen_at"), MapViews.of(m, deadline.getYear()), rs.getInt("version"), reports);
    }

    /** The live figure: the registry's, or the latest value the department reported. */
    RegistryFigures.Figure current(Measurement m, int year, List<Report> reports) {
        if (m.fromRegistry()) {
            return figures.evaluate(m, year);
        }
        return reports.isEmpty() ? RegistryFigures.Figure.none("no value has been reported yet")
                : new RegistryFigures.Figure(reports.get(0).value(), null);
    }

    /** The reports of an indicator, latest first (by the day reported, then by entry). */
    List<Report> reports(long indicatorId) {
        return jdbc.sql("""
                SELECT id, value, reported_on, note, evidence_name, reported_by, reported_at FROM indicator_report
                WHERE indicator_id = ? ORDER BY reported_on DESC, id DESC""")
            .param(indicatorId)
            .query((rs, n) -> new Report(rs.getLong(1), rs.getDouble(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                    rs.getString(5), rs.getString(5) == null ? null : "/api/v1/plans/reports/" + rs.getLong(1) + "/evidence",
                    rs.getString(6), instant(rs, "reported_at")))
            .list();
    }

    Optional<Evidence> evidence(long reportId) {
        return jdbc.sql("""
                SELECT r.evidence_name, e.content_type, e.content, r.indicator_id FROM indicator_evidence e
                JOIN indicator_report r ON r.id = e.report_id WHERE e.report_id = ?""")
            .param(reportId)
            .query((rs, n) -> new Evidence(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4)))
            .optional();
    }

    record Evidence(String name, String contentType, byte[] content, long indicatorId) {
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
