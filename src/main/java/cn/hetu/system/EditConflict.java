package cn.hetu.system;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.http.HttpStatus;

/**
 * A write based on a version of a record that is no longer current. {@code precondition} marks a
 * stale {@code If-Match} (412); otherwise the version named in the body was stale (409).
 * {@code current} is the record as it is now, so the client can show both versions.
 */
public class EditConflict extends ApiProblem {

    private final boolean precondition;

    private final String current;

    public EditConflict(String message, boolean precondition, String current) {
        super(ErrorCode.EDIT_CONFLICT, precondition ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT, null, message);
        this.precondition = precondition;
        this.current = current;
        with("current", current == null ? null : new RawJson(current));
    }

    public boolean precondition() {
        return precondition;
    }

    public String current() {
        return current;
    }

    /** JSON text passed through into a problem body as it is. */
    record RawJson(@JsonRawValue @JsonValue String json) {
    }

}
