package com.pixfino.server.notifications;

import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_SETTINGS;

import com.pixfino.server.billing.PaymentNotices;
import com.pixfino.server.domain.CursorKey;
import com.pixfino.server.mail.MailOutbox;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The non-essential mails (low credits, receipts, weekly digest), the preferences that turn them off and their
 * one-click unsubscribe links, wired once for {@code Services}.
 */
public final class Notifications {

    private final NotificationPreferences preferences;
    private final UnsubscribeTokens unsubscribeTokens;
    private final LinkBase links;
    private final LowCreditMails lowCredits;
    private final PaymentReceipts receipts;
    private final WeeklyDigest weeklyDigest;

    /**
     * Stores {@code lowCreditThreshold} for the ledger's trigger (the last server to start wins; they share one
     * configuration in practice).
     */
    public Notifications(
            DSLContext dsl,
            MailOutbox outbox,
            CursorKey key,
            Optional<URI> publicUrl,
            int lowCreditThreshold,
            Clock clock) {
        dsl.insertInto(NOTIFICATION_SETTINGS)
                .set(NOTIFICATION_SETTINGS.ID, 1)
                .set(NOTIFICATION_SETTINGS.LOW_CREDIT_THRESHOLD, lowCreditThreshold)
                .onConflict(NOTIFICATION_SETTINGS.ID)
                .doUpdate()
                .set(NOTIFICATION_SETTINGS.LOW_CREDIT_THRESHOLD, lowCreditThreshold)
                .execute();
        preferences = new NotificationPreferences(dsl, clock);
        unsubscribeTokens = new UnsubscribeTokens(key);
        links = new LinkBase(publicUrl);
        OptionalMail mail = new OptionalMail(preferences, outbox, unsubscribeTokens, links);
        lowCredits = new LowCreditMails(dsl, mail, lowCreditThreshold);
        receipts = new PaymentReceipts(mail, clock);
        weeklyDigest = new WeeklyDigest(dsl, mail, clock);
    }

    public NotificationPreferences preferences() {
        return preferences;
    }

    public UnsubscribeTokens unsubscribeTokens() {
        return unsubscribeTokens;
    }

    /** Where links in these mails point; the server tells it its port once bound. */
    public LinkBase links() {
        return links;
    }

    /** Turns the ledger's low-credit marks into mails (a recurring task runs it; tests may call it directly). */
    public LowCreditMails lowCredits() {
        return lowCredits;
    }

    /** What billing tells of each recorded payment: the receipt. */
    public PaymentNotices receipts() {
        return receipts;
    }

    public WeeklyDigest weeklyDigest() {
        return weeklyDigest;
    }
}
