package cn.hetu.cql2;

import java.util.List;
import java.util.function.Function;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

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

    static GeometryFactory factory() {
        return FACTORY;
    }

}
