package cn.hetu.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;
import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class HistoryTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Catalog catalog;

    @Test
    void everyChangeIsRecordedWithWhoBeforeAndAfterInTheSameTransaction() {
        long id = newSluice("HIST-1");
        changeAs("water_editor", "UPDATE sluice SET status = 'completed', geom = ST_SetSRID(ST_MakePoint(116.31, 33.21), 4490)"
                + " WHERE id = " + id);
        JsonNode history = admin.get("/api/v1/features/sluice/" + id + "/history").json();
        assertThat(history.size()).isEqualTo(2);
        JsonNode update = history.get(0);
        assertThat(update.get("action").asString()).isEqualTo("update");
        assertThat(update.get("username").asString()).isEqualTo("water_editor");
        assertThat(update.get("before").get("status").asString()).isEqualTo("planned");
        assertThat(update.get("after").get("status").asString()).isEqualTo("completed");
        assertThat(update.get("after").get("geom").get("coordinates").get(0).asDouble()).isEqualTo(116.31);
        assertThat(update.get("changedFields").toString()).contains("status", "geom").doesNotContain("updated_at");
        assertThat(jdbc.sql("SELECT updated_by FROM sluice WHERE id = ?").param(id).query(String.class).single())
            .isEqualTo("water_editor");

        transactions.executeWithoutResult(s -> {
            jdbc.sql("UPDATE sluice SET status = 'suspended' WHERE id = ?").param(id).update();
            s.setRollbackOnly();
        });
        assertThat(admin.get("/api/v1/features/sluice/" + id + "/history").json().size())
            .as("a rolled-back change leaves no trace").isEqualTo(2);
    }

    @Test
    void anEarlierVersionIsRestoredAndADeletedFeatureComesBack() {
        long id = newSluice("HIST-2");
        long created = admin.get("/api/v1/features/sluice/" + id + "/history").json().get(0).get("id").asLong();
        changeAs("admin", "UPDATE sluice SET name = '改过的名字', geom = ST_SetSRID(ST_MakePoint(116.4, 33.4), 4490) WHERE id = " + id);
        Http.Reply restored = admin.post("/api/v1/features/sluice/" + id + "/history/" + created + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT name || ' ' || ST_AsText(geom) FROM sluice WHERE id = ?").param(id).query(String.class)
            .single()).isEqualTo("历史测试闸 POINT(116.3 33.2)");
        assertThat(restored.json().get("username").asString()).isEqualTo("admin");

        changeAs("admin", "DELETE FROM sluice WHERE id = " + id);
        assertThat(admin.post("/api/v1/features/sluice/" + id + "/history/" + created + "/restore", null).status())
            .isEqualTo(200);
        assertThat(jdbc.sql("SELECT name FROM sluice WHERE id = ?").param(id).query(String.class).single())
            .isEqualTo("历史测试闸");
    }

    @Test
    void aDeletedFeatureOfEveryCollectionIsInItsHistoryAndComesBackAsItWas() {
        for (Layer layer : catalog.layers()) {
            if (layer.isRecord()) {
                continue;
            }
            String table = layer.id();
            // a row nothing else refers to: links and milestones are not part of a feature's history
            Long id = jdbc.sql("SELECT id FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM project_asset pa"
                    + " WHERE (pa.collection = ? AND pa.asset_id = t.id) OR (? = 'project' AND pa.project_id = t.id))"
                    + " AND NOT EXISTS (SELECT 1 FROM project_milestone m WHERE ? = 'project' AND m.project_id = t.id)"
                    + " ORDER BY id LIMIT 1")
                .params(table, table, table)
                .query(Long.class)
                .optional()
                .orElse(null);
            if (id == null) {
                continue;
            }
            // the undelete is itself a change: who made it and when are stamped afresh (for an investment project
            // also its step into its stage: its steps went with it, and the undelete records the step again)
            String row = "SELECT (to_jsonb(t) - 'updated_at' - 'updated_by' - 'created_at' - 'created_by' - 'version'"
                    + " - 'stage_changed_at')::text FROM "
                    + table + " t WHERE id = ?";
            String before = jdbc.sql(row).param(id).query(String.class).single();
            Http.Reply deleted = admin.delete("/ogc/collections/" + table + "/items/" + id);
            if (deleted.status() != 204) {
                changeAs("admin", "DELETE FROM " + table + " WHERE id = " + id);
            }
            assertThat(admin.get("/ogc/collections/" + table + "/items/" + id).status()).as(table).isEqualTo(404);
            JsonNode history = admin.get("/api/v1/features/" + table + "/" + id + "/history").json();
            assertThat(history.get(0).get("action").asString()).as(table).isEqualTo("delete");
            assertThat(history.get(0).get("before").isObject()).as(table + ": the deleted row is in its history").isTrue();
            // a feature loaded without a per-feature history (a control line's edition) comes back by its deletion
            long lastVersion = history.get(history.size() > 1 ? 1 : 0).get("id").asLong();
            Http.Reply restored = admin.post("/api/v1/features/" + table + "/" + id + "/history/" + lastVersion + "/restore", null);
            assertThat(restored.status()).as(table + ": " + restored.body()).isEqualTo(200);
            assertThat(jdbc.sql(row).param(id).query(String.class).single()).as(table).isEqualTo(before);
        }
    }

    @Test
    void onlyThoseWhoMayEditTheFeatureRestoreIt() {
        long id = newSluice("HIST-3");
        long created = admin.get("/api/v1/features/sluice/" + id + "/history").json().get(0).get("id").asLong();
        String restore = "/api/v1/features/sluice/" + id + "/history/" + created + "/restore";
        assertThat(TestAccounts.natresEditor(admin).post(restore, null).status()).isEqualTo(403);
        assertThat(TestAccounts.viewer(admin).post(restore, null).status()).isEqualTo(403);
        assertThat(TestAccounts.planner(admin).post(restore, null).status()).isEqualTo(403);
        assertThat(TestAccounts.riverChief(admin).post(restore, null).status()).isEqualTo(403);
        assertThat(admin.anonymous().post(restore, null).status()).isEqualTo(401);
        assertThat(TestAccounts.waterEditor(admin).post(restore, null).status()).isEqualTo(200);

        long parcel = jdbc.sql("SELECT min(id) FROM land_parcel").query(Long.class).single();
        long parcelChange = admin.get("/api/v1/features/land_parcel/" + parcel + "/history").json().get(0).get("id").asLong();
        assertThat(TestAccounts.planner(admin)
            .post("/api/v1/features/land_parcel/" + parcel + "/history/" + parcelChange + "/restore", null)
            .status()).isEqualTo(200);
    }

    @Test
    void theFeedOfRecentChangesFiltersByUserAndCollection() {
        long id = newSluice("HIST-4");
        changeAs("feed_user", "UPDATE sluice SET remarks = '巡查后更新' WHERE id = " + id);
        JsonNode feed = admin.get("/api/v1/changes?user=feed_user&collection=sluice").json();
        assertThat(feed.size()).isGreaterThanOrEqualTo(1);
        feed.forEach(change -> {
            assertThat(change.get("username").asString()).isEqualTo("feed_user");
            assertThat(change.get("collection").asString()).isEqualTo("sluice");
            assertThat(change.has("before")).isFalse();
        });
        assertThat(feed.get(0).get("changedFields").toString()).contains("remarks");
        assertThat(admin.anonymous().get("/api/v1/changes").status()).isEqualTo(401);
    }

    private long newSluice(String code) {
        jdbc.sql("DELETE FROM sluice WHERE code = ?").param(code).update();
        return transactions.execute(s -> {
            jdbc.sql("SELECT set_config('hetu.user', 'admin', true)").query().singleRow();
            return jdbc.sql("""
                    INSERT INTO sluice (code, name, geom, status, department, scale)
                    VALUES (?, '历史测试闸', ST_SetSRID(ST_MakePoint(116.3, 33.2), 4490), 'planned', 'water', 'small')
                    RETURNING id""").param(code).query(Long.class).single();
        });
    }

    private void changeAs(String username, String sql) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT set_config('hetu.user', ?, true)").param(username).query().singleRow();
            jdbc.sql(sql).update();
        });
    }

}
