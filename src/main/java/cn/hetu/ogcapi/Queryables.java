package cn.hetu.ogcapi;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.Layer;

/** The JSON Schema of the properties a collection can be filtered on. */
final class Queryables {

    private Queryables() {
    }

    static Map<String, Object> of(Layer layer, String selfUrl) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("geometry", Map.of("format", "geometry-" + geometryFormat(layer.geometryType())));
        for (Column column : layer.columns()) {
            if (column.type().isSimple()) {
                properties.put(column.name(), titled(schema(column), column.title()));
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

    private static Map<String, Object> titled(Map<String, Object> schema, String title) {
        if (title == null) {
            return schema;
        }
        Map<String, Object> withTitle = new LinkedHashMap<>(schema);
        withTitle.put("title", title);
        return withTitle;
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
