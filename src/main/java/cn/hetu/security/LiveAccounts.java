package cn.hetu.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.system.ChangeNotices;

/**
 * Each account as it is now, asked of the database once and then kept until any instance changes
 * the account (the {@code hetu_account} notice of migration V15), so that checking every request of a
 * session, token or Basic credential against it costs nothing. While notices are not heard, nothing
 * is kept.
 */
@Component
class LiveAccounts {

    static final String CHANNEL = "hetu_account";

    /** An account's state; {@code stamp} moves on with every change to its password, roles, department or status. */
    record Live(HetuUser user, String passwordHash, boolean enabled, long stamp) {
    }

    /** A safety net only: notices make entries go at once. */
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Cache<Long, Optional<Live>> byId = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000).build();

    /** User names (in lower case) to ids; the state itself always comes from {@link #byId}. */
    private final Cache<String, Optional<Long>> byName = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000).build();

    private final JdbcClient jdbc;

    private final ChangeNotices notices;

    LiveAccounts(JdbcClient jdbc, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
        notices.listen(CHANNEL, this::forget);
    }

    Optional<Live> byId(long id) {
        return cached(byId, id, () -> jdbc.sql("""
                SELECT id, username, display_name, roles, department, enabled, password_hash, security_stamp
                FROM account WHERE id = ?""")
            .param(id)
            .query(LiveAccounts::live)
            .optional());
    }

    /** The account's stamp as stored now, past the cache: a password change has just moved it. */
    long securityStamp(long id) {
        return jdbc.sql("SELECT security_stamp FROM account WHERE id = ?").param(id).query(Long.class).single();
    }

    /** By user name, whatever its case. */
    Optional<Live> byUsername(String username) {
        return cached(byName, username.toLowerCase(Locale.ROOT),
                () -> jdbc.sql("SELECT id FROM account WHERE lower(username) = lower(?)").param(username).query(Long.class).optional())
            .flatMap(this::byId)
            .filter(live -> live.user().username().equalsIgnoreCase(username));
    }

    /** After this instance changed or made the account; other instances hear of it from the database. */
    void changed(long id) {
        notices.announceHere(CHANNEL, Long.toString(id));
    }

    private void forget(String id) {
        if (id == null) {
            byId.invalidateAll();
        }
        else {
            byId.invalidate(Long.parseLong(id));
        }
        byName.invalidateAll();
    }

    private <K, V> Optional<V> cached(Cache<K, Optional<V>> cache, K key, Supplier<Optional<V>> load) {
        if (!notices.listening()) {
            return load.get();
        }
        return cache.get(key, k -> load.get());
    }

    private static Live live(ResultSet rs, int row) throws SQLException {
        HetuUser user = new HetuUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.setOf((String[]) rs.getArray("roles").getArray()), rs.getString("department"));
        return new Live(user, rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getLong("security_stamp"));
    }

}
