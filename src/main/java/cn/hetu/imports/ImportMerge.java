package cn.hetu.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Writes a checked import into its collection in one transaction: a new layer's table and
 * catalogue row, the mapped rows (repaired or skipped geometries, duplicate codes inserted under
 * a new code, updated or skipped), then INSERT ... SELECT in slices so progress can be shown. The
 * stamp trigger fires for every row as for any edit. An import that only adds features is audited
 * as one batch: the row audit trigger is off, one {@code import} record goes into the audit log and
 * the written rows into its table {@code import_audit.batch_<record id>}, from which a feature's
 * history reads its imported state. An import that updates features keeps the per-row audit (each
 * update's earlier state). A failure, a cancel or a killed server leaves nothing behind: the
 * transaction never commits.
 */
@Component
class ImportMerge {

    /** How the user wants the merge done. */
    record Plan(Map<String, String> mapping, Map<String, String> defaults, boolean repair, String duplicates) {
    }

    /** What the merge wrote and left out. */
    record Result(long inserted, long updated, long skippedGeometry, long skippedDuplicates, long renamedDuplicates,
            double seconds, long featuresPerSecond) {
    }

    /** Hooks into the running merge: its backend (to cancel it), progress, and the per-department edit check. */
    record Hooks(IntConsumer backend, IntConsumer progress, BooleanSupplier cancelled, Consumer<String> checkDepartment) {
    }

    private static final int SLICE = 20_000;

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    ImportMerge(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    Result merge(UUID job, String username, ImportTarget target, Plan plan, List<String> sourceFields, Hooks hooks) {
        long started = System.nanoTime();
        return transaction.execute(status -> {
            hooks.backend().accept(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single());
            // All or nothing either way: a crash before the WAL is flushed loses a commit nobody was told of yet.
            jdbc.sql("SELECT set_config('hetu.user', ?, true), set_config('application_name', ?, true),"
                    + " set_config('synchronous_commit', 'off', true)")
                .params(username, "hetu-import-" + job)
                .query()
                .singleRow();
            if (target.isNew()) {
                createLayer(target);
            }
            Map<String, ImportSql.Expression> values = ImportSql.values(job, target, plan.mapping(), plan.defaults(),
                    sourceFields);
            // Parameters cannot be bound in CREATE TABLE AS: the rows table is made first, then filled.
            String columns = values.keySet()
                .stream()
                .map(c -> quote(c) + " " + target.column(c).sqlType() + ", ")
                .collect(Collectors.joining());
            jdbc.sql("CREATE TEMP TABLE import_rows (fid integer, " + columns + "geom geometry) ON COMMIT DROP").update();
            List<Object> args = new ArrayList<>();
            values.values().forEach(v -> args.addAll(v.args()));
            args.add(target.geometryType());
            args.add(plan.repair());
            jdbc.sql("INSERT INTO import_rows SELECT s.ogc_fid, " + values.values()
                .stream()
                .map(v -> v.sql() + ", ")
                .collect(Collectors.joining()) + "import_geometry(s.geom, ?, ?) FROM " + Staging.qualified(job) + " s")
                .params(args)
                .update();
            hooks.progress().accept(30);
            long skippedGeometry = jdbc.sql("DELETE FROM import_rows WHERE geom IS NULL").update();
            jdbc.sql("CREATE INDEX ON import_rows (code)").update();
            jdbc.sql("ANALYZE import_rows").update();
            long[] duplicates = duplicates(target, plan.duplicates());
            for (String department : jdbc.sql("SELECT DISTINCT department FROM import_rows").query(String.class).list()) {
                hooks.checkDepartment().accept(department);
            }
            if (plan.duplicates().equals("update")) {
                jdbc.sql("SELECT DISTINCT t.department FROM " + quote(target.id()) + " t JOIN import_rows r ON r.code = t.code")
                    .query(String.class)
                    .list()
                    .forEach(hooks.checkDepartment());
            }
            hooks.progress().accept(40);
            boolean update = plan.duplicates().equals("update");
            String batch = update ? null : openBatch(job, target);
            long[] written = insert(target, values.keySet(), update, batch, hooks);
            if (batch != null) {
                jdbc.sql("CREATE INDEX ON " + batch + " (id)").update();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long total = written[0] + written[1];
            return new Result(written[0], written[1], skippedGeometry, duplicates[0], duplicates[1],
                    Math.round(seconds * 100) / 100.0, seconds > 0 ? Math.round(total / seconds) : total);
        });
    }

    /** Handles codes repeated in the file and codes the collection has; returns {skipped, renamed}. */
    private long[] duplicates(ImportTarget target, String mode) {
        // One sorted pass over the codes: a probe per row took 2.5 times as long at 500,000 rows.
        String earlier = "r.fid IN (SELECT fid FROM (SELECT fid, row_number() OVER (PARTITION BY code ORDER BY fid) AS n"
                + " FROM import_rows) o WHERE o.n > 1)";
        String existing = "EXISTS (SELECT 1 FROM " + quote(target.id()) + " t WHERE t.code = r.code)";
        long skipped = 0;
        long renamed = 0;
        if (mode.equals("insert")) {
            renamed += jdbc.sql("UPDATE import_rows r SET code = r.code || '-' || r.fid WHERE " + earlier + " OR " + existing)
                .update();
        }
        else {
            skipped += jdbc.sql("DELETE FROM import_rows r WHERE " + earlier).update();
            if (mode.equals("skip")) {
                skipped += jdbc.sql("DELETE FROM import_rows r WHERE " + existing).update();
            }
        }
        return new long[] { skipped, renamed };
    }

    /**
     * Turns the row audit off for this transaction and writes the batch's one audit record; returns the
     * table (shaped like the collection's) that keeps the rows the import writes.
     */
    private String openBatch(UUID job, ImportTarget target) {
        jdbc.sql("SELECT set_config('hetu.audit', 'off', true)").query().singleRow();
        long record = jdbc.sql("""
                INSERT INTO audit_log (username, collection, feature_id, action, after)
                VALUES (acting_user(), ?, NULL, 'import', jsonb_build_object('job', ?::text)) RETURNING id""")
            .params(target.id(), job.toString())
            .query(Long.class)
            .single();
        String batch = "import_audit.batch_" + record;
        jdbc.sql("CREATE TABLE " + batch + " (LIKE " + quote(target.id()) + ")").update();
        jdbc.sql("UPDATE audit_log SET after = after || jsonb_build_object('rows', ?::text) WHERE id = ?")
            .params(batch, record)
            .update();
        return batch;
    }

    /**
     * INSERT ... SELECT slice by slice, stopping at a cancel; returns {inserted, updated}. With a batch
     * table, the inserted rows (ids, stamps and generated columns included) are copied there by the same statement.
     */
    private long[] insert(ImportTarget target, Collection<String> columns, boolean update, String batch, Hooks hooks) {
        String names = columns.stream().map(c -> quote(c) + ", ").collect(Collectors.joining()) + "geom";
        String upsert = !update ? ""
                : " ON CONFLICT (code) DO UPDATE SET " + columns.stream()
                    .map(c -> quote(c) + " = EXCLUDED." + quote(c) + ", ")
                    .collect(Collectors.joining()) + "geom = EXCLUDED.geom, version = t.version + 1";
        String write = "INSERT INTO " + quote(target.id()) + " AS t (" + names + ") SELECT " + names
                + " FROM import_rows WHERE fid >= ? AND fid < ? ORDER BY fid" + upsert;
        String sql = batch == null
                ? "WITH w AS (" + write + " RETURNING (xmax = 0) AS inserted)"
                        + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM w"
                : "WITH w AS (" + write + " RETURNING t.*), kept AS (INSERT INTO " + batch + " SELECT * FROM w RETURNING 1)"
                        + " SELECT count(*), 0 FROM kept";
        List<Long> range = jdbc.sql("SELECT COALESCE(min(fid), 0), COALESCE(max(fid), -1) FROM import_rows")
            .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
            .single();
        long first = range.get(0);
        long last = range.get(1);
        long inserted = 0;
        long updated = 0;
        for (long from = first; from <= last; from += SLICE) {
            if (hooks.cancelled().getAsBoolean()) {
                throw new ImportCancelled();
            }
            long[] counts = jdbc.sql(sql)
                .params(from, from + SLICE)
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
                .single();
            inserted += counts[0];
            updated += counts[1];
            hooks.progress().accept(40 + (int) (60 * (from + SLICE - first) / Math.max(1, last - first + 1)));
        }
        return new long[] { inserted, updated };
    }

    /** A collection like every other: the common core, the file's fields, stamps, audit, search index, catalogue row. */
    private void createLayer(ImportTarget target) {
        String table = quote(target.id());
        jdbc.sql("SELECT create_asset_table(?, ?)").params(target.id(), target.geometryType()).query().singleRow();
        List<String> additions = new ArrayList<>();
        for (ImportTarget.TargetColumn column : target.columns()) {
            if (!ImportTarget.CORE_NAMES.contains(column.name())) {
                additions.add("ADD COLUMN " + quote(column.name()) + " " + column.sqlType());
            }
        }
        if (target.geometryType().equals("LineString")) {
            additions.add("ADD COLUMN length_m double precision GENERATED ALWAYS AS (ST_Length(geom::geography)) STORED");
        }
        if (target.geometryType().equals("MultiPolygon")) {
            additions.add("ADD COLUMN area_m2 double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED");
        }
        if (!additions.isEmpty()) {
            jdbc.sql("ALTER TABLE " + table + " " + String.join(", ", additions)).update();
        }
        for (ImportTarget.TargetColumn column : target.columns()) {
            if (column.sourceTitle() != null) {
                jdbc.sql("SELECT import_comment_column(?::regclass, ?, ?)")
                    .params(table, column.name(), column.sourceTitle())
                    .query()
                    .singleRow();
            }
        }
        jdbc.sql("CREATE INDEX " + quote(target.id() + "_search_idx") + " ON " + table
                + " USING gin (name gin_trgm_ops, code gin_trgm_ops)").update();
        jdbc.sql("SELECT track_changes(?)").param(target.id()).query().singleRow();
        jdbc.sql("""
                INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, sort_order)
                VALUES (?, ?, ?, ?, ?, 'imported', ?, 1000)""")
            .params(target.id(), target.newLayer().title(), target.newLayer().title(), "导入的图层", "Imported layer",
                    target.geometryType())
            .update();
    }

    /** Thrown inside the transaction to roll it back when the user cancels. */
    static final class ImportCancelled extends RuntimeException {

        ImportCancelled() {
            super("The import was cancelled; nothing was written");
        }

    }

}
