package cn.hetu.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

@RegistryTest
class SecurityTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousReadingIsOffUntilACollectionIsOpened() {
        Http anonymous = admin.anonymous();
        Http.Reply refused = anonymous.get("/ogc/collections/sluice/items");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Http.Reply collections = anonymous.get("/ogc/collections");
        assertThat(collections.json().get("collections").size()).as(collections.body()).isZero();
        Http.Reply search = anonymous.get("/api/v1/search?q=" + encode("朱楼闸"));
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().isArray()).isTrue();
        assertThat(search.json().size()).isZero();
        try {
            assertThat(admin.patch("/api/v1/collections/sluice", "{\"publicRead\":true}").status()).isEqualTo(200);
            assertThat(anonymous.get("/ogc/collections/sluice/items").status()).isEqualTo(200);
            assertThat(anonymous.get("/ogc/collections/bridge/items").status()).isEqualTo(401);
            assertThat(anonymous.get("/tiles/sluice/8/210/102.mvt").status()).isIn(200, 204);
            assertThat(anonymous.get("/tiles/bridge/8/210/102.mvt").status()).isEqualTo(401);
            assertThat(anonymous.get("/api/v1/search?q=" + encode("朱楼闸")).json().get(0).get("name").asString())
                .isEqualTo("朱楼闸");
        }
        finally {
            admin.patch("/api/v1/collections/sluice", "{\"publicRead\":false}");
        }
        assertThat(anonymous.get("/ogc/collections/sluice/items").status()).isEqualTo(401);
        assertThat(anonymous.get("/tiles/sluice/8/210/102.mvt").status()).isEqualTo(401);
    }

    @Test
    void theMapApplicationGetsNoBasicChallenge() {
        Http.Reply reply = admin.anonymous().get("/ogc/collections/sluice/items", "X-Requested-With", "XMLHttpRequest");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void wrongPasswordsAndDisabledAccountsAreRefused() {
        assertThat(admin.as("admin", "not-the-password").get("/ogc/collections/sluice/items").status()).isEqualTo(401);
        assertThat(admin.as("nobody", "whatever-123").get("/ogc/collections/sluice/items").status()).isEqualTo(401);
        Http viewer = TestAccounts.ensure(admin, "leaver", List.of("viewer"), null);
        long id = jdbc.sql("SELECT id FROM account WHERE username = 'leaver'").query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM account WHERE id = ?").param(id).query(Integer.class).single();
        Http script = admin.withToken(viewer.post("/api/v1/me/tokens", "{\"name\":\"script\"}").json().get("token").asString());
        assertThat(script.get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/accounts/" + id, "{\"enabled\":false,\"version\":" + version + "}").status())
            .isEqualTo(200);
        assertThat(viewer.get("/ogc/collections/sluice/items").status()).isEqualTo(401);
        assertThat(script.get("/ogc/collections/sluice/items?limit=1").status())
            .as("a token just used is not trusted after its account is disabled").isEqualTo(401);
        assertThat(admin.patch("/api/v1/accounts/" + id, "{\"enabled\":true,\"version\":" + version + "}").status())
            .as("a stale version is refused").isEqualTo(409);
        admin.patch("/api/v1/accounts/" + id, "{\"enabled\":true,\"version\":" + (version + 1) + "}");
        assertThat(viewer.get("/ogc/collections/sluice/items").status()).isEqualTo(200);
    }

    @Test
    void personalTokensSignInScriptsAndDesktopGisUntilRevoked() {
        Http viewer = TestAccounts.viewer(admin);
        Http.Reply created = viewer.post("/api/v1/me/tokens", "{\"name\":\"QGIS\"}");
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).startsWith("hetu_");
        assertThat(admin.withToken(token).get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(200);
        assertThat(admin.as("viewer", token).get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(200);
        assertThat(admin.as("admin", token).get("/ogc/collections/sluice/items?limit=1").status())
            .as("a token signs in only its own user").isEqualTo(401);
        long tokenId = created.json().get("id").asLong();
        assertThat(viewer.delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(admin.withToken(token).get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(401);
        assertThat(admin.withToken("hetu_forged").get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = ?").param(token).query(Long.class).single())
            .as("the token itself is never stored").isZero();
    }

    @Test
    void theBrowserSignsInWithASessionCookieAndCsrfProtection() {
        Http browser = admin.browser();
        assertThat(browser.get("/api/v1/auth/me").json().get("authenticated").asBoolean()).isFalse();
        String login = "{\"username\":\"admin\",\"password\":\"" + Http.ADMIN_PASSWORD + "\"}";
        assertThat(browser.post("/api/v1/auth/login", login).status()).as("no CSRF token").isEqualTo(403);
        String csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).isNotBlank();
        Http.Reply signedIn = browser.post("/api/v1/auth/login", login, "X-XSRF-TOKEN", csrf);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().get("roles").get(0).asString()).isEqualTo("admin");
        assertThat(browser.get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(200);
        assertThat(browser.post("/api/v1/auth/logout", null, "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")).status())
            .isEqualTo(200);
        assertThat(browser.get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(401);
        assertThat(browser.post("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-password\"}",
                "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN")).status()).isEqualTo(401);
    }

    @Test
    void onlyAdministratorsManageAccountsAndCollections() {
        String account = "{\"username\":\"made_by_%s\",\"displayName\":\"x\",\"roles\":[\"viewer\"]}";
        for (Http user : List.of(TestAccounts.waterEditor(admin), TestAccounts.planner(admin), TestAccounts.viewer(admin),
                TestAccounts.riverChief(admin))) {
            assertThat(user.post("/api/v1/accounts", account.formatted("someone")).status()).isEqualTo(403);
            assertThat(user.get("/api/v1/accounts").status()).isEqualTo(403);
            assertThat(user.post("/api/v1/accounts/1/password-reset", null).status()).isEqualTo(403);
            assertThat(user.patch("/api/v1/accounts/1", "{\"enabled\":false,\"version\":0}").status()).isEqualTo(403);
            assertThat(user.patch("/api/v1/collections/sluice", "{\"publicRead\":true}").status()).isEqualTo(403);
        }
        Http anonymous = admin.anonymous();
        assertThat(anonymous.post("/api/v1/accounts", account.formatted("anonymous")).status()).isEqualTo(401);
        assertThat(anonymous.patch("/api/v1/collections/sluice", "{\"publicRead\":true}").status()).isEqualTo(401);
        Http.Reply created = admin.post("/api/v1/accounts", account.formatted("admin_" + System.nanoTime()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("password").asString()).as("a generated password is shown once").hasSize(16);
        assertThat(admin.post("/api/v1/accounts", "{\"username\":\"admin\",\"displayName\":\"x\",\"roles\":[\"viewer\"]}")
            .status()).as("duplicate user name").isEqualTo(409);
        assertThat(admin.post("/api/v1/accounts", "{\"username\":\"ed\",\"displayName\":\"x\",\"roles\":[\"editor\"]}")
            .status()).as("an editor needs a department").isEqualTo(400);
        long adminId = admin.get("/api/v1/accounts").json().get(0).get("id").asLong();
        assertThat(admin.patch("/api/v1/accounts/" + adminId, "{\"enabled\":false,\"version\":0}").status())
            .as("no administrator locks themselves out").isEqualTo(400);
        assertThat(admin.delete("/api/v1/accounts/" + adminId).status()).isEqualTo(400);
        long made = created.json().get("account").get("id").asLong();
        assertThat(TestAccounts.viewer(admin).delete("/api/v1/accounts/" + made).status()).isEqualTo(403);
        assertThat(admin.delete("/api/v1/accounts/" + made).status()).isEqualTo(204);
    }

    @Test
    void everyoneSignedInChangesTheirOwnPasswordOnly() {
        Http user = TestAccounts.ensure(admin, "changer", List.of("viewer"), null);
        assertThat(user.post("/api/v1/me/password", "{\"current\":\"wrong-one-1\",\"next\":\"another-password\"}").status())
            .isEqualTo(400);
        assertThat(user.post("/api/v1/me/password", "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"next\":\"short\"}")
            .status()).isEqualTo(400);
        assertThat(user.post("/api/v1/me/password",
                "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"next\":\"another-password\"}").status()).isEqualTo(204);
        assertThat(admin.as("changer", "another-password").get("/api/v1/auth/me").json().get("username").asString())
            .isEqualTo("changer");
        admin.as("changer", "another-password").post("/api/v1/me/password",
                "{\"current\":\"another-password\",\"next\":\"" + TestAccounts.PASSWORD + "\"}");
        assertThat(admin.anonymous().post("/api/v1/me/password", "{\"current\":\"a\",\"next\":\"b\"}").status())
            .isEqualTo(401);
    }

    @Test
    void injectionAttemptsInEveryParameterFindNothingAndBreakNothing() {
        List<String> attacks = List.of("' OR '1'='1", "x'); DROP TABLE sluice; --", "1; DELETE FROM sluice",
                "\" OR 1=1 --", "%' OR name LIKE '%");
        for (String attack : attacks) {
            String value = encode(attack);
            assertThat(admin.get("/ogc/collections/sluice/items?name=" + value).json().get("numberReturned").asInt()).isZero();
            assertThat(admin.get("/ogc/collections/sluice/items?status=" + value).json().get("numberReturned").asInt())
                .isZero();
            assertThat(admin.get("/api/v1/search?q=" + value).json().size()).isZero();
            assertThat(admin.get("/ogc/collections/sluice/items?bbox=" + value).status()).isEqualTo(400);
            assertThat(admin.get("/ogc/collections/sluice/items?limit=" + value).status()).isEqualTo(400);
            assertThat(admin.get("/ogc/collections/sluice/items?after=" + value).status()).isEqualTo(400);
            assertThat(admin.get("/ogc/collections/sluice/items?datetime=" + value).status()).isEqualTo(400);
            assertThat(admin.get("/ogc/collections/sluice/items?safety_class=" + value).status()).isEqualTo(400);
            assertThat(admin.get("/ogc/collections/" + value + "/items").status()).isIn(400, 404);
            assertThat(admin.get("/api/v1/changes?user=" + value).status()).isEqualTo(200);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM sluice WHERE code NOT LIKE 'GEN-%'").query(Long.class).single())
            .isGreaterThanOrEqualTo(38);
    }

    @Test
    void oversizedAndMalformedBodiesAreRefused() {
        String huge = "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        assertThat(admin.post("/api/v1/me/tokens", huge).status()).isEqualTo(413);
        Http.Reply malformed = admin.post("/api/v1/me/tokens", "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(admin.post("/api/v1/me/tokens", "{}").status()).as("a token needs a name").isEqualTo(400);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Http.Reply page = admin.anonymous().get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
            .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

}
