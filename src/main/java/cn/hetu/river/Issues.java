package cn.hetu.river;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.county.County;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Issues found on the rivers: the four disorders (四乱: 乱占 occupation, 乱采 mining, 乱堆 dumping,
 * 乱建 building), pollution and others; reported with the phone's own id (retries are harmless),
 * tied to the nearest segment, and followed up through a fixed workflow whose every step is kept.
 */
@Component
class Issues {

    /** How far from a river or ditch an issue may lie and still be that segment's. */
    static final double SEGMENT_REACH_M = 300;

    /** @param patrolType river when none is given; {@code assetCollection}/{@code assetId} the grid or asset it concerns, if known */
    record Report(UUID id, UUID patrolId, String patrolType, double lon, double lat, String category, String description,
            Instant reportedAt, String assetCollection, Long assetId) {
    }

    /** A failed checklist item of an inspection. */
    record Finding(UUID id, UUID patrolId, String patrolType, String collection, long assetId, String category,
            String description, Instant at, LocalDate deadline) {
    }

    /** A step of the workflow, or an escalation to the chiefs of a higher level (then {@code level} and {@code chiefId}). */
    record Event(String kind, String fromStatus, String toStatus, String note, String byUser, Instant at, String level,
            Long chiefId) {
    }

    /**
     * @param town the town of its segment
     * @param chief the chief in charge: the lowest-level chief of its segment
     * @param escalatedLevel the level it was escalated to when overdue, or null
     * @param escalatedTo the chiefs of that level it was escalated to
     * @param photos on a single issue; left out of lists
     */
    record Issue(UUID id, UUID patrolId, String patrolType, double lon, double lat, String category, String description,
            String status, String segmentCollection, Long segmentId, String segmentName, String assetCollection, Long assetId,
            String assetName, String town, Chiefs.ChiefRef chief,
            String assignee, LocalDate deadline, boolean overdue, String escalatedLevel, List<Chiefs.ChiefRef> escalatedTo,
            String reportedBy, Instant reportedAt, int version, List<Event> events, List<Photos.Photo> photos) {
    }

    /** Filters of the issue list; every one may be null. */
    record Filter(String patrolType, YearMonth month, String town, String category, String status, Boolean overdue,
            Long chiefId) {
    }

    record Transition(String to, String note, String assignee, LocalDate deadline, int version) {
    }

    private static final String SELECT = """
            SELECT i.id, i.patrol_id, ST_X(i.geom), ST_Y(i.geom), i.category, i.description, i.status,
                   i.segment_collection, i.segment_id, COALESCE(r.name, d.name), i.assignee, i.deadline,
                   issue_overdue(i.deadline, i.status),
                   i.reported_by, i.reported_at, i.version, COALESCE(r.town, d.town), ch.id, ch.name, ch.level,
                   i.escalated_level, up.ids, up.names, i.patrol_type, i.asset_collection, i.asset_id,
                   asset_name(i.asset_collection, i.asset_id), i.town
            FROM patrol_issue i
            LEFT JOIN river_segment r ON i.segment_collection = 'river_segment' AND r.id = i.segment_id
            LEFT JOIN ditch d ON i.segment_collection = 'ditch' AND d.id = i.segment_id
            LEFT JOIN LATERAL (
                SELECT c.id, c.name, c.level FROM chief_assignment a JOIN river_chief c ON c.id = a.chief_id
                WHERE a.collection = i.segment_collection AND a.asset_id = i.segment_id
                ORDER BY array_position(ARRAY['village', 'town', 'county'], c.level), c.id LIMIT 1) ch ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(c.id ORDER BY c.id) AS ids, array_agg(c.name ORDER BY c.id) AS names
                FROM issue_event e JOIN river_chief c ON c.id = e.chief_id
                WHERE e.issue_id = i.id AND e.kind = 'escalated' AND e.level = i.escalated_level) up ON true
            """;

    private final JdbcClient jdbc;

    private final RiverAccess river;

