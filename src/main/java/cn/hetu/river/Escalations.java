package cn.hetu.river;

import java.time.LocalDate;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hetu.county.County;

/**
 * Escalation of overdue issues (督办升级) to the chiefs of the next level, by the rule written down in
 * V8__river_photos_escalation.sql: one level up on the first day past the deadline, one more after
 * every further {@link #DAYS_PER_LEVEL} days, never above county. Runs at start-up and every hour in
 * county time; each issue is moved on in its own transaction, and only from the level it was read at,
 * so several instances and repeated runs record every escalation once.
 */
@Component
class Escalations {

    static final int DAYS_PER_LEVEL = 7;

    private static final List<String> LEVELS = List.of("village", "town", "county");

    private static final List<String> LEVEL_NAMES = List.of("村级", "乡镇级", "县级");

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    /**
     * An overdue issue below the level it should have reached; levels are 1 (village) to 3 (county).
     *
     * @param escalatedLevel the level it was escalated to before, or null
     */
    record Due(UUID issueId, String collection, long segmentId, String town, String river, String escalatedLevel,
            int current, int target) {
    }

    private static final String DUE = """
            SELECT * FROM (
                SELECT i.id, i.segment_collection, i.segment_id, COALESCE(r.town, d.town) AS town,
                       COALESCE(r.river, d.river) AS river, i.escalated_level,
                       COALESCE(array_position(ARRAY['village', 'town', 'county'], i.escalated_level), base.level) AS current,
                       least(base.level + 1 + (:today::date - i.deadline - 1) / :days::int, 3) AS target
                FROM patrol_issue i
                LEFT JOIN river_segment r ON i.segment_collection = 'river_segment' AND r.id = i.segment_id
                LEFT JOIN ditch d ON i.segment_collection = 'ditch' AND d.id = i.segment_id
                JOIN LATERAL (
                    SELECT min(array_position(ARRAY['village', 'town', 'county'], c.level)) AS level
                    FROM chief_assignment a JOIN river_chief c ON c.id = a.chief_id
                    WHERE a.collection = i.segment_collection AND a.asset_id = i.segment_id) base ON base.level IS NOT NULL
                WHERE issue_overdue(i.deadline, i.status, :today::date)) due
            WHERE target > current
            ORDER BY id""";

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final County county;

    Escalations(JdbcClient jdbc, PlatformTransactionManager transactionManager, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // On the hour of the server's clock: escalation compares dates in the county's time, whenever it runs.
    @Scheduled(cron = "0 0 * * * *")
    void hourly() {
        escalateOverdue();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        escalateOverdue();
    }

    /** Escalates every issue that is behind the level its days overdue call for; returns the events recorded. */
    int escalateOverdue() {
        List<Due> due = jdbc.sql(DUE)
            .param("today", county.today())
            .param("days", DAYS_PER_LEVEL)
            .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)))
            .list();
        int events = 0;
        for (Due issue : due) {
            events += transactions.execute(status -> escalate(issue));
        }
        if (events > 0) {
            log.info("Escalated {} overdue issues ({} chiefs notified)", due.size(), events);
        }
        return events;
    }

    private int escalate(Due issue) {
        String level = LEVELS.get(issue.target() - 1);
        int moved = jdbc.sql("""
                UPDATE patrol_issue SET escalated_level = :level
                WHERE id = :id AND escalated_level IS NOT DISTINCT FROM :previous AND status NOT IN ('rectified', 'closed')""")
            .param("level", level)
            .param("id", issue.issueId())
            .param("previous", issue.escalatedLevel())
            .update();
        if (moved == 0) {
            return 0; // moved on since it was read: by another instance, or rectified meanwhile
        }
        int events = 0;
        for (int step = issue.current() + 1; step <= issue.target(); step++) {
            String stepLevel = LEVELS.get(step - 1);
            for (long chief : chiefsAt(stepLevel, issue)) {
                events += jdbc.sql("""
                        INSERT INTO issue_event (issue_id, from_status, to_status, note, by_user, kind, level, chief_id)
                        SELECT id, status, status, :note, 'system', 'escalated', :level, :chief FROM patrol_issue WHERE id = :id
                        ON CONFLICT DO NOTHING""")
                    .param("note", "逾期未整改，升级至" + LEVEL_NAMES.get(step - 1) + "河长督办")
                    .param("level", stepLevel)
                    .param("chief", chief)
                    .param("id", issue.issueId())
                    .update();
            }
        }
        return events;
    }

    /**
     * The chiefs of a level in charge of the issue's segment; failing them the town chiefs of its town,
     * or the county chiefs of its river, or every county chief.
     */
    private List<Long> chiefsAt(String level, Due issue) {
        List<Long> onSegment = jdbc.sql("""
                SELECT c.id FROM chief_assignment a JOIN river_chief c ON c.id = a.chief_id
                WHERE a.collection = ? AND a.asset_id = ? AND c.level = ? ORDER BY c.id""")
            .params(issue.collection(), issue.segmentId(), level)
            .query(Long.class)
            .list();
        if (!onSegment.isEmpty() || level.equals("village")) {
            return onSegment;
        }
        if (level.equals("town")) {
            return jdbc.sql("SELECT id FROM river_chief WHERE level = 'town' AND town = ? ORDER BY id")
                .param(issue.town())
                .query(Long.class)
                .list();
        }
        List<Long> ofRiver = jdbc.sql("""
                SELECT DISTINCT c.id FROM river_chief c
                JOIN chief_assignment a ON a.chief_id = c.id AND a.collection = 'river_segment'
                JOIN river_segment s ON s.id = a.asset_id
                WHERE c.level = 'county' AND s.river = ? ORDER BY c.id""")
            .param(issue.river())
            .query(Long.class)
            .list();
        return !ofRiver.isEmpty() ? ofRiver
                : jdbc.sql("SELECT id FROM river_chief WHERE level = 'county' ORDER BY id").query(Long.class).list();
    }

}
