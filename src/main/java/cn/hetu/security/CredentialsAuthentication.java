package cn.hetu.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a user name and password, from the login form or HTTP Basic. The password may also be
 * one of the user's API tokens, which is how QGIS and scripts sign in without the real password.
 * Failures go through {@link SignInThrottle}. A password bcrypt has verified is remembered for a few
 * minutes under a SHA-256 of the account, its security stamp and the password, so desktop GIS
 * sending Basic with every tile costs one bcrypt, not one per request; any change to the account
 * moves the stamp, and what was remembered no longer matches.
 */
@Component
class CredentialsAuthentication implements AuthenticationProvider {

    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final LiveAccounts accounts;

    private final ApiTokens tokens;

    private final PasswordEncoder passwords;

    private final SignInThrottle throttle;

    private final Cache<String, Boolean> verified = Caffeine.newBuilder().expireAfterWrite(REMEMBER).maximumSize(10_000).build();

    /** Compared against when the user does not exist, so that timing does not tell which names do. */
    private final String decoyHash;

    CredentialsAuthentication(LiveAccounts accounts, ApiTokens tokens, PasswordEncoder passwords, SignInThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.decoyHash = passwords.encode("decoy-password");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String secret = String.valueOf(request.getCredentials());
        if (secret.startsWith(ApiTokens.PREFIX)) {
            return tokens.authenticate(secret)
                .filter(account -> account.user().username().equalsIgnoreCase(username))
                .map(AccountCheck::authenticated)
                .orElseThrow(CredentialsAuthentication::refused);
        }
        Optional<LiveAccounts.Live> account = AccountFields.isUsername(username) ? accounts.byUsername(username)
                : Optional.empty();
        String remembered = account.map(a -> fingerprint(a, secret)).orElse(null);
        if (remembered != null && account.get().enabled() && verified.getIfPresent(remembered) != null) {
            return AccountCheck.authenticated(account.get());
        }
        String address = clientAddress();
        throttle.check(username, address);
        if (matches(secret, account.map(LiveAccounts.Live::passwordHash).orElse(decoyHash))
                && account.isPresent() && account.get().enabled()) {
            throttle.succeeded(username, address);
            verified.put(remembered, Boolean.TRUE);
            return AccountCheck.authenticated(account.get());
        }
        throttle.failed(username, address);
        throw refused();
    }

    private boolean matches(String password, String hash) {
        return Passwords.fitsBcrypt(password) && passwords.matches(password, hash);
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("Wrong user name or password");
    }

    private static String fingerprint(LiveAccounts.Live account, String password) {
        return ApiTokens.sha256(account.user().id() + "\u0000" + account.stamp() + "\u0000" + password);
    }

    /** The client's address, as the trusted proxy reported it (see {@code TrustedProxies}). */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
