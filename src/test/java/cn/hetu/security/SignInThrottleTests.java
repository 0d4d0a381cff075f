package cn.hetu.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.Http;
import cn.hetu.RegistryTest;
import cn.hetu.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing passwords meets 429 and a growing lock, per account and per client address; the owner gets back in. */
@RegistryTest
class SignInThrottleTests {

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @Test
    void guessingOneAccountsPasswordLocksItForAGrowingTime() {
        String username = "guessed_" + Long.toString(System.nanoTime(), 36);
        TestAccounts.ensure(admin, username, List.of("viewer"), null);
        Http.Reply last = null;
        int unauthorized = 0;
        for (int i = 0; i < 50 && (last == null || last.status() != 429); i++) {
            last = admin.as(username, "wrong-guess-" + i).get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.1");
            unauthorized += last.status() == 401 ? 1 : 0;
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(unauthorized).isBetween(3, 10);
        long firstWait = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(firstWait).isPositive();
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(admin.as(username, TestAccounts.PASSWORD).get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.1")
            .status()).as("even the right password waits out the lock").isEqualTo(429);
        Http.Reply login = AccountCredentials.login(admin.browser(), username, "another-guess", "X-Forwarded-For", "198.51.100.1");
        assertThat(login.status()).as("the login page meets the same lock").isEqualTo(429);
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_audit WHERE username = ? AND event = 'locked'").param(username)
            .query(Long.class).single()).isPositive();

        expireLocks(username);
        Http.Reply again = admin.as(username, "one-more-guess").get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.1");
        Http.Reply locked = again.status() == 429 ? again
                : admin.as(username, "and-another").get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.1");
        assertThat(locked.status()).as("a failure after a lock locks again at once").isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).as("and for longer")
            .isGreaterThan(firstWait);

        expireLocks(username);
        assertThat(admin.as(username, TestAccounts.PASSWORD).get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.1")
            .json().get("authenticated").asBoolean()).as("the owner is back in once the lock ends").isTrue();
        assertThat(admin.as(username, "wrong-after-success").get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.1")
            .status()).as("a success starts the count afresh").isEqualTo(401);
    }

    @Test
    void guessingFromOneAddressLocksThatAddressOnly() {
        String attacker = "203.0.113." + (System.nanoTime() % 200 + 1);
        Http.Reply last = null;
        for (int i = 0; i < 60 && (last == null || last.status() != 429); i++) {
            last = admin.as("nobody_" + i + "_" + System.nanoTime(), "wrong-guess-" + i)
                .get("/api/v1/auth/me", "X-Forwarded-For", attacker);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        String owner = "spray_target_" + Long.toString(System.nanoTime(), 36);
        TestAccounts.ensure(admin, owner, List.of("viewer"), null);
        assertThat(admin.as(owner, TestAccounts.PASSWORD).get("/api/v1/auth/me", "X-Forwarded-For", attacker).status())
            .as("the locked address").isEqualTo(429);
        assertThat(admin.as(owner, TestAccounts.PASSWORD).get("/api/v1/auth/me", "X-Forwarded-For", "192.0.2.44").json()
            .get("authenticated").asBoolean()).as("another address").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_audit WHERE client_address = ?").param(attacker)
            .query(Long.class).single()).isGreaterThan(5);
    }

    @Test
    void tokensAndSessionsOfALockedAccountKeepWorking() {
        AccountCredentials account = AccountCredentials.create(admin, jdbc, "locked_out", List.of("viewer"));
        for (int i = 0; i < 40; i++) {
            admin.as(account.username(), "wrong-guess-" + i).get("/api/v1/auth/me", "X-Forwarded-For", "198.51.100.9");
        }
        assertThat(account.session().get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(200);
        assertThat(account.token().get("/ogc/collections/sluice/items?limit=1").status()).isEqualTo(200);
        assertThat(account.basic().get("/ogc/collections/sluice/items?limit=1").status())
            .as("a Basic credential verified before the lock").isEqualTo(200);
    }

    private void expireLocks(String username) {
        jdbc.sql("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second' WHERE key LIKE ?")
            .param("%" + username + "%")
            .update();
    }

}
