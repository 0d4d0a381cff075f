package cn.hetu.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * SQL expressions that turn a staging row ({@code s}) into a target row: each column's value cast
 * from the file's text, the user's defaults, a generated code where the file has none, and the
 * fields no column takes kept in {@code attributes}. Identifiers are quoted; field names come from
 * the staging table, values from the user only as escaped literals inside these expressions.
 */
final class ImportSql {

    private ImportSql() {
    }

    /** The file's text for a field, trimmed, empty as NULL. */
    static String text(String field) {
        return "NULLIF(btrim(s." + quote(field) + "::text), '')";
    }

    /** A field's value as the column's type. */
    static String cast(String field, String sqlType) {
        String text = text(field);
        switch (sqlType) {
            case "text":
                return text;
            case "smallint":
            case "integer":
            case "bigint":
                return "round(" + text + "::numeric)::" + sqlType;
            case "boolean":
                return "import_boolean(s." + quote(field) + "::text)";
            default:
                return text + "::" + sqlType;
        }
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Generated for features without a code: the import's short id and the feature's number in the file. */
    static String generatedCode(UUID job) {
        return "'IMP-" + job.toString().substring(0, 8) + "-' || s.ogc_fid";
    }

    /** The code of each staging row as it will be written. */
    static String code(UUID job, Map<String, String> mapping, Map<String, String> defaults) {
        String field = mapping.get("code");
        String value = field == null ? null : text(field);
        if (defaults.containsKey("code")) {
            value = value == null ? literal(defaults.get("code")) : "COALESCE(" + value + ", " + literal(defaults.get("code")) + ")";
        }
        return value == null ? generatedCode(job) : "COALESCE(" + value + ", " + generatedCode(job) + ")";
    }

    /** Column name to value expression, for every column the import writes. */
    static Map<String, String> values(UUID job, ImportTarget target, Map<String, String> mapping,
            Map<String, String> defaults, List<String> sourceFields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ImportTarget.TargetColumn column : target.columns()) {
            String name = column.name();
            String field = mapping.get(name);
            String value = field == null ? null : cast(field, column.sqlType());
            if (defaults.containsKey(name) && !name.equals("code")) {
                String fallback = literal(defaults.get(name)) + "::" + column.sqlType();
                value = value == null ? fallback : "COALESCE(" + value + ", " + fallback + ")";
            }
            if (name.equals("code")) {
                value = code(job, mapping, defaults);
            }
            else if (name.equals("name") && field == null && !defaults.containsKey("name")) {
                value = code(job, mapping, defaults);
            }
            else if (name.equals("attributes")) {
                value = attributes(value, target.isNew() ? List.of() : unmapped(mapping, sourceFields));
            }
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    /** Fields of the file that no column takes and that are not a registry's own bookkeeping. */
    static List<String> unmapped(Map<String, String> mapping, List<String> sourceFields) {
        return sourceFields.stream()
            .filter(f -> !mapping.containsValue(f) && !FieldMatcher.SYSTEM_FIELDS.contains(f.toLowerCase()))
            .toList();
    }

    private static String attributes(String mapped, List<String> extraFields) {
        String base = mapped == null ? "'{}'::jsonb" : "COALESCE(" + mapped + ", '{}'::jsonb)";
        if (extraFields.isEmpty()) {
            return base;
        }
        List<String> objects = new ArrayList<>();
        // jsonb_build_object takes at most 100 arguments
        for (int i = 0; i < extraFields.size(); i += 50) {
            objects.add("jsonb_build_object(" + extraFields.subList(i, Math.min(i + 50, extraFields.size()))
                .stream()
                .map(f -> literal(f) + ", " + text(f))
                .collect(Collectors.joining(", ")) + ")");
        }
        return "jsonb_strip_nulls(" + base + " || " + String.join(" || ", objects) + ")";
    }

}
