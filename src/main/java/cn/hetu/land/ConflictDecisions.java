package cn.hetu.land;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.audit.Actor;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.InvalidParameterException;

/**
 * The record of an editor's decision on a save that enters a restrictive control line. The figures kept are
 * recomputed here from the geometry being saved, never taken from the client.
 */
@Component
class ConflictDecisions {

    record NewDecision(String collection, Long featureId, JsonNode geometry, String decision, String reason) {
    }

    record Decision(long id, String collection, Long featureId, String decision, String reason, JsonNode conflicts,
            OffsetDateTime decidedAt, String decidedBy) {
    }

    private static final List<String> COLLECTIONS = List.of("project", "land_parcel");

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final ConflictCheck check;

    private final ObjectMapper json;

    ConflictDecisions(JdbcClient jdbc, LayerAccess access, Actor actor, ConflictCheck check, ObjectMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.check = check;
        this.json = json;
    }

    @Transactional
    Decision record(NewDecision decision) {
        if (decision.collection() == null || !COLLECTIONS.contains(decision.collection())) {
            throw new InvalidParameterException("collection", "Decisions are recorded for " + COLLECTIONS);
        }
        access.readable(decision.collection());
        access.requireContributor();
        actor.stamp();
        if (!List.of("proceed", "cancel").contains(String.valueOf(decision.decision()))) {
            throw new InvalidParameterException("decision", "decision is 'proceed' or 'cancel'");
        }
        if (decision.decision().equals("proceed") && (decision.reason() == null || decision.reason().isBlank())) {
            throw new InvalidParameterException("reason", "Say why the save goes ahead despite the conflict");
        }
        if (decision.reason() != null && decision.reason().length() > 2000) {
            throw new InvalidParameterException("reason", "At most 2000 characters");
        }
        ConflictCheck.Report report = check.check(decision.geometry(), null, null);
        Map<String, Double> areas = report.layers().stream()
            .filter(l -> l.features() > 0)
            .collect(Collectors.toMap(ConflictCheck.LayerOverlap::layer, ConflictCheck.LayerOverlap::areaM2));
        String conflicts = json.writeValueAsString(Map.of("date", report.date().toString(), "conflicts", report.conflicts(),
                "areaM2ByLayer", areas));
        long id = jdbc.sql("""
                INSERT INTO conflict_decision (collection, feature_id, decision, reason, conflicts)
                VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id""")
            .params(decision.collection(), decision.featureId(), decision.decision(), decision.reason(), conflicts)
            .query(Long.class)
            .single();
        return find(decision.collection(), decision.featureId()).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    List<Decision> find(String collection, Long featureId) {
        if (collection == null || !COLLECTIONS.contains(collection)) {
            throw new InvalidParameterException("collection", "Decisions are recorded for " + COLLECTIONS);
        }
        access.readable(collection);
        return jdbc.sql("""
                SELECT id, collection, feature_id, decision, reason, conflicts::text, decided_at, decided_by
                FROM conflict_decision WHERE collection = ? AND feature_id IS NOT DISTINCT FROM ? ORDER BY id DESC LIMIT 200""")
            .params(collection, featureId)
            .query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                    rs.getString(5), json.readTree(rs.getString(6)), rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
            .list();
    }

}
