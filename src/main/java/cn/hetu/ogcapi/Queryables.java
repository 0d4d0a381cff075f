package cn.hetu.ogcapi;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnRules;
import cn.hetu.catalog.Labels;
import cn.hetu.catalog.Layer;

/**
 * The JSON Schema of the properties a collection can be filtered on, each titled as the map names it
 * and carrying the rules the database keeps for it (enum, minimum, maximum, maxLength), which the
 * editing form reads; {@code x-labels} gives the words of coded values.
 */
final class Queryables {

    private Queryables() {
    }

    static Map<String, Object> of(Layer layer, String selfUrl, ColumnRules rules, Labels labels, Labels.Language language) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("geometry", Map.of("format", "geometry-" + geometryFormat(layer.geometryType())));
        for (Column column : layer.columns()) {
            if (column.type().isSimple()) {
                Map<String, Object> property = new LinkedHashMap<>(schema(column));
                property.put("title", labels.field(layer, column, language));
                rules.rule(layer, column.name()).describe(property, true);
                Map<String, String> words = labels.values(layer.id(), column.name(), language);
                if (!words.isEmpty()) {
                    property.put("x-labels", words);
                }
                properties.put(column.name(), property);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", selfUrl);
        doc.put("type", "object");
        doc.put("title", layer.titleZh() + " " + layer.titleEn());
        doc.put("properties", properties);
        doc.put("additionalProperties", false);
        return doc;
    }


    static Map<String, Object> schema(Column column) {
        return switch (column.type()) {
            case INTEGER -> Map.of("type", "integer");
            case NUMBER -> Map.of("type", "number");
            case BOOLEAN -> Map.of("type", "boolean");
            case DATE -> Map.of("type", "string", "format", "date");
            case DATETIME -> Map.of("type", "string", "format", "date-time");
            case OBJECT -> Map.of("type", "object");
            case UUID -> Map.of("type", "string", "format", "uuid");
            default -> Map.of("type", "string");
        };
    }

    private static String geometryFormat(String geometryType) {
        return switch (geometryType) {
            case "Point" -> "point";
            case "LineString" -> "linestring";
            case "MultiPolygon" -> "multipolygon";
            default -> "any";
        };
    }

}