    private final Actor actor;

    private final Photos photos;

    private final County county;

    private final PatrolTypes types;

    Issues(JdbcClient jdbc, RiverAccess river, Actor actor, Photos photos, County county, PatrolTypes types) {
        this.county = county;
        this.types = types;
        this.jdbc = jdbc;
        this.river = river;
        this.actor = actor;
        this.photos = photos;
    }

    /** Stores the issue unless it is already there; true when it is new. */
    @Transactional
    boolean report(Report report) {
        river.requireReporter();
        if (report.id() == null) {
            throw new InvalidParameterException("id", "An issue needs the id its phone gave it (a UUID)");
        }
        PatrolType type = types.named("patrolType", report.patrolType());
        if (!type.hasCategory(report.category())) {
            throw new InvalidParameterException("category", "category of a " + type.id() + " issue is one of " + type.categoryIds());
        }
        if (report.description() == null || report.description().isBlank()) {
            throw new InvalidParameterException("description", "Describe what was found");
        }
        if (!county.contains(report.lon(), report.lat())) {
            throw new InvalidParameterException("lon", "The position lies outside the county");
        }
        boolean named = report.assetCollection() != null || report.assetId() != null;
        if (named && (type.appliesTo().kind().equals("segments") || !type.appliesTo().collections().contains(report.assetCollection())
                || report.assetId() == null)) {
            throw new InvalidParameterException("assetCollection",
                    "A " + type.id() + " issue names no asset, or one of " + type.appliesTo().collections() + " with its assetId");
        }
        actor.stamp();
        int inserted = jdbc.sql("""
                INSERT INTO patrol_issue (id, patrol_id, patrol_type, geom, category, description, reported_by, reported_at,
                                          segment_collection, segment_id)
                SELECT :id, :patrol, :type, pt.g, :category, :description, acting_user(), :at, near.collection, near.id
                FROM (SELECT ST_SetSRID(ST_MakePoint(:lon, :lat), 4490) AS g) pt
                LEFT JOIN LATERAL (
                    SELECT collection, id FROM (
                        (SELECT 'river_segment' AS collection, id, geom FROM river_segment ORDER BY geom <-> pt.g LIMIT 1)
                        UNION ALL
                        (SELECT 'ditch', id, geom FROM ditch ORDER BY geom <-> pt.g LIMIT 1)) n
                    WHERE :segments AND ST_DWithin(n.geom::geography, pt.g::geography, :reach)
                    ORDER BY ST_Distance(n.geom::geography, pt.g::geography) LIMIT 1) near ON true
                ON CONFLICT (id) DO NOTHING""")
            .param("id", report.id())
            .param("patrol", report.patrolId())
            .param("type", type.id())
            .param("category", report.category())
            .param("description", report.description().trim())
            .param("at", Timestamp.from(report.reportedAt() == null ? Instant.now() : report.reportedAt()))
            .param("lon", report.lon())
            .param("lat", report.lat())
            .param("segments", type.appliesTo().kind().equals("segments"))
            .param("reach", SEGMENT_REACH_M)
            .update();
        if (inserted == 1) {
            if (named) {
                tie(report.id(), report.assetCollection(), report.assetId());
            }
            else if (!type.appliesTo().kind().equals("segments")) {
                tieNearest(report.id(), type);
            }
            reported(report.id());
        }
        return inserted == 1;
    }

    /** An issue found by an inspection: at the asset, with the deadline the type gives, once per patrol, asset and item. */
    void raise(Finding finding) {
        int inserted = jdbc.sql("""
                INSERT INTO patrol_issue (id, patrol_id, patrol_type, geom, category, description, reported_by, reported_at,
                                          deadline)
                VALUES (:id, :patrol, :type, ST_PointOnSurface(asset_geom(:collection, :asset)), :category, :description,
                        acting_user(), :at, :deadline)
                ON CONFLICT (id) DO NOTHING""")
            .param("id", finding.id())
            .param("patrol", finding.patrolId())
            .param("type", finding.patrolType())
            .param("collection", finding.collection())
            .param("asset", finding.assetId())
            .param("category", finding.category())
            .param("description", finding.description())
            .param("at", Timestamp.from(finding.at()))
            .param("deadline", finding.deadline())
            .update();
        if (inserted == 1) {
            tie(finding.id(), finding.collection(), finding.assetId());
            reported(finding.id());
        }
    }

