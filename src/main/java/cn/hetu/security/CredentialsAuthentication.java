package cn.hetu.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password, from the login form or HTTP Basic. The password may also be
 * one of the user's API tokens, which is how QGIS and scripts sign in without the real password.
 */
@Component
class CredentialsAuthentication implements AuthenticationProvider {

    private final AccountRepository accounts;

    private final ApiTokens tokens;

    private final PasswordEncoder passwords;

    /** Compared against when the user does not exist, so that timing does not tell which names do. */
    private final String decoyHash;

    CredentialsAuthentication(AccountRepository accounts, ApiTokens tokens, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy-password");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String secret = String.valueOf(request.getCredentials());
        HetuUser user = secret.startsWith(ApiTokens.PREFIX)
                ? tokens.authenticate(secret).filter(u -> u.username().equals(username)).orElse(null)
                : checkPassword(username, secret);
        if (user == null) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        return authenticated(user);
    }

    static UsernamePasswordAuthenticationToken authenticated(HetuUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    private HetuUser checkPassword(String username, String password) {
        Account account = accounts.findByUsername(username).orElse(null);
        if (account == null) {
            passwords.matches(password, decoyHash);
            return null;
        }
        boolean matches = passwords.matches(password, account.getPasswordHash());
        return matches && account.isEnabled() ? account.toUser() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
