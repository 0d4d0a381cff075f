package cn.hetu.river;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

import cn.hetu.security.HetuUser;
import cn.hetu.security.LayerAccess;

/**
 * What the signed-in account does in the field: the patrol types it may log and its duties. The office logs
 * every type (for anyone); a field worker (a river_chief account linked to a row of the field staff register)
 * the river if they are in charge of segments or have no other duty, and every type they have duties of.
 */
@Component
class FieldWork {

    /** A grid or asset in someone's charge, with its latest inspection if any. */
    record Duty(String patrolType, String collection, long assetId, String name, String town, Instant lastInspectedAt,
            String lastStationStatus) {
    }

    /** @param chiefId the account's own record in the field staff register, or null (an office user) */
    record Mine(Long chiefId, List<String> types, List<Duty> duties) {
    }

    /** A grid or asset put in someone's charge for a type. */
    record DutyOf(String patrolType, String collection, Long assetId) {
    }

    private final JdbcClient jdbc;

    private final RiverAccess river;

    private final LayerAccess access;

    private final PatrolTypes types;

    private final Actor actor;

    FieldWork(JdbcClient jdbc, RiverAccess river, LayerAccess access, PatrolTypes types, Actor actor) {
        this.actor = actor;
        this.jdbc = jdbc;
        this.river = river;
        this.access = access;
        this.types = types;
    }

    /**
     * Replaces the grids and assets a field worker has for patrol types other than the river (whose segments are
     * {@code PUT /chiefs/{id}/assignments}); the office only. Each must be of a collection the type applies to.
     */
    @Transactional
    void replaceDuties(long chiefId, List<DutyOf> duties) {
        river.requireOffice();
        if (jdbc.sql("SELECT count(*) FROM river_chief WHERE id = ?").param(chiefId).query(Long.class).single() == 0) {
            throw new NotFoundException("Field worker " + chiefId + " does not exist");
        }
        for (DutyOf duty : duties == null ? List.<DutyOf>of() : duties) {
            PatrolType type = types.named("patrolType", duty == null ? null : duty.patrolType());
            if (type.appliesTo().kind().equals("segments") || !type.appliesTo().collections().contains(duty.collection())) {
                throw new InvalidParameterException("collection", "A " + type.id() + " duty is on one of "
                        + type.appliesTo().collections() + (type.appliesTo().kind().equals("segments") ? " (river segments: /assignments)" : ""));
            }
            if (duty.assetId() == null || jdbc.sql("SELECT asset_name(?, ?) IS NOT NULL").params(duty.collection(), duty.assetId())
                .query(Boolean.class).single() == Boolean.FALSE) {
                throw new InvalidParameterException("assetId", "No " + duty.collection() + " " + duty.assetId());
            }
        }
        actor.stamp();
        jdbc.sql("DELETE FROM patrol_duty WHERE chief_id = ?").param(chiefId).update();
        for (DutyOf duty : duties == null ? List.<DutyOf>of() : duties) {
            jdbc.sql("INSERT INTO patrol_duty (chief_id, patrol_type, collection, asset_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(chiefId, duty.patrolType(), duty.collection(), duty.assetId())
                .update();
        }
    }

    Mine mine() {
        HetuUser user = river.requireReader();
        Long chief = river.ownChief().orElse(null);
        List<Duty> duties = chief == null ? List.of() : jdbc.sql("""
                SELECT d.patrol_type, d.collection, d.asset_id, asset_name(d.collection, d.asset_id),
                       asset_town(d.collection, d.asset_id), last.inspected_at, last.station_status
                FROM patrol_duty d
                LEFT JOIN LATERAL (SELECT inspected_at, station_status FROM inspection i
                                   WHERE i.collection = d.collection AND i.asset_id = d.asset_id
                                   ORDER BY inspected_at DESC LIMIT 1) last ON true
                WHERE d.chief_id = ? ORDER BY d.patrol_type, d.collection, asset_name(d.collection, d.asset_id)""")
            .param(chief)
            .query((rs, n) -> new Duty(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)))
            .list();
        List<PatrolType> all = types.list();
        if (access.isRiverOffice(user)) {
            return new Mine(chief, all.stream().map(PatrolType::id).toList(), duties);
        }
        if (chief == null) {
            return new Mine(null, List.of(), duties);
        }
        boolean river = duties.isEmpty() || jdbc.sql("SELECT count(*) FROM chief_assignment WHERE chief_id = ?")
            .param(chief).query(Long.class).single() > 0;
        List<String> mine = all.stream()
            .map(PatrolType::id)
            .filter(id -> id.equals(PatrolTypes.RIVER) ? river : duties.stream().anyMatch(d -> d.patrolType().equals(id)))
            .toList();
        return new Mine(chief, mine, duties);
    }

}
