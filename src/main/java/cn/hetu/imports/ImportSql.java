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
 * the staging table; every value (the user's defaults, the file's field names as keys) is a bound
 * parameter, never SQL text.
 */
final class ImportSql {

    /** An SQL expression and the values of its parameters, in the order they appear. */
    record Expression(String sql, List<Object> args) {

        static Expression of(String sql, Object... args) {
            return new Expression(sql, List.of(args));
        }

        /** This expression, or the other where this one is NULL. */
        Expression orElse(Expression other) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(other.args());
            return new Expression("COALESCE(" + sql + ", " + other.sql() + ")", all);
        }

    }

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

    /** Generated for features without a code: the import's short id and the feature's number in the file. */
    static Expression generatedCode(UUID job) {
        return Expression.of("?::text || s.ogc_fid", "IMP-" + job.toString().substring(0, 8) + "-");
    }

    /** The code of each staging row as it will be written. */
    static Expression code(UUID job, Map<String, String> mapping, Map<String, String> defaults) {
        String field = mapping.get("code");
        Expression value = field == null ? null : Expression.of(text(field));
        if (defaults.containsKey("code")) {
            Expression fallback = Expression.of("?::text", defaults.get("code"));
            value = value == null ? fallback : value.orElse(fallback);
        }
        return value == null ? generatedCode(job) : value.orElse(generatedCode(job));
    }

    /** Column name to value expression, for every column the import writes. */
    static Map<String, Expression> values(UUID job, ImportTarget target, Map<String, String> mapping,
            Map<String, String> defaults, List<String> sourceFields) {
        Map<String, Expression> values = new LinkedHashMap<>();
        for (ImportTarget.TargetColumn column : target.columns()) {
            String name = column.name();
            String field = mapping.get(name);
            Expression value = field == null ? null : Expression.of(cast(field, column.sqlType()));
            if (defaults.containsKey(name) && !name.equals("code")) {
                Expression fallback = Expression.of("?::" + column.sqlType(), defaults.get(name));
                value = value == null ? fallback : value.orElse(fallback);
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

    private static Expression attributes(Expression mapped, List<String> extraFields) {
        Expression empty = Expression.of("'{}'::jsonb");
        Expression base = mapped == null ? empty : mapped.orElse(empty);
        if (extraFields.isEmpty()) {
            return base;
        }
        List<String> objects = new ArrayList<>();
        List<Object> args = new ArrayList<>(base.args());
        // jsonb_build_object takes at most 100 arguments
        for (int i = 0; i < extraFields.size(); i += 50) {
            List<String> slice = extraFields.subList(i, Math.min(i + 50, extraFields.size()));
            objects.add("jsonb_build_object(" + slice.stream().map(f -> "?::text, " + text(f)).collect(Collectors.joining(", "))
                    + ")");
            args.addAll(slice);
        }
        return new Expression("jsonb_strip_nulls(" + base.sql() + " || " + String.join(" || ", objects) + ")", args);
    }

}
