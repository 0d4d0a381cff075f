package cn.hetu.imports;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hetu.catalog.Catalog;

/**
 * Takes away what an import test wrote, so that the other test classes sharing the database
 * find the demo county as it was: ditches added after a mark, the layers imports created, their
 * history and any staging tables left over.
 */
final class ImportedData {

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Catalog catalog;

    private final long lastDitch;

    ImportedData(JdbcClient jdbc, TransactionTemplate transaction, Catalog catalog) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.catalog = catalog;
        this.lastDitch = jdbc.sql("SELECT COALESCE(max(id), 0) FROM ditch").query(Long.class).single();
    }

    void remove() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('hetu.audit', 'off', true)").query().singleRow();
            jdbc.sql("DELETE FROM ditch WHERE id > ?").param(lastDitch).update();
            jdbc.sql("DELETE FROM audit_log WHERE collection = 'ditch' AND feature_id > ?").param(lastDitch).update();
            List<String> layers = jdbc.sql("SELECT id FROM collection WHERE theme = 'imported'").query(String.class).list();
            for (String layer : layers) {
                jdbc.sql("DELETE FROM collection WHERE id = ?").param(layer).update();
                jdbc.sql("DELETE FROM audit_log WHERE collection = ?").param(layer).update();
                jdbc.sql("DELETE FROM tile_cell WHERE collection = ?").param(layer).update();
                jdbc.sql("DELETE FROM tile_large WHERE collection = ?").param(layer).update();
                jdbc.sql("DROP TABLE \"" + layer + "\"").update();
            }
            jdbc.sql("DELETE FROM audit_log WHERE action = 'import'").update();
            jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'import_audit'")
                .query(String.class)
                .list()
                .forEach(table -> jdbc.sql("DROP TABLE import_audit.\"" + table + "\"").update());
            jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'import_staging'")
                .query(String.class)
                .list()
                .forEach(table -> jdbc.sql("DROP TABLE import_staging.\"" + table + "\"").update());
        });
        catalog.refresh();
    }

}
