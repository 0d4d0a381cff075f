package cn.hetu.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused with a status of its own (409, 413, 415, 422), answered as an RFC 9457 problem
 * by Spring's handling of {@link ErrorResponseException}: a title, the detail and, where one part
 * of the request is at fault, its name as {@code parameter}.
 */
public class Refusal extends ErrorResponseException {

    public Refusal(HttpStatus status, String title, String detail, String parameter) {
        super(status, problem(status, title, detail, parameter), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (parameter != null) {
            problem.setProperty("parameter", parameter);
        }
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

}
