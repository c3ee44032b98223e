package com.pixfino.server.mail;

import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Where a use case leaves its mail: a row written in the caller's transaction, so the mail exists exactly when what
 * it tells about was committed. {@link MailSender} sends it afterwards; nothing is sent inside a request.
 */
public final class MailOutbox {

    static final String PENDING = "PENDING";

    private final Clock clock;

    public MailOutbox(Clock clock) {
        this.clock = clock;
    }

    /** Queues {@code message} inside {@code tx}; answers the outbox id. */
    public UUID queue(DSLContext tx, UUID userId, MailMessage message) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ID, id)
                .set(MAIL_OUTBOX.USER_ID, userId)
                .set(MAIL_OUTBOX.KIND, message.kind())
                .set(MAIL_OUTBOX.RECIPIENT, message.to())
                .set(MAIL_OUTBOX.SUBJECT, message.subject())
                .set(MAIL_OUTBOX.TEXT_BODY, message.text())
                .set(MAIL_OUTBOX.HTML_BODY, message.html())
                .set(MAIL_OUTBOX.LIST_UNSUBSCRIBE, message.listUnsubscribe().orElse(null))
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .set(MAIL_OUTBOX.STATE, PENDING)
                .execute();
        return id;
    }
}
