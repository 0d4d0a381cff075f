package cn.hetu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    private final SecureRandom random = new SecureRandom();

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

    Optional<HetuUser> authenticate(String token) {
        Optional<Long> accountId = jdbc.sql("""
                UPDATE api_token SET last_used_at = now()
                WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                RETURNING account_id""")
            .param(hash(token))
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
        return jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
            .params(tokenId, accountId)
            .update() == 1;
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
