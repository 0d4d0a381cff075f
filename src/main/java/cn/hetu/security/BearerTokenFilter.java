package cn.hetu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a request that carries {@code Authorization: Bearer hetu_...}; a bad token is a 401 at once. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        LiveAccounts.Live account = tokens.authenticate(header.substring(7).trim()).orElse(null);
        if (account == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("The API token is unknown, expired or revoked"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AccountCheck.authenticated(account));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

}
