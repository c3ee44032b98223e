package com.pixfino.server.billing;

import static com.pixfino.server.db.jooq.Tables.BILLING_ACCOUNTS;
import static com.pixfino.server.db.jooq.Tables.BILLING_GRANTS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.Tier;
import com.pixfino.server.db.jooq.tables.records.BillingAccountsRecord;
import com.pixfino.server.domain.DomainException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Stripe customer each user is, and their subscription as Stripe last told us. The only writer of
 * {@code users.tier}: the tier follows the live subscription, and goes back to Free when it ends.
 */
public final class BillingAccounts {

    private static final Logger log = LoggerFactory.getLogger(BillingAccounts.class);
    /** Stripe's statuses of a subscription that still gives its plan (past_due keeps it until Stripe cancels). */
    public static final Set<String> LIVE = Set.of("active", "trialing", "past_due");

    private final DSLContext dsl;
    private final Clock clock;

    public BillingAccounts(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A subscription as read from Stripe, in our words. */
    public record SubscriptionFacts(
            String id, String status, Optional<Tier> plan, OffsetDateTime currentPeriodEnd, boolean cancelAtPeriodEnd) {
        public boolean live() {
            return LIVE.contains(status);
        }
    }

    public Optional<String> customerOf(UUID userId) {
        return dsl.select(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID)
                .from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.USER_ID.eq(userId))
                .fetchOptional(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID);
    }

    /** The user's customer, created at Stripe by {@code create} the first time and stored before any event can need it. */
    public String ensureCustomer(UUID userId, Supplier<String> create) {
        Optional<String> existing = customerOf(userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String created = create.get();
        dsl.insertInto(BILLING_ACCOUNTS)
                .set(BILLING_ACCOUNTS.USER_ID, userId)
                .set(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID, created)
                .set(BILLING_ACCOUNTS.CREATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
        // a concurrent first checkout stored the same customer (same idempotency key) or its own: use the stored one
        return customerOf(userId).orElseThrow(() -> DomainException.notFound("The user"));
    }

    public Optional<UUID> userOfCustomer(DSLContext tx, String customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        return tx.select(BILLING_ACCOUNTS.USER_ID)
                .from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.STRIPE_CUSTOMER_ID.eq(customerId))
                .fetchOptional(BILLING_ACCOUNTS.USER_ID);
    }

    public boolean userExists(DSLContext tx, UUID userId) {
        return tx.fetchExists(USERS, USERS.ID.eq(userId));
    }

    /** Locks the user's billing row for the caller's transaction, so subscription updates of one user run one by one. */
    public Optional<BillingAccountsRecord> lock(DSLContext tx, UUID userId) {
        return tx.selectFrom(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.USER_ID.eq(userId))
                .forUpdate()
                .fetchOptional();
    }

    public Optional<String> liveSubscriptionId(UUID userId) {
        return dsl.select(BILLING_ACCOUNTS.SUBSCRIPTION_ID)
                .from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.USER_ID.eq(userId))
                .and(BILLING_ACCOUNTS.SUBSCRIPTION_STATUS.in(LIVE))
                .fetchOptional(BILLING_ACCOUNTS.SUBSCRIPTION_ID);
    }

    public boolean hasLiveSubscription(UUID userId) {
        return dsl.fetchExists(
                BILLING_ACCOUNTS,
                BILLING_ACCOUNTS.USER_ID.eq(userId).and(BILLING_ACCOUNTS.SUBSCRIPTION_STATUS.in(LIVE)));
    }

    /**
     * Records what Stripe says of one of the user's subscriptions and sets the tier from it, inside the caller's
     * transaction (which holds {@link #lock}). A live subscription becomes the user's; one that ended takes the user
     * back to Free only if it is the one on record (an older subscription ending changes nothing).
     */
    public void apply(DSLContext tx, BillingAccountsRecord account, SubscriptionFacts facts) {
        String current = account.getSubscriptionId();
        boolean currentLive = account.getSubscriptionStatus() != null && LIVE.contains(account.getSubscriptionStatus());
        boolean takeOver = facts.live() || current == null || current.equals(facts.id()) || !currentLive;
        if (!takeOver) {
            log.info(
                    "event=subscription_ignored user={} subscription={} status={} current={}",
                    account.getUserId(),
                    facts.id(),
                    facts.status(),
                    current);
            return;
        }
        tx.update(BILLING_ACCOUNTS)
                .set(BILLING_ACCOUNTS.SUBSCRIPTION_ID, facts.id())
                .set(
                        BILLING_ACCOUNTS.PLAN,
                        facts.plan().map(BillingCatalog::planId).orElse(null))
                .set(BILLING_ACCOUNTS.SUBSCRIPTION_STATUS, facts.status())
                .set(BILLING_ACCOUNTS.CURRENT_PERIOD_END, facts.currentPeriodEnd())
                .set(BILLING_ACCOUNTS.CANCEL_AT_PERIOD_END, facts.cancelAtPeriodEnd())
                .set(BILLING_ACCOUNTS.SUBSCRIPTION_SYNCED_AT, OffsetDateTime.now(clock))
                .where(BILLING_ACCOUNTS.USER_ID.eq(account.getUserId()))
                .execute();
        Optional<Tier> tier = facts.live() ? facts.plan() : Optional.of(Tier.FREE);
        if (facts.live() && facts.plan().isEmpty()) {
            log.warn(
                    "event=subscription_price_unknown user={} subscription={} action=tier_kept",
                    account.getUserId(),
                    facts.id());
        }
        tier.ifPresent(t -> {
            int changed = tx.update(USERS)
                    .set(USERS.TIER, t)
                    .where(USERS.ID.eq(account.getUserId()))
                    .and(USERS.TIER.ne(t))
                    .execute();
            if (changed > 0) {
                log.info("event=tier_changed user={} tier={} subscription={}", account.getUserId(), t, facts.id());
            }
        });
    }

    /** Removes the user's customer and subscription record inside the caller's (account deletion) transaction. */
    public int deleteAccountOf(DSLContext tx, UUID userId) {
        return tx.deleteFrom(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.USER_ID.eq(userId))
                .execute();
    }

    /** Removes the user's grant claims inside the caller's (account deletion) transaction; the ledger keeps the rows. */
    public int deleteGrantsOf(DSLContext tx, UUID userId) {
        return tx.deleteFrom(BILLING_GRANTS)
                .where(BILLING_GRANTS.USER_ID.eq(userId))
                .execute();
    }

    /** The live subscription for {@code /me}, if the user has one. */
    public Optional<com.pixfino.model.api.billing.SubscriptionView> liveSubscription(DSLContext ctx, UUID userId) {
        return ctx.selectFrom(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.USER_ID.eq(userId))
                .and(BILLING_ACCOUNTS.SUBSCRIPTION_STATUS.in(LIVE))
                .fetchOptional()
                .map(r -> new com.pixfino.model.api.billing.SubscriptionView(
                        r.getPlan(),
                        r.getSubscriptionStatus(),
                        r.getCurrentPeriodEnd() == null
                                ? null
                                : r.getCurrentPeriodEnd()
                                        .withOffsetSameInstant(ZoneOffset.UTC)
                                        .toInstant(),
                        Boolean.TRUE.equals(r.getCancelAtPeriodEnd())));
    }
}
