package cn.hetu.land;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import cn.hetu.catalog.Layer;
import cn.hetu.edit.GeometryCheck;
import cn.hetu.geo.Crs;
import cn.hetu.county.County;
import cn.hetu.security.LayerAccess;
import cn.hetu.system.GeometryProblem;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * How much of a geometry lies inside each control line, and the overlapping pieces. Areas are true areas on
 * the CGCS2000 ellipsoid (PostGIS geography, the measure of every {@code area_m2} in the registry), so a
 * parcel wholly inside farmland shows its own area; the Gauss-Krüger zone differs by under 0.03% in the county.
 * The spatial index picks the candidate features (ST_Intersects) and only those are cut (ST_Intersection).
 */
@Component
public class ConflictCheck {

    /** 1 亩 = 666.67 m² (the registry's rounding of 10,000/15 m², as in the parcel search). */
    public static final double SQUARE_METRES_PER_MU = 666.67;

    /** What a geometry meets in one control layer; the pieces as PostGIS wrote them (a FeatureCollection). */
    public record LayerOverlap(String layer, String titleZh, String titleEn, boolean restrictive, String edition,
            long features, double areaM2, double areaHa, double areaMu, double sharePct, Pieces pieces) {
    }

    /** GeoJSON passed through as PostGIS made it: hundreds of pieces are not parsed only to be written again. */
    public record Pieces(@JsonRawValue @JsonValue String json) {
    }

    /** The answer for one geometry on one day. */
    public record Report(LocalDate date, double geometryAreaM2, String muDefinition, List<String> conflicts,
            List<LayerOverlap> layers) {
    }

    /**
     * The hits of one layer, cut to the geometry, as a FeatureCollection of pieces. A feature wholly inside the
     * geometry (most of them, for a large geometry over small patches) is its own piece with its stored area,
     * so only the features on the geometry's edge are cut and measured.
     */
    private static final String HITS = """
            WITH q AS MATERIALIZED (SELECT ST_GeomFromWKB(:wkb, 4490) AS g),
            candidate AS (
                SELECT f.%2$s AS id, f.code, f.name, f.geom, %4$s AS whole_area, ST_CoveredBy(f.geom, q.g) AS covered
                FROM %1$s f CROSS JOIN q
                WHERE ST_Intersects(f.geom, q.g) AND %3$s),
            hit AS (
                SELECT c.id, c.code, c.name, p.piece,
                       CASE WHEN c.covered THEN c.whole_area ELSE ST_Area(p.piece::geography) END AS area
                FROM candidate c CROSS JOIN q
                CROSS JOIN LATERAL (SELECT CASE WHEN c.covered THEN c.geom
                                                ELSE ST_CollectionExtract(ST_Intersection(c.geom, q.g), :kind) END AS piece) p
                WHERE NOT ST_IsEmpty(p.piece))
            SELECT count(*) AS features, COALESCE(sum(area), 0) AS area_m2,
                   json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(json_build_object(
                       'type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(piece, 7)::json,
                       'properties', json_build_object('code', code, 'name', name, 'areaM2', round(area::numeric, 2)))
                       ORDER BY id), '[]'::json))::text AS pieces
            FROM hit""";

    private final JdbcClient jdbc;

    private final LayerAccess access;

    private final GeometryCheck geometries;

    private final ControlLayers controls;

    private final County county;

    ConflictCheck(JdbcClient jdbc, LayerAccess access, GeometryCheck geometries, ControlLayers controls, County county) {
        this.county = county;
        this.jdbc = jdbc;
        this.access = access;
        this.geometries = geometries;
        this.controls = controls;
    }

    /** A GeoJSON geometry in {@code crs} (axes in its order; CRS84 lon/lat when null), checked on {@code date} (today when null). */
    @Transactional(readOnly = true)
    public Report check(JsonNode geometry, String crs, LocalDate date) {
        return check(lonLat(geometries.readValid(geometry), Crs.parse("crs", crs)), date);
    }

    /**
     * A stored geometry (EPSG:4490, lon/lat). One transaction for all layers, without JIT compilation: PostGIS's
     * costly functions push the plan over the JIT threshold, and compiling took longer than the check itself.
     */
    @Transactional(readOnly = true)
    public Report check(Geometry geometry, LocalDate date) {
        jdbc.sql("SET LOCAL jit = off").update();
        LocalDate day = date == null ? county.today() : date;
        byte[] wkb = new WKBWriter().write(geometry);
        double area = jdbc.sql("SELECT ST_Area(ST_GeomFromWKB(?, 4490)::geography)").param(wkb).query(Double.class).single();
        List<LayerOverlap> layers = new ArrayList<>();
        for (ControlLayers.ControlLayer control : ControlLayers.ALL) {
            Layer layer = access.readable(control.id());
            layers.add(overlap(layer, control.restrictive(), controls.editionOn(control.id(), day), wkb,
                    geometry.getDimension() + 1, area));
        }
        List<String> conflicts = layers.stream().filter(l -> l.restrictive() && l.features() > 0).map(LayerOverlap::layer).toList();
        return new Report(day, round(area, 2), "1 亩 = 666.67 m²", conflicts, layers);
    }

    private LayerOverlap overlap(Layer layer, boolean restrictive, Optional<ControlLayers.Edition> edition, byte[] wkb,
            int kind, double geometryArea) {
        Map<String, Object> row;
        if (edition.isEmpty()) {
            row = Map.of("features", 0L, "area_m2", 0.0, "pieces", "{\"type\":\"FeatureCollection\",\"features\":[]}");
        } else if (edition.get().current()) {
            row = jdbc.sql(HITS.formatted(quote(layer.id()), "id", "true", "f.area_m2"))
                .param("wkb", wkb).param("kind", kind).query().singleRow();
        } else {
            row = jdbc.sql(HITS.formatted("control_archive", "feature_id", "f.layer = :layer AND f.edition = :edition",
                    "ST_Area(f.geom::geography)"))
                .param("wkb", wkb).param("kind", kind).param("layer", layer.id()).param("edition", edition.get().edition())
                .query().singleRow();
        }
        double m2 = ((Number) row.get("area_m2")).doubleValue();
        return new LayerOverlap(layer.id(), layer.title(Locale.CHINESE), layer.title(Locale.ENGLISH), restrictive,
                edition.map(ControlLayers.Edition::edition).orElse(null), ((Number) row.get("features")).longValue(),
                round(m2, 2), round(m2 / 10_000, 4), round(m2 / SQUARE_METRES_PER_MU, 2),
                geometryArea > 0 ? round(100 * m2 / geometryArea, 2) : 0, new Pieces((String) row.get("pieces")));
    }

    /** The geometry brought from its CRS into lon/lat and checked to lie in the county. */
    private Geometry lonLat(Geometry geometry, Crs crs) {
        if (crs.equals(Crs.CRS84)) {
            geometries.inCounty(geometry);
            return geometry;
        }
        Envelope e = geometry.getEnvelopeInternal();
        crs.checkInDomain("geometry", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        byte[] stored = jdbc.sql("SELECT ST_AsBinary(" + crs.toStorageSql("ST_GeomFromWKB(?)") + ")")
            .param(new WKBWriter().write(geometry))
            .query(byte[].class)
            .single();
        try {
            Geometry transformed = new WKBReader(geometry.getFactory()).read(stored);
            geometries.inCounty(transformed);
            return transformed;
        } catch (ParseException e2) {
            throw new GeometryProblem("PostGIS could not bring the geometry from " + crs.uri() + " into lon/lat", null);
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

}
