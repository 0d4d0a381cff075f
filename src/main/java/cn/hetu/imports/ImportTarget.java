package cn.hetu.imports;

import java.util.List;
import java.util.Set;

/**
 * Where an import's features go: an existing collection, or a new layer the import creates.
 *
 * @param geometryType Point, LineString, MultiPolygon or Geometry, as the {@code collection} table names it
 */
record ImportTarget(String id, String geometryType, List<TargetColumn> columns, NewLayer newLayer) {

    /** A column features are written to; {@code required} when it has neither a value nor a default. */
    record TargetColumn(String name, String sqlType, boolean required, String sourceTitle) {
    }

    /** A layer an administrator asked the import to create. */
    record NewLayer(String id, String title) {
    }

    /** Columns every collection has, and so every new layer starts with. */
    static final List<TargetColumn> CORE = List.of(new TargetColumn("code", "text", true, null),
            new TargetColumn("name", "text", true, null), new TargetColumn("status", "text", false, null),
            new TargetColumn("department", "text", true, null), new TargetColumn("town", "text", false, null),
            new TargetColumn("remarks", "text", false, null), new TargetColumn("attributes", "jsonb", false, null));

    static final Set<String> CORE_NAMES = Set.of("code", "name", "status", "department", "town", "remarks", "attributes");

    boolean isNew() {
        return newLayer != null;
    }

    List<String> columnNames() {
        return columns.stream().map(TargetColumn::name).toList();
    }

    TargetColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

}
