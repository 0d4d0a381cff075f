package cn.hetu.ogcapi;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds absolute links from the request's own base URL; behind a trusted proxy the {@code X-Forwarded-*}
 * headers are applied before this sees the request, and from anyone else dropped (system/TrustedProxies).
 */
final class Links {

    private final String base;

    private Links(String base) {
        this.base = base;
    }

    static Links of(HttpServletRequest request) {
        return new Links(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
    }

    String url(String path) {
        return base + path;
    }

    Link link(String path, String rel, String type, String title) {
        return new Link(url(path), rel, type, title);
    }

}
