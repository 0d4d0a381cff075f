package cn.hetu.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Layer;

/** The columns an import writes: an existing collection's, or those a new layer gets from the file. */
@Component
class ImportTargets {

    /** A field of the staging table with its PostgreSQL type. */
    record StagingField(String name, String sqlType) {
    }

    private static final Set<String> NEVER_WRITTEN = Set.of("id", "geom", "created_at", "created_by", "updated_at",
            "updated_by", "version");

    private final JdbcClient jdbc;

    ImportTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StagingField> stagingFields(UUID job) {
        return jdbc.sql("""
                SELECT column_name, data_type FROM information_schema.columns
                WHERE table_schema = ? AND table_name = ? AND column_name NOT IN ('ogc_fid', 'geom')
                ORDER BY ordinal_position""")
            .params(Staging.SCHEMA, Staging.table(job))
            .query((rs, n) -> new StagingField(rs.getString(1), rs.getString(2)))
            .list();
    }

    ImportTarget existing(Layer layer) {
        List<ImportTarget.TargetColumn> columns = jdbc.sql("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull AND NOT a.atthasdef
                FROM pg_attribute a
                WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum""")
            .param(layer.id())
            .query((rs, n) -> new ImportTarget.TargetColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), null))
            .list()
            .stream()
            .filter(c -> !NEVER_WRITTEN.contains(c.name()))
            .toList();
        return new ImportTarget(layer.id(), layer.geometryType(), columns, null);
    }

    /** A new layer: the core columns, then one column per file field that no core column takes. */
    ImportTarget fresh(ImportTarget.NewLayer layer, String geometryType, List<StagingField> fields,
            Map<String, String> coreMapping) {
        List<ImportTarget.TargetColumn> columns = new ArrayList<>(ImportTarget.CORE);
        Set<String> taken = new HashSet<>(ImportTarget.CORE_NAMES);
        taken.addAll(NEVER_WRITTEN);
        taken.addAll(List.of("length_m", "area_m2"));
        for (StagingField field : fields) {
            if (coreMapping.containsValue(field.name())
                    || FieldMatcher.SYSTEM_FIELDS.contains(field.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = columnName(field.name(), columns.size(), taken);
            taken.add(name);
            columns.add(new ImportTarget.TargetColumn(name, columnType(field.sqlType()), false, field.name()));
        }
        return new ImportTarget(layer.id(), geometryType, columns, layer);
    }

    /** For a new layer, each extra column is filled from the field it was made from. */
    static Map<String, String> extraMapping(ImportTarget target) {
        Map<String, String> mapping = new LinkedHashMap<>();
        target.columns().stream().filter(c -> c.sourceTitle() != null).forEach(c -> mapping.put(c.name(), c.sourceTitle()));
        return mapping;
    }

    /**
     * The collection geometry type for a new layer: that of most features (areas, lines or
     * points); features of another kind are reported as of the wrong type.
     */
    String geometryType(UUID job) {
        return jdbc.sql("""
                SELECT CASE ST_Dimension(geom) WHEN 2 THEN 'MultiPolygon' WHEN 1 THEN 'LineString' ELSE 'Point' END
                FROM %s WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)
                GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""".formatted(Staging.qualified(job)))
            .query(String.class)
            .optional()
            .orElse("Geometry");
    }

    /** An ASCII column name for a field: its own name laundered, or field_N for a Chinese one. */
    static String columnName(String field, int position, Set<String> taken) {
        String ascii = field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_").replaceAll("_+", "_")
            .replaceAll("^_|_$", "");
        if (!ascii.matches("[a-z][a-z0-9_]*")) {
            ascii = ascii.isEmpty() ? "field_" + position : "f_" + ascii;
        }
        if (ascii.length() > 50) {
            ascii = ascii.substring(0, 50);
        }
        String name = ascii;
        for (int n = 2; taken.contains(name); n++) {
            name = ascii + "_" + n;
        }
        return name;
    }

    private static String columnType(String stagingType) {
        switch (stagingType) {
            case "integer":
            case "bigint":
            case "smallint":
                return "bigint";
            case "double precision":
            case "real":
            case "numeric":
                return "double precision";
            case "date":
                return "date";
            case "boolean":
                return "boolean";
            case "timestamp with time zone":
            case "timestamp without time zone":
                return "timestamptz";
            default:
                return "text";
        }
    }

}
