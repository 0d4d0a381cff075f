package cn.hetu.system;

/**
 * A write based on a version of a record that is no longer current. {@code precondition} marks a
 * stale {@code If-Match} (412); otherwise the version named in the body was stale (409).
 * {@code current} is the record as it is now, so the client can show both versions.
 */
public class EditConflict extends RuntimeException {

    private final boolean precondition;

    private final String current;

    public EditConflict(String message, boolean precondition, String current) {
        super(message);
        this.precondition = precondition;
        this.current = current;
    }

    public boolean precondition() {
        return precondition;
    }

    public String current() {
        return current;
    }

}
