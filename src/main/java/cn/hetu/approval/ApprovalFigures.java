package cn.hetu.approval;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.security.LayerAccess;

/**
 * The approval bureau's dashboard figures, in working days like every limit: key projects in the service by stage
 * and on the green channel; approvals in progress, overdue, blocked and not started today; approvals finished in the
 * year and how many within their limit.
 */
@Component
class ApprovalFigures {

    record Stage(String stage, long projects) {
    }

    record Figures(LocalDate today, int year, long projects, long greenChannel, List<Stage> byStage, long inProgress,
            long overdue, long blocked, long notStarted, long finishedInYear, long finishedOnTime, Double onTimePct) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    ApprovalFigures(JdbcClient jdbc, LayerAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    Figures of(LocalDate today, int year) {
        access.readable("project");
        List<Stage> byStage = jdbc.sql("""
                SELECT s.stage, count(c.project_id) AS projects
                FROM unnest(CAST(:stages AS text[])) WITH ORDINALITY s(stage, n) LEFT JOIN approval_case c ON c.stage = s.stage
                GROUP BY s.stage, s.n ORDER BY s.n""")
            .param("stages", Approvals.STAGES.toArray(String[]::new))
            .query(Stage.class)
            .list();
        return jdbc.sql("""
                WITH a AS (
                    SELECT a.started_on, a.finished_on, t.limit_days,
                           a.issue IS NOT NULL AND a.issue_resolved_on IS NULL AS blocked,
                           CASE WHEN a.started_on IS NOT NULL
                                THEN working_days_between(a.started_on, COALESCE(a.finished_on, :today)) END AS used
                    FROM project_approval a JOIN approval_type t ON t.code = a.approval_type)
                SELECT (SELECT count(*) FROM approval_case) AS projects,
                       (SELECT count(*) FROM approval_case WHERE green_channel) AS green_channel,
                       count(*) FILTER (WHERE started_on IS NOT NULL AND finished_on IS NULL) AS in_progress,
                       count(*) FILTER (WHERE started_on IS NOT NULL AND finished_on IS NULL AND used > limit_days) AS overdue,
                       count(*) FILTER (WHERE blocked AND finished_on IS NULL) AS blocked,
                       count(*) FILTER (WHERE started_on IS NULL) AS not_started,
                       count(*) FILTER (WHERE extract(year FROM finished_on) = :year) AS finished_in_year,
                       count(*) FILTER (WHERE extract(year FROM finished_on) = :year AND used <= limit_days) AS finished_on_time
                FROM a""")
            .param("today", today)
            .param("year", year)
            .query((rs, n) -> {
                long finished = rs.getLong("finished_in_year");
                long onTime = rs.getLong("finished_on_time");
                return new Figures(today, year, rs.getLong("projects"), rs.getLong("green_channel"), byStage,
                        rs.getLong("in_progress"), rs.getLong("overdue"), rs.getLong("blocked"), rs.getLong("not_started"),
                        finished, onTime, finished == 0 ? null : Math.round(1000.0 * onTime / finished) / 10.0);
            })
            .single();
    }

}
