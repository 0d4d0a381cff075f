package cn.hetu.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static cn.hetu.system.SqlIdentifiers.quote;

/**
 * The one way Hetu builds the WHERE of a query: clauses joined with AND, every request value a bind
 * parameter, and every column named by a request first found in the catalogue ({@link #column}).
 * Clauses written in code name their columns themselves; nothing a request sends ever becomes SQL text.
 */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();

    private final List<Object> args = new ArrayList<>();

    public static Conditions where() {
        return new Conditions();
    }

    /** A clause written in code with one {@code ?} per value. */
    public Conditions add(String clause, Object... values) {
        return add(clause, List.of(values));
    }

    public Conditions add(String clause, List<?> values) {
        clauses.add(clause);
        args.addAll(values);
        return this;
    }

    /** Another condition, parenthesized; nothing for {@link Condition#ALL}. */
    public Conditions and(Condition condition) {
        return condition.sql().equals(Condition.ALL.sql()) ? this : add("(" + condition.sql() + ")", condition.args());
    }

    /** {@code column = ANY (?)}; nothing when no value is given. */
    public Conditions anyOf(String column, Collection<String> values) {
        return values == null || values.isEmpty() ? this : add(column + " = ANY (?)", (Object) values.toArray(String[]::new));
    }

    /** Any of the columns contains the text, case-insensitively, with LIKE's wildcards taken literally. */
    public Conditions containsText(String text, String... columns) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String pattern = "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<String> each = List.of(columns).stream().map(c -> c + " ILIKE ?").toList();
        return add(each.size() == 1 ? each.get(0) : "(" + String.join(" OR ", each) + ")",
                each.stream().map(c -> (Object) pattern).toList());
    }

    /** The catalogue's column of that name as SQL on the alias: the only way a requested name reaches SQL. */
    public static String column(String alias, Column column) {
        return alias + "." + quote(column.name());
    }

    public static String column(String alias, Layer layer, String name) {
        return column(alias, layer.column(name)
            .orElseThrow(() -> new IllegalArgumentException(layer.id() + " has no column " + name)));
    }

    public Condition build() {
        return clauses.isEmpty() ? Condition.ALL : new Condition(String.join(" AND ", clauses), args);
    }

}
