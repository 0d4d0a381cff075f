package cn.hetu.parcel;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hetu.audit.Actor;
import cn.hetu.system.ErrorCode;
import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.Refusal;

/**
 * The annual disposal rate (年处置率): area disposed in the year over the stock at its start, against
 * the plans' 20%. The stock is a baseline frozen once: by the job at the first moment of 1 January county
 * time (it runs at start-up and every hour, so a year missed while Hetu was down is caught up), or by an
 * administrator for a year before Hetu held data. Either way it is the parcels as they stood at that moment
 * as far as the audit trail tells, so later edits cannot move the denominator. Reading never freezes: a
 * year without a baseline reports none.
 */
@Component
public class DisposalRates {

    public static final double TARGET_PCT = 20;

    /** One line of the report: a group of parcels (a category, the plans' combined group, or a town). */
    public record Rate(String group, String category, String town, long parcels, double stockM2, double disposedM2,
            double ratePct, boolean meetsTarget) {
    }

    /** Construction land per 亿元 of GDP and its change on the year before (the plans want at least 5% less). */
    public record LandPerGdp(int year, BigDecimal haPer100m, BigDecimal previousHaPer100m, BigDecimal changePct) {
    }

    /**
     * @param hasBaseline whether the year's stock is frozen; without it there are no rates
     * @param baselineAsOf the moment whose stock the baseline holds; {@code baselineFrozenAt} when it was written
     */
    public record Report(int year, boolean hasBaseline, Instant baselineAsOf, Instant baselineFrozenAt,
            String baselineFrozenBy, double targetPct, List<Rate> county, List<Rate> byCategory, List<Rate> byTown,
            LandPerGdp landPerGdp) {
    }

    private record Baseline(Instant asOf, Instant frozenAt, String frozenBy) {
    }

    /**
     * The stock of :year as the parcels stood at :asOf: for each parcel its last image in the audit trail at
     * or before that moment; for one first recorded later and still held, its image when recorded (or before its first
     * later change), while one recorded and deleted since does not count; for one with no trail at all, the row as it is now.
     * The trail is read in one pass each side of :asOf (DISTINCT ON), not probed per parcel, and a parcel's row is
     * taken without its geometry: at a million parcels the earlier form kept the first start-up busy for over 13 minutes.
     */
    private static final String FREEZE = """
            WITH ids AS (SELECT id FROM land_parcel
                         UNION SELECT feature_id FROM audit_log WHERE collection = 'land_parcel'),
            earlier AS (SELECT DISTINCT ON (feature_id) feature_id, action, after AS image FROM audit_log
                        WHERE collection = 'land_parcel' AND at <= :asOf
                        ORDER BY feature_id, at DESC, id DESC),
            later AS (SELECT DISTINCT ON (feature_id) feature_id, action,
                             CASE action WHEN 'create' THEN after ELSE before END AS image FROM audit_log
                      WHERE collection = 'land_parcel' AND at > :asOf
                      ORDER BY feature_id, at, id),
            state AS (
                SELECT CASE WHEN earlier.action IS NOT NULL THEN earlier.image
                            WHEN later.action IS NOT NULL AND p.id IS NOT NULL THEN later.image
                            WHEN p.id IS NOT NULL THEN jsonb_build_object('id', p.id, 'category', p.category, 'town', p.town,
                                'area_m2', p.area_m2, 'approved_on', p.approved_on, 'disposed_on', p.disposed_on) END AS row
                FROM ids i
                LEFT JOIN land_parcel p ON p.id = i.id
                LEFT JOIN earlier ON earlier.feature_id = i.id
                LEFT JOIN later ON later.feature_id = i.id)
            INSERT INTO disposal_baseline (year, parcel_id, category, town, area_m2)
            SELECT :year, (row->>'id')::bigint, row->>'category', row->>'town', (row->>'area_m2')::float8
            FROM state
            WHERE row IS NOT NULL AND (row->>'approved_on')::date < make_date(:year, 1, 1)
              AND (row->>'disposed_on' IS NULL OR (row->>'disposed_on')::date >= make_date(:year, 1, 1))""";

