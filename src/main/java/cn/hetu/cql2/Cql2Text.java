package cn.hetu.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A recursive-descent parser for CQL2 text: comparisons, AND/OR/NOT, LIKE, BETWEEN, IN, IS NULL,
 * the spatial functions with WKT or BBOX literals, and DATE/TIMESTAMP literals. Errors name the
 * character position where the filter stops making sense.
 */
final class Cql2Text {

    private static final Set<String> GEOMETRY_KEYWORDS = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private final String text;

    private int position;

    private Cql2Text(String text) {
        this.text = text;
    }

    static Expr parse(String text) {
        Cql2Text parser = new Cql2Text(text);
        Expr expr = parser.or();
        parser.skipSpace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.position) + "'");
        }
        return expr;
    }

    private Expr or() {
        List<Expr> args = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            args.add(and());
        }
        return args.size() == 1 ? args.get(0) : new Expr.Or(args);
    }

    private Expr and() {
        List<Expr> args = new ArrayList<>(List.of(not()));
        while (keyword("AND")) {
            args.add(not());
        }
        return args.size() == 1 ? args.get(0) : new Expr.And(args);
    }

    private Expr not() {
        return keyword("NOT") ? new Expr.Not(not()) : primary();
    }

    private Expr primary() {
        if (symbol("(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        String word = peekWord();
        if (word != null && word.toUpperCase(Locale.ROOT).matches("S_(INTERSECTS|EQUALS|DISJOINT|TOUCHES|WITHIN|OVERLAPS|CROSSES|CONTAINS)")) {
            keyword(word);
            expect("(");
            Expr.Operand left = operand();
            expect(",");
            Expr.Operand right = operand();
            expect(")");
            return new Expr.Spatial(word.toLowerCase(Locale.ROOT), left, right);
        }
        if (keyword("TRUE")) {
            return new Expr.BooleanLiteral(true);
        }
        if (keyword("FALSE")) {
            return new Expr.BooleanLiteral(false);
        }
        return predicate(operand());
    }

    private Expr predicate(Expr.Operand left) {
        for (String op : new String[] { "<>", "<=", ">=", "=", "<", ">" }) {
            if (symbol(op)) {
                return new Expr.Compare(op, left, operand());
            }
        }
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            expectKeyword("NULL");
            Expr isNull = new Expr.IsNull(left);
            return negated ? new Expr.Not(isNull) : isNull;
        }
        boolean negated = keyword("NOT");
        Expr result;
        if (keyword("LIKE")) {
            result = new Expr.Like(left, operand());
        }
        else if (keyword("BETWEEN")) {
            Expr.Operand low = operand();
            expectKeyword("AND");
            result = new Expr.Between(left, low, operand());
        }
        else if (keyword("IN")) {
            expect("(");
            List<Expr.Operand> list = new ArrayList<>(List.of(operand()));
            while (symbol(",")) {
                list.add(operand());
            }
            expect(")");
            result = new Expr.In(left, list);
        }
        else {
            throw error("expected a comparison, LIKE, BETWEEN, IN or IS NULL");
        }
        return negated ? new Expr.Not(result) : result;
    }

    private Expr.Operand operand() {
        skipSpace();
        if (position >= text.length()) {
            throw error("the filter ends where a value or property was expected");
        }
        char c = text.charAt(position);
        if (c == '\'') {
            return new Expr.Literal(string());
        }
        if (c == '"') {
            int end = text.indexOf('"', position + 1);
            if (end < 0) {
                throw error("unclosed quoted property name");
            }
            String name = text.substring(position + 1, end);
            position = end + 1;
            return new Expr.Property(name);
        }
        if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
            return new Expr.Literal(number());
        }
        String word = peekWord();
        if (word == null) {
            throw error("expected a value or a property name");
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            keyword(word);
            return new Expr.Literal(upper.equals("TRUE"));
        }
        if (upper.equals("DATE") || upper.equals("TIMESTAMP")) {
            keyword(word);
            expect("(");
            skipSpace();
            String value = string();
            expect(")");
            return new Expr.Instant(value, upper.equals("DATE"));
        }
        if (upper.equals("BBOX")) {
            keyword(word);
            expect("(");
            List<Double> numbers = new ArrayList<>(List.of(number()));
            while (symbol(",")) {
                numbers.add(number());
            }
            expect(")");
            return new Expr.GeometryLiteral(Geometries.bbox(numbers, this::error));
        }
        if (GEOMETRY_KEYWORDS.contains(upper)) {
            return new Expr.GeometryLiteral(wkt());
        }
        keyword(word);
        return new Expr.Property(word);
    }

    /** A WKT literal: the keyword and its balanced parentheses, read by JTS. */
    private Geometry wkt() {
        int start = position;
        int depth = 0;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '(') {
                depth++;
            }
            else if (c == ')' && --depth == 0) {
                break;
            }
        }
        if (depth != 0) {
            throw new Cql2Exception("at position " + (start + 1) + ": the geometry's parentheses do not close");
        }
        try {
            return new WKTReader(new GeometryFactory()).read(text.substring(start, position));
        }
        catch (ParseException | IllegalArgumentException e) {
            // JTS refuses rings of fewer than 4 points or open rings with an IllegalArgumentException
            throw new Cql2Exception("at position " + (start + 1) + ": " + e.getMessage());
        }
    }

    private String string() {
        StringBuilder value = new StringBuilder();
        int start = position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\'') {
                if (position < text.length() && text.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                    continue;
                }
                return value.toString();
            }
            value.append(c);
        }
        throw new Cql2Exception("at position " + (start + 1) + ": unclosed string");
    }

    private double number() {
        skipSpace();
        int start = position;
        while (position < text.length() && "+-.0123456789eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        try {
            return Double.parseDouble(text.substring(start, position));
        }
        catch (NumberFormatException e) {
            position = start;
            throw error("expected a number");
        }
    }

    private String peekWord() {
        skipSpace();
        int end = position;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == ':' || text.charAt(end) == '.')) {
            end++;
        }
        return end == position ? null : text.substring(position, end);
    }

    private boolean keyword(String word) {
        String next = peekWord();
        if (next != null && next.equalsIgnoreCase(word)) {
            position += next.length();
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        if (!keyword(word)) {
            throw error("expected " + word);
        }
    }

    private boolean symbol(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Cql2Exception error(String message) {
        return new Cql2Exception("at position " + (position + 1) + ": " + message);
    }

}
