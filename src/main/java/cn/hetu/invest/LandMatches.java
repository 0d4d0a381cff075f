package cn.hetu.invest;

import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hetu.audit.Actor;
import cn.hetu.land.ConflictCheck;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.EditConflict;
import cn.hetu.system.IllegalTransitionException;
import cn.hetu.system.NotFoundException;

/**
 * The idle (闲置) and approved-but-unsupplied (批而未供) parcels that fit a project's land demand, ranked, and
 * the choice of one of them.
 * <p>
 * A parcel fits when it is of one of those two categories, its disposal is not done, no other investment
 * project has chosen it, its area lies within the demand's range (an absent bound is open) and its land use is
 * the one demanded (when one is). Its score, 0 to 100, adds:
 * <ul>
 * <li>area, up to {@value #AREA_POINTS}: {@code AREA_POINTS × (1 − |area − wanted| / wanted)}, where wanted is the
 * middle of the range, or its one bound; full points when the demand names no area;</li>
 * <li>town, {@value #TOWN_POINTS} when the parcel lies in the preferred town (or none is preferred);</li>
 * <li>road, up to {@value #ROAD_POINTS}: {@code ROAD_POINTS × (1 − d / ROAD_REACH_M)} for the distance d in metres to
 * the nearest road node (道路节点), none beyond {@value #ROAD_REACH_M} m or when there are no road nodes.</li>
 * </ul>
 * Ties go to the lower parcel id. The best {@code limit} by score are then checked against the control lines
 * ({@link ConflictCheck}, the land bureau's check on today's editions): a parcel that overlaps a restrictive line
 * (basic farmland, ecological red line, cultivated land) is kept in the list, flagged with those layers, ranked after
 * every parcel without conflict, and cannot be chosen.
 */
@Component
class LandMatches {

    static final int AREA_POINTS = 50;

    static final int TOWN_POINTS = 25;

    static final int ROAD_POINTS = 25;

    static final int ROAD_REACH_M = 3000;

    record Match(long parcelId, String code, String parcelNo, String name, String category, String landUse, String town,
            double areaM2, String disposalStatus, Double roadDistanceM, double areaScore, double townScore,
            double roadScore, double score, double lon, double lat, List<String> conflicts) {

        Match withConflicts(List<String> layers) {
            return new Match(parcelId, code, parcelNo, name, category, landUse, town, areaM2, disposalStatus, roadDistanceM,
                    areaScore, townScore, roadScore, score, lon, lat, layers);
        }
    }

    record Matches(long investmentId, List<Match> items, String scoring) {
    }

    static final String SCORING = "score = area " + AREA_POINTS + " × (1 − |area − wanted| / wanted) + town " + TOWN_POINTS
            + " (preferred town) + road " + ROAD_POINTS + " × (1 − distance / " + ROAD_REACH_M + " m) to the nearest road node;"
            + " parcels on a restrictive control line (conflicts) come last and cannot be chosen";

    private static final String CANDIDATES = """
            WITH demand AS (
                SELECT id, land_area_min_m2 AS lo, land_area_max_m2 AS hi, land_use, preferred_town,
                       CASE WHEN land_area_min_m2 IS NOT NULL AND land_area_max_m2 IS NOT NULL
                            THEN (land_area_min_m2 + land_area_max_m2) / 2
                            ELSE COALESCE(land_area_min_m2, land_area_max_m2) END AS wanted
                FROM investment_project WHERE id = :id),
            fitting AS (
                SELECT p.*, d.wanted, d.preferred_town,
                       (SELECT min(ST_Distance(p.geom::geography, r.geom::geography)) FROM road_node r) AS road_m
                FROM land_parcel p, demand d
                WHERE p.category IN ('idle', 'approved_unsupplied') AND p.disposal_status <> 'disposed'
                  AND NOT EXISTS (SELECT 1 FROM investment_project o WHERE o.parcel_id = p.id AND o.id <> d.id)
                  AND (d.lo IS NULL OR p.area_m2 >= d.lo) AND (d.hi IS NULL OR p.area_m2 <= d.hi)
                  AND (d.land_use IS NULL OR p.land_use = d.land_use)),
            scored AS (
                SELECT f.*,
                       CASE WHEN f.wanted IS NULL THEN :areaPoints
                            ELSE greatest(0, :areaPoints * (1 - abs(f.area_m2 - f.wanted) / f.wanted)) END AS area_score,
                       CASE WHEN f.preferred_town IS NULL OR f.town = f.preferred_town THEN :townPoints ELSE 0 END AS town_score,
                       CASE WHEN f.road_m IS NULL THEN 0
                            ELSE greatest(0, :roadPoints * (1 - f.road_m / :roadReach)) END AS road_score
                FROM fitting f)
            SELECT id AS parcel_id, code, parcel_no, name, category, land_use, town, area_m2, disposal_status,
                   road_m AS road_distance_m, round(area_score::numeric, 2) AS area_score,
                   round(town_score::numeric, 2) AS town_score, round(road_score::numeric, 2) AS road_score,
                   round((area_score + town_score + road_score)::numeric, 2) AS score,
                   ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat, NULL AS conflicts
            FROM scored
            """;

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final Actor actor;

