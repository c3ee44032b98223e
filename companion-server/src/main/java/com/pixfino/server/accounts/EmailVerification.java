package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimits;
import com.pixfino.server.mail.MailOutbox;
import com.pixfino.server.referrals.Referrals;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proving an account reads its address: a single-use link (48 h) mailed at sign-up and again on request (a few times
 * an hour); opening it sets {@code users.email_verified_at}. Buying and API keys wait for it, free credits do not.
 */
public final class EmailVerification {

    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);
    /** How long a verification link works. */
    public static final Duration LIFETIME = Duration.ofHours(48);

    private final DSLContext dsl;
    private final AccountLinks links;
    private final RateLimits limits;
    private final Referrals referrals;
    private final Clock clock;

    public EmailVerification(
            DSLContext dsl,
            MailOutbox outbox,
            RateLimits limits,
            Optional<URI> publicUrl,
            Referrals referrals,
            Clock clock) {
        this.dsl = dsl;
        this.links = new AccountLinks(outbox, publicUrl, clock);
        this.limits = limits;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Queues the verification mail inside the caller's transaction (sign-up). */
    void queue(DSLContext tx, UUID userId, String email, String name, URI requestBase) {
        links.mail(
                tx,
                userId,
                AccountTokens.Purpose.VERIFY_EMAIL,
                email,
                LIFETIME,
                requestBase,
                (base, token) -> AccountMails.verification(email, name, base, token));
    }

    /**
     * Mails a new link to the signed-in user's address.
     *
     * @throws DomainException CONFLICT {@code already_verified}; TOO_MANY_REQUESTS beyond the hourly allowance
     */
    public void resend(UUID userId, URI requestBase) {
        UsersRecord user = UserRows.existing(dsl, userId);
        if (user.getEmailVerifiedAt() != null) {
            throw DomainException.conflict(
                    "already_verified", "Your email address is verified already; there is nothing to confirm.");
        }
        limits.take(Budget.VERIFY_EMAIL_RESEND_PER_ACCOUNT, userId.toString());
        dsl.transaction(cfg -> queue(DSL.using(cfg), userId, user.getEmail(), user.getName(), requestBase));
        log.info("event=verification_mail_queued user={} reason=resend", userId);
    }

    /**
     * Verifies the address the token was mailed to, once.
     *
     * @return false when the token is unknown, used, expired, or went to an address the account no longer has
     */
    public boolean verify(String token) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Optional<AccountTokens.Used> used = links.use(tx, token, AccountTokens.Purpose.VERIFY_EMAIL);
            if (used.isEmpty()) {
                return false;
            }
            UUID userId = used.get().userId();
            int changed = tx.update(USERS)
                    .set(USERS.EMAIL_VERIFIED_AT, DSL.coalesce(USERS.EMAIL_VERIFIED_AT, OffsetDateTime.now(clock)))
                    .where(USERS.ID.eq(userId))
                    .and(USERS.EMAIL.eq(used.get().email()))
                    .execute();
            if (changed == 1) {
                log.info("event=email_verified user={}", userId);
                // one of the two events a referral reward waits for; the update above holds the user's row lock
                referrals.emailVerified(tx, userId);
            }
            return changed == 1;
        });
    }
}
