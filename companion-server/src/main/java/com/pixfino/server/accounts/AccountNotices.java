package com.pixfino.server.accounts;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Tells every server that an account may no longer be served (suspended), with PostgreSQL {@code NOTIFY} sent in the
 * transaction that changes it, so it arrives only if that commits. A server closes the account's open event
 * streams on it: a token check refuses the next request, but a stream already open makes no more requests.
 */
public final class AccountNotices {

    /** The channel; the payload is the user id. */
    public static final String CHANNEL = "pixfino_account_closed";

    private AccountNotices() {}

    /** Announces, when {@code tx} commits, that the user's open streams are to be closed. */
    public static void closeStreams(DSLContext tx, UUID userId) {
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(userId.toString())))
                .fetch();
    }
}
