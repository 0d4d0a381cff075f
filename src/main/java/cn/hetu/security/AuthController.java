package cn.hetu.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hetu.catalog.Catalog;
import cn.hetu.catalog.Layer;

/** Signing in and out of the map application, and who is signed in. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    record LoginRequest(@NotBlank String username, @NotBlank String password) {
    }

    /** The current user and what they may change; {@code authenticated} is false for anonymous visitors. */
    record Me(boolean authenticated, String username, String displayName, Set<Role> roles, String department,
            List<String> editableCollections) {
    }

    private final AuthenticationManager authentication;

    private final SecurityContextRepository contexts;

    private final LayerAccess access;

    private final Catalog catalog;

    private final CsrfTokenRepository csrfTokens;

    AuthController(AuthenticationManager authentication, SecurityContextRepository contexts, LayerAccess access,
            Catalog catalog, CsrfTokenRepository csrfTokens) {
        this.authentication = authentication;
        this.contexts = contexts;
        this.access = access;
        this.catalog = catalog;
        this.csrfTokens = csrfTokens;
    }

    @GetMapping("/me")
    Me me() {
        return access.currentUser().map(this::describe).orElse(new Me(false, null, null, Set.of(), null, List.of()));
    }

    @PostMapping("/login")
    Me login(@RequestBody @Valid LoginRequest login, HttpServletRequest request,
            HttpServletResponse response) {
        Authentication result = authentication
            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password()));
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        newCsrfToken(request, response);
        return describe((HetuUser) result.getPrincipal());
    }

    @PostMapping("/logout")
    Me logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        newCsrfToken(request, response);
        return new Me(false, null, null, Set.of(), null, List.of());
    }

    /** A sign-in or sign-out starts a new CSRF token, which the next sign-in form sends. */
    private void newCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }

    private Me describe(HetuUser user) {
        List<String> editable = catalog.layers()
            .stream()
            .filter(layer -> LayerAccess.canEdit(user, layer, user.department()))
            .map(Layer::id)
            .toList();
        return new Me(true, user.username(), user.displayName(), user.roles(), user.department(), editable);
    }

}
