package cn.hetu.project;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonRawValue;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;

import static cn.hetu.system.SqlIdentifiers.quote;

/** Reads projects for lists, exports and detail pages, with progress, overdue milestones and history. */
@Component
class ProjectQueries {

    /**
     * How far a project is and how that was measured: {@code method} is completed, reported, milestones, assets or
     * investment (the rule is {@code project_progress} in V35); {@code pct} is null when the method has nothing to
     * measure; who reported the figure and when for a reported figure or a completion.
     */
    record Progress(BigDecimal pct, String method, String reportedBy, Instant reportedAt) {
    }

    /** One row of the project list; {@code progressPct} repeats {@code progress.pct} for older clients. */
    record Summary(long id, String code, String name, String status, String department, String departmentName,
            String town, String category,
            int year, LocalDate plannedStart, LocalDate plannedEnd, BigDecimal investmentPlanned,
            BigDecimal investmentDone, BigDecimal progressPct, Progress progress, int overdueMilestones,
            String nextMilestone, LocalDate nextMilestoneDue, boolean hasFootprint, int version) {
    }

    record Page(List<Summary> items, long total, int page, int size) {
    }

    record Milestone(long id, int seq, String name, LocalDate dueOn, LocalDate doneOn, String remarks, boolean overdue,
            int version) {
    }

    record StatusChange(String fromStatus, String toStatus, String reason, String changedBy, Instant changedAt) {
    }

    record LinkedAsset(String collection, long assetId, String code, String name, String status) {
    }

    /**
     * The progress of a detail page, with the target the linked assets are measured against, the figure last
     * reported ({@code reportedPct}, null when none was) and the method the project chose ({@code chosenMethod},
     * null for the default order).
     */
    record DetailProgress(BigDecimal pct, String method, String reportedBy, Instant reportedAt, String measure,
            BigDecimal target, String unit, String description, BigDecimal measured, BigDecimal reportedPct,
            String chosenMethod) {
    }

    record Detail(Summary summary, String leadUnit, LocalDate actualStart, LocalDate actualEnd, String remarks,
            @JsonRawValue String footprint, DetailProgress progress, List<Milestone> milestones, List<StatusChange> history,
            List<LinkedAsset> links) {
    }

    /** A project that touches a feature, for the feature's details panel. */
    record LinkedProject(long id, String code, String name, String status, BigDecimal progressPct, Progress progress) {
    }

    private static final String SUMMARY = """
            SELECT p.id, p.code, p.name, p.status, p.department,
                   (SELECT name_zh FROM department d WHERE d.code = p.department) AS department_name, p.town, p.category, p.year, p.planned_start,
                   p.planned_end, p.investment_planned, p.investment_done,
                   pr.pct AS progress_pct, pr.method AS progress_method, pr.reported_by AS progress_reported_by,
                   pr.reported_at AS progress_reported_at,
                   (SELECT count(*) FROM project_milestone m WHERE m.project_id = p.id
                      AND milestone_overdue(m.due_on, m.done_on)) AS overdue_milestones,
                   n.name AS next_milestone, n.due_on AS next_due, p.geom IS NOT NULL AS has_footprint, p.version
            FROM project p
            LEFT JOIN LATERAL project_progress(p.id) pr ON true
            LEFT JOIN LATERAL (SELECT name, due_on FROM project_milestone m WHERE m.project_id = p.id AND m.done_on IS NULL
                               ORDER BY seq LIMIT 1) n ON true
            """;

    private final JdbcClient jdbc;

    private final Catalog catalog;

