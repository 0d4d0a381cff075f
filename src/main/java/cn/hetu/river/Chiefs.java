package cn.hetu.river;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import cn.hetu.system.EditConflict;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/** River chiefs at county, town and village level, and the river segments and ditches in their charge. */
@Component
class Chiefs {

    static final Set<String> LEVELS = Set.of("county", "town", "village");

    static final Set<String> CHARGES = Set.of("river_segment", "ditch");

    /** Fields a PATCH may change. */
    private static final Set<String> PATCHABLE = Set.of("name", "level", "town", "village", "phone", "accountId", "version");

    record NewChief(String name, String level, String town, String village, String phone, Long accountId) {
    }

    /** A segment in a chief's charge; {@code name} and {@code town} are filled in answers and ignored in requests. */
    record Assignment(String collection, long assetId, String name, String town) {
    }

    record Chief(long id, String name, String level, String town, String village, String phone, Long accountId,
            int version, List<Assignment> assignments) {
    }

    /** A chief as other records name them. */
    record ChiefRef(long id, String name, String level) {
    }

    private final JdbcClient jdbc;

    private final RiverAccess river;

    Chiefs(JdbcClient jdbc, RiverAccess river) {
        this.jdbc = jdbc;
        this.river = river;
    }

    List<Chief> list() {
        river.requireReader();
        return jdbc.sql("SELECT id FROM river_chief ORDER BY level, town, name").query(Long.class).list().stream()
            .map(this::chief)
            .toList();
    }

    /** The chief record of the signed-in account, or 404 when the account is no river chief. */
    Optional<Chief> own() {
        return river.ownChief().map(this::chief);
    }

    Chief chief(long id) {
        List<Assignment> assignments = jdbc.sql("""
                SELECT a.collection, a.asset_id, COALESCE(r.name, d.name), COALESCE(r.town, d.town)
                FROM chief_assignment a
                LEFT JOIN river_segment r ON a.collection = 'river_segment' AND r.id = a.asset_id
                LEFT JOIN ditch d ON a.collection = 'ditch' AND d.id = a.asset_id
                WHERE a.chief_id = ? ORDER BY a.collection, a.asset_id""")
            .param(id)
            .query((rs, n) -> new Assignment(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
            .list();
        return jdbc.sql("SELECT id, name, level, town, village, phone, account_id, version FROM river_chief WHERE id = ?")
            .param(id)
            .query((rs, n) -> new Chief(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), (Long) rs.getObject(7), rs.getInt(8), assignments))
            .optional()
            .orElseThrow(() -> new NotFoundException("River chief " + id + " does not exist"));
    }

    @Transactional
    Chief create(NewChief chief) {
        river.requireOffice();
        if (chief.name() == null || chief.name().isBlank()) {
            throw new InvalidParameterException("name", "A river chief needs a name");
        }
        if (chief.level() == null || !LEVELS.contains(chief.level())) {
            throw new InvalidParameterException("level", "level is one of " + LEVELS);
        }
        checkAccount(chief.accountId(), null);
        long id = jdbc.sql("""
                INSERT INTO river_chief (name, level, town, village, phone, account_id) VALUES (?, ?, ?, ?, ?, ?)
                RETURNING id""")
            .params(chief.name().trim(), chief.level(), chief.town(), chief.village(), chief.phone(), chief.accountId())
            .query(Long.class)
            .single();
        return chief(id);
    }

    /**
     * Changes the fields the patch names (JSON merge patch: a null clears town, village, phone or accountId).
     * With {@code version}, a patch based on an older version is refused with 409.
     */
    @Transactional
    Chief update(long id, JsonNode patch) {
        river.requireOffice();
        if (patch == null || !patch.isObject()) {
            throw new InvalidParameterException("body", "Send a JSON object with the fields to change");
        }
        for (String field : patch.propertyNames()) {
            if (!PATCHABLE.contains(field)) {
                throw new InvalidParameterException(field, "'" + field + "' cannot be changed; fields are " + PATCHABLE);
            }
        }
        Chief current = chief(id);
        if (patch.has("version") && patch.get("version").asInt() != current.version()) {
            throw new EditConflict("Someone else changed this chief since you read it", false, null);
        }
        String name = patch.has("name") ? text(patch, "name") : current.name();
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("name", "A river chief needs a name");
        }
        String level = patch.has("level") ? text(patch, "level") : current.level();
        if (level == null || !LEVELS.contains(level)) {
            throw new InvalidParameterException("level", "level is one of " + LEVELS);
        }
        Long accountId = current.accountId();
        if (patch.has("accountId")) {
            JsonNode account = patch.get("accountId");
            if (!account.isNull() && !account.isIntegralNumber()) {
                throw new InvalidParameterException("accountId", "accountId is an account's number, or null to unlink");
            }
            accountId = account.isNull() ? null : account.asLong();
            checkAccount(accountId, id);
        }
        jdbc.sql("""
                UPDATE river_chief SET name = ?, level = ?, town = ?, village = ?, phone = ?, account_id = ?,
                       version = version + 1
                WHERE id = ?""")
            .params(name.trim(), level, patch.has("town") ? text(patch, "town") : current.town(),
                    patch.has("village") ? text(patch, "village") : current.village(),
                    patch.has("phone") ? text(patch, "phone") : current.phone(), accountId, id)
            .update();
        return chief(id);
    }

