package cn.hetu.parcel;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;
import cn.hetu.county.County;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The disposal rate's baselines: frozen by the job at the first moment of 1 January county time (and caught
 * up after downtime) or by an administrator, from the parcels as they stood then, and never by reading.
 */
@RegistryTest
class DisposalBaselineTests {

    @Autowired
    County county;

    private static final List<String> CODES = List.of("BASE-DEC31", "BASE-JAN1");

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisposalRates rates;

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM audit_log WHERE collection = 'land_parcel' AND feature_id IN (SELECT id FROM land_parcel WHERE code = ANY (?))")
            .param(CODES.toArray(String[]::new))
            .update();
        jdbc.sql("DELETE FROM land_parcel WHERE code = ANY (?)").param(CODES.toArray(String[]::new)).update();
        forget(2018);
        forget(2019);
    }

    private void forget(int year) {
        jdbc.sql("DELETE FROM disposal_baseline WHERE year = ?").param(year).update();
        jdbc.sql("DELETE FROM disposal_baseline_year WHERE year = ?").param(year).update();
    }

    @Test
    void readingAYearWithoutABaselineFreezesNothingAndSaysSo() {
        forget(2019);
        JsonNode report = admin.get("/api/v1/parcels/disposal-rate?year=2019").json();
        assertThat(report.get("year").asInt()).isEqualTo(2019);
        assertThat(report.get("hasBaseline").asBoolean()).isFalse();
        assertThat(report.has("baselineFrozenAt") && !report.get("baselineFrozenAt").isNull()).isFalse();
        assertThat(report.get("county").size()).as("no made-up figure").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM disposal_baseline_year WHERE year = 2019").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM disposal_baseline WHERE year = 2019").query(Long.class).single()).isZero();
    }

    @Test
    void anAdministratorFreezesAYearBeforeHetuOnceFromTheParcelsAsTheyStoodThen() {
        long dec31 = parcel("BASE-DEC31");
        long jan1 = parcel("BASE-JAN1");
        // Entered in June 2018; one disposed at 23:30 on 31 December 2018 county time, the other half an hour
        // into 2019. The history is dated explicitly.
        dispose(dec31, "2018-12-31");
        dispose(jan1, "2019-01-01");
        dateHistory(dec31, "2018-06-01T10:00:00+08:00", "2018-12-31T23:30:00+08:00");
        dateHistory(jan1, "2018-06-01T10:00:00+08:00", "2019-01-01T00:30:00+08:00");

        assertThat(TestAccounts.planner(admin).post("/api/v1/parcels/disposal-baselines/2019", "").status()).isEqualTo(403);
        assertThat(TestAccounts.viewer(admin).post("/api/v1/parcels/disposal-baselines/2019", "").status()).isEqualTo(403);
        Http.Reply frozen = admin.post("/api/v1/parcels/disposal-baselines/2019", "");
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(201);
        assertThat(frozen.json().get("hasBaseline").asBoolean()).isTrue();
        assertThat(frozen.json().get("baselineFrozenBy").asString()).isEqualTo("admin");
        assertThat(frozen.json().get("baselineAsOf").asString()).isEqualTo("2018-12-31T16:00:00Z");
        assertThat(inBaseline(2019, dec31)).as("disposed at 23:30 on 31 December: not in the next year's stock").isFalse();
        assertThat(inBaseline(2019, jan1)).as("disposed half an hour into the year: in its stock").isTrue();
        assertThat(admin.post("/api/v1/parcels/disposal-baselines/2019", "").status()).as("frozen once").isEqualTo(409);
        assertThat(admin.post("/api/v1/parcels/disposal-baselines/" + (county.today().getYear() + 1), "")
            .status()).isEqualTo(400);

        assertThat(admin.post("/api/v1/parcels/disposal-baselines/2018", "").status()).isEqualTo(201);
        assertThat(inBaseline(2018, dec31)).isTrue();
        JsonNode report2018 = admin.get("/api/v1/parcels/disposal-rate?year=2018").json();
        assertThat(report2018.get("hasBaseline").asBoolean()).isTrue();
        assertMatchesRecomputation(report2018, 2018);
        assertMatchesRecomputation(admin.get("/api/v1/parcels/disposal-rate?year=2019").json(), 2019);
        double dec31Area = jdbc.sql("SELECT area_m2 FROM land_parcel WHERE id = ?").param(dec31).query(Double.class).single();
        assertThat(disposedIn(2018, dec31)).as("the 23:30 disposal counts in 2018").isCloseTo(dec31Area, offset(0.01));
    }

    @Test
    void theJobFreezesTheYearsDueFromTheFirstMomentOfTheYearAndCatchesUp() {
        int thisYear = county.today().getYear();
        forget(thisYear);
        assertThat(admin.get("/api/v1/parcels/disposal-rate?year=" + thisYear).json().get("hasBaseline").asBoolean()).isFalse();
        rates.freezeDueYears();
        JsonNode report = admin.get("/api/v1/parcels/disposal-rate?year=" + thisYear).json();
        assertThat(report.get("hasBaseline").asBoolean()).isTrue();
        assertThat(report.get("baselineFrozenBy").asString()).isEqualTo("system");
        assertThat(report.get("baselineAsOf").asString())
            .isEqualTo(LocalDate.of(thisYear, 1, 1).atStartOfDay(county.timeZone()).toInstant().toString());
        // The stock is the parcels as they stood at that moment, recomputed here from the audit trail.
        List<Long> expected = jdbc.sql("""
                SELECT (img->>'id')::bigint FROM (
                    SELECT DISTINCT ON (feature_id) feature_id, at <= :t AS recorded_before,
                                                    CASE WHEN at <= :t THEN after
                                                         WHEN action = 'create' THEN after ELSE before END AS img
                    FROM audit_log WHERE collection = 'land_parcel'
                    ORDER BY feature_id, (at <= :t) DESC, CASE WHEN at <= :t THEN at END DESC, at) s
                WHERE img IS NOT NULL AND (img->>'approved_on')::date < make_date(:year, 1, 1)
                  AND (recorded_before OR EXISTS (SELECT 1 FROM land_parcel p WHERE p.id = s.feature_id))
                  AND (img->>'disposed_on' IS NULL OR (img->>'disposed_on')::date >= make_date(:year, 1, 1))
                UNION
                SELECT id FROM land_parcel p WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                        WHERE a.collection = 'land_parcel' AND a.feature_id = p.id)
                  AND approved_on < make_date(:year, 1, 1) AND (disposed_on IS NULL OR disposed_on >= make_date(:year, 1, 1))
                ORDER BY 1""")
            .param("t", java.sql.Timestamp.from(LocalDate.of(thisYear, 1, 1).atStartOfDay(county.timeZone()).toInstant()))
            .param("year", thisYear)
            .query(Long.class)
            .list();
        assertThat(jdbc.sql("SELECT parcel_id FROM disposal_baseline WHERE year = ? ORDER BY 1").param(thisYear).query(Long.class)
            .list()).isEqualTo(expected).isNotEmpty();
        String frozenAt = report.get("baselineFrozenAt").asString();
        rates.freezeDueYears();
        assertThat(admin.get("/api/v1/parcels/disposal-rate?year=" + thisYear).json().get("baselineFrozenAt").asString())
            .as("a year is frozen once").isEqualTo(frozenAt);
        assertMatchesRecomputation(report, thisYear);
    }

    /** The rate's figures, recomputed from the frozen stock and the parcels' disposal dates. */
    private void assertMatchesRecomputation(JsonNode report, int year) {
        for (JsonNode group : report.get("county")) {
            List<String> categories = group.get("group").asString().equals("工业低效用地") ? List.of("inefficient_industrial")
                    : List.of("approved_unsupplied", "idle");
            var figures = jdbc.sql("""
                    SELECT COALESCE(sum(b.area_m2), 0) AS stock,
                           COALESCE(sum(b.area_m2) FILTER (WHERE extract(year FROM p.disposed_on) = :year), 0) AS done
                    FROM disposal_baseline b LEFT JOIN land_parcel p ON p.id = b.parcel_id
                    WHERE b.year = :year AND b.category = ANY (:categories)""")
                .param("year", year)
                .param("categories", categories.toArray(String[]::new))
                .query()
                .singleRow();
            double stock = ((Number) figures.get("stock")).doubleValue();
            double done = ((Number) figures.get("done")).doubleValue();
            assertThat(group.get("stockM2").asDouble()).isCloseTo(stock, offset(1.0));
            assertThat(group.get("disposedM2").asDouble()).isCloseTo(done, offset(1.0));
            assertThat(group.get("ratePct").asDouble()).isEqualTo(stock == 0 ? 0 : Math.round(done * 1000 / stock) / 10.0);
        }
    }

    private double disposedIn(int year, long parcel) {
        return jdbc.sql("""
                SELECT COALESCE(sum(b.area_m2), 0) FROM disposal_baseline b JOIN land_parcel p ON p.id = b.parcel_id
                WHERE b.year = ? AND p.id = ? AND extract(year FROM p.disposed_on) = ?""")
            .params(year, parcel, year)
            .query(Double.class)
            .single();
    }

    private long parcel(String code) {
        return jdbc.sql("""
                INSERT INTO land_parcel (code, name, geom, department, town, parcel_no, category, approved_on)
                VALUES (?, ?, ST_Multi(ST_GeomFromText('POLYGON((116.20 33.20, 116.201 33.20, 116.201 33.201, 116.20 33.201, 116.20 33.20))', 4490)),
                        'natres', '测试镇', ?, 'idle', DATE '2015-05-01') RETURNING id""")
            .params(code, code, code)
            .query(Long.class)
            .single();
    }

    private void dispose(long parcel, String on) {
        jdbc.sql("""
                UPDATE land_parcel SET disposal_method = 'supply', disposal_status = 'disposed', disposed_on = ?::date
                WHERE id = ?""")
            .params(on, parcel)
            .update();
    }

    /** Dates the parcel's creation and its disposal in the audit trail. */
    private void dateHistory(long parcel, String created, String disposed) {
        jdbc.sql("UPDATE audit_log SET at = ?::timestamptz WHERE collection = 'land_parcel' AND feature_id = ? AND action = 'create'")
            .params(created, parcel)
            .update();
        jdbc.sql("UPDATE audit_log SET at = ?::timestamptz WHERE collection = 'land_parcel' AND feature_id = ? AND action = 'update'")
            .params(disposed, parcel)
            .update();
    }

    private boolean inBaseline(int year, long parcel) {
        return jdbc.sql("SELECT count(*) FROM disposal_baseline WHERE year = ? AND parcel_id = ?").params(year, parcel)
            .query(Long.class)
            .single() > 0;
    }

}
