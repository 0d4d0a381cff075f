package cn.hetu.security;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh account signed in the three ways Hetu knows: a browser's cookie session, a personal API
 * token and HTTP Basic. Tests change the account and watch each of them.
 */
record AccountCredentials(long id, String username, Http session, Http token, Http basic) {

    static AccountCredentials create(Http admin, JdbcClient jdbc, String prefix, List<String> roles) {
        String username = prefix + "_" + Long.toString(System.nanoTime(), 36);
        Http basic = TestAccounts.ensure(admin, username, roles, roles.contains("editor") ? "water" : null);
        long id = jdbc.sql("SELECT id FROM account WHERE username = ?").param(username).query(Long.class).single();
        String token = basic.post("/api/v1/me/tokens", "{\"name\":\"script\"}").json().get("token").asString();
        return new AccountCredentials(id, username, signIn(admin, username, TestAccounts.PASSWORD), admin.withToken(token),
                basic);
    }

    /** A browser (cookie jar, CSRF token) signed in through the login API like the map application. */
    static Http signIn(Http any, String username, String password) {
        Http browser = any.browser();
        Http.Reply reply = login(browser, username, password);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return browser;
    }

    /** The answer to signing in through the login API, with a CSRF token, from this browser. */
    static Http.Reply login(Http browser, String username, String password, String... headers) {
        browser.get("/api/v1/auth/me");
        String[] all = java.util.Arrays.copyOf(new String[] { "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN") }, 2 + headers.length);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return browser.post("/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", all);
    }

    List<Http> all() {
        return List.of(session, token, basic);
    }

    int version(JdbcClient jdbc) {
        return jdbc.sql("SELECT version FROM account WHERE id = ?").param(id).query(Integer.class).single();
    }

}
