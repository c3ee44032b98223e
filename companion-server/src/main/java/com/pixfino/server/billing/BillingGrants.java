package com.pixfino.server.billing;

import static com.pixfino.server.db.jooq.Tables.BILLING_GRANTS;
import static com.pixfino.server.db.jooq.Tables.BILLING_REFUNDS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.LedgerKind;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.BillingGrantsRecord;
import com.pixfino.server.db.jooq.tables.records.BillingRefundsRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits that are paid for or due once: a pack per Checkout session, a plan's credits per invoice, the Free top-up
 * per user and month. Each is claimed by its reference ({@code INSERT … ON CONFLICT DO NOTHING} on the primary key)
 * in the transaction that writes its ledger row, so run twice, even at the same moment, it grants once: the second
 * insert waits for the first transaction and then finds the row. Refunds of packs are clawed back here too.
 */
public final class BillingGrants {

    private static final Logger log = LoggerFactory.getLogger(BillingGrants.class);

    /** Where a grant comes from. */
    public enum Source {
        PACK,
        INVOICE,
        FREE_MONTH
    }

    private final CreditLedger ledger;
    private final Clock clock;

    public BillingGrants(CreditLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A pack paid through a Checkout session; then a refund seen before it is clawed back at once. */
    public Optional<Integer> grantPack(
            DSLContext tx, UUID userId, String sessionId, CreditPack pack, String paymentIntent) {
        if (paymentIntent != null) {
            lockPayment(tx, paymentIntent);
        }
        if (!claim(tx, "checkout:" + sessionId, userId, Source.PACK, pack.id(), pack.credits(), paymentIntent)) {
            return Optional.empty();
        }
        ledger.apply(
                tx,
                userId,
                pack.credits(),
                LedgerKind.PURCHASE,
                "Credit pack " + pack.id() + " (" + pack.credits() + " credits)",
                "stripe:checkout:" + sessionId);
        log.info(
                "event=pack_granted user={} session={} pack={} credits={}",
                userId,
                sessionId,
                pack.id(),
                pack.credits());
        if (paymentIntent != null) {
            settleRefund(tx, paymentIntent);
        }
        return Optional.of(pack.credits());
    }

    /** A plan's credits for one paid invoice ({@code credits} may be 0: the invoice is still recorded as handled). */
    public Optional<Integer> grantInvoice(
            DSLContext tx, UUID userId, String invoiceId, String planId, int credits, String reason) {
        if (!claim(tx, "invoice:" + invoiceId, userId, Source.INVOICE, planId, credits, null)) {
            return Optional.empty();
        }
        if (credits > 0) {
            ledger.apply(tx, userId, credits, LedgerKind.GRANT, reason, "stripe:invoice:" + invoiceId);
        }
        log.info("event=invoice_granted user={} invoice={} plan={} credits={}", userId, invoiceId, planId, credits);
        return Optional.of(credits);
    }

    /**
     * The Free plan's monthly top-up to {@code freeCredits}, at most once per user and month (the claim's key is
     * the month and the user). The user's row is locked first, so the balance it tops up from is the current one.
     */
    public Optional<Integer> grantFreeMonth(DSLContext tx, UUID userId, String month, int freeCredits) {
        Integer balance = tx.select(USERS.CREDITS)
                .from(USERS)
                .where(USERS.ID.eq(userId))
                .forUpdate()
                .fetchOne(USERS.CREDITS);
        if (balance == null) {
            return Optional.empty();
        }
        int grant = Math.max(0, freeCredits - balance);
        if (!claim(tx, "free-month:" + month + ":" + userId, userId, Source.FREE_MONTH, "free", grant, null)) {
            return Optional.empty();
        }
        if (grant > 0) {
            ledger.apply(
                    tx,
                    userId,
                    grant,
                    LedgerKind.GRANT,
                    "Free plan monthly top-up to " + freeCredits + " credits",
                    "free-month:" + month);
        }
        return Optional.of(grant);
    }

    /**
     * Records how much of a payment has been refunded so far (Stripe's {@code amount_refunded} only grows) and
     * claws the pack back if it is already granted; if not, the grant does it when it comes.
     */
    public void refund(DSLContext tx, String paymentIntent, String chargeId, long amount, long amountRefunded) {
        lockPayment(tx, paymentIntent);
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.insertInto(BILLING_REFUNDS)
                .set(BILLING_REFUNDS.PAYMENT_INTENT, paymentIntent)
                .set(BILLING_REFUNDS.CHARGE_ID, chargeId)
                .set(BILLING_REFUNDS.AMOUNT, amount)
                .set(BILLING_REFUNDS.AMOUNT_REFUNDED, amountRefunded)
                .set(BILLING_REFUNDS.UPDATED_AT, now)
                .onConflict(BILLING_REFUNDS.PAYMENT_INTENT)
                .doUpdate()
                .set(
                        BILLING_REFUNDS.AMOUNT_REFUNDED,
                        DSL.greatest(BILLING_REFUNDS.AMOUNT_REFUNDED, DSL.val(amountRefunded)))
                .set(BILLING_REFUNDS.UPDATED_AT, now)
                .execute();
        settleRefund(tx, paymentIntent);
    }

    /** Takes back the refunded share of a pack not yet taken, never more than the balance; logs what it could not. */
    private void settleRefund(DSLContext tx, String paymentIntent) {
        BillingRefundsRecord refund = tx.selectFrom(BILLING_REFUNDS)
                .where(BILLING_REFUNDS.PAYMENT_INTENT.eq(paymentIntent))
                .fetchOne();
        BillingGrantsRecord grant = tx.selectFrom(BILLING_GRANTS)
                .where(BILLING_GRANTS.PAYMENT_INTENT.eq(paymentIntent))
                .forUpdate()
                .fetchOne();
        if (refund == null || grant == null || refund.getAmount() <= 0) {
            return;
        }
        long refunded = Math.min(refund.getAmountRefunded(), refund.getAmount());
        int target = (int) (grant.getCredits() * refunded / refund.getAmount());
        int due = target - grant.getClawedBack();
        if (due <= 0) {
            return;
        }
        int balance = tx.select(USERS.CREDITS)
                .from(USERS)
                .where(USERS.ID.eq(grant.getUserId()))
                .forUpdate()
                .fetchOne(USERS.CREDITS);
        int taken = Math.min(due, balance);
        if (taken > 0) {
            ledger.apply(
                    tx,
                    grant.getUserId(),
                    -taken,
                    LedgerKind.ADJUSTMENT,
                    "Refund of credit pack " + grant.getItem() + ": credits taken back",
                    "stripe:refund:" + paymentIntent + ":" + target);
        }
        tx.update(BILLING_GRANTS)
                .set(BILLING_GRANTS.CLAWED_BACK, target)
                .where(BILLING_GRANTS.REFERENCE.eq(grant.getReference()))
                .execute();
        if (taken < due) {
            log.warn(
                    "event=clawback_short user={} payment_intent={} pack={} due={} taken={} not_taken={}",
                    grant.getUserId(),
                    paymentIntent,
                    grant.getItem(),
                    due,
                    taken,
                    due - taken);
        } else {
            log.info(
                    "event=clawback user={} payment_intent={} pack={} credits={}",
                    grant.getUserId(),
                    paymentIntent,
                    grant.getItem(),
                    taken);
        }
    }

    private boolean claim(
            DSLContext tx,
            String reference,
            UUID userId,
            Source source,
            String item,
            int credits,
            String paymentIntent) {
        return tx.insertInto(BILLING_GRANTS)
                        .set(BILLING_GRANTS.REFERENCE, reference)
                        .set(BILLING_GRANTS.USER_ID, userId)
                        .set(BILLING_GRANTS.SOURCE, source.name())
                        .set(BILLING_GRANTS.ITEM, item)
                        .set(BILLING_GRANTS.CREDITS, credits)
                        .set(BILLING_GRANTS.PAYMENT_INTENT, paymentIntent)
                        .set(BILLING_GRANTS.CREATED_AT, OffsetDateTime.now(clock))
                        .onConflict(BILLING_GRANTS.REFERENCE)
                        .doNothing()
                        .execute()
                == 1;
    }

    /** A pack's grant and its refunds of one payment run one at a time, whichever event comes first. */
    private static void lockPayment(DSLContext tx, String paymentIntent) {
        tx.select(DSL.function(
                        "pg_advisory_xact_lock",
                        Object.class,
                        DSL.function("hashtext", Integer.class, DSL.val("payment:" + paymentIntent))))
                .fetch();
    }
}
