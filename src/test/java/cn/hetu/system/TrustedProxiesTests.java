package cn.hetu.system;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** X-Forwarded-* count from a trusted proxy only; a client cannot choose its links or its address. */
class TrustedProxiesTests {

    private final TrustedProxies filter = new TrustedProxies(List.of("127.0.0.1", "10.1.0.0/16"));

    @Test
    void aTrustedProxyNamesTheHostAndTheClient() throws Exception {
        HttpServletRequest seen = pass(request("10.1.2.3", "203.0.113.9, 10.1.0.7"));
        assertThat(ServletUriComponentsBuilder.fromContextPath(seen).build().toUriString())
            .isEqualTo("https://maps.example.cn/hetu");
        assertThat(seen.getRemoteAddr()).as("the last hop before our proxies").isEqualTo("203.0.113.9");
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
    }

    @Test
    void aClientCannotPassForAnotherAddressThroughTheProxy() throws Exception {
        assertThat(pass(request("127.0.0.1", "1.2.3.4, 198.51.100.20")).getRemoteAddr()).isEqualTo("198.51.100.20");
        assertThat(pass(request("127.0.0.1", "evil.example.com")).getRemoteAddr()).isEqualTo("127.0.0.1");
    }

    @Test
    void anyoneElsesForwardedHeadersAreIgnored() throws Exception {
        for (String client : List.of("192.168.1.20", "10.2.0.1", "2001:db8::1")) {
            HttpServletRequest seen = pass(request(client, "127.0.0.1"));
            assertThat(ServletUriComponentsBuilder.fromContextPath(seen).build().toUriString())
                .isEqualTo("http://hetu.internal:8080");
            assertThat(seen.getRemoteAddr()).isEqualTo(client);
            assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
        }
    }

    private static MockHttpServletRequest request(String remoteAddress, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ogc");
        request.setServerName("hetu.internal");
        request.setServerPort(8080);
        request.setRemoteAddr(remoteAddress);
        request.addHeader("X-Forwarded-Host", "maps.example.cn");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Prefix", "/hetu");
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }

    private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

}
