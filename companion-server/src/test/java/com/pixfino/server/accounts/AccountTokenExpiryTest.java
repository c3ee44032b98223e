package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static com.pixfino.server.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.limits.RateLimits;
import com.pixfino.server.mail.MailOutbox;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.TestServices;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Mailed links expire: a reset link after 30 minutes, a verification link after 48 hours (on a movable clock). */
class AccountTokenExpiryTest {

    private static final URI REQUEST_BASE = URI.create("http://127.0.0.1:7070");
    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

    @AutoClose
    private static final TestServices graph = TestServices.fresh(queue -> TestServices.idleQueue());

    private final MovableClock clock = new MovableClock(Instant.now());
    private final MailOutbox outbox = new MailOutbox(clock);
    private final RateLimits limits = new RateLimits(RateLimitSettings.unlimited(), clock);

    @Test
    void aResetLinkWorksForThirtyMinutesAndNotAfter() {
        PasswordReset reset = new PasswordReset(
                dsl(),
                new PasswordHasher(),
                graph.services().tokens(),
                outbox,
                limits,
                Optional.empty(),
                graph.services().referrals(),
                clock);
        UUID user = graph.userWithCredits(0);
        reset.request(email(user), "127.0.0.1", REQUEST_BASE);
        String expiring = latestToken(user, "password_reset", REQUEST_BASE + "/reset-password?token=");

        clock.advance(PasswordReset.LIFETIME.plusSeconds(1));
        assertThat(reset.isUsable(expiring)).isFalse();
        assertThatThrownBy(() -> reset.confirm(expiring, "Blue-Harbour-93"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_token"));

        reset.request(email(user), "127.0.0.1", REQUEST_BASE);
        String fresh = latestToken(user, "password_reset", REQUEST_BASE + "/reset-password?token=");
        clock.advance(PasswordReset.LIFETIME.minusMinutes(1));
        reset.confirm(fresh, "Blue-Harbour-93");
        assertThatThrownBy(() -> reset.confirm(fresh, "Other-Harbour-94"))
                .as("single use")
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_token"));
    }

    @Test
    void aVerificationLinkWorksForFortyEightHoursAndPointsAtThePublicUrl() {
        EmailVerification verification = new EmailVerification(
                dsl(),
                outbox,
                limits,
                Optional.of(URI.create("https://studio.pixfino.example")),
                graph.services().referrals(),
                clock);
        UUID user = graph.userWithCredits(0);
        verification.resend(user, REQUEST_BASE);
        String expiring = latestToken(user, "verify_email", "https://studio.pixfino.example/verify-email?token=");

        clock.advance(EmailVerification.LIFETIME.plusSeconds(1));
        assertThat(verification.verify(expiring)).isFalse();
        assertThat(verified(user)).isFalse();

        verification.resend(user, REQUEST_BASE);
        String fresh = latestToken(user, "verify_email", "https://studio.pixfino.example/verify-email?token=");
        clock.advance(EmailVerification.LIFETIME.minusMinutes(1));
        assertThat(verification.verify(fresh)).isTrue();
        assertThat(verified(user)).isTrue();
        assertThat(verification.verify(fresh)).as("single use").isFalse();
    }

    private static DSLContext dsl() {
        return graph.database().dsl();
    }

    private static String email(UUID user) {
        return dsl().select(USERS.EMAIL).from(USERS).where(USERS.ID.eq(user)).fetchOne(USERS.EMAIL);
    }

    private static boolean verified(UUID user) {
        return dsl().fetchExists(USERS, USERS.ID.eq(user).and(USERS.EMAIL_VERIFIED_AT.isNotNull()));
    }

    /** The token of the newest queued mail of {@code kind}, whose link must start with {@code linkStart}. */
    private static String latestToken(UUID user, String kind, String linkStart) {
        String text = dsl().select(MAIL_OUTBOX.TEXT_BODY)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.USER_ID.eq(user))
                .and(MAIL_OUTBOX.KIND.eq(kind))
                .and(MAIL_OUTBOX.TEXT_BODY.contains(linkStart))
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc())
                .limit(1)
                .fetchOne(MAIL_OUTBOX.TEXT_BODY);
        assertThat(text).contains(linkStart);
        Matcher m = TOKEN.matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
