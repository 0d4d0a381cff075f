package cn.hetu.land;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.catalog.Layer;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/**
 * Judging a satellite enforcement patch and carrying an illegal one through the rectification workflow the
 * river issues follow (states and moves from {@code issue_transition_allowed}, the one definition of both).
 * A legal patch, or one judged "other", needs no rectification and is closed by the judgement.
 */
@Component
class EnforcementPatches {

    static final String LAYER = "enforcement_patch";

    record Judgement(String judgement, String justification, Integer version) {
    }

    record Transition(String to, String town, LocalDate deadline, String note, Integer version) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    EnforcementPatches(JdbcClient jdbc, LayerAccess access, Actor actor) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    /** The batches (yyyy-MM), newest first, with how many patches each holds and how many are closed. */
    List<Map<String, Object>> batches() {
        access.readable(LAYER);
        return jdbc.sql("""
                SELECT batch, count(*) AS patches, count(*) FILTER (WHERE rectification = 'closed') AS closed,
                       count(*) FILTER (WHERE farmland_m2 > 0) AS in_farmland
                FROM enforcement_patch GROUP BY batch ORDER BY batch DESC""")
            .query()
            .listOfRows();
    }

    /** The patches of a batch, in patch number order. */
    List<Map<String, Object>> ofBatch(String batch) {
        access.readable(LAYER);
        if (batch == null || !batch.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            throw new InvalidParameterException("batch", "batch is a month, yyyy-MM (2026-09), not '" + batch + "'");
        }
        return jdbc.sql(SELECT + " WHERE batch = ? ORDER BY patch_no").param(batch).query().listOfRows();
    }

    /** A patch with its shape (GeoJSON) and its events, oldest first. */
    Map<String, Object> detail(long id) {
        access.readable(LAYER);
        Map<String, Object> patch = new java.util.LinkedHashMap<>(current(id));
        patch.put("geometry", new ConflictCheck.Pieces(jdbc.sql("SELECT ST_AsGeoJSON(geom, 7) FROM enforcement_patch WHERE id = ?")
            .param(id).query(String.class).single()));
        patch.put("events", jdbc.sql("""
                SELECT kind, from_status, to_status, note, by_user, at FROM patch_event WHERE patch_id = ? ORDER BY id""")
            .param(id).query().listOfRows());
        return patch;
    }

    @Transactional
    Map<String, Object> judge(long id, Judgement judgement) {
        Map<String, Object> patch = editable(id, judgement.version());
        if (judgement.judgement() == null || !List.of("legal", "illegal", "other").contains(judgement.judgement())) {
            throw new InvalidParameterException("judgement", "judgement is legal (合法), illegal (违法) or other (其他)");
        }
        if (judgement.justification() == null || judgement.justification().isBlank()) {
            throw new InvalidParameterException("justification", "Name the approval or the law that justifies the judgement");
        }
        if (!"reported".equals(patch.get("rectification"))) {
            throw new IllegalTransitionException("Patch " + id + " is " + patch.get("rectification") + "; only a reported patch is judged");
        }
        boolean closes = !judgement.judgement().equals("illegal");
        jdbc.sql("""
                UPDATE enforcement_patch SET judgement = ?, justification = ?, version = version + 1,
                       rectification = CASE WHEN ? THEN 'closed' ELSE rectification END,
                       closed_at = CASE WHEN ? THEN now() END
                WHERE id = ?""")
            .params(judgement.judgement(), judgement.justification().trim(), closes, closes, id)
            .update();
        jdbc.sql("INSERT INTO patch_event (patch_id, kind, to_status, note) VALUES (?, 'judged', ?, ?)")
            .params(id, closes ? "closed" : "reported", judgement.judgement() + ": " + judgement.justification().trim())
            .update();
        return current(id);
    }

    @Transactional
    Map<String, Object> transition(long id, Transition transition) {
        Map<String, Object> patch = editable(id, transition.version());
        if (!"illegal".equals(patch.get("judgement"))) {
            throw new IllegalTransitionException("Only a patch judged illegal is rectified; judge patch " + id + " first");
        }
        String from = (String) patch.get("rectification");
        if (transition.to() == null || !jdbc.sql("SELECT issue_transition_allowed(?, ?)").params(from, transition.to())
            .query(Boolean.class).single()) {
            throw new IllegalTransitionException("A patch cannot go from " + from + " to " + transition.to());
        }
        if (transition.to().equals("assigned") && (transition.town() == null || transition.town().isBlank()
                || transition.deadline() == null)) {
            throw new InvalidParameterException("town", "Assigning a patch needs the town and the rectification deadline");
        }
        jdbc.sql("""
                UPDATE enforcement_patch SET rectification = :to, version = version + 1,
                       assigned_town = COALESCE(:town, assigned_town), deadline = COALESCE(:deadline, deadline),
                       closed_at = CASE WHEN :to = 'closed' THEN now() END
                WHERE id = :id""")
            .param("to", transition.to()).param("town", transition.town()).param("deadline", transition.deadline())
            .param("id", id)
            .update();
        jdbc.sql("INSERT INTO patch_event (patch_id, kind, from_status, to_status, note) VALUES (?, 'transition', ?, ?, ?)")
            .params(id, from, transition.to(), transition.note())
            .update();
        return current(id);
    }

    private Map<String, Object> editable(long id, Integer version) {
        Layer layer = access.readable(LAYER);
        Map<String, Object> patch = current(id);
        access.checkEdit(layer, (String) patch.get("department"));
        actor.stamp();
        if (version == null || version != ((Number) patch.get("version")).intValue()) {
            throw new EditConflict("Someone else changed patch " + id + " since you read it", false, null);
        }
        return patch;
    }

    private static final String SELECT = """
            SELECT id, patch_no, batch, detected_on, change_type, town, department, round(area_m2::numeric, 2) AS area_m2,
                   round(farmland_m2::numeric, 2) AS farmland_m2, farmland_m2 > 0 AS in_farmland, judgement, justification,
                   rectification, assigned_town, deadline, closed_at, image_before, image_after, version,
                   rectification <> 'closed' AND deadline < county_today() AS overdue
            FROM enforcement_patch""";

    private Map<String, Object> current(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
            .param(id)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Enforcement patch " + id + " does not exist"));
    }

}