    private void tie(UUID issue, String collection, long assetId) {
        if (jdbc.sql("""
                UPDATE patrol_issue SET asset_collection = :collection, asset_id = :asset, town = asset_town(:collection, :asset)
                WHERE id = :id AND asset_geom(:collection, :asset) IS NOT NULL""")
            .param("collection", collection).param("asset", assetId).param("id", issue).update() == 0) {
            throw new InvalidParameterException("assetId", "No " + collection + " " + assetId);
        }
    }

    /** A grid the issue lies in, or the nearest asset of the type within {@link #SEGMENT_REACH_M}; none is no error. */
    private void tieNearest(UUID issue, PatrolType type) {
        for (String collection : type.appliesTo().collections()) {
            jdbc.sql("""
                    UPDATE patrol_issue i SET asset_collection = :collection, asset_id = a.id, town = a.town
                    FROM (SELECT a.id, a.town FROM patrol_issue x JOIN %1$s a
                                ON ST_DWithin(a.geom::geography, x.geom::geography, :reach)
                          WHERE x.id = :id ORDER BY ST_Distance(a.geom::geography, x.geom::geography), a.id LIMIT 1) a
                    WHERE i.id = :id AND i.asset_id IS NULL""".formatted(quote(collection)))
                .param("collection", collection)
                .param("reach", SEGMENT_REACH_M)
                .param("id", issue)
                .update();
        }
    }

    private void reported(UUID issue) {
        jdbc.sql("INSERT INTO issue_event (issue_id, to_status, by_user) VALUES (?, 'reported', acting_user())")
            .param(issue)
            .update();
    }

    List<Issue> list(Filter filter) {
        LayerAccess.RowScope scope = river.rows("patrol_issue", "i");
        List<PatrolType> of = filter.patrolType() == null ? types.list() : List.of(types.named("type", filter.patrolType()));
        if (filter.category() != null && of.stream().noneMatch(type -> type.hasCategory(filter.category()))) {
            throw new InvalidParameterException("category", "category is one of "
                    + of.stream().flatMap(type -> type.categoryIds().stream()).distinct().toList());
        }
        return jdbc.sql(SELECT + """
                WHERE (:type::text IS NULL OR i.patrol_type = :type)
                  AND (:status::text IS NULL OR i.status = :status)
                  AND (:category::text IS NULL OR i.category = :category)
                  AND (:town::text IS NULL OR COALESCE(r.town, d.town, i.town) = :town)
                  AND (:overdue::boolean IS NULL
                       OR issue_overdue(i.deadline, i.status) = :overdue)
                  AND (:monthStart::date IS NULL
                       OR (i.reported_at >= :monthStart::timestamp AT TIME ZONE county_time_zone()
                           AND i.reported_at < (:monthStart::date + interval '1 month') AT TIME ZONE county_time_zone()))
                  AND (:chief::bigint IS NULL OR EXISTS (
                          SELECT 1 FROM chief_assignment a WHERE a.chief_id = :chief AND a.collection = i.segment_collection
                                                             AND a.asset_id = i.segment_id))
                  AND\s""" + scope.namedSql() + """

                ORDER BY i.reported_at DESC""")
            .param("type", filter.patrolType())
            .param("status", filter.status())
            .param("category", filter.category())
            .param("town", filter.town())
            .param("overdue", filter.overdue())
            .param("monthStart", filter.month() == null ? null : filter.month().atDay(1))
            .param("chief", filter.chiefId())
            .params(scope.namedArgs())
            .query((rs, n) -> issue(rs, List.of(), null))
            .list();
    }

