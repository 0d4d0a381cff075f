package cn.hetu.styles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How each collection is drawn: {@code symbology/symbology.json} (the palette and the built-in collections' symbols)
 * with the symbol a collection added as data carries in {@code collection.symbol} (migration V101). The published
 * styles are generated from it and the map reads it from {@code GET /api/v1/symbology}, so a new collection brings
 * its own symbol without JavaScript; one without any is drawn as a circle or the default line.
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

    /** Where each key of a collection's own symbol goes in the description. */
    private static final Map<String, String> SYMBOL_KEYS = Map.of("marker", "markerShapes", "line", "lineStyles",
            "lineWeightBy", "lineWeightBy", "unsafe", "unsafe", "markerLabel", "markerLabel");

    private final JsonNode file;

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    Symbology(ObjectMapper json, JdbcClient jdbc) {
        this.json = json;
        this.jdbc = jdbc;
        try (InputStream in = Symbology.class.getResourceAsStream("/symbology/symbology.json")) {
            this.file = json.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole description: the file's, with the symbols of the collections that carry their own. */
    ObjectNode description() {
        ObjectNode description = (ObjectNode) file.deepCopy();
        description.remove("_comment");
        jdbc.sql("SELECT id, symbol::text FROM collection WHERE symbol IS NOT NULL ORDER BY id").query(rs -> {
            String id = rs.getString(1);
            JsonNode symbol = json.readTree(rs.getString(2));
            SYMBOL_KEYS.forEach((key, section) -> {
                if (symbol.has(key)) {
                    ((ObjectNode) description.get(section)).set(id, symbol.get(key));
                }
            });
        });
        return description;
    }

    Map<String, String> statusColors() {
        return strings(file.get("statusColors"));
    }

    Map<String, String> parcelCategoryColors() {
        return strings(file.get("parcelCategoryColors"));
    }

    String unsafeColor() {
        return file.get("unsafeColor").asString();
    }

    String haloColor() {
        return file.get("haloColor").asString();
    }

    /** The marker shape of a point collection: square, diamond, triangle, drop, hexagon, star or circle. */
    String markerShape(String collection) {
        JsonNode shape = description().get("markerShapes").get(collection);
        return shape == null ? "circle" : shape.asString();
    }

    Line line(String collection) {
        JsonNode styles = description().get("lineStyles");
        JsonNode line = styles.has(collection) ? styles.get(collection) : styles.get("default");
        return new Line(line.get("weight").asDouble(), line.has("dashArray") ? line.get("dashArray").asString() : null,
                line.has("lineCap") ? line.get("lineCap").asString() : "round");
    }

    WeightBy weightBy(String collection) {
        JsonNode by = description().get("lineWeightBy").get(collection);
        if (by == null) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        by.get("weights").properties().forEach(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return new WeightBy(by.get("column").asString(), weights, by.has("otherwise") ? by.get("otherwise").asDouble() : null);
    }

    Unsafe unsafe(String collection) {
        JsonNode rule = description().get("unsafe").get(collection);
        if (rule == null) {
            return null;
        }
        return new Unsafe(rule.get("column").asString(), rule.has("atLeast") ? rule.get("atLeast").asDouble() : null,
                rule.has("equals") ? rule.get("equals").asString() : null);
    }

    /** The column whose value is written inside a collection's marker (a sluice's safety class), or null. */
    String markerLabel(String collection) {
        JsonNode label = description().get("markerLabel").get(collection);
        return label == null ? null : label.asString();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

}
