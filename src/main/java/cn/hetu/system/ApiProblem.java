package cn.hetu.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The root of Hetu's refusals: a {@link ErrorCode}, the status (the code's own unless a subclass
 * says otherwise), the request part at fault ({@code parameter}, may be null) and further members
 * of the problem body. {@link Problems} turns it into the body; the message is its {@code detail}.
 */
public class ApiProblem extends RuntimeException {

    private final ErrorCode code;

    private final HttpStatus status;

    private final String parameter;

    private final Map<String, Object> members = new LinkedHashMap<>();

    public ApiProblem(ErrorCode code, String parameter, String message) {
        this(code, code.status(), parameter, message);
    }

    public ApiProblem(ErrorCode code, HttpStatus status, String parameter, String message) {
        super(message);
        this.code = code;
        this.status = status;
        this.parameter = parameter;
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }

    /** Adds a member to the body (a null value is left out). */
    protected final void with(String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
    }

    Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

}
