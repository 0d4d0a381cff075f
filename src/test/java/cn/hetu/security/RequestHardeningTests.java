package cn.hetu.security;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, passwords and request bodies that used to end in a 500, a lock-out or a leak, now refused cleanly. */
@RegistryTest
class RequestHardeningTests {

    private static final String LONG_TITLE = "自然资源和规划局国土空间规划股李四";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usersWithLongChineseTitlesSignInAndStayInWhenRenamed() {
        String username = "natres.kongjian.guihua.lisi." + Long.toString(System.nanoTime(), 36);
        Http.Reply created = admin.post("/api/v1/accounts", account(username, LONG_TITLE, TestAccounts.PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http session = AccountCredentials.signIn(admin, username, TestAccounts.PASSWORD);
        assertThat(session.get("/api/v1/auth/me").json().get("displayName").asString()).isEqualTo(LONG_TITLE);
        long id = created.json().get("account").get("id").asLong();
        String renamed = LONG_TITLE + "（兼任自然资源和规划局耕地保护监督股副股长）";
        assertThat(admin.patch("/api/v1/accounts/" + id, "{\"displayName\":\"" + renamed + "\",\"version\":0}").status())
            .isEqualTo(200);
        assertThat(session.get("/api/v1/auth/me").json().get("displayName").asString()).isEqualTo(renamed);
        AccountCredentials.signIn(admin, username, TestAccounts.PASSWORD);
        assertThat(admin.as(username, TestAccounts.PASSWORD).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void namesOfTheWrongLengthOrShapeAreRefusedByName() {
        Http.Reply longDisplay = admin.post("/api/v1/accounts", account("too_long_title", "股".repeat(101), null));
        assertThat(longDisplay.status()).isEqualTo(400);
        assertThat(longDisplay.json().get("parameter").asString()).isEqualTo("displayName");
        Http.Reply longName = admin.post("/api/v1/accounts", account("x".repeat(65), "x", null));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("parameter").asString()).isEqualTo("username");
        assertThat(admin.post("/api/v1/me/tokens", "{\"name\":\"" + "令".repeat(101) + "\"}").status()).isEqualTo(400);
        Http.Reply badName = admin.post("/api/v1/accounts", account("李四", "李四", null));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("parameter").asString()).isEqualTo("username");
        Http.Reply unknownDepartment = admin.post("/api/v1/accounts",
                "{\"username\":\"nodept\",\"displayName\":\"x\",\"roles\":[\"editor\"],\"department\":\"nowhere\"}");
        assertThat(unknownDepartment.status()).isEqualTo(400);
        assertThat(unknownDepartment.json().get("parameter").asString()).isEqualTo("department");
    }

    @Test
    void userNamesAreUniqueWhateverTheirCase() {
        for (String name : List.of("ADMIN", "Admin", "aDmIn")) {
            Http.Reply reply = admin.post("/api/v1/accounts", account(name, "x", null));
            assertThat(reply.status()).as(name).isEqualTo(409);
            assertThat(reply.json().get("parameter").asString()).isEqualTo("username");
        }
    }

    @Test
    void problemBodiesNameNoDatabaseConstraint() {
        Http.Reply duplicate = admin.post("/api/v1/accounts", account("admin", "x", null));
        Http.Reply noDepartment = admin.post("/api/v1/accounts",
                "{\"username\":\"ed\",\"displayName\":\"x\",\"roles\":[\"editor\"]}");
        assertThat(noDepartment.status()).isEqualTo(400);
        for (Http.Reply reply : List.of(duplicate, noDepartment)) {
            assertThat(reply.body()).doesNotContain("account_", "_key", "_check", "constraint", "violates");
        }
    }

    @Test
    void trivialPasswordsAreRefusedOnCreateAndChange() {
        String username = "picky_" + Long.toString(System.nanoTime(), 36);
        TestAccounts.ensure(admin, username, List.of("viewer"), null);
        for (String weak : List.of("aaaaaaaaaa", "0123456789", "9876543210", "password12", "Password123", "qwertyuiop",
                "abababababab", "1234512345", username, username.toUpperCase() + "1", "abcdefghijk")) {
            String newName = weak.toLowerCase().contains(username) ? username : "weak_" + System.nanoTime();
            Http.Reply created = admin.post("/api/v1/accounts", account(newName, "x", weak));
            assertThat(created.status()).as(weak).isEqualTo(400);
            assertThat(created.json().get("parameter").asString()).isEqualTo("password");
            Http.Reply changed = admin.as(username, TestAccounts.PASSWORD).post("/api/v1/me/password",
                    "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"next\":\"" + weak + "\"}");
            assertThat(changed.status()).as(weak).isEqualTo(400);
        }
    }

    @Test
    void passwordsLongerThanBcryptTakesAreRefusedNotFailed() {
        String username = "longpw_" + Long.toString(System.nanoTime(), 36);
        TestAccounts.ensure(admin, username, List.of("viewer"), null);
        String tooLong = "长密码Mima-".repeat(8); // 8 x 14 bytes
        Http.Reply created = admin.post("/api/v1/accounts", account("long_" + System.nanoTime(), "x", tooLong));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().get("detail").asString()).contains("72");
        assertThat(admin.as(username, TestAccounts.PASSWORD).post("/api/v1/me/password",
                "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"next\":\"" + tooLong + "\"}").status()).isEqualTo(400);
        assertThat(admin.as(username, tooLong).get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(401);
        assertThat(AccountCredentials.login(admin.browser(), username, tooLong).status()).isEqualTo(401);
    }

    @Test
    void strangeBytesInBasicCredentialsAreA401() {
        for (String credentials : List.of("ad\u0000min:x", "admin\u0000:" + Http.ADMIN_PASSWORD, "\u0000:\u0000", "admin",
                ":", "x".repeat(5000) + ":y")) {
            String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            Http.Reply reply = admin.anonymous().get("/ogc/collections/sluice/items?limit=1", "Authorization", header);
            assertThat(reply.status()).as(credentials.length() > 20 ? "a long name" : credentials).isIn(400, 401);
        }
        assertThat(admin.anonymous().get("/api/v1/auth/me", "Authorization", "Basic %%%").status()).isIn(400, 401);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413() throws Exception {
        byte[] start = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] filler = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(filler, (byte) 'x');
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.base() + "/api/v1/me/tokens"))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new SequenceInputStream(new ByteArrayInputStream(start), new ByteArrayInputStream(filler))))
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anonymousHealthShowsOnlyTheStatus() {
        Http.Reply anonymous = admin.anonymous().get("/actuator/health");
        assertThat(anonymous.json().has("status")).isTrue();
        assertThat(anonymous.body()).doesNotContain("diskSpace", "path", "free", "total", "db");
        assertThat(admin.get("/actuator/health").body()).as("administrators see the details").contains("diskSpace");
    }

    @Test
    void theCsrfTokenBelongsToTheSession() {
        Http browser = AccountCredentials.signIn(admin, "admin", Http.ADMIN_PASSWORD);
        String session = browser.cookie("SESSION");
        Http.Reply forged = admin.anonymous().post("/api/v1/me/tokens", "{\"name\":\"forged\"}", "Cookie",
                "SESSION=" + session + "; XSRF-TOKEN=chosen-by-the-attacker", "X-XSRF-TOKEN", "chosen-by-the-attacker");
        assertThat(forged.status()).as("a token the attacker planted in a cookie").isEqualTo(403);
        Http other = AccountCredentials.signIn(admin, "admin", Http.ADMIN_PASSWORD);
        Http.Reply borrowed = admin.anonymous().post("/api/v1/me/tokens", "{\"name\":\"borrowed\"}", "Cookie",
                "SESSION=" + session + "; XSRF-TOKEN=" + other.cookie("XSRF-TOKEN"), "X-XSRF-TOKEN",
                other.cookie("XSRF-TOKEN"));
        assertThat(borrowed.status()).as("another session's token").isEqualTo(403);
        Http.Reply own = browser.post("/api/v1/me/tokens", "{\"name\":\"own\"}", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
    }

    @Test
    void aChangeAfterTheSessionEndedAsksToSignInAgain() {
        Http browser = AccountCredentials.signIn(admin, "admin", Http.ADMIN_PASSWORD);
        String sessionId = new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
        jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(sessionId).update();
        Http.Reply reply = browser.post("/api/v1/me/tokens", "{\"name\":\"late\"}", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"));
        assertThat(reply.status()).as("an expired session, not a forgery").isEqualTo(401);
    }

    @Test
    void linksFollowTheTrustedProxysHost() {
        Http.Reply landing = admin.get("/ogc?f=json", "X-Forwarded-Host", "maps.county.example", "X-Forwarded-Proto", "https");
        assertThat(landing.body()).contains("https://maps.county.example/ogc");
    }

    private static String account(String username, String displayName, String password) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\",\"roles\":[\"viewer\"]"
                + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}";
    }

}
