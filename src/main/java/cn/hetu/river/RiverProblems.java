package cn.hetu.river;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Refusals with their own status (413, 415, 422) and the request part they concern, answered as
 * RFC 9457 problem details by Spring's handling of {@link ErrorResponseException}.
 */
final class RiverProblems {

    static final class Refused extends ErrorResponseException {

        Refused(HttpStatus status, String title, String detail, String parameter) {
            super(status, problem(status, title, detail, parameter), null);
        }

        private static ProblemDetail problem(HttpStatus status, String title, String detail, String parameter) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setProperty("parameter", parameter);
            return problem;
        }

        @Override
        public String getMessage() {
            return getBody().getDetail();
        }

    }

    private RiverProblems() {
    }

    /** A refused photo upload; the problem names the multipart field {@code file}. */
    static Refused photo(HttpStatus status, String title, String detail) {
        return new Refused(status, title, detail, "file");
    }

    static Refused unprocessable(String parameter, String detail) {
        return new Refused(HttpStatus.UNPROCESSABLE_CONTENT, "Not possible as things are", detail, parameter);
    }

}
