package cn.hetu.system;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-Forwarded-*} headers are believed only from a trusted proxy ({@code hetu.trusted-proxies},
 * addresses or CIDR ranges; loopback by default, for a proxy on the same machine). From one, links
 * and TileJSON URLs use its {@code X-Forwarded-Proto/Host/Port/Prefix}, and the client's address
 * (what sign-in throttling counts) is the last address in {@code X-Forwarded-For} that is not itself
 * a trusted proxy. From anyone else those headers are dropped, so nobody can choose the links Hetu
 * writes or pass for another address. {@code Forwarded} (RFC 7239) is not used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TrustedProxies extends OncePerRequestFilter {

    private static final Set<String> CLIENT_ADDRESS_HEADERS = Set.of("x-forwarded-for", "forwarded");

    private final List<IpAddressMatcher> proxies;

    private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();

    private final ForwardedHeaderFilter strip = new ForwardedHeaderFilter();

    TrustedProxies(@Value("${hetu.trusted-proxies:127.0.0.1,::1}") List<String> proxies) {
        this.proxies = proxies.stream().map(String::strip).filter(p -> !p.isEmpty()).map(IpAddressMatcher::new).toList();
        strip.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted(request.getRemoteAddr())) {
            honour.doFilter(new ProxiedRequest(request, client(request)), response, chain);
        }
        else {
            strip.doFilter(request, response, chain);
        }
    }

    /** The last address in X-Forwarded-For, read from the right, that is not a trusted proxy. */
    private String client(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        String header = request.getHeader("X-Forwarded-For");
        if (header == null) {
            return client;
        }
        String[] hops = header.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isAddress(hop)) {
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return isAddress(address) && proxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** An IP literal; anything else would make the matcher look a name up in DNS. */
    private static boolean isAddress(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9A-Fa-f:.]+"));
    }

    /** The request as the proxy received it from the client: its address, and no client address header left. */
    private static final class ProxiedRequest extends HttpServletRequestWrapper {

        private final String client;

        ProxiedRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getHeader(String name) {
            return CLIENT_ADDRESS_HEADERS.contains(name.toLowerCase()) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CLIENT_ADDRESS_HEADERS.contains(name.toLowerCase()) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames())
                .stream()
                .filter(name -> !CLIENT_ADDRESS_HEADERS.contains(name.toLowerCase()))
                .toList());
        }

    }

}
