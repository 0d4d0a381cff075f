package cn.hetu.system;

import java.util.Arrays;

import org.springframework.http.HttpStatus;

/**
 * A request refused for a reason of its own kind (a conflict, a body too large, a media type, a
 * step not possible now), naming the request part at fault as {@code parameter} where there is one.
 */
public class Refusal extends ApiProblem {

    public Refusal(ErrorCode code, String detail, String parameter) {
        super(code, parameter, detail);
    }

    /** A refusal told by its status alone: the code is the vocabulary's first of that status; the title is the code's. */
    public Refusal(HttpStatus status, String title, String detail, String parameter) {
        super(codeOf(status), status, parameter, detail);
    }

    private static ErrorCode codeOf(HttpStatus status) {
        return switch (status) {
            case CONFLICT -> ErrorCode.CONFLICT;
            case UNPROCESSABLE_CONTENT -> ErrorCode.NOT_POSSIBLE;
            default -> Arrays.stream(ErrorCode.values()).filter(c -> c.status() == status).findFirst()
                .orElse(ErrorCode.INVALID_PARAMETER);
        };
    }

}
