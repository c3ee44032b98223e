package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.api.PendingEmailView;
import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimits;
import com.pixfino.server.mail.MailOutbox;
import com.pixfino.server.referrals.Referrals;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving an account to another address: the signed-in user confirms with the password, the new address gets a
 * single-use link (48 h, the verification page), and opening it applies the change (verified, as the mail reached it)
 * and tells the old address. A newer request replaces the pending one; the address stays the account's until then.
 */
public final class EmailChange {

    private static final Logger log = LoggerFactory.getLogger(EmailChange.class);
    private static final String UNIQUE_VIOLATION = "23505";

    /** What opening a change link did. */
    public enum Outcome {
        /** The account has the new address now. */
        APPLIED,
        /** Another account took the address after the change was asked for: nothing changed. */
        TAKEN,
        /** Not a usable change link (used, expired, replaced by a newer one, or not ours). */
        INVALID
    }

    /** The outcome and the address it is about (null when the link was not usable). */
    public record Result(Outcome outcome, String email) {}

    private static final CurrentPassword.Guard GUARD = new CurrentPassword.Guard(
            "email_change_failed",
            "Enter your current password (currentPassword) to change your email address.",
            "The current password is wrong, so the email address was not changed.");

    private final DSLContext dsl;
    private final CurrentPassword passwordCheck;
    private final AccountLinks links;
    private final MailOutbox outbox;
    private final RateLimits limits;
    private final Referrals referrals;
    private final Clock clock;

    public EmailChange(
            DSLContext dsl,
            PasswordHasher hasher,
            MailOutbox outbox,
            RateLimits limits,
            Optional<URI> publicUrl,
            Referrals referrals,
            Clock clock) {
        this.dsl = dsl;
        this.passwordCheck = new CurrentPassword(hasher, limits);
        this.links = new AccountLinks(outbox, publicUrl, clock);
        this.outbox = outbox;
        this.limits = limits;
        this.referrals = referrals;
        this.clock = clock;
    }

    /**
     * Mails a link to {@code rawNewEmail} that moves the account there; earlier pending links stop working.
     *
     * @throws DomainException INVALID {@code invalid_email}, {@code same_email} or {@code missing_password};
     *     FORBIDDEN {@code wrong_password} (counts as a failed sign-in); CONFLICT {@code email_taken};
     *     TOO_MANY_REQUESTS beyond a few requests an hour
     */
    public PendingEmailView request(
            UUID userId, String currentPassword, String rawNewEmail, String clientIp, URI requestBase) {
        UsersRecord user = UserRows.existing(dsl, userId);
        String email = newEmail(rawNewEmail);
        if (email.equals(user.getEmail())) {
            throw DomainException.invalid(
                    "same_email", "newEmail is the address your account has already; enter a different one.");
        }
        passwordCheck.confirm(user, currentPassword, clientIp, GUARD);
        if (dsl.fetchExists(USERS, USERS.EMAIL.eq(email))) {
            throw taken();
        }
        limits.take(Budget.EMAIL_CHANGE_PER_ACCOUNT, userId.toString());
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            links.useAll(tx, userId, AccountTokens.Purpose.CHANGE_EMAIL);
            links.mail(
                    tx,
                    userId,
                    AccountTokens.Purpose.CHANGE_EMAIL,
                    email,
                    EmailVerification.LIFETIME,
                    requestBase,
                    (base, token) -> AccountMails.emailChange(email, user.getName(), base, token));
        });
        log.info("event=email_change_requested user={} new_email_hash={}", userId, EmailHash.of(email));
        return new PendingEmailView(email);
    }

    /** Applies the change a mailed link asks for, once; the old address is told. */
    public Result apply(String token) {
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                Optional<AccountTokens.Used> used = links.use(tx, token, AccountTokens.Purpose.CHANGE_EMAIL);
                if (used.isEmpty()) {
                    return new Result(Outcome.INVALID, null);
                }
                UUID userId = used.get().userId();
                String email = used.get().email();
                UsersRecord user = tx.selectFrom(USERS)
                        .where(USERS.ID.eq(userId))
                        .forUpdate()
                        .fetchOne();
                if (user == null) {
                    return new Result(Outcome.INVALID, null);
                }
                if (tx.fetchExists(USERS, USERS.EMAIL.eq(email).and(USERS.ID.ne(userId)))) {
                    log.info("event=email_change_refused user={} reason=taken", userId);
                    return new Result(Outcome.TAKEN, email);
                }
                OffsetDateTime now = OffsetDateTime.now(clock);
                tx.update(USERS)
                        .set(USERS.EMAIL, email)
                        .set(USERS.EMAIL_VERIFIED_AT, now)
                        .where(USERS.ID.eq(userId))
                        .execute();
                // links mailed to the old address, and other pending changes, end with it
                for (AccountTokens.Purpose purpose : AccountTokens.Purpose.values()) {
                    links.useAll(tx, userId, purpose);
                }
                outbox.queue(tx, userId, AccountMails.emailChanged(user.getEmail(), user.getName(), email, now));
                log.info("event=email_changed user={}", userId);
                // the new address is verified by this: one of the two events a referral reward waits for
                referrals.emailVerified(tx, userId);
                return new Result(Outcome.APPLIED, email);
            });
        } catch (DataAccessException e) {
            // another account took the address between the check and the update: nothing changed
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                return new Result(Outcome.TAKEN, null);
            }
            throw e;
        }
    }

    /** The address a change waits on, inside the caller's query context. */
    static Optional<String> pending(DSLContext ctx, UUID userId, Clock clock) {
        return AccountTokens.pendingEmail(ctx, userId, AccountTokens.Purpose.CHANGE_EMAIL, OffsetDateTime.now(clock));
    }

    private static String newEmail(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid(
                    "invalid_email", "newEmail is required: the address to move your account to.");
        }
        try {
            return Credentials.email(raw);
        } catch (DomainException e) {
            throw DomainException.invalid(
                    "invalid_email",
                    "newEmail must be an email address like name@example.com; '" + Text.quote(raw.trim(), 60)
                            + "' is not one.");
        }
    }

    private static DomainException taken() {
        return DomainException.conflict(
                "email_taken", "Another account uses this email address already; choose a different one.");
    }
}
