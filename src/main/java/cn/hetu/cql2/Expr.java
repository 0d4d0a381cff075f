package cn.hetu.cql2;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/** A parsed CQL2 filter, the same tree for the text and the JSON encoding. */
public sealed interface Expr {

    record And(List<Expr> args) implements Expr {
    }

    record Or(List<Expr> args) implements Expr {
    }

    record Not(Expr arg) implements Expr {
    }

    /** {@code op} is one of = <> < <= > >=. */
    record Compare(String op, Operand left, Operand right) implements Expr {
    }

    record Like(Operand value, Operand pattern) implements Expr {
    }

    record Between(Operand value, Operand low, Operand high) implements Expr {
    }

    record In(Operand value, List<Operand> list) implements Expr {
    }

    record IsNull(Operand value) implements Expr {
    }

    /** {@code function} is a CQL2 spatial function name in lower case, such as {@code s_intersects}. */
    record Spatial(String function, Operand left, Operand right) implements Expr {
    }

    record BooleanLiteral(boolean value) implements Expr {
    }

    /** What a predicate compares. */
    sealed interface Operand {
    }

    record Property(String name) implements Operand {
    }

    /** A string, number or boolean. */
    record Literal(Object value) implements Operand {
    }

    /** {@code DATE('...')} or {@code TIMESTAMP('...')}, kept as the text the filter gave. */
    record Instant(String text, boolean dateOnly) implements Operand {
    }

    /** A geometry literal in the filter CRS's axis order (WKT, GeoJSON or a bbox). */
    record GeometryLiteral(Geometry geometry) implements Operand {
    }

}
