package cn.hetu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the session, so a token is good for its own session only: a value planted in
 * a cookie, or taken from another session, is refused. The {@code XSRF-TOKEN} cookie only carries the
 * session's token to the map application, which sends it back in {@code X-XSRF-TOKEN}. A session is
 * made for a token only where the application starts and signs in ({@code /api/v1/auth/}), so map
 * tiles and scripts make none.
 */
class SessionCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    private final CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();

    SessionCsrfTokens() {
        sessions.setHeaderName("X-XSRF-TOKEN");
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        boolean mayStartSession = request.getServletPath().startsWith("/api/v1/auth/")
                && request.getHeader("Authorization") == null;
        if (token != null && request.getSession(false) == null && !mayStartSession) {
            return;
        }
        sessions.saveToken(token, request, response);
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }

}
