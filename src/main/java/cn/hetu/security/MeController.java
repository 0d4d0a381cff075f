package cn.hetu.security;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** What every signed-in user manages for themselves: their password and their API tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    record PasswordChange(@NotBlank String current, @NotBlank String next) {
    }

    record NewToken(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    private final LayerAccess access;

    private final AccountRepository accounts;

    private final PasswordEncoder passwords;

    private final ApiTokens tokens;

    private final LiveAccounts live;

    private final SecurityContextRepository contexts;

    MeController(LayerAccess access, AccountRepository accounts, PasswordEncoder passwords, ApiTokens tokens,
            LiveAccounts live, SecurityContextRepository contexts) {
        this.access = access;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.live = live;
        this.contexts = contexts;
    }

    /**
     * A new password ends every other session and every API token of the account (a leaked password
     * may have made them); the session that changed it goes on.
     */
    @PostMapping("/password")
    @Transactional
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody @Valid PasswordChange change, HttpServletRequest request,
            HttpServletResponse response) {
        Account account = accounts.findById(access.requireUser().id()).orElseThrow();
        if (!Passwords.fitsBcrypt(change.current()) || !passwords.matches(change.current(), account.getPasswordHash())) {
            throw new InvalidParameterException("current", "The current password is wrong");
        }
        account.setPasswordHash(passwords.encode(Passwords.checked(change.next(), account.getUsername(), "next")));
        accounts.saveAndFlush(account);
        tokens.revokeAll(account.getId());
        if (request.getSession(false) != null) {
            long stamp = live.securityStamp(account.getId());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(AccountCheck.authenticated(
                    new LiveAccounts.Live(account.toUser(), account.getPasswordHash(), account.isEnabled(), stamp)));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenInfo> tokens() {
        return tokens.list(access.requireUser().id());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Created createToken(@RequestBody @Valid NewToken request) {
        return tokens.create(access.requireUser().id(), request.name(), request.expiresAt());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable long id) {
        if (!tokens.revoke(access.requireUser().id(), id)) {
            throw new NotFoundException("You have no active token " + id);
        }
    }

}
