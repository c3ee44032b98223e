package com.pixfino.server.notifications;

import com.pixfino.server.billing.PaymentNotices;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The receipt mail, queued in the transaction that records a Stripe payment and grants its credits. */
final class PaymentReceipts implements PaymentNotices {

    private static final Logger log = LoggerFactory.getLogger(PaymentReceipts.class);

    private final OptionalMail mail;
    private final Clock clock;

    PaymentReceipts(OptionalMail mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public void paid(DSLContext tx, UUID userId, Payment payment) {
        boolean queued = mail.queue(
                tx,
                userId,
                NotificationKind.RECEIPTS,
                (to, unsubscribe) -> NotificationMails.receipt(
                        to.email(),
                        to.name(),
                        payment.item(),
                        payment.credits(),
                        payment.amountMinor(),
                        payment.currency(),
                        OffsetDateTime.now(clock),
                        unsubscribe));
        if (queued) {
            log.info("event=receipt_queued user={} item={} credits={}", userId, payment.item(), payment.credits());
        } else {
            log.info("event=receipt_skipped user={} reason=unverified_inactive_or_turned_off", userId);
        }
    }
}
