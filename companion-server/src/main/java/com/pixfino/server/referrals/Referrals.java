package com.pixfino.server.referrals;

import static com.pixfino.server.db.jooq.Tables.BILLING_ACCOUNTS;
import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.REFERRALS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.ReferralsView;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.ReferralsRecord;
import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.settings.PlatformSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who joined with whose invitation code, and the reward: once the referee has verified its address and completed its
 * first generation (whichever comes last), both sides get the configured credits as GRANT rows referencing the
 * referral, if rewards are on at that moment, within the referrer's monthly cap, and never for self-referral.
 *
 * <p>Both events call in here inside their own transaction, after their own write and holding the referee's
 * {@code users} row lock: so the two events of one referee run one after the other, the later one sees the earlier
 * one's commit, and exactly one of them settles the referral. The referrer's row lock makes the monthly cap exact
 * when many referees of one referrer settle at once. The unique index on the referral ledger references is the last
 * guard: a second grant for the same referral cannot commit.
 */
public final class Referrals {

    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    static final String PENDING = "PENDING";
    static final String REWARDED = "REWARDED";
    static final String CAPPED = "CAPPED";
    static final String SELF = "SELF";
    static final String OFF = "OFF";

    private final DSLContext dsl;
    private final CreditLedger ledger;
    private final PlatformSettings settings;
    private final Optional<URI> publicUrl;
    private final Clock clock;

    public Referrals(
            DSLContext dsl, CreditLedger ledger, PlatformSettings settings, Optional<URI> publicUrl, Clock clock) {
        this.dsl = dsl;
        this.ledger = ledger;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A code no account has yet, for a new account (inside the caller's transaction). */
    public String newCode(DSLContext tx) {
        while (true) {
            String code = ReferralCodes.random();
            if (!tx.fetchExists(USERS, USERS.REFERRAL_CODE.eq(code))) {
                return code;
            }
        }
    }

    /** {@code {publicUrl}/join?ref=CODE}; without a public URL, the address the request came to. */
    public String link(String code, URI requestBase) {
        return publicUrl.orElse(requestBase).toString().replaceAll("/+$", "") + "/join?ref=" + code;
    }

    /**
     * The account whose code was typed at sign-up.
     *
     * @return empty when no code was given (null or blank)
     * @throws DomainException INVALID {@code unknown_referral_code} when no account has it
     */
    public Optional<UUID> referrerOf(DSLContext tx, String typedCode) {
        Optional<String> code = ReferralCodes.normalised(typedCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        UUID referrer = code.get().isEmpty()
                ? null
                : tx.select(USERS.ID)
                        .from(USERS)
                        .where(USERS.REFERRAL_CODE.eq(code.get()))
                        .fetchOne(USERS.ID);
        if (referrer == null) {
            throw DomainException.invalid(
                    "unknown_referral_code",
                    "referralCode: no account has this invitation code. Check it, or leave it empty.");
        }
        return Optional.of(referrer);
    }

    /** Records that {@code refereeId} registered with {@code referrerId}'s code, rewards on or off. */
    public void record(DSLContext tx, UUID referrerId, UUID refereeId) {
        String code = tx.select(USERS.REFERRAL_CODE)
                .from(USERS)
                .where(USERS.ID.eq(referrerId))
                .fetchSingle(USERS.REFERRAL_CODE);
        UUID id = UUID.randomUUID();
        tx.insertInto(REFERRALS)
                .set(REFERRALS.ID, id)
                .set(REFERRALS.REFERRER_ID, referrerId)
                .set(REFERRALS.REFEREE_ID, refereeId)
                .set(REFERRALS.CODE, code)
                .set(REFERRALS.STATE, PENDING)
                .set(REFERRALS.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
        log.info("event=referral_recorded referral={} referrer={} referee={}", id, referrerId, refereeId);
    }

    /** The referee's address was verified, inside that transaction (which holds the referee's row lock). */
    public void emailVerified(DSLContext tx, UUID userId) {
        if (pendingReferral(tx, userId)) {
            settle(tx, userId);
        }
    }

    /** One of the user's generations completed, inside that transaction. */
    public void generationCompleted(DSLContext tx, UUID userId) {
        if (!pendingReferral(tx, userId)) {
            return;
        }
        lockUser(tx, userId);
        tx.update(REFERRALS)
                .set(REFERRALS.FIRST_GENERATION_AT, OffsetDateTime.now(clock))
                .where(REFERRALS.REFEREE_ID.eq(userId))
                .and(REFERRALS.FIRST_GENERATION_AT.isNull())
                .execute();
        settle(tx, userId);
    }

    private static boolean pendingReferral(DSLContext tx, UUID refereeId) {
        return tx.fetchExists(REFERRALS, REFERRALS.REFEREE_ID.eq(refereeId).and(REFERRALS.STATE.eq(PENDING)));
    }

    /** Settles the referee's referral if both conditions now hold; the caller holds the referee's row lock. */
    private void settle(DSLContext tx, UUID refereeId) {
        UsersRecord referee = lockUser(tx, refereeId);
        ReferralsRecord referral = tx.selectFrom(REFERRALS)
                .where(REFERRALS.REFEREE_ID.eq(refereeId))
                .forUpdate()
                .fetchOne();
        if (referral == null
                || !PENDING.equals(referral.getState())
                || referral.getFirstGenerationAt() == null
                || referee.getEmailVerifiedAt() == null) {
            return;
        }
        PlatformSettings.Values now = settings.current(tx);
        if (!now.referralsEnabled()) {
            close(tx, referral, OFF, 0, 0);
            return;
        }
        // the referee's row is locked first, then the referrer's: a referrer always registered before its referee, so
        // two settlements never wait on each other in a circle
        UsersRecord referrer = lockUser(tx, referral.getReferrerId());
        if (SelfReferral.of(
                referrer.getEmail(),
                referee.getEmail(),
                customerOf(tx, referrer.getId()),
                customerOf(tx, referee.getId()))) {
            close(tx, referral, SELF, 0, 0);
            return;
        }
        int rewardedThisMonth = tx.fetchCount(
                REFERRALS,
                REFERRALS
                        .REFERRER_ID
                        .eq(referrer.getId())
                        .and(REFERRALS.STATE.eq(REWARDED))
                        .and(REFERRALS.SETTLED_AT.ge(monthStart())));
        if (rewardedThisMonth >= now.referralMonthlyCap()) {
            close(tx, referral, CAPPED, 0, 0);
            return;
        }
        int credits = now.referralCredits();
        ledger.apply(
                tx,
                refereeId,
                credits,
                LedgerKind.GRANT,
                "Referral reward: you joined with an invitation",
                "referral:" + referral.getId() + ":referee");
        // the referrer's share waits for nothing else, but needs the referrer's address verified at this moment
        int referrerCredits = referrer.getEmailVerifiedAt() == null ? 0 : credits;
        if (referrerCredits > 0) {
            ledger.apply(
                    tx,
                    referrer.getId(),
                    referrerCredits,
                    LedgerKind.GRANT,
                    "Referral reward: someone you invited joined",
                    "referral:" + referral.getId() + ":referrer");
        }
        close(tx, referral, REWARDED, referrerCredits, credits);
    }

    private void close(DSLContext tx, ReferralsRecord referral, String state, int referrerCredits, int refereeCredits) {
        tx.update(REFERRALS)
                .set(REFERRALS.STATE, state)
                .set(REFERRALS.SETTLED_AT, OffsetDateTime.now(clock))
                .set(REFERRALS.REFERRER_CREDITS, referrerCredits)
                .set(REFERRALS.REFEREE_CREDITS, refereeCredits)
                .where(REFERRALS.ID.eq(referral.getId()))
                .execute();
        log.info(
                "event=referral_settled referral={} referrer={} referee={} state={} referrer_credits={} referee_credits={}",
                referral.getId(),
                referral.getReferrerId(),
                referral.getRefereeId(),
                state,
                referrerCredits,
                refereeCredits);
    }

    private OffsetDateTime monthStart() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))
                .withOffsetSameInstant(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS);
    }

    private static UsersRecord lockUser(DSLContext tx, UUID userId) {
        return tx.selectFrom(USERS).where(USERS.ID.eq(userId)).forUpdate().fetchSingle();
    }

    private static String customerOf(DSLContext tx, UUID userId) {
        return tx.select(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID)
                .from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.USER_ID.eq(userId))
                .fetchOne(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID);
    }

