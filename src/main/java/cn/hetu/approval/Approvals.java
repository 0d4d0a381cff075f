package cn.hetu.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * The approvals of key projects and their time limits. Limits are in working days (工作日): weekends and the
 * public holidays of {@code calendar_day} do not count, the weekend days worked instead (调休) do. Days used are
 * the working days after the start up to the finish, or up to today while it runs.
 */
@Service
class Approvals {

    /** The approval bureau: its editors (and administrators) run the chain. */
    static final String BUREAU = "approval";

    static final List<String> STAGES = List.of("guidance", "parallel", "coordination", "follow_up");

    /**
     * One approval. {@code state}: not_started, in_progress or done; {@code overdue}: more working days used than
     * the limit; {@code blocked}: an issue raised and not yet resolved (审中协调).
     */
    record Approval(long id, long projectId, String projectCode, String projectName, String type, String nameZh,
            String nameEn, String department, int limitDays, LocalDate startedOn, LocalDate finishedOn, String state,
            Integer usedDays, Integer daysLeft, boolean overdue, boolean blocked, String issue, LocalDate issueResolvedOn,
            String remarks, boolean greenChannel, int version) {
    }

    record Chain(long projectId, String stage, boolean greenChannel, LocalDate guidanceOn, String limitsIn, int version,
            List<Approval> approvals) {

        static Chain notOpened(long projectId) {
            return new Chain(projectId, null, false, null, "working_days", 0, List.of());
        }
    }

    record CaseChange(String stage, Boolean greenChannel, LocalDate guidanceOn, int version) {
    }

    record ApprovalChange(LocalDate startedOn, LocalDate finishedOn, String issue, LocalDate issueResolvedOn,
            String remarks, int version) {
    }

