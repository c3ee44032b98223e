package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.AUTH_TOKENS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Opaque bearer tokens: 256 random bits shown once, stored only as their SHA-256, expiring and revocable. */
public final class TokenService {

    private static final String PREFIX = "pxt_";
    private final SecureRandom random = new SecureRandom();
    private final DSLContext dsl;
    private final Clock clock;
    private final Duration lifetime;

    public TokenService(DSLContext dsl, Clock clock, Duration lifetime) {
        this.dsl = dsl;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Issues a token inside the caller's transaction and returns the raw value, the only time it exists. */
    public String issue(DSLContext tx, UUID userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.insertInto(AUTH_TOKENS)
                .set(AUTH_TOKENS.TOKEN_HASH, hash(token))
                .set(AUTH_TOKENS.USER_ID, userId)
                .set(AUTH_TOKENS.CREATED_AT, now)
                .set(AUTH_TOKENS.EXPIRES_AT, now.plus(lifetime))
                .execute();
        return token;
    }

    /** The active user behind a raw token, if it is known, unrevoked, unexpired and its account is active. */
    public Optional<Session> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        return dsl.select(USERS.ID, USERS.ROLE)
                .from(AUTH_TOKENS)
                .join(USERS)
                .on(USERS.ID.eq(AUTH_TOKENS.USER_ID))
                .where(AUTH_TOKENS.TOKEN_HASH.eq(hash))
                .and(AUTH_TOKENS.REVOKED_AT.isNull())
                .and(AUTH_TOKENS.EXPIRES_AT.gt(OffsetDateTime.now(clock)))
                .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                .fetchOptional(r -> new Session(r.value1(), r.value2(), hash));
    }

    public void revoke(String tokenHash) {
        dsl.update(AUTH_TOKENS)
                .set(AUTH_TOKENS.REVOKED_AT, OffsetDateTime.now(clock))
                .where(AUTH_TOKENS.TOKEN_HASH.eq(tokenHash))
                .and(AUTH_TOKENS.REVOKED_AT.isNull())
                .execute();
    }

    /** Removes every token of the user inside the caller's transaction (account deletion); answers how many. */
    public int deleteAllOf(DSLContext tx, UUID userId) {
        return tx.deleteFrom(AUTH_TOKENS).where(AUTH_TOKENS.USER_ID.eq(userId)).execute();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