    /** The user's code, link and figures. */
    public ReferralsView view(UUID userId, URI requestBase) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            String code = tx.select(USERS.REFERRAL_CODE)
                    .from(USERS)
                    .where(USERS.ID.eq(userId))
                    .fetchOptional(USERS.REFERRAL_CODE)
                    .orElseThrow(() -> DomainException.notFound("The user"));
            PlatformSettings.Values now = settings.current(tx);
            var counts = tx.select(DSL.count(), DSL.count().filterWhere(REFERRALS.REFERRER_CREDITS.gt(0)))
                    .from(REFERRALS)
                    .where(REFERRALS.REFERRER_ID.eq(userId))
                    .fetchSingle();
            long earned = tx.select(DSL.coalesce(DSL.sum(CREDIT_LEDGER.AMOUNT), DSL.inline(BigDecimal.ZERO)))
                    .from(CREDIT_LEDGER)
                    .where(CREDIT_LEDGER.USER_ID.eq(userId))
                    .and(CREDIT_LEDGER.KIND.eq(LedgerKind.GRANT))
                    .and(CREDIT_LEDGER.REFERENCE.like("referral:%:referrer"))
                    .fetchSingle(0, Long.class);
            return new ReferralsView(
                    code,
                    link(code, requestBase),
                    now.referralsEnabled(),
                    now.referralCredits(),
                    counts.value1(),
                    counts.value2(),
                    earned);
        });
    }

    /**
     * The code as stored when an account has it, for the join page; empty otherwise. The page names nobody: a name
     * left empty at sign-up is the address's local part.
     */
    public Optional<String> knownCode(String typedCode) {
        Optional<String> code = ReferralCodes.normalised(typedCode);
        if (code.isEmpty() || code.get().isEmpty()) {
            return Optional.empty();
        }
        return dsl.fetchExists(USERS, USERS.REFERRAL_CODE.eq(code.get())) ? code : Optional.empty();
    }
}
