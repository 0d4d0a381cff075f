package cn.hetu.parcel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.system.InvalidParameterException;

/**
 * The annual disposal rate (年处置率): area disposed in the year over the stock at its start, against
 * the plans' 20%. The stock is a baseline frozen at the first moment of 1 January (or, for a year
 * that began before Hetu held its data, on the first request), so later edits cannot move it.
 */
@Component
public class DisposalRates {

    public static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    public static final double TARGET_PCT = 20;

    /** One line of the report: a group of parcels (a category, the plans' combined group, or a town). */
    public record Rate(String group, String category, String town, long parcels, double stockM2, double disposedM2,
            double ratePct, boolean meetsTarget) {
    }

    /** Construction land per 亿元 of GDP and its change on the year before (the plans want at least 5% less). */
    public record LandPerGdp(int year, BigDecimal haPer100m, BigDecimal previousHaPer100m, BigDecimal changePct) {
    }

    public record Report(int year, Instant baselineFrozenAt, double targetPct, List<Rate> county, List<Rate> byCategory,
            List<Rate> byTown, LandPerGdp landPerGdp) {
    }

    private final JdbcClient jdbc;

    private final Actor actor;

    DisposalRates(JdbcClient jdbc, Actor actor) {
        this.jdbc = jdbc;
        this.actor = actor;
    }

    @Transactional
    void saveIndicator(int year, BigDecimal gdp100mCny, BigDecimal constructionLandHa) {
        actor.stamp();
        jdbc.sql("""
                INSERT INTO land_indicator (year, gdp_100m_cny, construction_land_ha, updated_by)
                VALUES (?, ?, ?, acting_user())
                ON CONFLICT (year) DO UPDATE SET gdp_100m_cny = EXCLUDED.gdp_100m_cny,
                    construction_land_ha = EXCLUDED.construction_land_ha, updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")
            .params(year, gdp100mCny, constructionLandHa)
            .update();
    }

    /** Freezes the new year's stock as soon as it begins. */
    @Scheduled(cron = "0 0 0 1 1 *", zone = "Asia/Shanghai")
    @Transactional
    void freezeNewYear() {
        baseline(LocalDate.now(COUNTY_TIME).getYear());
    }

    @Transactional
    void freezeDueYears() {
        freezeNewYear();
    }

    @Transactional
    public Report report(int year) {
        if (year > LocalDate.now(COUNTY_TIME).getYear() || year < 2000) {
            throw new InvalidParameterException("year", "year must be between 2000 and this year, got " + year);
        }
        Instant frozenAt = baseline(year);
        String rates = """
                SELECT %s AS grp, count(*), sum(b.area_m2),
                       COALESCE(sum(b.area_m2) FILTER (WHERE p.disposed_on BETWEEN make_date(:year, 1, 1)
                                                                             AND make_date(:year, 12, 31)), 0)
                FROM disposal_baseline b LEFT JOIN land_parcel p ON p.id = b.parcel_id
                WHERE b.year = :year %s GROUP BY 1 ORDER BY 1""";
        List<Rate> county = List.of(
                combined(rates, "'批而未供和闲置土地'", "AND b.category IN ('approved_unsupplied', 'idle')", year),
                combined(rates, "'工业低效用地'", "AND b.category = 'inefficient_industrial'", year));
        List<Rate> byCategory = jdbc.sql(rates.formatted("b.category", "")).param("year", year)
            .query((rs, n) -> rate(rs.getString(1), rs.getString(1), null, rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
            .list();
        List<Rate> byTown = jdbc.sql(rates.formatted("COALESCE(b.town, '')", "")).param("year", year)
            .query((rs, n) -> rate(rs.getString(1), null, rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
            .list();
        return new Report(year, frozenAt, TARGET_PCT, county, byCategory, byTown, landPerGdp(year));
    }

    private Rate combined(String rates, String name, String condition, int year) {
        return jdbc.sql(rates.formatted(name, condition))
            .param("year", year)
            .query((rs, n) -> rate(rs.getString(1), null, null, rs.getLong(2), rs.getDouble(3), rs.getDouble(4)))
            .optional()
            .orElse(rate(name.replace("'", ""), null, null, 0, 0, 0));
    }

    private static Rate rate(String group, String category, String town, long parcels, double stock, double disposed) {
        double pct = stock == 0 ? 0 : Math.round(disposed * 1000 / stock) / 10.0;
        return new Rate(group, category, town, parcels, Math.round(stock), Math.round(disposed), pct, pct >= TARGET_PCT);
    }

    /** The year's frozen baseline, made now if it does not exist yet. */
    private Instant baseline(int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hetu-baseline'), ?)").param(year).query().singleRow();
        return jdbc.sql("SELECT frozen_at FROM disposal_baseline_year WHERE year = ?")
            .param(year)
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .optional()
            .orElseGet(() -> freeze(year));
    }

    private Instant freeze(int year) {
        jdbc.sql("""
                INSERT INTO disposal_baseline (year, parcel_id, category, town, area_m2)
                SELECT :year, id, category, town, area_m2 FROM land_parcel
                WHERE approved_on < make_date(:year, 1, 1)
                  AND (disposed_on IS NULL OR disposed_on >= make_date(:year, 1, 1))""")
            .param("year", year)
            .update();
        return jdbc.sql("""
                INSERT INTO disposal_baseline_year (year, parcels, area_m2)
                SELECT :year, count(*), COALESCE(sum(area_m2), 0) FROM disposal_baseline WHERE year = :year
                RETURNING frozen_at""")
            .param("year", year)
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .single();
    }

    private LandPerGdp landPerGdp(int year) {
        return jdbc.sql("""
                SELECT round(c.construction_land_ha / c.gdp_100m_cny, 4),
                       round(p.construction_land_ha / p.gdp_100m_cny, 4),
                       round(((c.construction_land_ha / c.gdp_100m_cny) / (p.construction_land_ha / p.gdp_100m_cny) - 1)
                             * 100, 2)
                FROM land_indicator c LEFT JOIN land_indicator p ON p.year = c.year - 1 WHERE c.year = ?""")
            .param(year)
            .query((rs, n) -> new LandPerGdp(year, rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
            .optional()
            .orElse(null);
    }

}