    private final InvestmentWrites investments;

    private final ConflictCheck controlLines;

    LandMatches(JdbcClient jdbc, LayerAccess access, Actor actor, InvestmentWrites investments, ConflictCheck controlLines) {
        this.controlLines = controlLines;
        this.jdbc = jdbc;
        this.access = access;
        this.actor = actor;
        this.investments = investments;
    }

    @Transactional(readOnly = true)
    Matches of(long id, int limit) {
        access.readable(InvestmentWrites.COLLECTION);
        access.readable("land_parcel");
        exists(id);
        List<Match> items = candidates(" ORDER BY score DESC, parcel_id LIMIT :limit", id).param("limit", limit)
            .query(Match.class)
            .list()
            .stream()
            .map(m -> m.withConflicts(conflictsOf(m.parcelId())))
            .sorted(Comparator.comparing((Match m) -> !m.conflicts().isEmpty()))
            .toList();
        return new Matches(id, items, SCORING);
    }

    /**
     * Records the chosen parcel on both sides: the project names it and moves to its site; the parcel's plan
     * (一地一策) becomes supply (供地) to the project, under way, with a note naming the project.
     */
    @Transactional
    void choose(long id, long parcelId, int version) {
        InvestmentWrites.Current current = investments.currentOf(id);
        access.checkEdit(investments.investments(), current.department());
        access.readable("land_parcel");
        if (current.version() != version) {
            throw new EditConflict("Someone else changed this investment project (now version " + current.version() + ")",
                    false, null);
        }
        jdbc.sql("SELECT id FROM land_parcel WHERE id = ? FOR UPDATE").param(parcelId).query(Long.class).optional()
            .orElseThrow(() -> new NotFoundException("Parcel " + parcelId + " does not exist"));
        boolean fits = candidates(" WHERE parcel_id = :parcel", id).param("parcel", parcelId).query().listOfRows().size() == 1;
        if (!fits) {
            throw new IllegalTransitionException("Parcel " + parcelId + " does not fit this project's land demand, is disposed"
                    + " of or was chosen by another project (地块不符合用地需求、已处置或已被其他项目选定)");
        }
        List<String> conflicts = conflictsOf(parcelId);
        if (!conflicts.isEmpty()) {
            throw new IllegalTransitionException("Parcel " + parcelId + " overlaps the control lines " + conflicts
                    + " (地块与管控线冲突，不能供地)");
        }
        actor.stamp();
        String name = jdbc.sql("SELECT code || ' ' || name FROM investment_project WHERE id = ?").param(id)
            .query(String.class).single();
        if (current.parcelId() != null && current.parcelId() != parcelId) {
            jdbc.sql("""
                    INSERT INTO parcel_disposal_note (parcel_id, note, status_after, created_by)
                    SELECT id, ?, disposal_status, acting_user() FROM land_parcel WHERE id = ?""")
                .params("招商项目 " + name + " 改选其他地块 / the investment project chose another parcel", current.parcelId())
                .update();
        }
        jdbc.sql("""
                UPDATE investment_project i SET parcel_id = p.id, geom = ST_PointOnSurface(p.geom), version = i.version + 1
                FROM land_parcel p WHERE i.id = ? AND p.id = ?""")
            .params(id, parcelId)
            .update();
        jdbc.sql("""
                UPDATE land_parcel SET disposal_method = 'supply', disposal_status = 'in_progress',
                       responsible_unit = COALESCE(responsible_unit, '科工商务局'), version = version + 1
                WHERE id = ?""")
            .param(parcelId)
            .update();
        jdbc.sql("INSERT INTO parcel_disposal_note (parcel_id, note, status_after, created_by) VALUES (?, ?, 'in_progress', acting_user())")
            .params(parcelId, "一地一策：拟供地给招商项目 " + name + " / to be supplied to investment project " + name)
            .update();
    }

    /** The restrictive control layers the parcel overlaps today. */
    private List<String> conflictsOf(long parcelId) {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM land_parcel WHERE id = ?").param(parcelId).query(byte[].class).single();
        try {
            return controlLines.check(new WKBReader().read(wkb), null).conflicts();
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote a parcel geometry JTS cannot read", e);
        }
    }

    private JdbcClient.StatementSpec candidates(String tail, long id) {
        return jdbc.sql("SELECT * FROM (" + CANDIDATES + ") m" + tail)
            .param("id", id)
            .param("areaPoints", AREA_POINTS)
            .param("townPoints", TOWN_POINTS)
            .param("roadPoints", ROAD_POINTS)
            .param("roadReach", ROAD_REACH_M);
    }

    private void exists(long id) {
        if (jdbc.sql("SELECT count(*) FROM investment_project WHERE id = ?").param(id).query(Long.class).single() == 0) {
            throw new NotFoundException("Investment project " + id + " does not exist");
        }
    }

}
