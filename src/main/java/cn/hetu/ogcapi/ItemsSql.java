package cn.hetu.ogcapi;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnType;
import cn.hetu.catalog.Layer;
import cn.hetu.geo.Crs;
import cn.hetu.security.LayerAccess;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * SQL of the feature pages. PostGIS writes each feature's GeoJSON text; Java only moves it.
 * Identifiers come from the {@link Layer} (the catalogue whitelist) and are quoted; request
 * values are always bind parameters.
 */
final class ItemsSql {

    /** Clauses joined with AND, and their bind values in order. */
    record Where(String sql, List<Object> args) {
    }

    private ItemsSql() {
    }

    /** One GeoJSON Feature as text, with the id and every column but the geometry as properties. */
    static String featureJson(Layer layer, Crs crs) {
        String properties = layer.columns()
            .stream()
            .filter(c -> !c.name().equals("id"))
            .map(c -> "'" + c.name() + "', t." + quote(c.name()))
            .collect(Collectors.joining(", "));
        return "'{\"type\":\"Feature\",\"id\":' || to_json(t.id)::text || ',\"geometry\":' || COALESCE(ST_AsGeoJSON(" + crs.geometrySql("t.geom") + ", " + crs.decimals()
                + ", 0), 'null')"
                + " || ',\"properties\":' || json_build_object(" + properties + ")::text || '}'";
    }

    /** The query's conditions, within the rows the reader reads. */
    static Where where(Layer layer, ItemsQuery query, LayerAccess.RowScope scope) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!scope.all()) {
            clauses.add(scope.sql());
            args.addAll(scope.args());
        }
        if (query.bbox() != null) {
            List<String> boxes = new ArrayList<>();
            for (Bbox b : query.bbox().splitAtAntimeridian(query.bboxCrs())) {
                boxes.add("ST_Intersects(t.geom, " + query.bboxCrs().toStorageSql("ST_MakeEnvelope(?, ?, ?, ?)") + ")");
                args.addAll(List.of(b.min1(), b.min2(), b.max1(), b.max2()));
            }
            clauses.add("(" + String.join(" OR ", boxes) + ")");
        }
        if (query.filter() != null) {
            clauses.add("(" + query.filter().sql() + ")");
            args.addAll(query.filter().args());
        }
        if (query.datetime() != null && layer.hasTime()) {
            time(layer, query.datetime(), clauses, args);
        }
        for (Map.Entry<String, Object> filter : query.properties().entrySet()) {
            clauses.add("t." + quote(filter.getKey()) + " = ?");
            args.add(filter.getValue());
        }
        return new Where(clauses.isEmpty() ? "true" : String.join(" AND ", clauses), args);
    }

    /** Features whose time (start to end, or the single start value) meets the requested interval. */
    private static void time(Layer layer, TimeInterval interval, List<String> clauses, List<Object> args) {
        String start = "t." + quote(layer.temporalStart());
        String end = layer.temporalEnd() == null ? start
                : "COALESCE(t." + quote(layer.temporalEnd()) + ", " + start + ")";
        boolean dates = layer.column(layer.temporalStart()).map(Column::type).orElse(null) == ColumnType.DATE;
        if (interval.end() != null) {
            clauses.add(start + " <= ?");
            args.add(dates ? interval.end().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : interval.end());
        }
        if (interval.start() != null) {
            clauses.add(end + " >= ?");
            args.add(dates ? interval.start().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate() : interval.start());
        }
        clauses.add(start + " IS NOT NULL");
    }

    /** A page in id order next to a keyset cursor; one row more than the limit tells whether another page follows. */
    static String page(Layer layer, Where where, ItemsQuery query) {
        String select = "SELECT " + featureJson(layer, query.crs()) + " AS feature, t.id FROM " + quote(layer.id())
                + " t WHERE " + where.sql();
        if (query.before() != null) {
            // The page before a cursor: the nearest ids below it, read backwards, served in id order,
            // with how many were found so the extra one tells whether yet another page lies before.
            return "SELECT feature, id, count(*) OVER () AS found FROM (" + select
                    + " AND t.id < ? ORDER BY t.id DESC LIMIT ?) x ORDER BY id";
        }
        return select + (query.after() == null ? "" : " AND t.id > ?") + " ORDER BY t.id LIMIT ?";
    }

    static String count(Layer layer, Where where) {
        return "SELECT count(*) FROM " + quote(layer.id()) + " t WHERE " + where.sql();
    }

    /**
     * One feature and its version (0 for records without one: they never change through this API), if the
     * reader reads it; the id is bound before the scope's values.
     */
    static String one(Layer layer, Crs crs, LayerAccess.RowScope scope) {
        String version = layer.column("version").isPresent() ? "t.version" : "0";
        return "SELECT " + featureJson(layer, crs) + ", " + version + " FROM " + quote(layer.id()) + " t WHERE t.id = ? AND "
                + scope.sql();
    }

}
