package cn.hetu.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A collection's description as a JSON Schema in the manner of OGC API - Features Part 5: every field with
 * its type, titles in Chinese and English, unit, coded values with their words in both languages, the rules
 * the database keeps (required, bounds, lengths), which fields only the server writes, the geometry, and the
 * department that owns the collection. All of it is read from the database and the labels, so a collection
 * added by a migration is described like the others; forms, filters, legends and exports can follow it.
 */
@Component
public class CollectionSchema {

    private final ColumnRules rules;

    private final Labels labels;

    private final FieldDisplay display;

    CollectionSchema(ColumnRules rules, Labels labels, FieldDisplay display) {
        this.rules = rules;
        this.labels = labels;
        this.display = display;
    }

    public Map<String, Object> of(Layer layer, String selfUrl, Labels.Language language) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        int sequence = 1;
        Map<String, FieldDisplay.Display> displays = display.of(layer);
        for (Column column : layer.columns()) {
            FieldDisplay.Display shown = displays.getOrDefault(column.name(), FieldDisplay.Display.NONE);
            Map<String, Object> property = type(column);
            JsonNode titles = labels.fieldPair(layer.id(), column.name());
            String zh = titles == null ? labels.field(layer, column, Labels.Language.ZH) : titles.get(0).asString();
            String en = titles == null ? zh : titles.get(1).asString();
            property.put("title", language == Labels.Language.ZH ? zh : en);
            property.put("x-titles", pair(zh, en));
            property.put("x-ogc-propertySeq", sequence++);
            if (column.name().equals("id")) {
                property.put("x-ogc-role", "id");
            }
            boolean readOnly = column.generated() || !layer.writableColumns().contains(column) || shown.readOnly();
            if (readOnly) {
                property.put("readOnly", true);
            }
            JsonNode unit = labels.unit(layer.id(), column.name());
            if (unit != null) {
                property.put("x-ogc-unit", unit.get(1).asString());
                property.put("x-units", pair(unit.get(0).asString(), unit.get(1).asString()));
            }
            ColumnRules.Rule rule = rules.rule(layer, column.name());
            rule.describe(property, false);
            codes(layer, column, property, rule, language);
            property.put("x-kind", shown.kind() != null ? shown.kind() : kind(column, property));
            Object value = rules.defaultValue(layer, column.name());
            if (value != null && !readOnly) {
                property.put("default", value);
            }
            if (rule.required() && !readOnly && !rules.hasDefault(layer, column.name())) {
                required.add(column.name());
            }
            properties.put(column.name(), property);
        }
        if (!layer.isRecord()) {
            Map<String, Object> geometry = new LinkedHashMap<>();
            geometry.put("x-ogc-role", "primary-geometry");
            geometry.put("format", "geometry-" + layer.geometryType().toLowerCase());
            properties.put("geometry", geometry);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", selfUrl);
        doc.put("type", "object");
        doc.put("title", language == Labels.Language.ZH ? layer.titleZh() : layer.titleEn());
        doc.put("x-titles", pair(layer.titleZh(), layer.titleEn()));
        doc.put("x-geometry-type", layer.geometryType());
        if (layer.ownerDepartment() != null) {
            doc.put("x-owner-department", layer.ownerDepartment());
        }
        doc.put("required", required);
        doc.put("properties", properties);
        return doc;
    }

    /** Coded values: the enum the database allows, each with its words in both languages. */
    private void codes(Layer layer, Column column, Map<String, Object> property, ColumnRules.Rule rule,
            Labels.Language language) {
        Map<String, String> zh = labels.values(layer.id(), column.name(), Labels.Language.ZH);
        Map<String, String> en = labels.values(layer.id(), column.name(), Labels.Language.EN);
        List<String> codes = rule.allowed() != null ? rule.allowed() : zh.isEmpty() ? List.of() : List.copyOf(zh.keySet());
        // Whole numbers with words of their own are coded too (a sluice's safety class 1-4: 一类 … 四类).
        boolean numbered = "integer".equals(property.get("type")) && rule.allowed() == null && !zh.isEmpty()
                && zh.keySet().stream().allMatch(code -> code.matches("-?[0-9]+"));
        if (codes.isEmpty() || !"string".equals(property.get("type")) && !numbered) {
            return;
        }
        if (!numbered) {
            property.put("enum", codes);
        }
        // The list the words come from, when it names every code (a column called like another's may hold other codes).
        if (zh.keySet().containsAll(codes)) {
            labels.enumeration(layer.id(), column.name()).ifPresent(name -> property.put("x-enumeration", name));
        }
        property.put("oneOf", codes.stream().map(code -> {
            String wordZh = zh.getOrDefault(code, code);
            String wordEn = en.getOrDefault(code, wordZh);
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("const", numbered ? (Object) Long.valueOf(code) : code);
            option.put("title", language == Labels.Language.ZH ? wordZh : wordEn);
            option.put("x-titles", pair(wordZh, wordEn));
            return option;
        }).toList());
    }

    /** How a field without a kind of its own is shown: by its coded values or its type. */
    private static String kind(Column column, Map<String, Object> property) {
        if (column.name().equals("department")) {
            return "department";
        }
        if (property.containsKey("oneOf")) {
            return "enum";
        }
        return switch (column.type()) {
            case INTEGER -> "int";
            case NUMBER -> "decimal";
            case BOOLEAN -> "bool";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case OBJECT -> "json";
            default -> "text";
        };
    }

    /** Words in both languages, Chinese first, in a stable order. */
    private static Map<String, String> pair(String zh, String en) {
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put("zh", zh);
        pair.put("en", en);
        return pair;
    }

    private static Map<String, Object> type(Column column) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("type", switch (column.type()) {
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            default -> "string";
        });
        switch (column.type()) {
            case DATE -> type.put("format", "date");
            case DATETIME -> type.put("format", "date-time");
            case UUID -> type.put("format", "uuid");
            default -> { }
        }
        return type;
    }

}
