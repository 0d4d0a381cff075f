package cn.hetu.land;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.county.County;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;

/**
 * The cadence of the satellite enforcement work: 月清 (a month's batch cleared by its end), 季度预警 (patches
 * overdue at a quarter's end), 半年分析 and 年度评估 (rates by town and change type), all for the batches of the
 * period and counted at its end in county time; a period under way is counted now.
 */
@Component
class EnforcementFigures {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?");

    /** Figures of one town and change type; {@code closed} and {@code overdue} as at the cut-off. */
    record Row(String town, String changeType, long patches, long judged, long illegal, long closed, long overdue,
            long inFarmland, double farmlandM2, double clearedPct) {
    }

    record Figures(String period, LocalDate from, LocalDate to, boolean complete, Instant asOf, List<Row> rows) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final County county;

    EnforcementFigures(JdbcClient jdbc, LayerAccess access, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.access = access;
    }

    Figures of(String period) {
        access.readable(EnforcementPatches.LAYER);
        Matcher m = PERIOD.matcher(period == null ? "" : period.trim());
        if (!m.matches()) {
            throw new InvalidParameterException("period", "period is a month (2026-09), a quarter (2026-Q3), a half year "
                    + "(2026-H2) or a year (2026), not '" + period + "'");
        }
        int year = Integer.parseInt(m.group(1));
        LocalDate from;
        LocalDate until;
        if (m.group(2) != null) {
            from = YearMonth.of(year, Integer.parseInt(m.group(2))).atDay(1);
            until = from.plusMonths(1);
        } else if (m.group(3) != null) {
            from = LocalDate.of(year, 3 * Integer.parseInt(m.group(3)) - 2, 1);
            until = from.plusMonths(3);
        } else if (m.group(4) != null) {
            from = LocalDate.of(year, 6 * Integer.parseInt(m.group(4)) - 5, 1);
            until = from.plusMonths(6);
        } else {
            from = LocalDate.of(year, 1, 1);
            until = from.plusYears(1);
        }
        LocalDate today = county.today();
        boolean complete = !today.isBefore(until);
        Instant cutoff = complete ? county.startOf(until) : Instant.now();
        LocalDate deadlineCutoff = complete ? until : today;
        List<Row> rows = jdbc.sql("""
                SELECT COALESCE(assigned_town, town, '') AS town, change_type, count(*) AS patches,
                       count(*) FILTER (WHERE judgement IS NOT NULL) AS judged,
                       count(*) FILTER (WHERE judgement = 'illegal') AS illegal,
                       count(*) FILTER (WHERE closed_at < :cutoff) AS closed,
                       count(*) FILTER (WHERE deadline < :deadlineCutoff AND NOT COALESCE(closed_at < :cutoff, false)) AS overdue,
                       count(*) FILTER (WHERE farmland_m2 > 0) AS in_farmland, COALESCE(sum(farmland_m2), 0) AS farmland_m2
                FROM enforcement_patch
                WHERE to_date(batch, 'YYYY-MM') >= :from AND to_date(batch, 'YYYY-MM') < :until
                GROUP BY 1, 2 ORDER BY 1, 2""")
            .param("cutoff", java.sql.Timestamp.from(cutoff))
            .param("deadlineCutoff", deadlineCutoff)
            .param("from", from)
            .param("until", until)
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8), Math.round(rs.getDouble(9) * 100) / 100.0,
                    Math.round(1000.0 * rs.getLong(6) / rs.getLong(3)) / 10.0))
            .list();
        return new Figures(period.trim(), from, until.minusDays(1), complete, cutoff, rows);
    }

}
