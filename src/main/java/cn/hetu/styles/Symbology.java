package cn.hetu.styles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How each collection is drawn, read from {@code symbology/symbology.json}: the one description that the
 * published styles are generated from and that the map's Symbology.js must equal (SymbologyTests).
 */
@Component
class Symbology {

    /** How a line collection is stroked: width in pixels, dashes in pixels ("9 5"), or none. */
    record Line(double weight, String dashArray, String lineCap) {
    }

    /** A line width chosen by a column's value, with a width for any other value (or the line's own). */
    record WeightBy(String column, Map<String, Double> weights, Double otherwise) {
    }

    /** When a feature is unsafe: a column at least a number, or equal to a code. */
    record Unsafe(String column, Double atLeast, String equals) {
    }

    private final JsonNode description;

    Symbology(ObjectMapper json) {
        try (InputStream in = Symbology.class.getResourceAsStream("/symbology/symbology.json")) {
            this.description = json.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> statusColors() {
        return strings(description.get("statusColors"));
    }

    Map<String, String> parcelCategoryColors() {
        return strings(description.get("parcelCategoryColors"));
    }

    String unsafeColor() {
        return description.get("unsafeColor").asString();
    }

    String haloColor() {
        return description.get("haloColor").asString();
    }

    /** The marker shape of a point collection: square, diamond, triangle, drop, hexagon, star or circle. */
    String markerShape(String collection) {
        JsonNode shape = description.get("markerShapes").get(collection);
        return shape == null ? "circle" : shape.asString();
    }

    Line line(String collection) {
        JsonNode styles = description.get("lineStyles");
        JsonNode line = styles.has(collection) ? styles.get(collection) : styles.get("default");
        return new Line(line.get("weight").asDouble(), line.has("dashArray") ? line.get("dashArray").asString() : null,
                line.has("lineCap") ? line.get("lineCap").asString() : "round");
    }

    WeightBy weightBy(String collection) {
        JsonNode by = description.get("lineWeightBy").get(collection);
        if (by == null) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        by.get("weights").properties().forEach(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return new WeightBy(by.get("column").asString(), weights, by.has("otherwise") ? by.get("otherwise").asDouble() : null);
    }

    Unsafe unsafe(String collection) {
        JsonNode rule = description.get("unsafe").get(collection);
        if (rule == null) {
            return null;
        }
        return new Unsafe(rule.get("column").asString(), rule.has("atLeast") ? rule.get("atLeast").asDouble() : null,
                rule.has("equals") ? rule.get("equals").asString() : null);
    }

    /** The column whose value is written inside a collection's marker (a sluice's safety class), or null. */
    String markerLabel(String collection) {
        JsonNode label = description.get("markerLabel").get(collection);
        return label == null ? null : label.asString();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

}
