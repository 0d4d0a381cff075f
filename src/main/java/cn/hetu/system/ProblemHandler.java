package cn.hetu.system;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps the application's exceptions to RFC 9457 problem details; Spring's own are handled by the base class. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    private final FieldRefusal.Explainer explainer;

    ProblemHandler(FieldRefusal.Explainer explainer) {
        this.explainer = explainer;
    }

    /**
     * A unique key taken (409), or a check, a missing value or a reference the database refused (400): told
     * by the field and the kind of rule where the registry's rules explain it, else by the column at fault or
     * the message of one of Hetu's own triggers (written for the client). The database's own message names
     * tables and constraints, so it stays in the log.
     */
    @ExceptionHandler
    ProblemDetail integrity(DataIntegrityViolationException e) {
        ServerErrorMessage server = e.getMostSpecificCause() instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String state = server == null || server.getSQLState() == null ? "" : server.getSQLState();
        if (server != null) {
            FieldRefusal explained = explainer.explain(state, server.getTable(), server.getConstraint(), server.getColumn(),
                    server.getMessage());
            if (explained != null) {
                return refused(explained);
            }
        }
        log.info("Refused by the database: {}", firstLine(e.getMostSpecificCause().getMessage()));
        String column = server == null ? null : column(server);
        boolean duplicate = state.equals("23505");
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(duplicate ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(duplicate ? "Already exists" : "Refused by a rule of the registry");
        problem.setProperty("code", duplicate ? "duplicate" : "invalid");
        if (column != null) {
            problem.setProperty("parameter", column);
        }
        return problem;
    }

    /** A value a rule refuses, with the field (as {@code field}, {@code pointer} and {@code parameter}) and a code. */
    @ExceptionHandler
    ProblemDetail refused(FieldRefusal e) {
        boolean duplicate = e.code().equals("duplicate");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(duplicate ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                e.getMessage());
        problem.setTitle(duplicate ? "Already exists" : "Refused by a rule of the registry");
        problem.setProperty("code", e.code());
        problem.setProperty("field", e.field());
        problem.setProperty("pointer", "/properties/" + e.field());
        problem.setProperty("parameter", e.field());
        if (e.limit() != null) {
            problem.setProperty("limit", e.limit());
            problem.setProperty("exclusive", e.exclusive());
        }
        return problem;
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

    /** A body that passed the limit while being read ({@link BodySizeLimit}) reaches Spring as unreadable. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        BodySizeLimit.TooLarge tooLarge = BodySizeLimit.TooLarge.in(e);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle("Request too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** A query that ran past its statement timeout: the server is busy, the request may be tried again. */
    @ExceptionHandler
    ProblemDetail timeout(QueryTimeoutException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database took too long to answer; try again in a moment");
        problem.setTitle("Busy");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Not allowed from the current status");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this record since you read it; reload it and apply your change again");
        problem.setTitle("Edit conflict");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail geometry(GeometryProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid geometry");
        problem.setProperty("parameter", e.parameter());
        if (e.location() != null) {
            problem.setProperty("location", e.location());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail conflict(EditConflict e) {
        HttpStatus status = e.precondition() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Edit conflict");
        if (e.current() != null) {
            problem.setProperty("current", new RawJson(e.current()));
        }
        return problem;
    }

    /** JSON text passed through into a problem document as it is. */
    record RawJson(@JsonRawValue @JsonValue String json) {
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    /**
     * Anything unforeseen: logged in full, answered as a problem without internals; the database being
     * away is a 503 the client may retry (see {@link DatabaseOutage}).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // answered by Spring Security's entry point and access-denied handler
        }
        if (DatabaseOutage.isOutage(e)) {
            log.warn("The database cannot be reached: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body(DatabaseOutage.problem());
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Hetu could not complete the request; the server log has the details");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "The database refused the change";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).replace("ERROR: ", "");
    }

}
