package cn.hetu.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

import cn.hetu.catalog.Column;
import cn.hetu.catalog.ColumnType;
import cn.hetu.catalog.Condition;
import cn.hetu.catalog.Conditions;
import cn.hetu.catalog.Layer;
import cn.hetu.geo.Crs;
import cn.hetu.system.InvalidParameterException;

/**
 * Renders a CQL2 tree as a SQL condition on the alias {@code t}: properties must be columns of the
 * collection (the queryables), and every value becomes a bind parameter of the property's type.
 */
public final class Cql2Sql {

    private static final Map<String, String> SPATIAL = Map.of("s_intersects", "ST_Intersects", "s_equals", "ST_Equals",
            "s_disjoint", "ST_Disjoint", "s_touches", "ST_Touches", "s_within", "ST_Within", "s_overlaps", "ST_Overlaps",
            "s_crosses", "ST_Crosses", "s_contains", "ST_Contains");

    private static final Map<String, String> MIRRORED = Map.of("=", "=", "<>", "<>", "<", ">", ">", "<", "<=", ">=",
            ">=", "<=");

    private final Layer layer;

    private final Crs filterCrs;

    private final List<Object> args = new ArrayList<>();

    private Cql2Sql(Layer layer, Crs filterCrs) {
        this.layer = layer;
        this.filterCrs = filterCrs;
    }

    public static Condition render(Expr expr, Layer layer, Crs filterCrs) {
        Cql2Sql renderer = new Cql2Sql(layer, filterCrs);
        String sql = renderer.expr(expr);
        return new Condition(sql, renderer.args);
    }

    private String expr(Expr expr) {
        if (expr instanceof Expr.And and) {
            return and.args().stream().map(this::expr).collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (expr instanceof Expr.Or or) {
            return or.args().stream().map(this::expr).collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (expr instanceof Expr.Not not) {
            return "NOT (" + expr(not.arg()) + ")";
        }
        if (expr instanceof Expr.BooleanLiteral b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (expr instanceof Expr.Compare c) {
            return compare(c);
        }
        if (expr instanceof Expr.Like like) {
            if (!(like.pattern() instanceof Expr.Literal literal && literal.value() instanceof String)) {
                throw new Cql2Exception("LIKE needs a text pattern in quotes, got " + describe(like.pattern()));
            }
            return text(like.value()) + " LIKE " + value(like.pattern(), ColumnType.STRING);
        }
        if (expr instanceof Expr.Between b) {
            Column column = column(b.value(), "BETWEEN");
            return Conditions.column("t", column) + " BETWEEN " + value(b.low(), column.type()) + " AND "
                    + value(b.high(), column.type());
        }
        if (expr instanceof Expr.In in) {
            Column column = column(in.value(), "IN");
            return Conditions.column("t", column)
                    + in.list().stream().map(v -> value(v, column.type())).collect(Collectors.joining(", ", " IN (", ")"));
        }
        if (expr instanceof Expr.IsNull isNull) {
            return property(isNull.value()) + " IS NULL";
        }
        Expr.Spatial spatial = (Expr.Spatial) expr;
        return SPATIAL.get(spatial.function()) + "(" + geometry(spatial.left()) + ", " + geometry(spatial.right()) + ")";
    }

    private String compare(Expr.Compare c) {
        if (c.left() instanceof Expr.Property && c.right() instanceof Expr.Property) {
            return property(c.left()) + " " + c.op() + " " + property(c.right());
        }
        if (c.left() instanceof Expr.Property) {
            Column column = column(c.left(), c.op());
            return Conditions.column("t", column) + " " + c.op() + " " + value(c.right(), column.type());
        }
        if (c.right() instanceof Expr.Property) {
            return compare(new Expr.Compare(MIRRORED.get(c.op()), c.right(), c.left()));
        }
        throw new Cql2Exception("a comparison needs a property on one side");
    }

    private String property(Expr.Operand operand) {
        if (operand instanceof Expr.Property p && isGeometry(p.name())) {
            return "t.geom";
        }
        return Conditions.column("t", column(operand, "a predicate"));
    }

    /** A column as text, so LIKE works on codes, names and numbers alike. */
    private String text(Expr.Operand operand) {
        Column column = column(operand, "LIKE");
        return column.type() == ColumnType.STRING ? Conditions.column("t", column) : Conditions.column("t", column) + "::text";
    }

    private Column column(Expr.Operand operand, String context) {
        if (!(operand instanceof Expr.Property property)) {
            throw new Cql2Exception(context + " needs a property on its left, got " + describe(operand));
        }
        return layer.column(property.name())
            .filter(c -> c.type().isSimple())
            .orElseThrow(() -> new Cql2Exception("'" + property.name() + "' is not a queryable of " + layer.id()
                    + "; see /ogc/collections/" + layer.id() + "/queryables"));
    }

    private String geometry(Expr.Operand operand) {
        if (operand instanceof Expr.Property p) {
            if (!isGeometry(p.name())) {
                throw new Cql2Exception("'" + p.name() + "' is not a geometry; the geometry property is 'geometry'");
            }
            return "t.geom";
        }
        if (operand instanceof Expr.GeometryLiteral g) {
            Geometries.checkRings(g.geometry());
            Envelope box = g.geometry().getEnvelopeInternal();
            try {
                filterCrs.checkInDomain("filter-crs", box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
            }
            catch (InvalidParameterException e) {
                throw new Cql2Exception(e.getMessage());
            }
            args.add(new WKBWriter().write(g.geometry()));
            return filterCrs.toStorageSql("ST_GeomFromWKB(?)");
        }
        throw new Cql2Exception("a spatial function needs geometries, got " + describe(operand));
    }

    /** A bind parameter holding the value converted to the type of the property it is compared with. */
    private String value(Expr.Operand operand, ColumnType type) {
        Object value;
        if (operand instanceof Expr.Literal literal) {
            value = convert(literal.value(), type);
        }
        else if (operand instanceof Expr.Instant instant) {
            value = convert(instant.text(), type);
        }
        else {
            throw new Cql2Exception("expected a value, got " + describe(operand));
        }
        args.add(value);
        return "?";
    }

    private static Object convert(Object value, ColumnType type) {
        String text = value instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue())
                : String.valueOf(value);
        // Instants compare with date columns by their day, and dates with timestamp columns from midnight UTC.
        if (type == ColumnType.DATE && text.length() > 10) {
            text = text.substring(0, 10);
        }
        if (type == ColumnType.DATETIME && text.length() == 10) {
            text = text + "T00:00:00Z";
        }
        try {
            return type.parse(text);
        }
        catch (IllegalArgumentException e) {
            throw new Cql2Exception("'" + text + "' is not a valid " + type.name().toLowerCase());
        }
    }

    private static boolean isGeometry(String name) {
        return name.equals("geometry") || name.equals("geom");
    }

    private static String describe(Expr.Operand operand) {
        if (operand instanceof Expr.Property p) {
            return "property " + p.name();
        }
        if (operand instanceof Expr.Literal l) {
            return "value " + l.value();
        }
        if (operand instanceof Expr.Instant i) {
            return "instant " + i.text();
        }
        return "a " + ((Expr.GeometryLiteral) operand).geometry().getGeometryType();
    }

}
