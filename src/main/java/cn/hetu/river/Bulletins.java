package cn.hetu.river;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;

/**
 * The monthly bulletin (一月一通报) of a patrol type, and the summary of one of its seasons: for every field worker
 * of the type and town, the patrols the type's rules require against those done, and the issues. They are ranked by
 * compliance, then by issues closed; an issue counts for everyone in charge of its segment, grid or asset. The
 * periods come from {@link Periods}. Overdue issues are those overdue today. A period (the
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
     * @param type the patrol type
     * @param month yyyy-MM of a monthly bulletin; null for a season's summary
     * @param season the season of a season's summary; null for a monthly bulletin
     * @param from the first local day counted
     * @param to the last local day counted
     * @param complete whether the month is over; if not, the figures are those to {@code asOf}
     * @param asOf the moment the figures were taken: the end of the month, or now for the month under way
     * @param escalated issues escalated to a higher level during the month
     */
    record Bulletin(String type, String month, String season, LocalDate from, LocalDate to, boolean complete, Instant asOf,
            List<ChiefLine> chiefs, List<TownLine> towns, List<IssueLine> issues, int overdueIssues, List<Rank> ranking,
            int escalated) {
    }

    /**
     * Per field worker of the type (those with duties of it; for rivers also everyone with no duty of another type),
     * the periods judged by :asOf and what was done in each; the patrols of the type in the bounds; the issues of the
     * type on their segments, grids or assets.
     */
    private static final String DONE = """
            WITH period AS (
                SELECT * FROM unnest(:levels::text[], :starts::timestamptz[], :stops::timestamptz[], :mins::integer[])
                     AS p(level, start, stop, min_count)),
            duty AS (
                SELECT chief_id, 'river' AS patrol_type, collection, asset_id FROM chief_assignment
                UNION ALL
                SELECT chief_id, patrol_type, collection, asset_id FROM patrol_duty),
            member AS (
                SELECT c.* FROM river_chief c
                WHERE EXISTS (SELECT 1 FROM duty d WHERE d.chief_id = c.id AND d.patrol_type = :type)
                   OR (:type = 'river' AND NOT EXISTS (SELECT 1 FROM patrol_duty d WHERE d.chief_id = c.id))),
            judged AS (
                SELECT c.id AS chief_id, sum(pe.min_count) AS required,
                       sum(least((SELECT count(*) FROM patrol p
                                  WHERE p.chief_id = c.id AND p.patrol_type = :type
                                    AND p.started_at >= pe.start AND p.started_at < pe.stop),
                                 pe.min_count)) AS done
                FROM member c JOIN period pe ON pe.level = c.level
                WHERE pe.stop <= :asOf
                GROUP BY c.id)
            SELECT c.id, c.name, c.level, COALESCE(c.town, '') AS town,
                   COALESCE(j.required, 0) AS required, COALESCE(j.done, 0) AS done,
                   (SELECT count(*) FROM patrol p
                    WHERE p.chief_id = c.id AND p.patrol_type = :type AND p.started_at >= :start AND p.started_at < :stop) AS patrols,
                   COALESCE(iss.found, 0), COALESCE(iss.closed, 0), COALESCE(iss.overdue, 0)
            FROM member c
            LEFT JOIN judged j ON j.chief_id = c.id
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE i.reported_at >= :start AND i.reported_at < :stop) AS found,
                       count(*) FILTER (WHERE i.closed_at >= :start AND i.closed_at < :stop) AS closed,
                       count(*) FILTER (WHERE issue_overdue(i.deadline, i.status)) AS overdue
                FROM duty a
                JOIN patrol_issue i ON COALESCE(i.asset_collection, i.segment_collection) = a.collection
                                   AND COALESCE(i.asset_id, i.segment_id) = a.asset_id
                WHERE a.chief_id = c.id AND a.patrol_type = :type AND i.patrol_type = :type) iss ON true
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
    Bulletin of(YearMonth month, PatrolType type) {
        river.requireReader();
        return between(type, month.toString(), null, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /** The summary of a season of the type in a year: its days from first to last, judged as the month is. */
    @Transactional(readOnly = true)
    Bulletin ofSeason(int year, String seasonId, PatrolType type) {
        river.requireReader();
        PatrolType.Season season = type.season(seasonId).orElseThrow(() -> new InvalidParameterException("season",
                "The seasons of " + type.id() + " are " + type.seasons().stream().map(PatrolType.Season::id).toList()));
        LocalDate first = LocalDate.parse(year + "-" + season.from());
        LocalDate last = LocalDate.parse(year + "-" + season.to());
        if (last.isBefore(first)) {
            last = last.plusYears(1);
        }
        return between(type, null, season.id(), first, last.plusDays(1));
    }

    private Bulletin between(PatrolType type, String month, String season, LocalDate first, LocalDate stopDay) {
        Instant now = Instant.now();
        Instant start = county.startOf(first);
        Instant stop = county.startOf(stopDay);
        if (!start.isBefore(now)) {
            throw new InvalidParameterException(month != null ? "month" : "season",
                    (month != null ? "The month " + month : "The season " + season + " of " + first.getYear()) + " has not begun yet");
        }
        boolean complete = !stop.isAfter(now);
        Instant asOf = complete ? stop : now;
        List<Periods.Period> periods = Periods.of(type, first, stopDay);
        int[] rank = { 0 };
        List<ChiefLine> chiefs = jdbc.sql(DONE)
            .param("levels", periods.stream().map(Periods.Period::level).toArray(String[]::new))
            .param("starts", periods.stream().map(p -> Timestamp.from(county.startOf(p.start()))).toArray(Timestamp[]::new))
            .param("stops", periods.stream().map(p -> Timestamp.from(county.startOf(p.stop()))).toArray(Timestamp[]::new))
            .param("mins", periods.stream().map(Periods.Period::minCount).toArray(Integer[]::new))
            .param("type", type.id())
            .param("start", Timestamp.from(start))
            .param("stop", Timestamp.from(stop))
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
                SELECT c.category,
                       count(i.id) FILTER (WHERE i.reported_at >= :start AND i.reported_at < :stop),
                       count(i.id) FILTER (WHERE i.closed_at >= :start AND i.closed_at < :stop)
                FROM unnest(:categories::text[]) WITH ORDINALITY c(category, position)
                LEFT JOIN patrol_issue i ON i.category = c.category AND i.patrol_type = :type
                GROUP BY c.category, c.position ORDER BY c.position""")
            .param("categories", type.categoryIds().toArray(String[]::new))
            .param("type", type.id())
            .param("start", Timestamp.from(start))
            .param("stop", Timestamp.from(stop))
            .query((rs, n) -> new IssueLine(rs.getString(1), rs.getInt(2), rs.getInt(3)))
            .list();
        int overdue = jdbc.sql("SELECT count(*) FROM patrol_issue WHERE patrol_type = ? AND issue_overdue(deadline, status)")
            .param(type.id())
            .query(Integer.class)
            .single();
        int escalated = jdbc.sql("""
                SELECT count(DISTINCT e.issue_id) FROM issue_event e JOIN patrol_issue i ON i.id = e.issue_id
                WHERE e.kind = 'escalated' AND i.patrol_type = ? AND e.at >= ? AND e.at < ?""")
            .params(type.id(), Timestamp.from(start), Timestamp.from(stop))
            .query(Integer.class)
            .single();
        return new Bulletin(type.id(), month, season, first, stopDay.minusDays(1), complete, asOf, chiefs, towns, issues,
                overdue, ranking, escalated);
    }

    /** The share done in %, one decimal; null when nothing was required (yet). */
    private static Double pct(int done, int required) {
        return required == 0 ? null : Math.round(done * 1000.0 / required) / 10.0;
    }

}
