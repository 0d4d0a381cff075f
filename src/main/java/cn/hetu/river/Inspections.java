package cn.hetu.river;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import cn.hetu.county.County;
import cn.hetu.system.InvalidParameterException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Inspections of assets against their checklist, made on a patrol of a type with checklists (water works,
 * warning stations). Each failed item becomes an issue of the category of the same id, at the asset, with the
 * type's rectification deadline, followed up through the issues' workflow; the inspections of an asset are its
 * inspection history, the latest giving a warning station's last-seen status.
 */
@Component
class Inspections {

    static final Set<String> STATION_STATUSES = Set.of("online", "offline", "damaged");

    record Result(String item, Boolean ok, String note) {
    }

    /** @param stationStatus how a station was found: online, offline, damaged (optional) */
    record Inspection(String collection, Long assetId, String stationStatus, List<Result> results) {
    }

    record Done(String collection, long assetId, String name, Instant inspectedAt, String stationStatus,
            List<Result> results) {
    }

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final Issues issues;

    private final County county;

    Inspections(JdbcClient jdbc, ObjectMapper json, Issues issues, County county) {
        this.jdbc = jdbc;
        this.json = json;
        this.issues = issues;
        this.county = county;
    }

    /** The inspections of an upload, checked against the type's checklists before anything is stored. */
    List<Inspection> check(PatrolType type, List<Inspection> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (Inspection inspection : given) {
            if (inspection == null || inspection.collection() == null || type.checklist(inspection.collection()).isEmpty()) {
                throw new InvalidParameterException("inspections.collection",
                        "A " + type.id() + " patrol inspects only " + type.checklists().keySet());
            }
            String where = "inspections." + inspection.collection() + "." + inspection.assetId();
            if (inspection.assetId() == null || jdbc.sql("SELECT count(*) FROM " + quote(inspection.collection()) + " WHERE id = ?")
                .param(inspection.assetId()).query(Long.class).single() == 0) {
                throw new InvalidParameterException(where, "No " + inspection.collection() + " " + inspection.assetId());
            }
            if (!seen.add(inspection.collection() + "/" + inspection.assetId())) {
                throw new InvalidParameterException(where, "The same asset is inspected twice on one patrol");
            }
            if (inspection.stationStatus() != null && !STATION_STATUSES.contains(inspection.stationStatus())) {
                throw new InvalidParameterException(where + ".stationStatus", "stationStatus is one of " + STATION_STATUSES);
            }
            results(type, inspection, where);
        }
        return given;
    }

    private static void results(PatrolType type, Inspection inspection, String where) {
        if (inspection.results() == null || inspection.results().isEmpty()) {
            throw new InvalidParameterException(where + ".results", "An inspection answers at least one checklist item");
        }
        List<String> items = type.checklist(inspection.collection()).stream().map(PatrolType.Item::id).toList();
        Set<String> answered = new HashSet<>();
        for (Result result : inspection.results()) {
            if (result == null || !items.contains(result.item())) {
                throw new InvalidParameterException(where + ".results", "The checklist of " + inspection.collection() + " is " + items);
            }
            if (result.ok() == null) {
                throw new InvalidParameterException(where + ".results." + result.item(), "Say whether " + result.item() + " is ok");
            }
            if (!answered.add(result.item())) {
                throw new InvalidParameterException(where + ".results", result.item() + " is answered twice");
            }
        }
    }

    /** Stores the inspections of a new patrol and raises an issue for every failed item. */
    void store(PatrolType type, UUID patrol, Instant at, List<Inspection> inspections) {
        LocalDate deadline = at.atZone(county.timeZone()).toLocalDate().plusDays(type.rectifyDays());
        for (Inspection inspection : inspections) {
            jdbc.sql("""
                    INSERT INTO inspection (patrol_id, collection, asset_id, inspected_at, station_status, results)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(patrol, inspection.collection(), inspection.assetId(), java.sql.Timestamp.from(at),
                        inspection.stationStatus(), json.writeValueAsString(inspection.results()))
                .update();
            for (Result result : inspection.results()) {
                if (!result.ok()) {
                    String item = type.checklist(inspection.collection()).stream()
                        .filter(i -> i.id().equals(result.item())).findFirst().orElseThrow().name().zh();
                    String note = result.note() == null || result.note().isBlank() ? "" : "：" + result.note().trim();
                    UUID id = UUID.nameUUIDFromBytes((patrol + "/" + inspection.collection() + "/" + inspection.assetId() + "/"
                            + result.item()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    issues.raise(new Issues.Finding(id, patrol, type.id(), inspection.collection(), inspection.assetId(),
                            result.item(), "检查不合格：" + item + note, at, deadline));
                }
            }
        }
    }

    List<Done> ofPatrol(UUID patrol) {
        return jdbc.sql("""
                SELECT collection, asset_id, asset_name(collection, asset_id), inspected_at, station_status, results::text
                FROM inspection WHERE patrol_id = ? ORDER BY collection, asset_id""")
            .param(patrol)
            .query((rs, n) -> new Done(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                    rs.getString(5), json.readValue(rs.getString(6), new TypeReference<List<Result>>() { })))
            .list();
    }

    /** An asset's inspection history, latest first: the first line is its last-seen status. */
    List<Done> ofAsset(String collection, long assetId) {
        return jdbc.sql("""
                SELECT collection, asset_id, asset_name(collection, asset_id), inspected_at, station_status, results::text
                FROM inspection WHERE collection = ? AND asset_id = ? ORDER BY inspected_at DESC""")
            .params(collection, assetId)
            .query((rs, n) -> new Done(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                    rs.getString(5), json.readValue(rs.getString(6), new TypeReference<List<Result>>() { })))
            .list();
    }

}
