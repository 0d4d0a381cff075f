package cn.hetu.security;

import java.util.Arrays;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;


/**
 * Who may call what. Data endpoints are open to the filter chain for GET because {@link LayerAccess}
 * decides per collection (anonymous reading can be opened per collection); everything else needs a
 * signed-in user. Browsers use a session cookie with CSRF protection; scripts and desktop GIS use
 * HTTP Basic or a bearer token.
 */
@Configuration
class SecurityConfig {

    /** Lets the map use our own tiles, OpenStreetMap and Tianditu, and nothing else from outside. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://*.tile.openstreetmap.org "
            + "https://tile.openstreetmap.org https://*.tianditu.gov.cn; connect-src 'self'; font-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    @Bean
    AuthenticationManager authenticationManager(CredentialsAuthentication credentials) {
        return new ProviderManager(credentials);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new SessionCsrfTokens();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authentication, ApiTokens tokens,
            LiveAccounts accounts, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.authenticationManager(authentication)
            .securityContext(context -> context.securityContextRepository(contexts))
            .authorizeHttpRequests(requests -> requests
                // A streamed answer continues on an async dispatch of a request already authorised.
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/api/v1/auth/**", "/api/v1/config", "/api/v1/basemap/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/county").permitAll()
                .requestMatchers("/api/v1/county").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/ogc", "/ogc/**", "/tiles/**", "/api/v1/layers", "/api/v1/schemas", "/api/v1/symbology", "/api/v1/search",
                        "/api/v1/stats/counts", "/api/v1/departments").permitAll()
                .requestMatchers("/api/v1/accounts/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.PATCH, "/api/v1/collections/**").hasRole("ADMIN")
                .requestMatchers("/api/**", "/ogc/**", "/tiles/**").authenticated()
                // The map application's own files and the API documentation hold no registry data.
                .anyRequest().permitAll())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .formLogin(AbstractHttpConfigurer::disable)
            .requestCache(cache -> cache.disable())
            .logout(AbstractHttpConfigurer::disable)
            .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens).ignoringRequestMatchers(SecurityConfig::needsNoCsrfToken))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
            .addFilterAfter(new AccountCheck(accounts), BasicAuthenticationFilter.class)
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /**
     * CSRF tokens guard what a browser sends by itself: its session cookie and cached Basic
     * credentials. A bearer token is never sent by a browser on its own, a Basic request with a body
     * no HTML form can send cross-site (JSON, GeoJSON, merge patch) or with no body cannot be forged,
     * and a request without a session cookie has no session to ride on, so it meets the 401 of the
     * authorisation rules instead. A Basic request without a session cookie that carries a header of
     * our own ({@code X-Requested-With} or {@code X-XSRF-TOKEN}) cannot be forged either: a cross-site
     * form sends no headers, and a cross-site script may not (there is no CORS), so a script uploading a
     * form with Basic needs no session for a token. Signing in always needs the token, against login forgery.
     */
    static boolean needsNoCsrfToken(HttpServletRequest request) {
        if (request.getServletPath().equals("/api/v1/auth/login")) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return !hasSessionCookie(request);
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return true;
        }
        if (!hasSessionCookie(request)
                && (request.getHeader("X-Requested-With") != null || request.getHeader("X-XSRF-TOKEN") != null)) {
            return true;
        }
        String type = request.getContentType();
        if (type == null) {
            return request.getContentLengthLong() <= 0;
        }
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return !(MediaType.APPLICATION_FORM_URLENCODED.includes(mediaType)
                    || MediaType.MULTIPART_FORM_DATA.includes(mediaType) || MediaType.TEXT_PLAIN.includes(mediaType));
        }
        catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> c.getName().equals("SESSION"));
    }

}