    private static final String APPROVALS = """
            SELECT a.id, a.project_id, p.code AS project_code, p.name AS project_name, t.code AS type, t.name_zh, t.name_en,
                   t.department, t.limit_days, a.started_on, a.finished_on,
                   CASE WHEN a.finished_on IS NOT NULL THEN 'done' WHEN a.started_on IS NOT NULL THEN 'in_progress'
                        ELSE 'not_started' END AS state,
                   u.used AS used_days, t.limit_days - u.used AS days_left, COALESCE(u.used > t.limit_days, false) AS overdue,
                   a.issue IS NOT NULL AND a.issue_resolved_on IS NULL AS blocked, a.issue, a.issue_resolved_on, a.remarks,
                   c.green_channel, a.version
            FROM project_approval a
            JOIN approval_type t ON t.code = a.approval_type
            JOIN approval_case c ON c.project_id = a.project_id
            JOIN project p ON p.id = a.project_id
            LEFT JOIN LATERAL (SELECT CASE WHEN a.started_on IS NOT NULL
                                           THEN working_days_between(a.started_on, COALESCE(a.finished_on, :today)) END AS used) u ON true
            """;

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    Approvals(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    Optional<Chain> chain(long projectId, LocalDate today) {
        access.readable("project");
        projectExists(projectId);
        return jdbc.sql("SELECT stage, green_channel, guidance_on, version FROM approval_case WHERE project_id = ?")
            .param(projectId)
            .query((rs, n) -> new Chain(projectId, rs.getString(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class),
                    "working_days", rs.getInt(4),
                    jdbc.sql(APPROVALS + " WHERE a.project_id = :id ORDER BY t.seq")
                        .param("today", today)
                        .param("id", projectId)
                        .query(Approval.class)
                        .list()))
            .optional();
    }

    /** Every approval in progress in the county, the most urgent (fewest days left) first. */
    @Transactional(readOnly = true)
    List<Approval> inProgress(LocalDate today, Boolean overdue) {
        access.readable("project");
        return jdbc.sql("SELECT * FROM (" + APPROVALS + " WHERE a.started_on IS NOT NULL AND a.finished_on IS NULL) x"
                + (overdue == null ? "" : " WHERE overdue = :overdue") + " ORDER BY days_left, project_code, id")
            .params(overdue == null ? Map.of("today", today) : Map.of("today", today, "overdue", overdue))
            .query(Approval.class)
            .list();
    }

    /** Opens a key project's approval service with every approval of the catalogue, in 审前辅导. */
    @Transactional
    void open(long projectId, boolean greenChannel, LocalDate today) {
        access.requireEditorOf(BUREAU);
        projectExists(projectId);
        actor.stamp();
        int opened = jdbc.sql("""
                INSERT INTO approval_case (project_id, green_channel, guidance_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
            .params(projectId, greenChannel, today)
            .update();
        if (opened == 0) {
            throw new IllegalTransitionException("Project " + projectId + " already has its approval chain");
        }
        jdbc.sql("INSERT INTO project_approval (project_id, approval_type) SELECT ?, code FROM approval_type ORDER BY seq")
            .param(projectId)
            .update();
    }

    @Transactional
    void changeCase(long projectId, CaseChange change) {
        access.requireEditorOf(BUREAU);
        Integer version = jdbc.sql("SELECT version FROM approval_case WHERE project_id = ? FOR UPDATE").param(projectId)
            .query(Integer.class).optional()
            .orElseThrow(() -> new NotFoundException("Project " + projectId + " has no approval chain"));
        if (version != change.version()) {
            throw new EditConflict("Someone else changed this approval chain since you read it", false, null);
        }
        if (change.stage() != null && !STAGES.contains(change.stage())) {
            throw new InvalidParameterException("stage", "stage is one of " + STAGES);
        }
        actor.stamp();
        jdbc.sql("""
                UPDATE approval_case SET stage = COALESCE(?, stage), green_channel = COALESCE(?, green_channel),
                       guidance_on = COALESCE(?, guidance_on), version = version + 1
                WHERE project_id = ?""")
            .params(change.stage(), change.greenChannel(), change.guidanceOn(), projectId)
            .update();
    }

    /** Records an approval's start, finish and issues; it cannot finish before it started, nor start in the future. */
    @Transactional
    void change(long projectId, long approvalId, ApprovalChange change, LocalDate today) {
        access.requireEditorOf(BUREAU);
        Integer version = jdbc.sql("SELECT version FROM project_approval WHERE id = ? AND project_id = ? FOR UPDATE")
            .params(approvalId, projectId)
            .query(Integer.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Project " + projectId + " has no approval " + approvalId));
        if (version != change.version()) {
            throw new EditConflict("Someone else changed this approval since you read it", false, null);
        }
        if (change.finishedOn() != null && change.startedOn() == null) {
            throw new InvalidParameterException("startedOn", "An approval that finished has a start (受理日期)");
        }
        if (change.finishedOn() != null && change.finishedOn().isBefore(change.startedOn())) {
            throw new InvalidParameterException("finishedOn", "The approval finished on " + change.finishedOn()
                    + ", before it started on " + change.startedOn() + " (办结日期早于受理日期)");
        }
        for (LocalDate day : new LocalDate[] { change.startedOn(), change.finishedOn(), change.issueResolvedOn() }) {
            if (day != null && day.isAfter(today)) {
                throw new InvalidParameterException(day == change.startedOn() ? "startedOn"
                        : day == change.finishedOn() ? "finishedOn" : "issueResolvedOn", day + " is in the future");
            }
        }
        boolean hasIssue = change.issue() != null && !change.issue().isBlank();
        if (change.issueResolvedOn() != null && !hasIssue) {
            throw new InvalidParameterException("issueResolvedOn", "Only a raised issue is resolved");
        }
        actor.stamp();
        jdbc.sql("""
                UPDATE project_approval SET started_on = ?, finished_on = ?, issue = ?, issue_resolved_on = ?, remarks = ?,
                       version = version + 1
                WHERE id = ?""")
            .params(change.startedOn(), change.finishedOn(), hasIssue ? change.issue().trim() : null,
                    change.issueResolvedOn(), change.remarks(), approvalId)
            .update();
    }

    private void projectExists(long projectId) {
        if (jdbc.sql("SELECT count(*) FROM project WHERE id = ?").param(projectId).query(Long.class).single() == 0) {
            throw new NotFoundException("Project " + projectId + " does not exist");
        }
    }

}