    ProjectQueries(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    Page list(ProjectFilter filter) {
        ProjectFilter.Sql sql = filter.toSql();
        long total = jdbc.sql("SELECT count(*) FROM project p WHERE " + sql.where()).params(sql.args()).query(Long.class)
            .single();
        List<Object> args = new ArrayList<>(sql.args());
        args.add(filter.size());
        args.add((long) filter.page() * filter.size());
        List<Summary> items = jdbc.sql("SELECT * FROM (" + SUMMARY + " WHERE " + sql.where() + ") p ORDER BY "
                + sql.orderBy() + " LIMIT ? OFFSET ?")
            .params(args)
            .query((rs, n) -> summary(rs))
            .list();
        return new Page(items, total, filter.page(), filter.size());
    }

    @Transactional(readOnly = true)
    Optional<Detail> detail(long id) {
        return jdbc.sql(SUMMARY + " WHERE p.id = ?").param(id).query((rs, n) -> summary(rs)).optional().map(summary -> {
            var row = jdbc.sql("""
                    SELECT lead_unit, actual_start, actual_end, remarks, ST_AsGeoJSON(geom, 7, 0) AS footprint,
                           target_measure, target_value, target_unit, target_description,
                           project_measured(id, target_measure) AS measured,
                           CASE WHEN progress_reported_at IS NOT NULL THEN progress_pct END AS reported_pct,
                           progress_method
                    FROM project WHERE id = ?""").param(id).query().singleRow();
            BigDecimal target = (BigDecimal) row.get("target_value");
            Progress p = summary.progress();
            DetailProgress progress = new DetailProgress(p.pct(), p.method(), p.reportedBy(), p.reportedAt(),
                    (String) row.get("target_measure"), target, (String) row.get("target_unit"),
                    (String) row.get("target_description"), (BigDecimal) row.get("measured"),
                    (BigDecimal) row.get("reported_pct"), (String) row.get("progress_method"));
            return new Detail(summary, (String) row.get("lead_unit"), date(row.get("actual_start")),
                    date(row.get("actual_end")), (String) row.get("remarks"), (String) row.get("footprint"), progress,
                    milestones(id), history(id), links(id));
        });
    }

    List<LinkedProject> linkedTo(String collection, long assetId) {
        return jdbc.sql("""
                SELECT p.id, p.code, p.name, p.status, pr.pct AS progress_pct, pr.method AS progress_method,
                       pr.reported_by AS progress_reported_by, pr.reported_at AS progress_reported_at
                FROM project_asset pa JOIN project p ON p.id = pa.project_id
                LEFT JOIN LATERAL project_progress(p.id) pr ON true
                WHERE pa.collection = ? AND pa.asset_id = ?
                ORDER BY p.year DESC, p.code""")
            .params(collection, assetId)
            .query((rs, n) -> new LinkedProject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBigDecimal(5), progress(rs)))
            .list();
    }

    List<Milestone> milestones(long projectId) {
        return jdbc.sql("""
                SELECT id, seq, name, due_on, done_on, remarks, milestone_overdue(due_on, done_on) AS overdue, version
                FROM project_milestone WHERE project_id = ? ORDER BY seq""")
            .param(projectId)
            .query((rs, n) -> new Milestone(rs.getLong(1), rs.getInt(2), rs.getString(3), localDate(rs, 4),
                    localDate(rs, 5), rs.getString(6), rs.getBoolean(7), rs.getInt(8)))
            .list();
    }

    private List<StatusChange> history(long projectId) {
        return jdbc.sql("""
                SELECT from_status, to_status, reason, changed_by, changed_at
                FROM project_status_change WHERE project_id = ? ORDER BY id""")
            .param(projectId)
            .query((rs, n) -> new StatusChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
            .list();
    }

    private List<LinkedAsset> links(long projectId) {
        List<LinkedAsset> links = new ArrayList<>();
        for (String collection : jdbc.sql("SELECT DISTINCT collection FROM project_asset WHERE project_id = ? ORDER BY 1")
            .param(projectId)
            .query(String.class)
            .list()) {
            Layer layer = catalog.get(collection);
            links.addAll(jdbc.sql("SELECT a.id, a.code, a.name, a.status FROM project_asset pa JOIN " + quote(layer.id())
                    + " a ON a.id = pa.asset_id WHERE pa.project_id = ? AND pa.collection = ? ORDER BY a.code")
                .params(projectId, layer.id())
                .query((rs, n) -> new LinkedAsset(layer.id(), rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list());
        }
        return links;
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("status"),
                rs.getString("department"), rs.getString("department_name"), rs.getString("town"), rs.getString("category"), rs.getInt("year"),
                localDate(rs, "planned_start"), localDate(rs, "planned_end"), rs.getBigDecimal("investment_planned"),
                rs.getBigDecimal("investment_done"), rs.getBigDecimal("progress_pct"), progress(rs), rs.getInt("overdue_milestones"),
                rs.getString("next_milestone"), localDate(rs, "next_due"), rs.getBoolean("has_footprint"),
                rs.getInt("version"));
    }

    static Progress progress(ResultSet rs) throws SQLException {
        Timestamp reportedAt = rs.getTimestamp("progress_reported_at");
        return new Progress(rs.getBigDecimal("progress_pct"), rs.getString("progress_method"),
                rs.getString("progress_reported_by"), reportedAt == null ? null : reportedAt.toInstant());
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

}
