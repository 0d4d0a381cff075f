package cn.hetu.ogcapi;

import java.util.stream.Collectors;

import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
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

    /** The page's conditions, within the rows the reader reads. */
    static Condition where(Layer layer, ItemsQuery query, LayerAccess.RowScope scope) {
        Conditions where = Conditions.where();
        if (!scope.all()) {
            where.add(scope.sql(), scope.args());
        }
        return where.and(query.filter().where(layer)).build();
    }

    /** A page in id order next to a keyset cursor; one row more than the limit tells whether another page follows. */
    static String page(Layer layer, Condition where, ItemsQuery query) {
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

    static String count(Layer layer, Condition where) {
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
