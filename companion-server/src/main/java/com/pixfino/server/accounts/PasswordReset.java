package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimitedException;
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
 * Forgot password and change password. A reset request is answered alike whether or not the address has an account
 * (a few mails an hour per address at most, silently); the mailed single-use link (30 minutes) sets a new password.
 * Either way of setting one signs out the sessions that knew the old one and mails a notice. API keys stay: they are
 * listed and revoked on their own.
 */
public final class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);
    /** How long a reset link works. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final String INVALID_TOKEN =
            "This password reset link is not valid: it was used already, it expired (links work for 30 minutes), or it"
                    + " was copied incompletely. Ask for a new one with \"Forgot password?\".";

    private static final CurrentPassword.Guard GUARD = new CurrentPassword.Guard(
            "password_change_failed",
            "Enter your current password (currentPassword) to choose a new one.",
            "The current password is wrong, so the password was not changed.");

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final CurrentPassword passwordCheck;
    private final TokenService sessions;
    private final AccountLinks links;
    private final MailOutbox outbox;
    private final RateLimits limits;
    private final Referrals referrals;
    private final Clock clock;

    public PasswordReset(
            DSLContext dsl,
            PasswordHasher hasher,
            TokenService sessions,
            MailOutbox outbox,
            RateLimits limits,
            Optional<URI> publicUrl,
            Referrals referrals,
            Clock clock) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.passwordCheck = new CurrentPassword(hasher, limits);
        this.sessions = sessions;
        this.links = new AccountLinks(outbox, publicUrl, clock);
        this.outbox = outbox;
        this.limits = limits;
        this.referrals = referrals;
        this.clock = clock;
    }

    /**
     * Mails a reset link when {@code rawEmail} belongs to an active account and the address has not had its mails
     * this hour; otherwise does nothing. The caller answers the same either way.
     *
     * @throws DomainException INVALID {@code invalid_email} when it is no email address at all; TOO_MANY_REQUESTS
     *     when this network asked too often
     */
    public void request(String rawEmail, String clientIp, URI requestBase) {
        limits.take(Budget.PASSWORD_RESET_PER_IP, clientIp);
        String email = Credentials.email(rawEmail);
        String emailHash = EmailHash.of(email);
        try {
            limits.take(Budget.PASSWORD_RESET_MAILS_PER_ACCOUNT, emailHash);
        } catch (RateLimitedException e) {
            log.info("event=password_reset_skipped email_hash={} reason=mails_per_hour", emailHash);
            return;
        }
        UsersRecord user = dsl.selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOne();
        if (user == null || user.getStatus() != AccountStatus.ACTIVE) {
            log.info("event=password_reset_skipped email_hash={} reason=no_active_account", emailHash);
            return;
        }
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            links.mail(
                    tx,
                    user.getId(),
                    AccountTokens.Purpose.RESET_PASSWORD,
                    email,
                    LIFETIME,
                    requestBase,
                    (base, token) -> AccountMails.passwordReset(email, user.getName(), base, token));
        });
        log.info("event=password_reset_mail_queued user={}", user.getId());
    }

    /**
     * Sets a new password with a mailed token: once, within 30 minutes. Every session of the account is revoked, the
     * other reset links stop working, the address counts as verified (the mail reached it) and a notice is mailed.
     *
     * @throws DomainException INVALID {@code invalid_token}, or {@code weak_password} (the token stays usable)
     */
    public void confirm(String token, String password) {
        UsersRecord user = holder(token).orElseThrow(PasswordReset::invalidToken);
        Credentials.password(password, user.getEmail());
        String hash = hasher.hash(password);
        UUID userId = user.getId();
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            AccountTokens.Used used = links.use(tx, token, AccountTokens.Purpose.RESET_PASSWORD)
                    .filter(u -> u.userId().equals(userId))
                    .orElseThrow(PasswordReset::invalidToken);
            OffsetDateTime now = OffsetDateTime.now(clock);
            int changed = tx.update(USERS)
                    .set(USERS.PASSWORD_HASH, hash)
                    .set(USERS.EMAIL_VERIFIED_AT, DSL.coalesce(USERS.EMAIL_VERIFIED_AT, now))
                    .where(USERS.ID.eq(userId))
                    .and(USERS.EMAIL.eq(used.email()))
                    .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                    .execute();
            if (changed != 1) {
                throw invalidToken();
            }
            links.useAll(tx, userId, AccountTokens.Purpose.RESET_PASSWORD);
            int revoked = sessions.revokeAllOf(tx, userId, null);
            outbox.queue(tx, userId, AccountMails.passwordChanged(used.email(), user.getName(), now));
            log.info("event=password_reset user={} sessions_revoked={}", userId, revoked);
            // a reset link opened proves the address too: one of the two events a referral reward waits for
            referrals.emailVerified(tx, userId);
        });
        sessions.forget(userId);
        limits.reset(Budget.FAILED_LOGINS_PER_ACCOUNT, EmailHash.of(user.getEmail()));
    }

    /**
     * Changes the signed-in user's password; the session {@code keepTokenHash} stays signed in, the others are
     * revoked, and a notice is mailed. A wrong current password counts as a failed sign-in for the email.
     *
     * @throws DomainException FORBIDDEN {@code wrong_password}; INVALID {@code weak_password} or
     *     {@code missing_password}
     */
    public void change(UUID userId, String keepTokenHash, String current, String next, String clientIp) {
        UsersRecord user = UserRows.existing(dsl, userId);
        passwordCheck.confirm(user, current, clientIp, GUARD);
        Credentials.password(next, user.getEmail());
        String hash = hasher.hash(next);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            OffsetDateTime now = OffsetDateTime.now(clock);
            tx.update(USERS)
                    .set(USERS.PASSWORD_HASH, hash)
                    .where(USERS.ID.eq(userId))
                    .execute();
            links.useAll(tx, userId, AccountTokens.Purpose.RESET_PASSWORD);
            int revoked = sessions.revokeAllOf(tx, userId, keepTokenHash);
            outbox.queue(tx, userId, AccountMails.passwordChanged(user.getEmail(), user.getName(), now));
            log.info("event=password_changed user={} sessions_revoked={}", userId, revoked);
        });
        sessions.forget(userId);
    }

    /** Whether {@code token} would reset a password now (the reset page asks before showing its form). */
    public boolean isUsable(String token) {
        return holder(token).isPresent();
    }

    /** The account a reset token would reset, without using it up (the password rules need its email). */
    private Optional<UsersRecord> holder(String token) {
        return links.holder(dsl, token, AccountTokens.Purpose.RESET_PASSWORD);
    }

    private static DomainException invalidToken() {
        return DomainException.invalid("invalid_token", INVALID_TOKEN);
    }
}
