package com.pixfino.server.accounts;

import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.mail.MailMessage;
import com.pixfino.server.mail.MailOutbox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The single-use links of account mails (verification, password reset, change of email): a link is issued and its
 * mail queued in one transaction, and opening it uses its token up.
 */
final class AccountLinks {

    /** Writes the mail that carries a link, from where links point and the raw token. */
    @FunctionalInterface
    interface LinkMail {
        MailMessage write(String base, String token);
    }

    private final AccountTokens tokens;
    private final MailOutbox outbox;
    private final Optional<URI> publicUrl;

    AccountLinks(MailOutbox outbox, Optional<URI> publicUrl, Clock clock) {
        this.tokens = new AccountTokens(clock);
        this.outbox = outbox;
        this.publicUrl = publicUrl;
    }

    /** Issues a token for {@code email} and queues the mail that carries it, inside the caller's transaction. */
    void mail(
            DSLContext tx,
            UUID userId,
            AccountTokens.Purpose purpose,
            String email,
            Duration lifetime,
            URI requestBase,
            LinkMail mail) {
        String token = tokens.issue(tx, userId, purpose, email, lifetime);
        outbox.queue(tx, userId, mail.write(base(requestBase), token));
    }

    /** Uses up an opened link's token, see {@link AccountTokens#use}. */
    Optional<AccountTokens.Used> use(DSLContext tx, String token, AccountTokens.Purpose purpose) {
        return tokens.use(tx, token, purpose);
    }

    /** The account an opened link's token would act on, without using it up. */
    Optional<UsersRecord> holder(DSLContext ctx, String token, AccountTokens.Purpose purpose) {
        return tokens.holder(ctx, token, purpose);
    }

    /** Ends every pending link of the user and purpose. */
    void useAll(DSLContext tx, UUID userId, AccountTokens.Purpose purpose) {
        tokens.useAll(tx, userId, purpose);
    }

    /** Links point at the public URL when one is configured, else at the address the request came to. */
    private String base(URI requestBase) {
        return publicUrl.orElse(requestBase).toString().replaceAll("/+$", "");
    }
}
