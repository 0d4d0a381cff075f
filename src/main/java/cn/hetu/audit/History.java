package cn.hetu.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonRawValue;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/** Reads the audit trail that the database triggers write, and puts earlier versions back. */
@Component
class History {

    /**
     * One recorded change. {@code before} and {@code after} are the whole rows as JSON, geometry
     * included as GeoJSON; the feed of recent changes leaves them out and lists the changed fields.
     */
    record Change(long id, Instant at, String username, String collection, long featureId, String code, String name,
            String action, List<String> changedFields, @JsonRawValue String before, @JsonRawValue String after) {
    }

    private static final String CHANGED_FIELDS = """
            ARRAY(SELECT key FROM jsonb_each(COALESCE(after, '{}')) a FULL JOIN jsonb_each(COALESCE(before, '{}')) b
                  USING (key) WHERE a.value IS DISTINCT FROM b.value
                  AND key NOT IN ('updated_at', 'updated_by', 'version') ORDER BY key)""";

    private static final String NAMES = "COALESCE(after ->> 'code', before ->> 'code') AS code,"
            + " COALESCE(after ->> 'name', before ->> 'name') AS name";

    /**
     * A feature's changes: its own audit records and, for a feature an import added, the import's batch record
     * with the feature's row as the import wrote it (a {@code create}; see imports.ImportMerge).
     */
    private static final String FEATURE_LOG = """
            WITH log AS (
                SELECT id, at, username, collection, feature_id, action, before, after FROM audit_log
                WHERE collection = :collection AND feature_id = :feature
                UNION ALL
                SELECT id, at, username, collection, :feature::bigint, 'create', NULL, image FROM audit_log,
                       import_image(after ->> 'rows', :feature) image
                WHERE collection = :collection AND feature_id IS NULL AND action = 'import' AND image IS NOT NULL)
            """;

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    History(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    List<Change> ofFeature(String collection, long featureId) {
        Layer layer = access.readable(collection);
        return jdbc.sql(FEATURE_LOG + "SELECT id, at, username, collection, feature_id, " + NAMES + ", action, " + CHANGED_FIELDS
                + " AS changed, before::text, after::text FROM log ORDER BY id DESC")
            .param("collection", layer.id())
            .param("feature", featureId)
            .query(changeMapper(true))
            .list();
    }

    List<Change> recent(String username, String collection, Long before, int limit) {
        String[] readable = access.readableLayers().stream().map(Layer::id).toArray(String[]::new);
        return jdbc.sql("SELECT id, at, username, collection, feature_id, " + NAMES + ", action, " + CHANGED_FIELDS
                + " AS changed"
                + " FROM audit_log WHERE collection = ANY (:readable) AND feature_id IS NOT NULL"
                + " AND (:username::text IS NULL OR username = :username)"
                + " AND (:collection::text IS NULL OR collection = :collection) AND (:before::bigint IS NULL OR id < :before)"
                + " ORDER BY id DESC LIMIT :limit")
            .param("readable", readable)
            .param("username", username)
            .param("collection", collection)
            .param("before", before)
            .param("limit", limit)
            .query(changeMapper(false))
            .list();
    }

    /**
     * The feature as a change left it; restoring a deletion brings the feature back as it was when deleted (the only
     * way back for a feature loaded without a per-feature history, such as a control line's edition as delivered).
     */
    @Transactional
    Change restore(String collection, long featureId, long changeId) {
        Layer layer = access.readable(collection);
        String image = jdbc.sql(FEATURE_LOG + "SELECT COALESCE(after, before)::text FROM log WHERE id = :change")
            .param("collection", layer.id())
            .param("feature", featureId)
            .param("change", changeId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("Change " + changeId + " of " + collection + "/" + featureId
                    + " does not exist"));
        String table = quote(layer.id());
        jdbc.sql("SELECT department FROM " + table + " WHERE id = ?")
            .param(featureId)
            .query(String.class)
            .optional()
            .ifPresent(current -> access.checkEdit(layer, current));
        access.checkEdit(layer, jdbc.sql("SELECT ?::jsonb ->> 'department'").param(image).query(String.class).single());
        actor.stamp();
        List<String> columns = layer.writableColumns().stream().map(Column::name).toList();
        String geometry = "ST_GeomFromGeoJSON(NULLIF(:image::jsonb -> 'geom', 'null'::jsonb))";
        String record = " FROM jsonb_populate_record(NULL::" + table + ", :image::jsonb - 'geom') r";
        int updated = jdbc.sql("UPDATE " + table + " t SET "
                + columns.stream().map(c -> quote(c) + " = r." + quote(c)).collect(Collectors.joining(", "))
                + ", geom = " + geometry + ", version = t.version + 1" + record + " WHERE t.id = :id")
            .param("image", image)
            .param("id", featureId)
            .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO " + table + " (id, " + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                    + ", geom) SELECT :id, " + columns.stream().map(c -> "r." + quote(c)).collect(Collectors.joining(", "))
                    + ", " + geometry + record)
                .param("image", image)
                .param("id", featureId)
                .update();
        }
        return ofFeature(collection, featureId).get(0);
    }

    private static RowMapper<Change> changeMapper(boolean withImages) {
        return (rs, n) -> new Change(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                rs.getString("collection"), rs.getLong("feature_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("action"),
                List.of((String[]) rs.getArray("changed").getArray()), withImages ? rs.getString("before") : null,
                withImages ? rs.getString("after") : null);
    }

}
