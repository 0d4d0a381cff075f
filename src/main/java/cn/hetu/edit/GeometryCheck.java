package cn.hetu.edit;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import cn.hetu.catalog.Layer;
import cn.hetu.system.GeometryProblem;

/**
 * The registry's rules for a geometry, checked with JTS before anything is written: the
 * collection's type, valid (no self-intersection, closed rings), lines that do not cross
 * themselves, a bounded number of vertices, and inside the county.
 */
@Component
public class GeometryCheck {

    static final int CGCS2000 = 4490;

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), CGCS2000);

    private final Envelope county;

    private final int maxVertices;

    GeometryCheck(@Value("${hetu.county.bbox:115.9,32.9,116.7,33.6}") double[] bbox,
            @Value("${hetu.limits.max-vertices:100000}") int maxVertices) {
        this.county = new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]);
        this.maxVertices = maxVertices;
    }

    /** The checked geometry, a polygon made a multipolygon where the collection asks; null only where allowed. */
    Geometry check(Layer layer, JsonNode json) {
        if (json == null || json.isNull()) {
            if (layer.geometryType().equals("Geometry")) {
                return null;
            }
            throw new GeometryProblem("A " + layer.id() + " needs a " + layer.geometryType() + " geometry", null);
        }
        Geometry geometry = valid(fitType(layer, GeoJsonGeometry.read(json, factory)));
        if (layer.geometryType().equals("LineString")) {
            IsSimpleOp simple = new IsSimpleOp(geometry);
            if (!simple.isSimple()) {
                Coordinate crossing = simple.getNonSimpleLocation();
                throw new GeometryProblem("The line crosses itself at " + point(crossing), lonLat(crossing));
            }
        }
        inCounty(geometry);
        return geometry;
    }

    /**
     * A GeoJSON geometry of any type, its coordinates in any CRS (the SRID says 4490 whatever they are),
     * checked for its number of vertices and its validity; the caller brings it into lon/lat and then
     * asks {@link #inCounty}.
     */
    public Geometry readValid(JsonNode json) {
        if (json == null || json.isNull()) {
            throw new GeometryProblem("A geometry is needed", null);
        }
        return valid(GeoJsonGeometry.read(json, factory));
    }

    /** Refuses a lon/lat geometry that leaves the county. */
    public void inCounty(Geometry geometry) {
        if (!county.contains(geometry.getEnvelopeInternal())) {
            Coordinate inside = geometry.getInteriorPoint().getCoordinate();
            throw new GeometryProblem("The geometry lies outside the county (lon " + county.getMinX() + "–"
                    + county.getMaxX() + ", lat " + county.getMinY() + "–" + county.getMaxY()
                    + "); are the coordinates swapped or in a projected CRS?", lonLat(inside));
        }
    }

    private Geometry valid(Geometry geometry) {
        if (geometry.getNumPoints() > maxVertices) {
            throw new GeometryProblem("The geometry has " + geometry.getNumPoints() + " vertices; at most " + maxVertices
                    + " are accepted", null);
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw new GeometryProblem(error.getMessage() + " at " + point(error.getCoordinate()),
                    lonLat(error.getCoordinate()));
        }
        return geometry;
    }

    private Geometry fitType(Layer layer, Geometry geometry) {
        String wanted = layer.geometryType();
        if (wanted.equals("Geometry") || geometry.getGeometryType().equals(wanted)) {
            return geometry;
        }
        if (wanted.equals("MultiPolygon") && geometry instanceof Polygon polygon) {
            return factory.createMultiPolygon(new Polygon[] { polygon });
        }
        throw new GeometryProblem("A " + layer.id() + " is a " + wanted + ", not a " + geometry.getGeometryType(), null);
    }

    private static String point(Coordinate c) {
        return c == null ? "an unknown spot" : String.format("(%.6f, %.6f)", c.x, c.y);
    }

    private static double[] lonLat(Coordinate c) {
        return c == null ? null : new double[] { c.x, c.y };
    }

}
