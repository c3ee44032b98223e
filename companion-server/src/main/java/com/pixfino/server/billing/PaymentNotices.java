package com.pixfino.server.billing;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Told of each payment recorded from Stripe (a pack, a plan's invoice), once, inside the transaction that grants its
 * credits: the receipt mail is queued exactly when the purchase commits.
 */
@FunctionalInterface
public interface PaymentNotices {

    /** Tells nobody. */
    PaymentNotices NONE = (tx, userId, payment) -> {};

    void paid(DSLContext tx, UUID userId, Payment payment);

    /**
     * One payment as the receipt shows it.
     *
     * @param item        what was bought, in words ({@code Credit pack pack-20}, {@code Pro plan})
     * @param amountMinor what Stripe charged, in the currency's smallest unit (cents)
     * @param currency    Stripe's lower-case ISO code ({@code usd})
     */
    record Payment(String item, int credits, long amountMinor, String currency) {}
}
