package cn.hetu.cql2;

import java.util.List;
import java.util.function.Function;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

/** Geometry literals that both encodings share. */
final class Geometries {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Geometries() {
    }

    /** A bbox of 4 numbers (or 6 with heights) as a rectangle, in the filter CRS's axis order. */
    static Geometry bbox(List<Double> numbers, Function<String, Cql2Exception> error) {
        if (numbers.size() != 4 && numbers.size() != 6) {
            throw error.apply("a bbox has 4 or 6 numbers, not " + numbers.size());
        }
        int half = numbers.size() / 2;
        return FACTORY.toGeometry(new Envelope(numbers.get(0), numbers.get(half), numbers.get(1), numbers.get(half + 1)));
    }

    /**
     * Refuses polygon rings that PostGIS cannot read back (fewer than 4 points, or open), which the
     * WKT reader lets through.
     */
    static void checkRings(Geometry geometry) {
        for (Object part : PolygonExtracter.getPolygons(geometry)) {
            Polygon polygon = (Polygon) part;
            for (int i = -1; i < polygon.getNumInteriorRing(); i++) {
                LineString ring = i < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(i);
                if (!ring.isEmpty() && (ring.getNumPoints() < 4 || !ring.isClosed())) {
                    throw new Cql2Exception("a polygon ring needs at least 4 points and must end where it starts; got "
                            + ring.getNumPoints() + " points" + (ring.isClosed() ? "" : ", not closed"));
                }
            }
        }
    }

    static GeometryFactory factory() {
        return FACTORY;
    }

}
