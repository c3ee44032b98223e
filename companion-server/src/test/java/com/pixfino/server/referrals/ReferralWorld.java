package com.pixfino.server.referrals;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static com.pixfino.server.db.jooq.Tables.REFERRALS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.Services;
import com.pixfino.server.generation.StoredOutput;
import com.pixfino.server.settings.PlatformSettings;
import com.pixfino.server.testsupport.TestServices;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The two referral events as they really happen, on a service graph whose job queue is idle: opening the mailed
 * verification link ({@link com.pixfino.server.accounts.EmailVerification#verify}) and a generation completing
 * ({@link com.pixfino.server.generation.GenerationStore#complete}), plus the facts a test checks afterwards.
 */
final class ReferralWorld {

    static final String PASSWORD = "correct-Horse-7";
    private static final Pattern TOKEN = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_\\-]+)");

    private final TestServices graph;
    private final long preset;

    ReferralWorld(TestServices graph) {
        this.graph = graph;
        this.preset = graph.presetId("linkedin-headshot");
    }

    Services services() {
        return graph.services();
    }

    DSLContext db() {
        return graph.database().dsl();
    }

    void settings(boolean enabled, int credits, int cap) {
        db().transaction(cfg -> services()
                .platformSettings()
                .store(DSL.using(cfg), new PlatformSettings.Values(enabled, credits, cap, null, null)));
    }

    void launchPromo(OffsetDateTime from, OffsetDateTime to) {
        db().transaction(cfg -> {
            PlatformSettings.Values now = services().platformSettings().current(DSL.using(cfg));
            services()
                    .platformSettings()
                    .store(
                            DSL.using(cfg),
                            new PlatformSettings.Values(
                                    now.referralsEnabled(), now.referralCredits(), now.referralMonthlyCap(), from, to));
        });
    }

    /** A new account (through the real sign-up), invited by {@code code} when it is not null. */
    UUID register(String email, String code) {
        return services()
                .accounts()
                .register(new RegisterRequest(email, PASSWORD, "Friend", code), "127.0.0.1")
                .user()
                .id();
    }

    UUID register(String code) {
        return register("ref-" + UUID.randomUUID() + "@pixfino.test", code);
    }

    String codeOf(UUID user) {
        return db().select(USERS.REFERRAL_CODE)
                .from(USERS)
                .where(USERS.ID.eq(user))
                .fetchSingle(USERS.REFERRAL_CODE);
    }

    /** Opens the verification link mailed at sign-up; false when it no longer works (already used). */
    boolean verify(UUID user) {
        String body = db().select(MAIL_OUTBOX.TEXT_BODY)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.USER_ID.eq(user))
                .and(MAIL_OUTBOX.TEXT_BODY.contains("/verify-email?token="))
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc())
                .limit(1)
                .fetchSingle(MAIL_OUTBOX.TEXT_BODY);
        Matcher token = TOKEN.matcher(body);
        if (!token.find()) {
            throw new AssertionError("no verification link in the mail");
        }
        return services().emailVerification().verify(token.group(1));
    }

    /** Resets the password through the mailed link, which proves the address as well. */
    void resetPassword(UUID user) {
        String email =
                db().select(USERS.EMAIL).from(USERS).where(USERS.ID.eq(user)).fetchSingle(USERS.EMAIL);
        services().passwordReset().request(email, "127.0.0.1", java.net.URI.create("http://127.0.0.1"));
        services().passwordReset().confirm(latestToken(user, "/reset-password?token="), "Blue-Harbour-93");
    }

    /** Moves the account to {@code newEmail} through the link mailed there, which verifies it. */
    void changeEmail(UUID user, String newEmail) {
        services()
                .emailChange()
                .request(user, PASSWORD, newEmail, "127.0.0.1", java.net.URI.create("http://127.0.0.1"));
        services().emailChange().apply(latestToken(user, "/verify-email?token="));
    }

    private String latestToken(UUID user, String linkPath) {
        String body = db().select(MAIL_OUTBOX.TEXT_BODY)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.USER_ID.eq(user))
                .and(MAIL_OUTBOX.TEXT_BODY.contains(linkPath))
                .orderBy(MAIL_OUTBOX.CREATED_AT.desc())
                .limit(1)
                .fetchSingle(MAIL_OUTBOX.TEXT_BODY);
        Matcher token =
                Pattern.compile(Pattern.quote(linkPath) + "([A-Za-z0-9_\\-]+)").matcher(body);
        if (!token.find()) {
            throw new AssertionError("no " + linkPath + " link in the mail");
        }
        return token.group(1);
    }

    /** The verification event delivered once more, as a redelivery would: the hook alone, in its own transaction. */
    void verifiedAgain(UUID user) {
        db().transaction(cfg -> services().referrals().emailVerified(DSL.using(cfg), user));
    }

    /** The owner's address verified as the operator would set it (not a referral event). */
    void markVerified(UUID user) {
        db().update(USERS)
                .set(USERS.EMAIL_VERIFIED_AT, OffsetDateTime.now())
                .where(USERS.ID.eq(user))
                .execute();
    }

    /** A generation ready to complete: created (paid for) and running. */
    UUID runningGeneration(UUID user, UUID upload) {
        services().ledger().apply(user, 10, LedgerKind.ADJUSTMENT, "test credits", null);
        UUID id = services()
                .generations()
                .create(user, new CreateGenerationRequest(preset, upload, null), null)
                .id();
        services().generationStore().markRunning(id, "local", "test", Duration.ofMinutes(5));
        return id;
    }

    boolean complete(UUID generation) {
        return services()
                .generationStore()
                .complete(
                        generation,
                        new StoredOutput("test/" + generation + ".jpg", "image/jpeg", "test/t.jpg", 8, 8),
                        BigDecimal.ZERO);
    }

    UUID upload(UUID user) {
        return graph.upload(user);
    }

    /** The user's referral GRANT rows of one side ({@code referrer} or {@code referee}): count and credits. */
    int[] grants(UUID user, String side) {
        var row = db().select(DSL.count(), DSL.coalesce(DSL.sum(CREDIT_LEDGER.AMOUNT), DSL.inline(BigDecimal.ZERO)))
                .from(CREDIT_LEDGER)
                .where(CREDIT_LEDGER.USER_ID.eq(user))
                .and(CREDIT_LEDGER.KIND.eq(LedgerKind.GRANT))
                .and(CREDIT_LEDGER.REFERENCE.like("referral:%:" + side))
                .fetchSingle();
        return new int[] {row.value1(), row.value2().intValueExact()};
    }

    String state(UUID referee) {
        return db().select(REFERRALS.STATE)
                .from(REFERRALS)
                .where(REFERRALS.REFEREE_ID.eq(referee))
                .fetchSingle(REFERRALS.STATE);
    }

    /** Balance equals the ledger sum. */
    boolean balanced(UUID user) {
        return services().ledger().balance(user) == services().ledger().ledgerSum(user);
    }
}
