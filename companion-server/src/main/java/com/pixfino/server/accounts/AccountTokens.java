package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.ACCOUNT_TOKENS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The single-use tokens of links sent by mail: 256 random bits shown once (in the mail), stored only as their
 * SHA-256 with the address they went to, an expiry, and when they were used.
 */
final class AccountTokens {

    /** What a token is for; a token of one purpose is never accepted for another. */
    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD,
        /** Moves the account to the address the link was mailed to (the change of email). */
        CHANGE_EMAIL
    }

    /** A token that was valid and is now used up. */
    record Used(UUID userId, String email) {}

    private static final int MAX_LENGTH = 100;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    AccountTokens(Clock clock) {
        this.clock = clock;
    }

    /** A new token inside the caller's transaction; the raw value, the only time it exists. */
    String issue(DSLContext tx, UUID userId, Purpose purpose, String email, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.insertInto(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.TOKEN_HASH, Sha256.hex(token))
                .set(ACCOUNT_TOKENS.USER_ID, userId)
                .set(ACCOUNT_TOKENS.PURPOSE, purpose.name())
                .set(ACCOUNT_TOKENS.EMAIL, email)
                .set(ACCOUNT_TOKENS.CREATED_AT, now)
                .set(ACCOUNT_TOKENS.EXPIRES_AT, now.plus(lifetime))
                .execute();
        return token;
    }

    /**
     * Uses up {@code token} inside the caller's transaction when it is known, of this purpose, unused and unexpired;
     * two callers racing for one token: one gets it.
     */
    Optional<Used> use(DSLContext tx, String token, Purpose purpose) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return tx.update(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.USED_AT, now)
                .where(usable(token, purpose, now))
                .returning(ACCOUNT_TOKENS.USER_ID, ACCOUNT_TOKENS.EMAIL)
                .fetchOptional(r -> new Used(r.getUserId(), r.getEmail()));
    }

    /** The account {@code token} would act on if it were used now, without using it up. */
    Optional<UsersRecord> holder(DSLContext ctx, String token, Purpose purpose) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return ctx.select(USERS.fields())
                .from(ACCOUNT_TOKENS)
                .join(USERS)
                .on(USERS.ID.eq(ACCOUNT_TOKENS.USER_ID))
                .where(usable(token, purpose, OffsetDateTime.now(clock)))
                .fetchOptionalInto(USERS);
    }

    /** The address of the newest usable token of the user and purpose (the pending change of email), if any. */
    static Optional<String> pendingEmail(DSLContext ctx, UUID userId, Purpose purpose, OffsetDateTime now) {
        return ctx.select(ACCOUNT_TOKENS.EMAIL)
                .from(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.USER_ID.eq(userId))
                .and(ACCOUNT_TOKENS.PURPOSE.eq(purpose.name()))
                .and(ACCOUNT_TOKENS.USED_AT.isNull())
                .and(ACCOUNT_TOKENS.EXPIRES_AT.gt(now))
                .orderBy(ACCOUNT_TOKENS.CREATED_AT.desc())
                .limit(1)
                .fetchOptional(ACCOUNT_TOKENS.EMAIL);
    }

    // anything else is no token of ours: answered like an unknown one, without a query
    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }

    private static Condition usable(String token, Purpose purpose, OffsetDateTime now) {
        return ACCOUNT_TOKENS
                .TOKEN_HASH
                .eq(Sha256.hex(token.trim()))
                .and(ACCOUNT_TOKENS.PURPOSE.eq(purpose.name()))
                .and(ACCOUNT_TOKENS.USED_AT.isNull())
                .and(ACCOUNT_TOKENS.EXPIRES_AT.gt(now));
    }

    /** Marks every unused token of the user and purpose used (a new password ends the other reset links). */
    void useAll(DSLContext tx, UUID userId, Purpose purpose) {
        tx.update(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.USED_AT, OffsetDateTime.now(clock))
                .where(ACCOUNT_TOKENS.USER_ID.eq(userId))
                .and(ACCOUNT_TOKENS.PURPOSE.eq(purpose.name()))
                .and(ACCOUNT_TOKENS.USED_AT.isNull())
                .execute();
    }
}
