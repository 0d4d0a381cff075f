package cn.hetu.parcel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.county.County;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** One plan per parcel (一地一策): method, responsible unit, target date, status and progress notes. */
@Component
class DisposalPlans {

    record Note(String note, String statusAfter, String createdBy, Instant createdAt) {
    }

    record Plan(long parcelId, String code, String name, String category, String town, double areaM2, double areaMu,
            String disposalMethod, String disposalStatus, LocalDate disposedOn, String responsibleUnit,
            LocalDate targetDate, boolean overdue, int version, List<Note> notes) {
    }

    /** A change to the plan; {@code version} is the parcel's version the planner saw. */
    record Change(String disposalMethod, String responsibleUnit, LocalDate targetDate, String disposalStatus,
            LocalDate disposedOn, String note, int version) {
    }

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final County county;

    DisposalPlans(JdbcClient jdbc, LayerAccess access, Actor actor, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    Optional<Plan> plan(long parcelId) {
        access.readable("land_parcel");
        List<Note> notes = jdbc.sql("""
                SELECT note, status_after, created_by, created_at FROM parcel_disposal_note
                WHERE parcel_id = ? ORDER BY id""")
            .param(parcelId)
            .query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
            .list();
        return jdbc.sql("""
                SELECT id, code, name, category, town, area_m2, disposal_method, disposal_status, disposed_on,
                       responsible_unit, target_date,
                       disposal_status <> 'disposed' AND target_date < current_date AS overdue, version
                FROM land_parcel WHERE id = ?""")
            .param(parcelId)
            .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getDouble(6), Math.round(rs.getDouble(6) / ParcelConditions.SQUARE_METRES_PER_MU * 100) / 100.0,
                    rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10),
                    rs.getObject(11, LocalDate.class), rs.getBoolean(12), rs.getInt(13), notes))
            .optional();
    }

    @Transactional
    void change(long parcelId, Change change) {
        var current = jdbc.sql("SELECT department, disposal_status, version FROM land_parcel WHERE id = ? FOR UPDATE")
            .param(parcelId)
            .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3)) })
            .optional()
            .orElseThrow(() -> new NotFoundException("Parcel " + parcelId + " does not exist"));
        access.checkEdit(access.readable("land_parcel"), current[0]);
        if (Integer.parseInt(current[2]) != change.version()) {
            throw new EditConflict("Someone else changed this parcel's plan since you read it", false, null);
        }
        String status = change.disposalStatus() == null ? current[1] : change.disposalStatus();
        if (!ParcelConditions.STATUSES.contains(status)) {
            throw new InvalidParameterException("disposalStatus", "disposalStatus is one of " + ParcelConditions.STATUSES);
        }
        if (change.disposalMethod() != null && !ParcelConditions.METHODS.contains(change.disposalMethod())) {
            throw new InvalidParameterException("disposalMethod", "disposalMethod is one of " + ParcelConditions.METHODS);
        }
        if (!status.equals("pending") && change.disposalMethod() == null) {
            throw new InvalidParameterException("disposalMethod", "A plan under way or done needs its disposal method");
        }
        if (!status.equals(current[1]) && (change.note() == null || change.note().isBlank())) {
            throw new InvalidParameterException("note", "Say what happened when the status changes");
        }
        LocalDate disposedOn = status.equals("disposed")
                ? (change.disposedOn() == null ? county.today() : change.disposedOn()) : null;
        actor.stamp();
        jdbc.sql("""
                UPDATE land_parcel SET disposal_method = ?, responsible_unit = ?, target_date = ?, disposal_status = ?,
                       disposed_on = ?, version = version + 1
                WHERE id = ?""")
            .params(change.disposalMethod(), change.responsibleUnit(), change.targetDate(), status, disposedOn, parcelId)
            .update();
        if (change.note() != null && !change.note().isBlank()) {
            jdbc.sql("INSERT INTO parcel_disposal_note (parcel_id, note, status_after, created_by) VALUES (?, ?, ?, acting_user())")
                .params(parcelId, change.note().trim(), status)
                .update();
        }
    }

}
