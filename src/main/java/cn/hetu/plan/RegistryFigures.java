package cn.hetu.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Column;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Layer;
import cn.hetu.cql2.Cql2;
import cn.hetu.cql2.Cql2Exception;
import cn.hetu.cql2.Cql2Sql;
import cn.hetu.cql2.Expr;
import cn.hetu.geo.Crs;
import cn.hetu.system.InvalidParameterException;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * Evaluates a registry measurement: the collection's rows that pass the CQL2 filter (rendered by the same
 * code as OGC API's {@code filter}, against the catalogue's columns), counted or summed. A disposal rate is
 * that of the parcels in the year's frozen stock ({@code disposal_baseline}) that pass the filter, with the
 * category and town they had when the stock was frozen, as the parcels' rate page counts it.
 */
@Component
class RegistryFigures {

    /** A figure, or null with the reason it cannot be evaluated. */
    record Figure(Double value, String problem) {

        static Figure none(String problem) {
            return new Figure(null, problem);
        }
    }

    private static final List<String> FROZEN_COLUMNS = List.of("category", "town", "area_m2");

    private final Catalog catalog;

    private final JdbcClient jdbc;

    RegistryFigures(Catalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** Why the measurement cannot be evaluated, or empty when it can; what saving a plan checks. */
    Optional<String> problem(Measurement m) {
        if (!m.fromRegistry()) {
            return Optional.empty();
        }
        Optional<Layer> found = catalog.find(m.collection());
        if (found.isEmpty() || found.get().isRecord()) {
            return Optional.of("collection '" + m.collection() + "' is not an asset collection of the registry");
        }
        Layer layer = found.get();
        String expected = Measurement.AGGREGATE_OF_KIND.get(m.kind());
        if (!m.aggregate().equals(expected)) {
            return Optional.of("a " + m.kind() + " target is measured by the aggregate '" + expected + "', not '"
                    + m.aggregate() + "'");
        }
        String needed = switch (m.aggregate()) {
            case "sum_length" -> "length_m";
            case "sum_area", "disposal_rate" -> "area_m2";
            default -> null;
        };
        if (needed != null && layer.column(needed).isEmpty()) {
            return Optional.of("collection '" + layer.id() + "' has no " + needed + " to sum");
        }
        if (m.aggregate().equals("disposal_rate") && !layer.id().equals("land_parcel")) {
            return Optional.of("a disposal rate is measured on land_parcel, which has a frozen yearly stock");
        }
        try {
            condition(m, layer);
            return Optional.empty();
        }
        catch (Cql2Exception | InvalidParameterException e) {
            return Optional.of("filter " + e.getMessage());
        }
    }

    /** The figure in the indicator's unit; the year is that of a disposal rate's stock. */
    Figure evaluate(Measurement m, int year) {
        Optional<String> problem = problem(m);
        if (problem.isPresent()) {
            return Figure.none(problem.get());
        }
        Layer layer = catalog.get(m.collection());
        Condition condition = condition(m, layer);
        if (m.aggregate().equals("disposal_rate")) {
            return disposalRate(layer, condition, year);
        }
        String aggregate = switch (m.aggregate()) {
            case "count" -> "count(*)";
            case "sum_length" -> "COALESCE(sum(t.length_m), 0)";
            default -> "COALESCE(sum(t.area_m2), 0)";
        };
        double raw = jdbc.sql("SELECT " + aggregate + "::float8 FROM " + quote(layer.id()) + " t WHERE " + condition.sql())
            .params(condition.args())
            .query(Double.class)
            .single();
        if (m.kind().equals("count")) {
            return new Figure(raw, null);
        }
        return new Figure(Math.round(raw / Measurement.SCALE.get(m.unit()) * 100) / 100.0, null);
    }

    private Figure disposalRate(Layer layer, Condition condition, int year) {
        if (jdbc.sql("SELECT count(*) FROM disposal_baseline_year WHERE year = ?").param(year).query(Long.class).single() == 0) {
            return Figure.none("the stock of " + year + " is not frozen, so its disposal rate is unknown");
        }
        String columns = layer.columns().stream().map(Column::name).map(RegistryFigures::stockColumn)
            .collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>(List.of(year, year, year));
        args.addAll(condition.args());
        return jdbc.sql("""
                SELECT COALESCE(sum(t.area_m2), 0)::float8 AS stock,
                       COALESCE(sum(t.area_m2) FILTER (WHERE t.disposed_on >= make_date(?, 1, 1)
                                                         AND t.disposed_on < make_date(? + 1, 1, 1)), 0)::float8 AS done
                FROM (SELECT p.geom, %s
                      FROM disposal_baseline b LEFT JOIN land_parcel p ON p.id = b.parcel_id WHERE b.year = ?) t
                WHERE %s""".formatted(columns, condition.sql()))
            .params(args)
            .query((rs, n) -> rs.getDouble("stock") == 0
                    ? Figure.none("no parcel that passes the filter was in the stock of " + year)
                    : new Figure(Math.round(rs.getDouble("done") * 1000 / rs.getDouble("stock")) / 10.0, null))
            .single();
    }

    /** A parcel's column as the stock saw it: its id, category, town and area when frozen, the rest as it is now. */
    private static String stockColumn(String column) {
        if (column.equals("id")) {
            return "b.parcel_id AS id";
        }
        return (FROZEN_COLUMNS.contains(column) ? "b." : "p.") + quote(column) + " AS " + quote(column);
    }

    private static Condition condition(Measurement m, Layer layer) {
        if (m.filter() == null || m.filter().isBlank()) {
            return Condition.ALL;
        }
        Expr expr = Cql2.parse(m.filter(), Cql2.TEXT);
        return Cql2Sql.render(expr, layer, Crs.CRS84);
    }

}
