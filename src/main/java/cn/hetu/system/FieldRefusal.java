package cn.hetu.system;

/**
 * A value a rule of the registry refuses, told as a 400 (409 for a taken unique value) whose problem
 * body names the field ({@code field}, {@code pointer}) and the kind of rule with a stable {@code code}:
 * {@code required}, {@code blank}, {@code not_allowed}, {@code too_small}, {@code too_large},
 * {@code too_long}, {@code wrong_type}, {@code unknown_field}, {@code unknown_reference},
 * {@code duplicate}, {@code inconsistent}, {@code not_allowed_transition}, {@code invalid}. The message is in the reader's language.
 */
public class FieldRefusal extends RuntimeException {

    private final String code;

    private final String field;

    private final Object limit;

    private final boolean exclusive;

    public FieldRefusal(String code, String field, String message) {
        this(code, field, message, null, false);
    }

    /** {@code limit}: the bound or length the value passed ({@code exclusive}: the bound itself is refused too). */
    public FieldRefusal(String code, String field, String message, Object limit, boolean exclusive) {
        super(message);
        this.code = code;
        this.field = field;
        this.limit = limit;
        this.exclusive = exclusive;
    }

    public Object limit() {
        return limit;
    }

    public boolean exclusive() {
        return exclusive;
    }

    public String code() {
        return code;
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
