package cn.hetu.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins slow guessing down, counted in the database so that every instance counts them
 * together: per account from one client address (a lock after 5 failures in a row), per account
 * from anywhere (after 20) and per client address whatever the account (after 30). A lock lasts 30
 * seconds and doubles with each failure after it, up to 15 minutes, so the real owner is never kept
 * out for longer; a success clears the account's counts, a day without failures clears the rest.
 * Sessions, tokens and Basic credentials verified before the lock keep working.
 */
@Component
class SignInThrottle {

    /** A sign-in refused without looking at the password, answered 429 with {@code Retry-After}. */
    static final class Locked extends AuthenticationException {

        private final long retryAfterSeconds;

        Locked(long retryAfterSeconds) {
            super("Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

    }

    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);

    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses (429) while the account, the address or the pair is locked. */
    void check(String username, String address) {
        jdbc.sql("SELECT ceil(extract(epoch FROM max(locked_until) - now()))::bigint FROM sign_in_throttle "
                + "WHERE key IN (?, ?, ?) AND locked_until > now()")
            .params(keys(username, address).stream().map(Key::name).toArray())
            .query(Long.class)
            .optional()
            .ifPresent(seconds -> {
                throw new Locked(Math.max(seconds, 1));
            });
    }

    /** Counts a failure against each key and locks those past their limit; both go to the audit. */
    void failed(String username, String address) {
        String who = printable(username);
        jdbc.sql("INSERT INTO sign_in_audit (username, client_address, event) VALUES (?, ?, 'failed')").params(who, address).update();
        for (Key key : keys(username, address)) {
            int failures = jdbc.sql("""
                    INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at) VALUES (?, 1, now())
                    ON CONFLICT (key) DO UPDATE SET
                        failures = CASE WHEN t.last_failure_at < now() - interval '1 day' THEN 1 ELSE t.failures + 1 END,
                        last_failure_at = now()
                    RETURNING failures""")
                .param(key.name())
                .query(Integer.class)
                .single();
            if (failures >= key.limit()) {
                Instant until = Instant.now().plus(lockFor(failures - key.limit()));
                jdbc.sql("UPDATE sign_in_throttle SET locked_until = ? WHERE key = ?")
                    .params(Timestamp.from(until), key.name())
                    .update();
                jdbc.sql("INSERT INTO sign_in_audit (username, client_address, event, locked_until) VALUES (?, ?, 'locked', ?)")
                    .params(who, address, Timestamp.from(until))
                    .update();
            }
        }
    }

    /** The owner got in: the account's counts start afresh (the address's do not). */
    void succeeded(String username, String address) {
        List<Key> keys = keys(username, address);
        jdbc.sql("DELETE FROM sign_in_throttle WHERE key IN (?, ?)").params(keys.get(0).name(), keys.get(1).name()).update();
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOldFailures() {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < now() - interval '1 day' "
                + "AND (locked_until IS NULL OR locked_until < now())").update();
    }

    private static Duration lockFor(int failuresPastLimit) {
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(failuresPastLimit, 10));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private record Key(String name, int limit) {
    }

    /** The pair, the account and the address; a user name that cannot be one counts for its address only. */
    private static List<Key> keys(String username, String address) {
        String account = AccountFields.isUsername(username) ? username.toLowerCase(Locale.ROOT) : "?";
        return List.of(new Key("pair:" + account + "@" + address, 5),
                new Key("account:" + account, account.equals("?") ? Integer.MAX_VALUE : 20), new Key("address:" + address, 30));
    }

    /** A user name as typed, fit for the audit: no control characters, at most 100 characters. */
    private static String printable(String username) {
        String clean = username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

}
