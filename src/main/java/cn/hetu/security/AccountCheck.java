package cn.hetu.security;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request meets the account as it is now, on every instance: a session signed in before the
 * account's password, roles, department or status changed (its {@link Stamp} differs), or whose
 * account is disabled or gone, continues as anonymous, so what needs a user answers 401. A session
 * that is still good gets the account's current details (a new display name, say) for the request.
 */
class AccountCheck extends OncePerRequestFilter {

    /** The account's security stamp when the credentials were checked; kept with the sign-in in the session. */
    record Stamp(long value) implements Serializable {
    }

    private final LiveAccounts accounts;

    AccountCheck(LiveAccounts accounts) {
        this.accounts = accounts;
    }

    /** A signed-in user as the rest of the application sees them, stamped with the account's state. */
    static UsernamePasswordAuthenticationToken authenticated(LiveAccounts.Live account) {
        HetuUser user = account.user();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.authorities());
        authentication.setDetails(new Stamp(account.stamp()));
        return authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof HetuUser user) {
            Optional<LiveAccounts.Live> current = accounts.byId(user.id())
                .filter(LiveAccounts.Live::enabled)
                .filter(account -> authentication.getDetails() instanceof Stamp stamp && stamp.value() == account.stamp());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            current.ifPresent(account -> context.setAuthentication(authenticated(account)));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

}
