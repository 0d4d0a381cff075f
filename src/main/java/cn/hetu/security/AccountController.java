package cn.hetu.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
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

import cn.hetu.catalog.Departments;
import cn.hetu.system.ErrorCode;
import cn.hetu.system.InvalidParameterException;
import cn.hetu.system.NotFoundException;
import cn.hetu.system.Refusal;

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

    record NewAccount(String username, String displayName, @NotEmpty Set<Role> roles, String department,
            String password) {
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

    private final LiveAccounts live;

    private final Departments departments;

    AccountController(AccountRepository accounts, PasswordEncoder passwords, LayerAccess access, ApiTokens tokens,
            LiveAccounts live, Departments departments) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.access = access;
        this.tokens = tokens;
        this.live = live;
        this.departments = departments;
    }

    @GetMapping
    List<AccountView> list() {
        return accounts.findAll().stream().map(AccountView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Created create(@RequestBody @Valid NewAccount request) {
        String username = AccountFields.username(request.username());
        String displayName = AccountFields.displayName(request.displayName());
        String department = department(request.department(), request.roles());
        boolean generated = request.password() == null || request.password().isBlank();
        String password = generated ? AdminBootstrap.randomPassword() : Passwords.checked(request.password(), username, "password");
        if (accounts.existsByUsernameIgnoreCase(username)) {
            throw new Refusal(ErrorCode.DUPLICATE,
                    "The user name '" + username + "' is taken (user names are the same whatever their case)", "username");
        }
        Account account = accounts.saveAndFlush(new Account(username, displayName, passwords.encode(password),
                request.roles(), department));
        live.changed(account.getId());
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
            account.setDisplayName(AccountFields.displayName(change.displayName()));
        }
        if (change.roles() != null) {
            if (change.roles().isEmpty()) {
                throw new InvalidParameterException("roles", "An account needs at least one role");
            }
            account.setRoles(change.roles());
        }
        if (change.department() != null) {
            account.setDepartment(change.department().isBlank() ? null : change.department());
        }
        account.setDepartment(department(account.getDepartment(), account.getRoles()));
        if (change.enabled() != null) {
            account.setEnabled(change.enabled());
        }
        live.changed(id);
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
        live.changed(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password-reset")
    @Transactional
    Created resetPassword(@PathVariable long id) {
        Account account = find(id);
        String password = AdminBootstrap.randomPassword();
        account.setPasswordHash(passwords.encode(password));
        Account saved = accounts.saveAndFlush(account);
        tokens.revokeAll(id);
        return new Created(AccountView.of(saved), password);
    }

    /** The department if it exists; an editor must have one. */
    private String department(String department, Set<Role> roles) {
        if (department == null || department.isBlank()) {
            if (roles.contains(Role.EDITOR)) {
                throw new InvalidParameterException("department", "An editor edits the assets of one department; name it");
            }
            return null;
        }
        if (!departments.exists(department)) {
            throw new InvalidParameterException("department", "There is no department '" + department + "'");
        }
        return department;
    }

    private Account find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("Account " + id + " does not exist"));
    }

}
