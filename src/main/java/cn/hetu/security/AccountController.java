package cn.hetu.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;

/** Account administration, for administrators only (see {@link SecurityConfig}). */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    record AccountView(long id, String username, String displayName, Set<Role> roles, String department,
            boolean enabled, Instant createdAt, int version) {

        static AccountView of(Account a) {
            return new AccountView(a.getId(), a.getUsername(), a.getDisplayName(), a.getRoles(), a.getDepartment(),
                    a.isEnabled(), a.getCreatedAt(), a.getVersion());
        }
    }

    record NewAccount(@NotBlank String username, @NotBlank String displayName, @NotEmpty Set<Role> roles,
            String department, String password) {
    }

    /** The fields to change; absent ones stay. {@code version} is the version the client saw. */
    record AccountChange(String displayName, Set<Role> roles, String department, Boolean enabled, int version) {
    }

    /** A new account or a reset: the password is returned this once when Hetu chose it. */
    record Created(AccountView account, String password) {
    }

    private final AccountRepository accounts;

    private final PasswordEncoder passwords;

    private final ApiTokens tokens;

    private final LayerAccess access;

    AccountController(AccountRepository accounts, PasswordEncoder passwords, LayerAccess access, ApiTokens tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.access = access;
        this.tokens = tokens;
    }

    @GetMapping
    List<AccountView> list() {
        return accounts.findAll().stream().map(AccountView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody @Valid NewAccount request) {
        boolean generated = request.password() == null || request.password().isBlank();
        String password = generated ? AdminBootstrap.randomPassword() : Passwords.checked(request.password());
        Account account = accounts.saveAndFlush(new Account(request.username(), request.displayName(),
                passwords.encode(password), request.roles(), request.department()));
        return new Created(AccountView.of(account), generated ? password : null);
    }

    @PatchMapping("/{id}")
    @Transactional
    AccountView change(@PathVariable long id, @RequestBody AccountChange change) {
        Account account = find(id);
        boolean self = account.getId() == access.requireUser().id();
        if (self && (Boolean.FALSE.equals(change.enabled())
                || (change.roles() != null && !change.roles().contains(Role.ADMIN)))) {
            throw new InvalidParameterException("roles",
                    "You cannot disable your own account or take away your own admin role; ask another administrator");
        }
        if (account.getVersion() != change.version()) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        if (change.displayName() != null) {
            account.setDisplayName(change.displayName());
        }
        if (change.roles() != null) {
            account.setRoles(change.roles());
        }
        if (change.department() != null) {
            account.setDepartment(change.department().isBlank() ? null : change.department());
        }
        if (change.enabled() != null) {
            account.setEnabled(change.enabled());
        }
        tokens.forgetRecent();
        return AccountView.of(accounts.saveAndFlush(account));
    }

    /** Removes an account; its changes stay in the audit trail under its user name. */
    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable long id) {
        Account account = find(id);
        if (account.getId() == access.requireUser().id()) {
            throw new InvalidParameterException("id", "You cannot delete your own account");
        }
        accounts.delete(account);
        tokens.forgetRecent();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password-reset")
    @Transactional
    Created resetPassword(@PathVariable long id) {
        Account account = find(id);
        String password = AdminBootstrap.randomPassword();
        account.setPasswordHash(passwords.encode(password));
        return new Created(AccountView.of(accounts.saveAndFlush(account)), password);
    }

    private Account find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account " + id + " does not exist"));
    }

}
