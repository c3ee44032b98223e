package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.AUTH_TOKENS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.server.domain.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/**
 * Opaque bearer tokens: 256 random bits shown once, stored only as their SHA-256, expiring and revocable.
 * A resolved token is remembered for at most {@link #CACHE_TTL}, so a request costs no token query. A logout or
 * account deletion on this server takes effect at once; one on another server (their caches are not told) is honoured
 * here within the TTL at the latest.
 */
public final class TokenService {

    /** How long a resolved token is believed without asking the database again. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private static final String PREFIX = "pxt_";
    private static final int CACHE_LIMIT = 100_000;
    private final SecureRandom random = new SecureRandom();
    private final DSLContext dsl;
    private final Clock clock;
    private final Duration lifetime;
    private final ConcurrentHashMap<String, Remembered> resolved = new ConcurrentHashMap<>();
    // bumped by every invalidation: a look-up that overlapped one does not remember its (maybe stale) answer
    private final AtomicLong invalidations = new AtomicLong();

    private record Remembered(Session session, Instant until) {}

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
        Instant now = clock.instant();
        Remembered known = resolved.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.session());
        }
        long seen = invalidations.get();
        Optional<Remembered> found = dsl.select(USERS.ID, USERS.ROLE, AUTH_TOKENS.EXPIRES_AT)
                .from(AUTH_TOKENS)
                .join(USERS)
                .on(USERS.ID.eq(AUTH_TOKENS.USER_ID))
                .where(AUTH_TOKENS.TOKEN_HASH.eq(hash))
                .and(AUTH_TOKENS.REVOKED_AT.isNull())
                .and(AUTH_TOKENS.EXPIRES_AT.gt(now.atOffset(ZoneOffset.UTC)))
                .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                .fetchOptional(r -> new Remembered(
                        new Session(r.value1(), r.value2(), hash),
                        earlier(now.plus(CACHE_TTL), r.value3().toInstant())));
        if (found.isEmpty()) {
            resolved.remove(hash);
            return Optional.empty();
        }
        remember(hash, found.get(), seen, now);
        return Optional.of(found.get().session());
    }

    private void remember(String hash, Remembered entry, long seen, Instant now) {
        if (resolved.size() >= CACHE_LIMIT) {
            resolved.values().removeIf(r -> !now.isBefore(r.until()));
            if (resolved.size() >= CACHE_LIMIT) {
                resolved.clear();
            }
        }
        resolved.put(hash, entry);
        if (invalidations.get() != seen) {
            // a logout or deletion ran meanwhile and may have read-and-removed before this put: do not keep it
            resolved.remove(hash);
        }
    }

    public void revoke(String tokenHash) {
        dsl.update(AUTH_TOKENS)
                .set(AUTH_TOKENS.REVOKED_AT, OffsetDateTime.now(clock))
                .where(AUTH_TOKENS.TOKEN_HASH.eq(tokenHash))
                .and(AUTH_TOKENS.REVOKED_AT.isNull())
                .execute();
        invalidations.incrementAndGet();
        resolved.remove(tokenHash);
    }

    /**
     * Revokes every unrevoked token of the user inside the caller's transaction, but {@code keepHash} (null: all);
     * answers how many. The caller calls {@link #forget(UUID)} once that transaction has committed.
     */
    public int revokeAllOf(DSLContext tx, UUID userId, String keepHash) {
        forget(userId);
        var revoke = tx.update(AUTH_TOKENS)
                .set(AUTH_TOKENS.REVOKED_AT, OffsetDateTime.now(clock))
                .where(AUTH_TOKENS.USER_ID.eq(userId))
                .and(AUTH_TOKENS.REVOKED_AT.isNull());
        return keepHash == null
                ? revoke.execute()
                : revoke.and(AUTH_TOKENS.TOKEN_HASH.ne(keepHash)).execute();
    }

    /**
     * Removes every token of the user inside the caller's transaction (account deletion); answers how many. The
     * caller calls {@link #forget(UUID)} again once that transaction has committed.
     */
    public int deleteAllOf(DSLContext tx, UUID userId) {
        forget(userId);
        return tx.deleteFrom(AUTH_TOKENS).where(AUTH_TOKENS.USER_ID.eq(userId)).execute();
    }

    /** Drops every remembered token of the user on this server, so the next request asks the database. */
    public void forget(UUID userId) {
        invalidations.incrementAndGet();
        resolved.values().removeIf(r -> r.session().userId().equals(userId));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