    @Transactional
    Chief assign(long id, List<Assignment> assignments) {
        river.requireOffice();
        chief(id);
        jdbc.sql("DELETE FROM chief_assignment WHERE chief_id = ?").param(id).update();
        for (Assignment assignment : assignments) {
            if (assignment.collection() == null || !CHARGES.contains(assignment.collection())) {
                throw new InvalidParameterException("collection", "A chief is in charge of river_segment or ditch features");
            }
            int inserted = jdbc.sql("INSERT INTO chief_assignment (chief_id, collection, asset_id) SELECT ?, ?, id FROM "
                    + quote(assignment.collection()) + " WHERE id = ? ON CONFLICT DO NOTHING")
                .params(id, assignment.collection(), assignment.assetId())
                .update();
            if (inserted == 0 && jdbc.sql("SELECT count(*) FROM " + quote(assignment.collection()) + " WHERE id = ?")
                .param(assignment.assetId()).query(Long.class).single() == 0) {
                throw new NotFoundException("There is no " + assignment.collection() + " " + assignment.assetId());
            }
        }
        return chief(id);
    }

    /**
     * Every river segment and ditch with the chiefs in charge, for the responsibility map; lines are
     * simplified to about 5 m, plenty for a county map. One GeoJSON FeatureCollection made by PostGIS.
     */
    String responsibility() {
        river.requireReader();
        return jdbc.sql("""
                SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(f ORDER BY k), '[]'))::text
                FROM (
                    SELECT s.collection || '.' || s.id AS k,
                           json_build_object('type', 'Feature', 'id', s.collection || '.' || s.id,
                               'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(s.geom, 0.00005), 6)::json,
                               'properties', json_build_object('collection', s.collection, 'id', s.id, 'name', s.name,
                                   'town', s.town, 'chiefs', COALESCE(ch.chiefs, '[]'), 'unassigned', ch.chiefs IS NULL)) AS f
                    FROM (SELECT 'river_segment' AS collection, id, name, town, geom FROM river_segment
                          UNION ALL
                          SELECT 'ditch', id, name, town, geom FROM ditch) s
                    LEFT JOIN LATERAL (
                        SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'level', c.level)
                                        ORDER BY array_position(ARRAY['village', 'town', 'county'], c.level), c.id) AS chiefs
                        FROM chief_assignment a JOIN river_chief c ON c.id = a.chief_id
                        WHERE a.collection = s.collection AND a.asset_id = s.id) ch ON true) x""")
            .query(String.class)
            .single();
    }

    /** The account exists and is no other chief's. */
    private void checkAccount(Long accountId, Long chiefId) {
        if (accountId == null) {
            return;
        }
        if (jdbc.sql("SELECT count(*) FROM account WHERE id = ?").param(accountId).query(Long.class).single() == 0) {
            throw new InvalidParameterException("accountId", "There is no account " + accountId);
        }
        jdbc.sql("SELECT id, name FROM river_chief WHERE account_id = ? AND id IS DISTINCT FROM ?")
            .params(accountId, chiefId)
            .query((rs, n) -> rs.getString(2) + " (" + rs.getLong(1) + ")")
            .optional()
            .ifPresent(other -> {
                throw new EditConflict("Account " + accountId + " is already linked to river chief " + other, false, null);
            });
    }

    private static String text(JsonNode patch, String field) {
        JsonNode value = patch.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidParameterException(field, "'" + field + "' is text");
        }
        return value.asString();
    }

}
