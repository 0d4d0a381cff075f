package cn.hetu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hetu.system.ChangeNotices;

/**
 * Personal API tokens for scripts and desktop GIS. A token is {@code hetu_} and 43 random
 * characters; only its SHA-256 is stored, so a database dump reveals no usable token.
 */
@Component
class ApiTokens {

    static final String PREFIX = "hetu_";

    /** A new token: its text is in this answer and nowhere else. */
    record Created(long id, String name, String token) {
    }

    record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
    }

    private static final Duration RECHECK = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();

    /** Token hashes to the account they belong to, checked in the last {@link #RECHECK}. */
    private final Cache<String, Long> recent = Caffeine.newBuilder().expireAfterWrite(RECHECK).maximumSize(10_000).build();

    private final JdbcClient jdbc;

    private final LiveAccounts accounts;

    private final ChangeNotices notices;

    ApiTokens(JdbcClient jdbc, LiveAccounts accounts, ChangeNotices notices) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notices = notices;
        // A revoked token or a changed account, on any instance: every token is checked again on its next use.
        notices.listen(LiveAccounts.CHANNEL, account -> recent.invalidateAll());
    }

    Created create(long accountId, String name, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("INSERT INTO api_token (account_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING id")
            .params(accountId, name, sha256(token), expiresAt == null ? null : Timestamp.from(expiresAt))
            .query(Long.class)
            .single();
        return new Created(id, name, token);
    }

    /**
     * The user of a valid token, as the account is now. Tokens checked in the last {@link #RECHECK}
     * are taken on trust, so a map's burst of tile requests is not a burst of writes to
     * {@code last_used_at}; a revocation or an account change on any instance forgets them at once.
     */
    Optional<LiveAccounts.Live> authenticate(String token) {
        String hash = sha256(token);
        Long accountId = notices.listening() ? recent.getIfPresent(hash) : null;
        if (accountId == null) {
            accountId = check(hash).orElse(null);
            if (accountId == null) {
                return Optional.empty();
            }
            recent.put(hash, accountId);
        }
        return accounts.byId(accountId).filter(LiveAccounts.Live::enabled);
    }

    /** Ends every token of the account, as when its password changes. */
    void revokeAll(long accountId) {
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL").param(accountId).update();
        accounts.changed(accountId);
    }

    private Optional<Long> check(String hash) {
        return jdbc.sql("""
                UPDATE api_token SET last_used_at = now()
                WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                RETURNING account_id""")
            .param(hash)
            .query(Long.class)
            .optional();
    }

    List<TokenInfo> list(long accountId) {
        return jdbc.sql("""
                SELECT id, name, created_at, last_used_at, expires_at, revoked_at
                FROM api_token WHERE account_id = ? ORDER BY id""")
            .param(accountId)
            .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                    instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
            .list();
    }

    boolean revoke(long accountId, long tokenId) {
        boolean revoked = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
            .params(tokenId, accountId)
            .update() == 1;
        accounts.changed(accountId);
        return revoked;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The hex SHA-256 of the text's UTF-8 bytes. */
    static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

}