    private static final Logger log = LoggerFactory.getLogger(DisposalRates.class);

    private final JdbcClient jdbc;

    private final Actor actor;

    private final TransactionTemplate transactions;

    private final County county;

    DisposalRates(JdbcClient jdbc, Actor actor, PlatformTransactionManager transactions, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.actor = actor;
        this.transactions = new TransactionTemplate(transactions);
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

    // On the hour of the server's clock, which is also the county's hour unless its zone is off by a fraction of one.
    @Scheduled(cron = "0 0 * * * *")
    void hourly() {
        freezeDueYears();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        freezeDueYears();
    }

    /**
     * Freezes every year from the one Hetu first held parcels in up to this one that has no baseline yet; the
     * hourly run at midnight on 1 January freezes the new year at its first moment.
     */
    void freezeDueYears() {
        Integer first = jdbc.sql("""
                SELECT extract(year FROM least((SELECT min(created_at) FROM land_parcel),
                                               (SELECT min(at) FROM audit_log WHERE collection = 'land_parcel'))
                                         AT TIME ZONE county_time_zone())::int""")
            .query(Integer.class)
            .optional()
            .orElse(null);
        if (first == null) {
            return;
        }
        for (int year = first; year <= county.today().getYear(); year++) {
            int due = year;
            transactions.executeWithoutResult(status -> {
                lock(due);
                if (baseline(due).isEmpty()) {
                    freeze(due);
                }
            });
        }
    }

    /** An administrator's freezing of a year the job does not reach, a year before Hetu held data. */
    @Transactional
    public Report freezeByAdministrator(int year) {
        actor.stamp();
        checkYear(year);
        lock(year);
        if (baseline(year).isPresent()) {
            throw new Refusal(ErrorCode.CONFLICT,
                    "The stock of " + year + " is frozen already and is never frozen again", "year");
        }
        freeze(year);
        return report(year);
    }

    @Transactional(readOnly = true)
    public Report report(int year) {
        checkYear(year);
        Optional<Baseline> baseline = baseline(year);
        if (baseline.isEmpty()) {
            return new Report(year, false, null, null, null, TARGET_PCT, List.of(), List.of(), List.of(), landPerGdp(year));
        }
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
        Baseline b = baseline.get();
        return new Report(year, true, b.asOf(), b.frozenAt(), b.frozenBy(), TARGET_PCT, county, byCategory, byTown,
                landPerGdp(year));
    }

    private void checkYear(int year) {
        if (year > county.today().getYear() || year < 2000) {
            throw new InvalidParameterException("year", "year must be between 2000 and this year, got " + year);
        }
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

    /** Serialises the freezing of one year across the job, administrators and several instances. */
    private void lock(int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('hetu-baseline'), ?)").param(year).query().singleRow();
    }

    private Optional<Baseline> baseline(int year) {
        return jdbc.sql("SELECT as_of, frozen_at, frozen_by FROM disposal_baseline_year WHERE year = ?")
            .param(year)
            .query((rs, n) -> new Baseline(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getString(3)))
            .optional();
    }

    /** Freezes the year's stock in the name of the acting user ('system' for the job). */
    private void freeze(int year) {
        Instant asOf = county.startOf(LocalDate.of(year, 1, 1));
        jdbc.sql(FREEZE).param("year", year).param("asOf", Timestamp.from(asOf)).update();
        jdbc.sql("""
                INSERT INTO disposal_baseline_year (year, as_of, frozen_by, parcels, area_m2)
                SELECT :year, :asOf, acting_user(), count(*), COALESCE(sum(area_m2), 0) FROM disposal_baseline
                WHERE year = :year""")
            .param("year", year)
            .param("asOf", Timestamp.from(asOf))
            .update();
        log.info("Disposal baseline of {} frozen as the parcels stood at {}", year, asOf);
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
