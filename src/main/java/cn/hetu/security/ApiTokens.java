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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private final Cache<String, HetuUser> recent = Caffeine.newBuilder().expireAfterWrite(RECHECK).maximumSize(10_000).build();

    private final JdbcClient jdbc;

    private final AccountRepository accounts;

    ApiTokens(JdbcClient jdbc, AccountRepository accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    Created create(long accountId, String name, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("INSERT INTO api_token (account_id, name, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING id")
            .params(accountId, name, hash(token), expiresAt == null ? null : Timestamp.from(expiresAt))
            .query(Long.class)
            .single();
        return new Created(id, name, token);
    }

    /**
     * The user of a valid token. Tokens checked in the last {@link #RECHECK} are taken on trust,
     * so a map's burst of tile requests is not a burst of writes to {@code last_used_at}; a
     * revocation or an account change made here forgets them at once (on other instances of Hetu
     * it takes effect within that time).
     */
    Optional<HetuUser> authenticate(String token) {
        String hash = hash(token);
        HetuUser trusted = recent.getIfPresent(hash);
        if (trusted != null) {
            return Optional.of(trusted);
        }
        Optional<HetuUser> user = check(hash);
        user.ifPresent(u -> recent.put(hash, u));
        return user;
    }

    /**
     * After a revocation or a change to an account: every token is checked again on its next use.
     * Within a transaction also once it commits, lest a request in between trust the old rows again.
     */
    void forgetRecent() {
        recent.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    recent.invalidateAll();
                }
            });
        }
    }

    private Optional<HetuUser> check(String hash) {
        Optional<Long> accountId = jdbc.sql("""
                UPDATE api_token SET last_used_at = now()
                WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                RETURNING account_id""")
            .param(hash)
            .query(Long.class)
            .optional();
        return accountId.flatMap(accounts::findById).filter(Account::isEnabled).map(Account::toUser);
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
        forgetRecent();
        return revoked;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

}
