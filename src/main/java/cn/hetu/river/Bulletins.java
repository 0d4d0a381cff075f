package cn.hetu.river;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly bulletin (一月一通报): for every chief and town, the patrols the rules require against
 * those done, and the month's issues. Chiefs are ranked by compliance, then by issues closed in the
 * month; an issue counts for every chief of its segment. Overdue issues are those overdue today. A period (the month, a 旬 of ten days, a week) counts as done
 * when the chief patrolled in it as often as the rule asks; days and months are counted in county time
 * (a month is cut at local midnight, and not by adding a month to an instant, which would cut 29 February + 1
 * month at 29 March).
 */
@Component
class Bulletins {

    record ChiefLine(long chiefId, String name, String level, String town, int required, int done, int patrols,
            double compliancePct, int rank, int issuesFound, int issuesClosed, int issuesOverdue) {
    }

    /** A place in the ranking. */
    record Rank(int rank, long chiefId, String name, String level, String town, double compliancePct, int issuesClosed) {
    }

    record TownLine(String town, int chiefs, int required, int done, double compliancePct) {
    }

    record IssueLine(String category, int found, int closed) {
    }

    /** @param escalated issues escalated to a higher level during the month */
    record Bulletin(String month, List<ChiefLine> chiefs, List<TownLine> towns, List<IssueLine> issues, int overdueIssues,
            List<Rank> ranking, int escalated) {
    }

    /** Periods per month: the month itself, three 旬 (1–10, 11–20, 21–end), four weeks (days 29–31 join the fourth). */
    private static final String DONE = """
            WITH bounds AS (SELECT make_date(:year, :month, 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS start,
                                   (make_date(:year, :month, 1) + interval '1 month') AT TIME ZONE 'Asia/Shanghai' AS stop),
            per_period AS (
                SELECT p.chief_id,
                       CASE r.period WHEN 'month' THEN 0
                            WHEN 'xun' THEN least((extract(day FROM p.started_at AT TIME ZONE 'Asia/Shanghai')::int - 1) / 10, 2)
                            ELSE least((extract(day FROM p.started_at AT TIME ZONE 'Asia/Shanghai')::int - 1) / 7, 3) END AS period,
                       count(*) AS patrols
                FROM patrol p JOIN river_chief c ON c.id = p.chief_id JOIN patrol_rule r ON r.level = c.level, bounds b
                WHERE p.started_at >= b.start AND p.started_at < b.stop
                GROUP BY 1, 2)
            SELECT c.id, c.name, c.level, COALESCE(c.town, '') AS town,
                   r.min_count * CASE r.period WHEN 'month' THEN 1 WHEN 'xun' THEN 3 ELSE 4 END AS required,
                   COALESCE(sum(least(pp.patrols, r.min_count)), 0) AS done,
                   COALESCE(sum(pp.patrols), 0) AS patrols,
                   COALESCE(iss.found, 0), COALESCE(iss.closed, 0), COALESCE(iss.overdue, 0)
            FROM river_chief c JOIN patrol_rule r ON r.level = c.level
            LEFT JOIN per_period pp ON pp.chief_id = c.id
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE i.reported_at >= b.start AND i.reported_at < b.stop) AS found,
                       count(*) FILTER (WHERE i.closed_at >= b.start AND i.closed_at < b.stop) AS closed,
                       count(*) FILTER (WHERE i.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date
                                          AND i.status NOT IN ('rectified', 'closed')) AS overdue
                FROM chief_assignment a
                JOIN patrol_issue i ON i.segment_collection = a.collection AND i.segment_id = a.asset_id
                CROSS JOIN bounds b
                WHERE a.chief_id = c.id) iss ON true
            GROUP BY c.id, c.name, c.level, c.town, r.min_count, r.period, iss.found, iss.closed, iss.overdue
            ORDER BY COALESCE(sum(least(pp.patrols, r.min_count)), 0)::float
                         / (r.min_count * CASE r.period WHEN 'month' THEN 1 WHEN 'xun' THEN 3 ELSE 4 END) DESC,
                     COALESCE(iss.closed, 0) DESC, patrols DESC, c.name""";

    private final JdbcClient jdbc;

    private final RiverAccess river;

    Bulletins(JdbcClient jdbc, RiverAccess river) {
        this.jdbc = jdbc;
        this.river = river;
    }

    @Transactional(readOnly = true)
    Bulletin of(YearMonth month) {
        river.requireReader();
        int[] rank = { 0 };
        List<ChiefLine> chiefs = jdbc.sql(DONE)
            .param("year", month.getYear())
            .param("month", month.getMonthValue())
            .query((rs, n) -> new ChiefLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getInt(6), rs.getInt(7), pct(rs.getInt(6), rs.getInt(5)), ++rank[0], rs.getInt(8), rs.getInt(9),
                    rs.getInt(10)))
            .list();
        List<Rank> ranking = chiefs.stream()
            .map(c -> new Rank(c.rank(), c.chiefId(), c.name(), c.level(), c.town(), c.compliancePct(), c.issuesClosed()))
            .toList();
        List<TownLine> towns = chiefs.stream()
            .map(ChiefLine::town)
            .distinct()
            .sorted()
            .map(town -> {
                List<ChiefLine> of = chiefs.stream().filter(c -> c.town().equals(town)).toList();
                int required = of.stream().mapToInt(ChiefLine::required).sum();
                int done = of.stream().mapToInt(ChiefLine::done).sum();
                return new TownLine(town, of.size(), required, done, pct(done, required));
            })
            .toList();
        List<IssueLine> issues = jdbc.sql("""
                WITH bounds AS (SELECT make_date(:year, :month, 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS start,
                                       (make_date(:year, :month, 1) + interval '1 month') AT TIME ZONE 'Asia/Shanghai' AS stop)
                SELECT c.category,
                       count(i.id) FILTER (WHERE i.reported_at >= b.start AND i.reported_at < b.stop),
                       count(i.id) FILTER (WHERE i.closed_at >= b.start AND i.closed_at < b.stop)
                FROM unnest(ARRAY['occupation','mining','dumping','building','pollution','other']) c(category)
                CROSS JOIN bounds b LEFT JOIN patrol_issue i ON i.category = c.category
                GROUP BY c.category ORDER BY array_position(ARRAY['occupation','mining','dumping','building','pollution',
                                                                  'other'], c.category)""")
            .param("year", month.getYear())
            .param("month", month.getMonthValue())
            .query((rs, n) -> new IssueLine(rs.getString(1), rs.getInt(2), rs.getInt(3)))
            .list();
        int overdue = jdbc.sql("""
                SELECT count(*) FROM patrol_issue
                WHERE deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date AND status NOT IN ('rectified', 'closed')""")
            .query(Integer.class)
            .single();
        int escalated = jdbc.sql("""
                SELECT count(DISTINCT issue_id) FROM issue_event
                WHERE kind = 'escalated' AND at >= make_date(:year, :month, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
                  AND at < (make_date(:year, :month, 1) + interval '1 month') AT TIME ZONE 'Asia/Shanghai'""")
            .param("year", month.getYear())
            .param("month", month.getMonthValue())
            .query(Integer.class)
            .single();
        return new Bulletin(month.toString(), chiefs, towns, issues, overdue, ranking, escalated);
    }

    private static double pct(int done, int required) {
        return required == 0 ? 0 : Math.round(done * 1000.0 / required) / 10.0;
    }

}
