package cn.hetu.system;

/**
 * A value a rule of the registry refuses, told as a 400 (409 for a taken unique value) whose problem
 * body names the field ({@code field}, {@code pointer}, {@code parameter}) and the kind of rule as its
 * {@code code}: one of the field rules of {@link ErrorCode} ({@code required}, {@code too_small},
 * {@code duplicate}, ...). The message is in the reader's language.
 */
public class FieldRefusal extends ApiProblem {

    private final String field;

    private final Object limit;

    private final boolean exclusive;

    public FieldRefusal(String code, String field, String message) {
        this(code, field, message, null, false);
    }

    /** {@code limit}: the bound or length the value passed ({@code exclusive}: the bound itself is refused too). */
    public FieldRefusal(String code, String field, String message, Object limit, boolean exclusive) {
        super(ErrorCode.of(code), field, message);
        this.field = field;
        this.limit = limit;
        this.exclusive = exclusive;
        with("field", field);
        with("pointer", "/properties/" + field);
        if (limit != null) {
            with("limit", limit);
            with("exclusive", exclusive);
        }
    }

    public Object limit() {
        return limit;
    }

    public boolean exclusive() {
        return exclusive;
    }

    /** The rule's code as written in the body, e.g. {@code too_small}. */
    public String ruleCode() {
        return code().code();
    }

    public String field() {
        return field;
    }

    /** The explanation of a database refusal by its constraint, when the registry knows it. */
    public interface Explainer {

        /**
         * {@code sqlState} 23505 unique, 23514 check, 23502 not null, 23503 reference; {@code message} the
         * database's own text (read only for the transitions the lifecycle triggers refuse); null when unknown.
         */
        FieldRefusal explain(String sqlState, String table, String constraint, String column, String message);

    }

}
