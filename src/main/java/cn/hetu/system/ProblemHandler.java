package cn.hetu.system;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import org.slf4j.Logger;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
     * A unique key taken (409), or a check, a missing value or a reference the database refused (400):
     * told by the field and the kind of rule; the database's own message and constraint names stay in the log.
     */
    @ExceptionHandler
    ProblemDetail integrity(DataIntegrityViolationException e) {
        FieldRefusal explained = null;
        String sqlState = null;
        if (e.getMostSpecificCause() instanceof PSQLException sql && sql.getServerErrorMessage() != null) {
            ServerErrorMessage message = sql.getServerErrorMessage();
            sqlState = message.getSQLState();
            explained = explainer.explain(sqlState, message.getTable(), message.getConstraint(), message.getColumn(),
                    message.getMessage());
        }
        if (explained != null) {
            return refused(explained);
        }
        log.info("Refused by the database: {}", e.getMostSpecificCause().getMessage());
        boolean duplicate = "23505".equals(sqlState);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(duplicate ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                duplicate ? "A record with this value already exists" : "A rule of the registry refuses this value");
        problem.setTitle(duplicate ? "Already exists" : "Refused by a rule of the registry");
        problem.setProperty("code", duplicate ? "duplicate" : "invalid");
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

    /** Anything unforeseen: logged in full, answered as a problem without internals. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // answered by Spring Security's entry point and access-denied handler
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Hetu could not complete the request; the server log has the details");
        problem.setTitle("Internal error");
        return problem;
    }

}