    /** One issue with its history and photos, if the user may see it. */
    Issue issue(UUID id) {
        LayerAccess.RowScope scope = river.rows("patrol_issue", "i");
        List<Event> events = jdbc.sql("""
                SELECT kind, from_status, to_status, note, by_user, at, level, chief_id
                FROM issue_event WHERE issue_id = ? ORDER BY id""")
            .param(id)
            .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getTimestamp(6).toInstant(), rs.getString(7), (Long) rs.getObject(8)))
            .list();
        return jdbc.sql(SELECT + " WHERE i.id = :id AND " + scope.namedSql())
            .param("id", id)
            .params(scope.namedArgs())
            .query((rs, n) -> issue(rs, events, photos.ofIssue(id)))
            .optional()
            .orElseThrow(() -> new NotFoundException("Issue " + id + " does not exist"));
    }

    @Transactional
    void transition(UUID id, Transition transition) {
        Issue current = issue(id);
        river.requireIssueFollowUp(current);
        if (current.version() != transition.version()) {
            throw new EditConflict("Someone else moved this issue on since you read it", false, null);
        }
        if (!jdbc.sql("SELECT issue_transition_allowed(?, ?)").params(current.status(), transition.to())
            .query(Boolean.class).single()) {
            throw new IllegalTransitionException("An issue cannot go from " + current.status() + " to " + transition.to());
        }
        if (transition.to().equals("assigned") && (transition.assignee() == null || transition.deadline() == null)) {
            throw new InvalidParameterException("assignee", "Assigning an issue needs an assignee and a deadline");
        }
        if (transition.to().equals("rectified") && photos.afterPhotos(id) == 0) {
            throw new Refusal(ErrorCode.NOT_POSSIBLE, "An issue is rectified with at least one 'after' photo of the site;"
                    + " upload it to /api/v1/issues/" + id + "/photos with kind=after first", "photos");
        }
        actor.stamp();
        jdbc.sql("""
                UPDATE patrol_issue SET status = :to, version = version + 1,
                       assignee = COALESCE(:assignee, assignee), deadline = COALESCE(:deadline, deadline),
                       closed_at = CASE WHEN :to = 'closed' THEN now() END
                WHERE id = :id""")
            .param("to", transition.to())
            .param("assignee", transition.assignee())
            .param("deadline", transition.deadline())
            .param("id", id)
            .update();
        jdbc.sql("INSERT INTO issue_event (issue_id, from_status, to_status, note, by_user) VALUES (?, ?, ?, ?, acting_user())")
            .params(id, current.status(), transition.to(), transition.note())
            .update();
    }

    private static Issue issue(ResultSet rs, List<Event> events, List<Photos.Photo> photos) throws SQLException {
        Long chiefId = (Long) rs.getObject(18);
        Chiefs.ChiefRef chief = chiefId == null ? null : new Chiefs.ChiefRef(chiefId, rs.getString(19), rs.getString(20));
        String escalatedLevel = rs.getString(21);
        List<Chiefs.ChiefRef> escalatedTo = new ArrayList<>();
        if (rs.getArray(22) != null) {
            Long[] ids = (Long[]) rs.getArray(22).getArray();
            String[] names = (String[]) rs.getArray(23).getArray();
            for (int i = 0; i < ids.length; i++) {
                escalatedTo.add(new Chiefs.ChiefRef(ids[i], names[i], escalatedLevel));
            }
        }
        return new Issue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(24), rs.getDouble(3),
                rs.getDouble(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9),
                rs.getString(10), rs.getString(25), (Long) rs.getObject(26), rs.getString(27),
                rs.getString(17) != null ? rs.getString(17) : rs.getString(28), chief, rs.getString(11), rs.getObject(12, LocalDate.class), rs.getBoolean(13),
                escalatedLevel, escalatedTo, rs.getString(14), rs.getTimestamp(15).toInstant(), rs.getInt(16), events, photos);
    }

}
