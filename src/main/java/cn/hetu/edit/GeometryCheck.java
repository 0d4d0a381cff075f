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
import cn.hetu.county.County;
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

    private final County counties;

    private final int maxVertices;

    GeometryCheck(County counties, @Value("${hetu.limits.max-vertices:100000}") int maxVertices) {
        this.counties = counties;
        this.maxVertices = maxVertices;
    }

    /** The checked geometry, a polygon made a multipolygon where the collection asks; null only where allowed. */
    Geometry check(Layer layer, JsonNode json) {
        if (json == null || json.isNull()) {
            if (layer.geometryType().equals("Geometry")) {
                return null;
            }
            throw new GeometryProblem(GeometryProblem.Fault.WRONG_TYPE, "A " + layer.id() + " needs a " + layer.geometryType() + " geometry", null);
        }
        Geometry geometry = valid(fitType(layer, GeoJsonGeometry.read(json, factory)));
        if (layer.geometryType().equals("LineString")) {
            IsSimpleOp simple = new IsSimpleOp(geometry);
            if (!simple.isSimple()) {
                Coordinate crossing = simple.getNonSimpleLocation();
                throw new GeometryProblem(GeometryProblem.Fault.SELF_INTERSECTION, "The line crosses itself at " + point(crossing), lonLat(crossing));
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
            throw new GeometryProblem(GeometryProblem.Fault.WRONG_TYPE, "A geometry is needed", null);
        }
        return valid(GeoJsonGeometry.read(json, factory));
    }

    /** Refuses a lon/lat geometry that leaves the county. */
    public void inCounty(Geometry geometry) {
        double[] box = counties.extent();
        Envelope county = new Envelope(box[0], box[2], box[1], box[3]);
        if (!county.contains(geometry.getEnvelopeInternal())) {
            Coordinate inside = geometry.getInteriorPoint().getCoordinate();
            throw new GeometryProblem(GeometryProblem.Fault.OUTSIDE, "The geometry lies outside the county (lon " + county.getMinX() + "–"
                    + county.getMaxX() + ", lat " + county.getMinY() + "–" + county.getMaxY()
                    + "); are the coordinates swapped or in a projected CRS?", lonLat(inside));
        }
    }

    private Geometry valid(Geometry geometry) {
        if (geometry.getNumPoints() > maxVertices) {
            throw new GeometryProblem(GeometryProblem.Fault.TOO_MANY_VERTICES, "The geometry has " + geometry.getNumPoints() + " vertices; at most " + maxVertices
                    + " are accepted", null);
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw new GeometryProblem(GeometryProblem.Fault.of(error), error.getMessage() + " at " + point(error.getCoordinate()),
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
        throw new GeometryProblem(GeometryProblem.Fault.WRONG_TYPE, "A " + layer.id() + " is a " + wanted + ", not a " + geometry.getGeometryType(), null);
    }

    private static String point(Coordinate c) {
        return c == null ? "an unknown spot" : String.format("(%.6f, %.6f)", c.x, c.y);
    }

    private static double[] lonLat(Coordinate c) {
        return c == null ? null : new double[] { c.x, c.y };
    }

}
