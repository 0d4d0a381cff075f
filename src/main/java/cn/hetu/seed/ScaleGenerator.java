package cn.hetu.seed;

import java.io.PrintStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the registry with synthetic land parcels for benchmarks ({@code ./hetu generate N}), plus
 * one ditch per 100 parcels and one sluice and one bridge per 200. Parcels lie on a grid over the
 * county's box (from its profile), so they never overlap one another; each batch commits on its own and progress is printed.
 * A later run lays its grid anew, so its parcels may overlap those of an earlier run.
 */
@Component
@ConditionalOnProperty(name = "hetu.generate.parcels")
@Order(100)
class ScaleGenerator implements ApplicationRunner {

    private static final int BATCH = 25_000;

    /** The county's box (its boundary's), code, name and towns, from its profile. */
    private static final String PLACE = """
            place AS (SELECT ST_XMin(boundary) AS x0, ST_YMin(boundary) AS y0, ST_XMax(boundary) - ST_XMin(boundary) AS w,
                             ST_YMax(boundary) - ST_YMin(boundary) AS h, code, name_zh,
                             (SELECT array_agg(name_zh ORDER BY position) FROM county_town) AS towns FROM county)
            """;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final long parcels;

    private final PrintStream out = System.out;

    ScaleGenerator(JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${hetu.generate.parcels}") long parcels) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.parcels = parcels;
    }

    @Override
    public void run(ApplicationArguments args) {
        long first = jdbc.sql("SELECT count(*) FROM land_parcel WHERE code LIKE 'GEN-%'").query(Long.class).single() + 1;
        long last = first + parcels - 1;
        long columns = (long) Math.ceil(Math.sqrt(last * 1.2));
        long started = System.nanoTime();
        for (long from = first; from <= last; from += BATCH) {
            long to = Math.min(last, from + BATCH - 1);
            long batchFrom = from;
            transactions.executeWithoutResult(status -> {
                // Synthetic features are not changes anyone made: keep them out of the audit trail.
                jdbc.sql("SELECT set_config('hetu.audit', 'off', true)").query().singleRow();
                insertBatch(batchFrom, to, columns);
            });
            progress(to - first + 1, started);
        }
        out.println();
        out.println("[hetu] analysing tables");
        jdbc.sql("ANALYZE land_parcel, ditch, sluice, bridge").update();
        out.printf("[hetu] %d parcels generated in %.1f s%n", parcels, (System.nanoTime() - started) / 1e9);
    }

    private void insertBatch(long from, long to, long columns) {
        jdbc.sql("WITH " + PLACE + """
                ,
                cell AS (
                    SELECT g, x0 + (g % :cols) * (w / :cols) AS x, y0 + (g / :cols) * (h / :cols) AS y,
                           w / :cols AS dx, h / :cols AS dy, random() AS r, code AS county_code, name_zh AS county_name, towns
                    FROM place, generate_series(:from::bigint, :to::bigint) g),
                parcel AS (
                    SELECT c.*, towns[1 + (g % NULLIF(cardinality(towns), 0))] AS town,
                           CASE WHEN r < 0.4 THEN 'approved_unsupplied' WHEN r < 0.75 THEN 'idle'
                                ELSE 'inefficient_industrial' END AS category,
                           DATE '2012-01-01' + (random() * 4000)::int AS approved_on, random() AS d,
                           ST_SetSRID(ST_MakePoint(x + dx * (0.05 + 0.2 * random()), y + dy * (0.05 + 0.2 * random())), 4490) AS sw
                    FROM cell c)
                INSERT INTO land_parcel (code, name, geom, department, town, parcel_no, category, land_use, holder, approval_no,
                                         approved_on, idle_since, disposal_method, disposal_status, disposed_on)
                SELECT 'GEN-' || lpad(g::text, 8, '0'), '合成地块' || g,
                       ST_Multi(ST_MakePolygon(ST_MakeLine(ARRAY[
                           sw,
                           ST_SetSRID(ST_MakePoint(x + dx * (0.95 - 0.2 * random()), y + dy * (0.05 + 0.2 * random())), 4490),
                           ST_SetSRID(ST_MakePoint(x + dx * (0.95 - 0.2 * random()), y + dy * (0.95 - 0.2 * random())), 4490),
                           ST_SetSRID(ST_MakePoint(x + dx * (0.05 + 0.2 * random()), y + dy * (0.95 - 0.2 * random())), 4490),
                           sw]))),
                       'natres', town, county_code || '-GEN-' || g, category,
                       (ARRAY['工业用地','商服用地','住宅用地','仓储用地'])[1 + (g % 4)],
                       '合成企业' || (g % 5000) || '有限公司', county_name || '政地〔' || extract(year FROM approved_on) || '〕' || (g % 900),
                       approved_on, CASE WHEN category = 'idle' THEN approved_on + 730 END,
                       CASE WHEN d >= 0.6 THEN (ARRAY['reclaim_by_law','reclaim_by_agreement','urge_construction','swap',
                                                      'temporary_use','land_reserve'])[1 + (g % 6)] END,
                       CASE WHEN d < 0.6 THEN 'pending' WHEN d < 0.8 THEN 'in_progress' ELSE 'disposed' END,
                       CASE WHEN d >= 0.8 THEN DATE '2023-01-01' + (random() * 1400)::int END
                FROM parcel""")
            .param("cols", columns)
            .param("from", from)
            .param("to", to)
            .update();
        jdbc.sql("WITH " + PLACE + """
                INSERT INTO ditch (code, name, geom, department, town, class, treated)
                SELECT 'GEN-D-' || g, '合成沟渠' || g,
                       ST_SetSRID(ST_MakeLine(ST_MakePoint(x0 + random() * w, y0 + random() * h),
                                              ST_MakePoint(x0 + random() * w, y0 + random() * h)), 4490),
                       'water', towns[1], CASE WHEN g % 7 = 0 THEN 'large' ELSE 'medium' END, g % 4 = 0
                FROM place, generate_series(:from::bigint, :to::bigint) g WHERE g % 100 = 0""")
            .param("from", from)
            .param("to", to)
            .update();
        jdbc.sql("WITH " + PLACE + """
                INSERT INTO sluice (code, name, geom, department, town, scale)
                SELECT 'GEN-S-' || g, '合成水闸' || g, ST_SetSRID(ST_MakePoint(x0 + random() * w, y0 + random() * h), 4490),
                       'water', towns[1], 'small'
                FROM place, generate_series(:from::bigint, :to::bigint) g WHERE g % 200 = 0""")
            .param("from", from)
            .param("to", to)
            .update();
        jdbc.sql("WITH " + PLACE + """
                INSERT INTO bridge (code, name, geom, department, town, condition)
                SELECT 'GEN-B-' || g, '合成桥梁' || g, ST_SetSRID(ST_MakePoint(x0 + random() * w, y0 + random() * h), 4490),
                       'water', towns[1], CASE WHEN g % 10 = 0 THEN 'dangerous' ELSE 'sound' END
                FROM place, generate_series(:from::bigint, :to::bigint) g WHERE g % 200 = 0""")
            .param("from", from)
            .param("to", to)
            .update();
    }

    private void progress(long done, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double left = seconds / done * (parcels - done);
        out.printf("\r[hetu] parcels %,d / %,d (%d%%), %.0f s, about %.0f s left   ", done, parcels, done * 100 / parcels,
                seconds, left);
        out.flush();
    }

}
