package cn.hetu.system;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached, requests answer 503 with {@code Retry-After} as soon as the
 * pool gives up (its connection timeout is 2 seconds), not a 500. This filter catches what fails
 * outside the controllers (the session store, signing in); {@link ProblemHandler} what fails inside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutage extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | IOException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("The database cannot be reached: {}", e.getMessage());
            response.resetBuffer();
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            Problems.write(request, response, problem(Problems.english(request)));
        }
    }

    static ProblemDetail problem(boolean english) {
        return Problems.body(ErrorCode.DATABASE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached at the moment; try again in a few seconds", null, english);
    }

    /** True when this failure, or one of its causes, is a connection to PostgreSQL that could not be had or was lost. */
    static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            // Class 08: connection exceptions; 57P01-57P03: the server shutting down or starting up. The
            // pool says "Connection is closed", with no state, when a transaction is rolled back on a lost one.
            if (cause instanceof SQLException sql && (sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

}
