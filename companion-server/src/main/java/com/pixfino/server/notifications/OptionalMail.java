package com.pixfino.server.notifications;

import com.pixfino.server.mail.MailMessage;
import com.pixfino.server.mail.MailOutbox;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Queues a mail the user can turn off: only to an active account with a verified address that wants this kind, and
 * always with the one-click link that turns it off.
 */
record OptionalMail(NotificationPreferences preferences, MailOutbox outbox, UnsubscribeTokens tokens, LinkBase links) {

    /** Writes the mail for its recipient, with the unsubscribe link it carries. */
    @FunctionalInterface
    interface Writer {
        MailMessage write(NotificationPreferences.Recipient to, String unsubscribe);
    }

    /** Queues the mail inside the caller's transaction; false, with nothing queued, when the user is not to get it. */
    boolean queue(DSLContext tx, UUID userId, NotificationKind kind, Writer writer) {
        Optional<NotificationPreferences.Recipient> recipient = preferences.recipient(tx, userId, kind);
        if (recipient.isEmpty()) {
            return false;
        }
        String unsubscribe = NotificationMails.unsubscribeLink(links.get(), tokens.issue(userId, kind));
        outbox.queue(tx, userId, writer.write(recipient.get(), unsubscribe));
        return true;
    }
}
