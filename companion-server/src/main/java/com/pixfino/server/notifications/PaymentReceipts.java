package com.pixfino.server.notifications;

import com.pixfino.server.billing.PaymentNotices;
import com.pixfino.server.mail.MailOutbox;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The receipt mail, queued in the transaction that records a Stripe payment and grants its credits. */
final class PaymentReceipts implements PaymentNotices {

    private static final Logger log = LoggerFactory.getLogger(PaymentReceipts.class);

    private final NotificationPreferences preferences;
    private final MailOutbox outbox;
    private final UnsubscribeTokens tokens;
    private final LinkBase links;
    private final Clock clock;

    PaymentReceipts(
            NotificationPreferences preferences,
            MailOutbox outbox,
            UnsubscribeTokens tokens,
            LinkBase links,
            Clock clock) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void paid(DSLContext tx, UUID userId, Payment payment) {
        var recipient = preferences.recipient(tx, userId, NotificationKind.RECEIPTS);
        if (recipient.isEmpty()) {
            log.info("event=receipt_skipped user={} reason=unverified_inactive_or_turned_off", userId);
            return;
        }
        String unsubscribe =
                NotificationMails.unsubscribeLink(links.get(), tokens.issue(userId, NotificationKind.RECEIPTS));
        outbox.queue(
                tx,
                userId,
                NotificationMails.receipt(
                        recipient.get().email(),
                        recipient.get().name(),
                        payment.item(),
                        payment.credits(),
                        payment.amountMinor(),
                        payment.currency(),
                        OffsetDateTime.now(clock),
                        unsubscribe));
        log.info("event=receipt_queued user={} item={} credits={}", userId, payment.item(), payment.credits());
    }
}
