package cn.hetu.river;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

import static cn.hetu.system.SqlIdentifiers.quote;

/** River chiefs at county, town and village level, and the river segments and ditches in their charge. */
@Component
class Chiefs {

    static final Set<String> LEVELS = Set.of("county", "town", "village");

    static final Set<String> CHARGES = Set.of("river_segment", "ditch");

    record NewChief(String name, String level, String town, String village, String phone, Long accountId) {
    }

    record Assignment(String collection, long assetId) {
    }

    record Chief(long id, String name, String level, String town, String village, String phone, Long accountId,
            List<Assignment> assignments) {
    }

    private final JdbcClient jdbc;

    private final RiverAccess river;

    private final LayerAccess access;

    Chiefs(JdbcClient jdbc, RiverAccess river, LayerAccess access) {
        this.jdbc = jdbc;
        this.river = river;
        this.access = access;
    }

    List<Chief> list() {
        access.readable("river_segment");
        return jdbc.sql("SELECT id FROM river_chief ORDER BY level, town, name").query(Long.class).list().stream()
            .map(this::chief)
            .toList();
    }

    Chief chief(long id) {
        List<Assignment> assignments = jdbc.sql("""
                SELECT collection, asset_id FROM chief_assignment WHERE chief_id = ? ORDER BY collection, asset_id""")
            .param(id)
            .query((rs, n) -> new Assignment(rs.getString(1), rs.getLong(2)))
            .list();
        return jdbc.sql("SELECT id, name, level, town, village, phone, account_id FROM river_chief WHERE id = ?")
            .param(id)
            .query((rs, n) -> new Chief(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), (Long) rs.getObject(7), assignments))
            .optional()
            .orElseThrow(() -> new NotFoundException("River chief " + id + " does not exist"));
    }

    @Transactional
    Chief create(NewChief chief) {
        river.requireOffice();
        if (chief.name() == null || chief.name().isBlank()) {
            throw new InvalidParameterException("name", "A river chief needs a name");
        }
        if (!LEVELS.contains(chief.level())) {
            throw new InvalidParameterException("level", "level is one of " + LEVELS);
        }
        long id = jdbc.sql("""
                INSERT INTO river_chief (name, level, town, village, phone, account_id) VALUES (?, ?, ?, ?, ?, ?)
                RETURNING id""")
            .params(chief.name().trim(), chief.level(), chief.town(), chief.village(), chief.phone(), chief.accountId())
            .query(Long.class)
            .single();
        return chief(id);
    }

    @Transactional
    Chief assign(long id, List<Assignment> assignments) {
        river.requireOffice();
        chief(id);
        jdbc.sql("DELETE FROM chief_assignment WHERE chief_id = ?").param(id).update();
        for (Assignment assignment : assignments) {
            if (!CHARGES.contains(assignment.collection())) {
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

}
