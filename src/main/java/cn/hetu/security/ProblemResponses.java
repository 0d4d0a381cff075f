package cn.hetu.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import cn.hetu.system.ErrorCode;
import cn.hetu.system.Problems;

/**
 * 401 and 403 as problem details. Desktop GIS and scripts get a Basic challenge so they can ask
 * for credentials; the map application (which sends {@code X-Requested-With}) gets none, so the
 * browser shows Hetu's login page rather than its own password dialog. A locked sign-in is a 429
 * with {@code Retry-After}.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottle.Locked locked) {
            response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
            Problems.write(request, response, ErrorCode.RATE_LIMITED, e.getMessage());
            return;
        }
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Hetu\", charset=\"UTF-8\"");
        }
        Problems.write(request, response, ErrorCode.UNAUTHENTICATED, e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof MissingCsrfTokenException && request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid()) {
            // The session (and the CSRF token kept in it) has ended: sign in again, like any expired session.
            Problems.write(request, response, ErrorCode.UNAUTHENTICATED, "The session has ended; sign in again");
            return;
        }
        if (e instanceof CsrfException) {
            // The map application knows this code: it fetches the session's current token and tries once more.
            Problems.write(request, response, ErrorCode.CSRF_REFUSED, e.getMessage());
            return;
        }
        Problems.write(request, response, ErrorCode.FORBIDDEN, e.getMessage());
    }

}
