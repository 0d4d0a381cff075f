package cn.hetu.river;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;

/**
 * The monthly bulletin (一月一通报): for every chief and town, the patrols the rules require against
 * those done, and the month's issues. Chiefs are ranked by compliance, then by issues closed in the
 * month; an issue counts for every chief of its segment. Overdue issues are those overdue today. A period (the
 * month, a 旬 of ten days, a week) counts as done when the chief patrolled in it as often as the rule asks;
 * days and months are counted in county time (a month is cut at local midnight, and not by adding a month to
 * an instant, which would cut 29 February + 1 month at 29 March).
 * <p>
 * The bulletin of a month not yet over gives its figures to date: patrols so far, and compliance judged
 * only on the periods already over, so that no one is ranked on days still to come. A chief with no period
 * over yet has no compliance and no rank.
 */
@Component
class Bulletins {

    /** @param compliancePct null when no period of the chief's rule is over yet; likewise {@code rank} */
    record ChiefLine(long chiefId, String name, String level, String town, int required, int done, int patrols,
            Double compliancePct, Integer rank, int issuesFound, int issuesClosed, int issuesOverdue) {
    }

    /** A place in the ranking. */
    record Rank(int rank, long chiefId, String name, String level, String town, double compliancePct, int issuesClosed) {
    }

    record TownLine(String town, int chiefs, int required, int done, Double compliancePct) {
    }

    record IssueLine(String category, int found, int closed) {
    }

    /**
     * @param complete whether the month is over; if not, the figures are those to {@code asOf}
     * @param asOf the moment the figures were taken: the end of the month, or now for the month under way
     * @param escalated issues escalated to a higher level during the month
     */
    record Bulletin(String month, boolean complete, Instant asOf, List<ChiefLine> chiefs, List<TownLine> towns,
            List<IssueLine> issues, int overdueIssues, List<Rank> ranking, int escalated) {
    }

    /**
     * The periods of each rule in a month, as local days: the month itself, three 旬 (1–10, 11–20, 21–end),
     * four weeks (days 29–31 join the fourth). A period is judged once it is over at :asOf; a chief's periods
     * without a patrol count 0 done.
     */
    private static final String DONE = """
            WITH month AS (SELECT make_date(:year, :month, 1) AS first_day,
                                  (make_date(:year, :month, 1) + interval '1 month')::date AS next_month),
            period AS (
                SELECT r.level, r.min_count,
                       (m.first_day + d.first - 1)::timestamp AT TIME ZONE county_time_zone() AS start,
                       COALESCE(m.first_day + d.next - 1, m.next_month)::timestamp AT TIME ZONE county_time_zone() AS stop
                FROM patrol_rule r CROSS JOIN month m
                JOIN (VALUES ('month', 1, NULL), ('xun', 1, 11), ('xun', 11, 21), ('xun', 21, NULL),
                             ('week', 1, 8), ('week', 8, 15), ('week', 15, 22), ('week', 22, NULL))
                     d(period, first, next) ON d.period = r.period),
            judged AS (
                SELECT c.id AS chief_id, sum(pe.min_count) AS required,
                       sum(least((SELECT count(*) FROM patrol p
                                  WHERE p.chief_id = c.id AND p.started_at >= pe.start AND p.started_at < pe.stop),
                                 pe.min_count)) AS done
                FROM river_chief c JOIN period pe ON pe.level = c.level
                WHERE pe.stop <= :asOf
                GROUP BY c.id),
            bounds AS (SELECT first_day::timestamp AT TIME ZONE county_time_zone() AS start,
                              next_month::timestamp AT TIME ZONE county_time_zone() AS stop FROM month)
            SELECT c.id, c.name, c.level, COALESCE(c.town, '') AS town,
                   COALESCE(j.required, 0) AS required, COALESCE(j.done, 0) AS done,
                   (SELECT count(*) FROM patrol p, bounds b
                    WHERE p.chief_id = c.id AND p.started_at >= b.start AND p.started_at < b.stop) AS patrols,
                   COALESCE(iss.found, 0), COALESCE(iss.closed, 0), COALESCE(iss.overdue, 0)
            FROM river_chief c
            LEFT JOIN judged j ON j.chief_id = c.id
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE i.reported_at >= b.start AND i.reported_at < b.stop) AS found,
                       count(*) FILTER (WHERE i.closed_at >= b.start AND i.closed_at < b.stop) AS closed,
                       count(*) FILTER (WHERE issue_overdue(i.deadline, i.status)) AS overdue
                FROM chief_assignment a
                JOIN patrol_issue i ON i.segment_collection = a.collection AND i.segment_id = a.asset_id
                CROSS JOIN bounds b
                WHERE a.chief_id = c.id) iss ON true
            ORDER BY COALESCE(j.required, 0) > 0 DESC, COALESCE(j.done, 0)::float / NULLIF(j.required, 0) DESC,
                     COALESCE(iss.closed, 0) DESC, patrols DESC, c.name""";

    private final JdbcClient jdbc;

    private final RiverAccess river;

    private final County county;

    Bulletins(JdbcClient jdbc, RiverAccess river, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.river = river;
    }

    @Transactional(readOnly = true)
    Bulletin of(YearMonth month) {
        river.requireReader();
        Instant now = Instant.now();
        Instant monthStart = county.startOf(month.atDay(1));
        Instant monthEnd = county.startOf(month.plusMonths(1).atDay(1));
        if (!monthStart.isBefore(now)) {
            throw new InvalidParameterException("month", "The month " + month + " has not begun yet");
        }
        boolean complete = !monthEnd.isAfter(now);
        Instant asOf = complete ? monthEnd : now;
        int[] rank = { 0 };
        List<ChiefLine> chiefs = jdbc.sql(DONE)
            .param("year", month.getYear())
            .param("month", month.getMonthValue())
            .param("asOf", Timestamp.from(asOf))
            .query((rs, n) -> {
                int required = rs.getInt(5);
                return new ChiefLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), required,
                        rs.getInt(6), rs.getInt(7), pct(rs.getInt(6), required), required == 0 ? null : ++rank[0],
                        rs.getInt(8), rs.getInt(9), rs.getInt(10));
            })
            .list();
        List<Rank> ranking = chiefs.stream()
            .filter(c -> c.rank() != null)
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
                WITH bounds AS (SELECT make_date(:year, :month, 1)::timestamp AT TIME ZONE county_time_zone() AS start,
                                       (make_date(:year, :month, 1) + interval '1 month') AT TIME ZONE county_time_zone() AS stop)
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
                WHERE issue_overdue(deadline, status)""")
            .query(Integer.class)
            .single();
        int escalated = jdbc.sql("""
                SELECT count(DISTINCT issue_id) FROM issue_event
                WHERE kind = 'escalated' AND at >= make_date(:year, :month, 1)::timestamp AT TIME ZONE county_time_zone()
                  AND at < (make_date(:year, :month, 1) + interval '1 month') AT TIME ZONE county_time_zone()""")
            .param("year", month.getYear())
            .param("month", month.getMonthValue())
            .query(Integer.class)
            .single();
        return new Bulletin(month.toString(), complete, asOf, chiefs, towns, issues, overdue, ranking, escalated);
    }

    /** The share done in %, one decimal; null when nothing was required (yet). */
    private static Double pct(int done, int required) {
        return required == 0 ? null : Math.round(done * 1000.0 / required) / 10.0;
    }

}
