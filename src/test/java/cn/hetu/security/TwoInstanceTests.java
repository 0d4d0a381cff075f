package cn.hetu.security;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hetu.HetuApplication;
import cn.hetu.Http;
import cn.hetu.RegistryTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of Hetu on one database, as behind a load balancer: what one of them changes about an
 * account or a collection holds on the other within a moment, whatever the other had cached.
 */
@RegistryTest
class TwoInstanceTests {

    /** How long the other instance may take to hear of a change (PostgreSQL NOTIFY). */
    private static final Duration PROPAGATION = Duration.ofSeconds(2);

    private static final String ADMIN_ONLY = "/api/v1/accounts";

    private static ConfigurableApplicationContext second;

    /** The second instance reaches PostgreSQL through this line, so that a test can take the database away from it. */
    private static CuttableLine line;

    @Autowired
    Http admin;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startASecondInstance(@Autowired Environment first) throws IOException {
        URI database = URI.create(first.getProperty("spring.datasource.url").substring("jdbc:".length()));
        line = new CuttableLine(database.getPort());
        // Command-line arguments, so that they win over the test configuration (default properties would not).
        second = new SpringApplicationBuilder(HetuApplication.class).run("--server.port=0", "--hetu.demo.load=false",
                "--hetu.admin-password=" + Http.ADMIN_PASSWORD, "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + line.port() + database.getPath());
    }

    @AfterAll
    static void stopIt() throws IOException {
        second.close();
        line.close();
    }

    @Test
    void aDemotionOnOneInstanceHoldsOnTheOther() {
        AccountCredentials account = administratorKnownToBoth("demoted2");
        assertThat(admin.patch("/api/v1/accounts/" + account.id(),
                "{\"roles\":[\"viewer\"],\"version\":" + account.version(jdbc) + "}").status()).isEqualTo(200);
        refusedOnBoth(account);
    }

    @Test
    void disablingOnTheSecondInstanceHoldsOnTheFirst() {
        AccountCredentials account = administratorKnownToBoth("disabled2");
        Http secondAdmin = Http.admin(second.getEnvironment());
        assertThat(secondAdmin.patch("/api/v1/accounts/" + account.id(),
                "{\"enabled\":false,\"version\":" + account.version(jdbc) + "}").status()).isEqualTo(200);
        refusedOnBoth(account);
    }

    @Test
    void aDeletionOnOneInstanceHoldsOnTheOther() {
        AccountCredentials account = administratorKnownToBoth("deleted2");
        assertThat(admin.delete("/api/v1/accounts/" + account.id()).status()).isEqualTo(204);
        refusedOnBoth(account);
    }

    @Test
    void aPasswordChangeOnOneInstanceHoldsOnTheOther() {
        AccountCredentials account = administratorKnownToBoth("password2");
        Http.Reply reset = admin.post("/api/v1/accounts/" + account.id() + "/password-reset", null);
        assertThat(reset.status()).isEqualTo(200);
        refusedOnBoth(account);
        Http secondAdmin = Http.admin(second.getEnvironment());
        assertThat(secondAdmin.as(account.username(), reset.json().get("password").asString()).get(ADMIN_ONLY).status())
            .isEqualTo(200);
    }

    @Test
    void closingPublicReadingOnOneInstanceClosesItOnTheOther() {
        Http anonymousOnSecond = Http.admin(second.getEnvironment()).anonymous();
        String items = "/ogc/collections/bridge/items?limit=1";
        assertThat(anonymousOnSecond.get(items).status()).isEqualTo(401);
        try {
            assertThat(admin.patch("/api/v1/collections/bridge", "{\"publicRead\":true}").status()).isEqualTo(200);
            assertThat(eventually(() -> anonymousOnSecond.get(items).status() == 200)).as("opened on the second").isTrue();
        }
        finally {
            admin.patch("/api/v1/collections/bridge", "{\"publicRead\":false}");
        }
        assertThat(eventually(() -> anonymousOnSecond.get(items).status() == 401)).as("closed on the second").isTrue();
        assertThat(anonymousOnSecond.get("/tiles/bridge/8/210/102.mvt").status()).isEqualTo(401);
    }

    @Test
    void duringADatabaseOutageRequestsAnswer503Promptly() throws IOException {
        Http secondAdmin = Http.admin(second.getEnvironment());
        Http session = AccountCredentials.signIn(secondAdmin, "admin", Http.ADMIN_PASSWORD);
        line.cut();
        try {
            for (Http client : List.of(secondAdmin, secondAdmin.as("nobody_here", "some-password-1"), session)) {
                long start = System.nanoTime();
                Http.Reply reply = client.get(secondBase() + "/ogc/collections/sluice/items?limit=1");
                assertThat(reply.status()).as(reply.body()).isEqualTo(503);
                assertThat(reply.headers().firstValue("Retry-After")).isPresent();
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            }
        }
        finally {
            line.mend();
        }
        assertThat(eventually(Duration.ofSeconds(15), () -> secondAdmin.get("/ogc/collections/sluice/items?limit=1").status() == 200))
            .as("back once the database is").isTrue();
    }

    /** An administrator whose session, token and Basic credential have each been used on both instances. */
    private AccountCredentials administratorKnownToBoth(String prefix) {
        AccountCredentials account = AccountCredentials.create(admin, jdbc, prefix, List.of("admin"));
        for (Http credential : account.all()) {
            assertThat(credential.get(ADMIN_ONLY).status()).isEqualTo(200);
            assertThat(credential.get(secondBase() + ADMIN_ONLY).status()).as("on the second instance").isEqualTo(200);
        }
        return account;
    }

    private void refusedOnBoth(AccountCredentials account) {
        for (Http credential : account.all()) {
            for (String base : List.of(admin.base(), secondBase())) {
                assertThat(eventually(() -> credential.get(base + ADMIN_ONLY).status() != 200))
                    .as("%s on %s", credential == account.session() ? "session" : credential == account.token() ? "token" : "Basic", base)
                    .isTrue();
            }
        }
    }

    private String secondBase() {
        return Http.admin(second.getEnvironment()).base();
    }

    /** Polls until the condition holds, for at most {@link #PROPAGATION}. */
    private static boolean eventually(Supplier<Boolean> condition) {
        return eventually(PROPAGATION, condition);
    }

    private static boolean eventually(Duration bound, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (condition.get()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

}
