package cn.hetu.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;

import cn.hetu.system.GeometryProblem;

/**
 * Reads an RFC 7946 GeoJSON geometry into JTS, saying which part is malformed when it is. Kept rather than
 * jts-io-common's GeoJsonReader, which re-parses text with json-simple and says only that parsing failed:
 * this one reads the request's already-parsed tree and names the faulty part and the spot of an open ring,
 * which the editor marks on the map.
 */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {
    }

    public static Geometry read(JsonNode node, GeometryFactory factory) {
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            throw new GeometryProblem("geometry must be a GeoJSON geometry object with a type", null);
        }
        String type = node.get("type").asString();
        if (type.equals("GeometryCollection")) {
            List<Geometry> parts = new ArrayList<>();
            node.path("geometries").forEach(part -> parts.add(read(part, factory)));
            return factory.createGeometryCollection(parts.toArray(Geometry[]::new));
        }
        JsonNode coordinates = node.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw new GeometryProblem(GeometryProblem.Fault.COORDINATES, type + " needs a coordinates array", null);
        }
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(coordinates));
            case "LineString" -> line(coordinates, factory);
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPoint" -> factory.createMultiPoint(each(coordinates, c -> factory.createPoint(coordinate(c)))
                .toArray(Point[]::new));
            case "MultiLineString" -> factory.createMultiLineString(each(coordinates, c -> line(c, factory))
                .toArray(LineString[]::new));
            case "MultiPolygon" -> factory.createMultiPolygon(each(coordinates, c -> polygon(c, factory))
                .toArray(Polygon[]::new));
            default -> throw new GeometryProblem(GeometryProblem.Fault.WRONG_TYPE, "Unknown geometry type '" + type + "'", null);
        };
    }

    private static LineString line(JsonNode positions, GeometryFactory factory) {
        Coordinate[] coordinates = positions(positions);
        if (coordinates.length < 2) {
            throw new GeometryProblem(GeometryProblem.Fault.TOO_FEW, "A line needs at least 2 positions", null);
        }
        return factory.createLineString(coordinates);
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        List<LinearRing> all = each(rings, ring -> {
            Coordinate[] coordinates = positions(ring);
            if (coordinates.length < 4 || !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                throw new GeometryProblem(GeometryProblem.Fault.TOO_FEW, "A polygon ring needs at least 4 positions and must end where it starts",
                        coordinates.length == 0 ? null : new double[] { coordinates[0].x, coordinates[0].y });
            }
            return factory.createLinearRing(coordinates);
        });
        if (all.isEmpty()) {
            throw new GeometryProblem(GeometryProblem.Fault.TOO_FEW, "A polygon needs an outer ring", null);
        }
        return factory.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }

    private static Coordinate[] positions(JsonNode positions) {
        return each(positions, GeoJsonGeometry::coordinate).toArray(Coordinate[]::new);
    }

    private static Coordinate coordinate(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new GeometryProblem(GeometryProblem.Fault.COORDINATES, "A position must be [longitude, latitude], got " + position, null);
        }
        return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> read) {
        if (!array.isArray()) {
            throw new GeometryProblem(GeometryProblem.Fault.COORDINATES, "Expected an array of coordinates, got " + array, null);
        }
        List<T> result = new ArrayList<>();
        array.forEach(element -> result.add(read.apply(element)));
        return result;
    }

}
