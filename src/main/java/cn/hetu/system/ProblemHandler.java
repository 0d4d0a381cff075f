package cn.hetu.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure inside Spring MVC with a problem body from {@link Problems}: Hetu's own
 * {@link ApiProblem}s, the database's refusals, and Spring's own errors (unknown route, method,
 * media type, unreadable body, missing or mistyped parameter), which the base class detects and
 * {@link #handleExceptionInternal} restamps with Hetu's type, code and title.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final FieldRefusal.Explainer explainer;

    ProblemHandler(FieldRefusal.Explainer explainer) {
        this.explainer = explainer;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ApiProblem e, HttpServletRequest request) {
        return answer(Problems.body(e, Problems.english(request)));
    }

    /**
     * A unique key taken (409), or a check, a missing value or a reference the database refused (400): told
     * by the field and the kind of rule where the registry's rules explain it, else by the column at fault or
     * the message of one of Hetu's own triggers (written for the client). The database's own message names
     * tables and constraints, so it stays in the log.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        ServerErrorMessage server = e.getMostSpecificCause() instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String state = server == null || server.getSQLState() == null ? "" : server.getSQLState();
        if (server != null) {
            FieldRefusal explained = explainer.explain(state, server.getTable(), server.getConstraint(), server.getColumn(),
                    server.getMessage());
            if (explained != null) {
                return refused(explained, request);
            }
        }
        log.info("Refused by the database: {}", firstLine(e.getMostSpecificCause().getMessage()));
        String column = server == null ? null : column(server);
        String detail;
        if (server != null && server.getWhere() != null && server.getWhere().contains("PL/pgSQL function")) {
            detail = server.getMessage();
        }
        else {
            String what = column == null ? "" : " (" + column + ")";
            detail = switch (state) {
                case "23505" -> "A record with the same key" + what + " already exists";
                case "23503" -> "The change refers to a record that does not exist, or one that others still refer to" + what;
                case "23502" -> "A required value is missing" + what;
                case "22001" -> "A value is longer than the registry allows" + what;
                default -> "A value breaks a rule of the registry" + what;
            };
        }
        ErrorCode code = state.equals("23505") ? ErrorCode.DUPLICATE : ErrorCode.INVALID;
        return answer(Problems.body(code, code.status(), detail, column, Problems.english(request)));
    }

    /** The column at fault: named by the server, in a duplicate key's detail, or inside a check's name (table_column_check). */
    private static String column(ServerErrorMessage server) {
        if (server.getColumn() != null) {
            return server.getColumn();
        }
        Matcher key = DUPLICATE_KEY.matcher(server.getDetail() == null ? "" : server.getDetail());
        if (key.find()) {
            return key.group(1);
        }
        String constraint = server.getConstraint();
        String table = server.getTable();
        if (constraint != null && table != null && constraint.startsWith(table + "_") && constraint.endsWith("_check")
                && constraint.length() > table.length() + "__check".length()) {
            return constraint.substring(table.length() + 1, constraint.length() - "_check".length());
        }
        return null;
    }

    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Key \\(([^)]+)\\)=");

    /** A query that ran past its statement timeout: the server is busy, the request may be tried again. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> timeout(QueryTimeoutException e, HttpServletRequest request) {
        return answer(Problems.body(ErrorCode.BUSY, HttpStatus.SERVICE_UNAVAILABLE,
                "The database took too long to answer; try again in a moment", null, Problems.english(request)));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e, HttpServletRequest request) {
        return answer(Problems.body(ErrorCode.EDIT_CONFLICT, HttpStatus.CONFLICT,
                "Someone else changed this record since you read it; reload it and apply your change again", null,
                Problems.english(request)));
    }

    /**
     * Anything unforeseen: logged in full, answered as a problem without internals; the database being
     * away is a 503 the client may retry (see {@link DatabaseOutage}).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // answered by Spring Security's entry point and access-denied handler
        }
        if (DatabaseOutage.isOutage(e)) {
            log.warn("The database cannot be reached: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(DatabaseOutage.problem(Problems.english(request)));
        }
        log.error("Unexpected failure", e);
        return answer(Problems.body(ErrorCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                "Hetu could not complete the request; the server log has the details", null, Problems.english(request)));
    }

    /** Spring's own errors, restamped with Hetu's type, code, title and the parameter concerned. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        BodySizeLimit.TooLarge tooLarge = BodySizeLimit.TooLarge.in(e);
        if (tooLarge != null) {
            // A body that passed the limit while being read (BodySizeLimit) reaches Spring as unreadable.
            status = HttpStatus.CONTENT_TOO_LARGE;
        }
        ErrorCode code = springCode(e, status);
        String detail = tooLarge != null ? tooLarge.getMessage()
                : body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail()
                : code.title(false);
        boolean english = Problems.english(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail problem = Problems.body(code, status, detail, parameterOf(e), english);
        HttpHeaders answerHeaders = new HttpHeaders();
        if (headers != null) {
            answerHeaders.putAll(headers);
        }
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(answerHeaders).body(problem);
    }

    private static ErrorCode springCode(Exception e, HttpStatusCode status) {
        if (e instanceof ServletRequestBindingException || e instanceof TypeMismatchException
                || e instanceof MissingServletRequestPartException || e instanceof MethodArgumentNotValidException
                || e instanceof HandlerMethodValidationException) {
            return ErrorCode.INVALID_PARAMETER;
        }
        if (e instanceof HttpMessageNotReadableException && status.value() == 400) {
            return ErrorCode.MALFORMED_BODY;
        }
        return ErrorCode.forStatus(status.value());
    }

    /** The parameter, header or part a Spring error names, if any. */
    private static String parameterOf(Exception e) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName();
        }
        if (e instanceof MissingRequestHeaderException header) {
            return header.getHeaderName();
        }
        if (e instanceof MissingServletRequestPartException part) {
            return part.getRequestPartName();
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return mismatch.getName();
        }
        return e instanceof TypeMismatchException mismatch ? mismatch.getPropertyName() : null;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "The database refused the change";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).replace("ERROR: ", "");
    }

}
