package cn.hetu.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** A change to an account reaches its cookie sessions, tokens and Basic credentials on their next request. */
@RegistryTest
class AccountChangeTests {

    private static final String ADMIN_ONLY = "/api/v1/accounts";

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemotedAdministratorLosesAdministrationEverywhere() {
        AccountCredentials account = administrator("demoted");
        assertThat(admin.patch("/api/v1/accounts/" + account.id(),
                "{\"roles\":[\"viewer\"],\"version\":" + account.version(jdbc) + "}").status()).isEqualTo(200);
        for (Http credential : account.all()) {
            assertThat(credential.get(ADMIN_ONLY).status()).isIn(401, 403);
            assertThat(credential.post("/api/v1/accounts",
                    "{\"username\":\"made_after_demotion\",\"displayName\":\"x\",\"roles\":[\"admin\"]}").status())
                .isIn(401, 403);
        }
        assertThat(account.session().get("/api/v1/auth/me").json().get("authenticated").asBoolean())
            .as("a session made for the old roles is over").isFalse();
        assertThat(account.token().get("/api/v1/auth/me").json().get("roles").toString()).isEqualTo("[\"viewer\"]");
    }

    @Test
    void aMovedEditorNoLongerEditsTheOldDepartment() {
        AccountCredentials account = AccountCredentials.create(admin, jdbc, "moved", List.of("editor"));
        assertThat(account.session().get("/api/v1/auth/me").json().get("department").asString()).isEqualTo("water");
        assertThat(admin.patch("/api/v1/accounts/" + account.id(),
                "{\"department\":\"natres\",\"version\":" + account.version(jdbc) + "}").status()).isEqualTo(200);
        assertThat(account.session().get("/api/v1/auth/me").json().get("authenticated").asBoolean()).isFalse();
        assertThat(account.token().get("/api/v1/auth/me").json().get("department").asString()).isEqualTo("natres");
        assertThat(account.basic().get("/api/v1/auth/me").json().get("department").asString()).isEqualTo("natres");
    }

    @Test
    void aDisabledAccountIsRefusedEverywhere() {
        AccountCredentials account = administrator("disabled");
        assertThat(admin.patch("/api/v1/accounts/" + account.id(),
                "{\"enabled\":false,\"version\":" + account.version(jdbc) + "}").status()).isEqualTo(200);
        for (Http credential : account.all()) {
            assertThat(credential.get(ADMIN_ONLY).status()).isEqualTo(401);
            assertThat(credential.get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(401);
        }
    }

    @Test
    void aDeletedAccountIsRefusedEverywhere() {
        AccountCredentials account = administrator("deleted");
        assertThat(admin.delete("/api/v1/accounts/" + account.id()).status()).isEqualTo(204);
        for (Http credential : account.all()) {
            assertThat(credential.get(ADMIN_ONLY).status()).isEqualTo(401);
            assertThat(credential.post("/api/v1/accounts",
                    "{\"username\":\"made_after_deletion\",\"displayName\":\"x\",\"roles\":[\"admin\"]}").status())
                .as("refused (a cookie session without its CSRF token meets 403 first)").isIn(401, 403);
        }
    }

    @Test
    void aPasswordResetEndsEverySessionAndToken() {
        AccountCredentials account = administrator("reset");
        String password = admin.post("/api/v1/accounts/" + account.id() + "/password-reset", null).json()
            .get("password").asString();
        for (Http credential : account.all()) {
            assertThat(credential.get(ADMIN_ONLY).status()).isEqualTo(401);
        }
        assertThat(admin.as(account.username(), password).get(ADMIN_ONLY).status()).isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() {
        AccountCredentials account = administrator("own");
        Http other = AccountCredentials.signIn(admin, account.username(), TestAccounts.PASSWORD);
        Http.Reply changed = account.session().post("/api/v1/me/password",
                "{\"current\":\"" + TestAccounts.PASSWORD + "\",\"next\":\"Zhe-shi-xin-mima-7\"}", "X-XSRF-TOKEN",
                account.session().cookie("XSRF-TOKEN"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(account.session().get(ADMIN_ONLY).status()).as("the session that changed it").isEqualTo(200);
        assertThat(other.get(ADMIN_ONLY).status()).as("another session").isEqualTo(401);
        assertThat(account.token().get(ADMIN_ONLY).status()).as("a token").isEqualTo(401);
        assertThat(account.basic().get(ADMIN_ONLY).status()).as("the old password").isEqualTo(401);
        assertThat(admin.as(account.username(), "Zhe-shi-xin-mima-7").get(ADMIN_ONLY).status()).isEqualTo(200);
    }

    @Test
    void renamingAUserKeepsThemSignedIn() {
        AccountCredentials account = AccountCredentials.create(admin, jdbc, "renamed", List.of("viewer"));
        assertThat(admin.patch("/api/v1/accounts/" + account.id(),
                "{\"displayName\":\"自然资源和规划局国土空间规划股李四\",\"version\":" + account.version(jdbc) + "}").status())
            .isEqualTo(200);
        for (Http credential : account.all()) {
            Http.Reply me = credential.get("/api/v1/auth/me");
            assertThat(me.json().get("authenticated").asBoolean()).isTrue();
            assertThat(me.json().get("displayName").asString()).isEqualTo("自然资源和规划局国土空间规划股李四");
        }
    }

    private AccountCredentials administrator(String prefix) {
        AccountCredentials account = AccountCredentials.create(admin, jdbc, prefix, List.of("admin"));
        for (Http credential : account.all()) {
            assertThat(credential.get(ADMIN_ONLY).status()).isEqualTo(200);
        }
        return account;
    }

}
