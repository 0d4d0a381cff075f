package cn.hetu.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import cn.hetu.edit.GeoJsonGeometry;
import cn.hetu.system.GeometryProblem;

/** Reads the JSON encoding of CQL2 ({"op": ..., "args": [...]}) into the same tree as the text encoding. */
final class Cql2Json {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

    private static final Set<String> SPATIAL = Set.of("s_intersects", "s_equals", "s_disjoint", "s_touches", "s_within",
            "s_overlaps", "s_crosses", "s_contains");

    private Cql2Json() {
    }

    static Expr parse(JsonNode node) {
        if (node.isBoolean()) {
            return new Expr.BooleanLiteral(node.asBoolean());
        }
        if (!node.isObject() || !node.path("op").isString()) {
            throw new Cql2Exception("expected an object with \"op\" and \"args\", got " + node);
        }
        String op = node.get("op").asString().toLowerCase(Locale.ROOT);
        JsonNode args = node.path("args");
        if (!args.isArray()) {
            throw new Cql2Exception("\"" + op + "\" needs an \"args\" array");
        }
        if (op.equals("and") || op.equals("or")) {
            List<Expr> parts = new ArrayList<>();
            args.forEach(arg -> parts.add(parse(arg)));
            if (parts.size() < 2) {
                throw new Cql2Exception("\"" + op + "\" needs at least two arguments");
            }
            return op.equals("and") ? new Expr.And(parts) : new Expr.Or(parts);
        }
        if (op.equals("not")) {
            return new Expr.Not(parse(arg(args, 0, op)));
        }
        if (COMPARISONS.contains(op)) {
            return new Expr.Compare(op, operand(arg(args, 0, op)), operand(arg(args, 1, op)));
        }
        if (SPATIAL.contains(op)) {
            return new Expr.Spatial(op, operand(arg(args, 0, op)), operand(arg(args, 1, op)));
        }
        return switch (op) {
            case "like" -> new Expr.Like(operand(arg(args, 0, op)), operand(arg(args, 1, op)));
            case "between" -> new Expr.Between(operand(arg(args, 0, op)), operand(arg(args, 1, op)),
                    operand(arg(args, 2, op)));
            case "in" -> new Expr.In(operand(arg(args, 0, op)), list(arg(args, 1, op)));
            case "isnull" -> new Expr.IsNull(operand(arg(args, 0, op)));
            default -> throw new Cql2Exception("unknown operator \"" + op + "\"");
        };
    }

    private static JsonNode arg(JsonNode args, int index, String op) {
        if (args.size() <= index) {
            throw new Cql2Exception("\"" + op + "\" needs " + (index + 1) + " or more arguments");
        }
        return args.get(index);
    }

    private static List<Expr.Operand> list(JsonNode array) {
        if (!array.isArray()) {
            throw new Cql2Exception("\"in\" needs a list as its second argument");
        }
        List<Expr.Operand> values = new ArrayList<>();
        array.forEach(value -> values.add(operand(value)));
        return values;
    }

    private static Expr.Operand operand(JsonNode node) {
        if (node.isString()) {
            return new Expr.Literal(node.asString());
        }
        if (node.isNumber()) {
            return new Expr.Literal(node.asDouble());
        }
        if (node.isBoolean()) {
            return new Expr.Literal(node.asBoolean());
        }
        if (node.has("property")) {
            return new Expr.Property(node.get("property").asString());
        }
        if (node.has("date")) {
            return new Expr.Instant(node.get("date").asString(), true);
        }
        if (node.has("timestamp")) {
            return new Expr.Instant(node.get("timestamp").asString(), false);
        }
        if (node.has("bbox")) {
            List<Double> numbers = new ArrayList<>();
            node.get("bbox").forEach(n -> numbers.add(n.asDouble()));
            return new Expr.GeometryLiteral(Geometries.bbox(numbers, Cql2Exception::new));
        }
        if (node.has("type") && (node.has("coordinates") || node.has("geometries"))) {
            try {
                return new Expr.GeometryLiteral(GeoJsonGeometry.read(node, Geometries.factory()));
            }
            catch (GeometryProblem e) {
                throw new Cql2Exception(e.getMessage());
            }
        }
        throw new Cql2Exception("cannot use " + node + " as a value");
    }

}
