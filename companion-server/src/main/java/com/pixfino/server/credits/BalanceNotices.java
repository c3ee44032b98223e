package com.pixfino.server.credits;

import com.pixfino.model.LedgerKind;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Announces a balance change to every server's event listeners with PostgreSQL {@code NOTIFY}, sent in the
 * transaction that changes the balance, so it arrives only if that commits (and from whichever server made it).
 */
public final class BalanceNotices {

    /** The channel; the payload is {@code <user id>|<credits after>|<reason>|<ledger row id>}. */
    public static final String CHANNEL = "pixfino_balance";

    private BalanceNotices() {}

    static void send(DSLContext tx, UUID userId, int creditsAfter, LedgerKind kind, long ledgerId) {
        String payload = payload(userId, creditsAfter, kind, Long.toString(ledgerId));
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(payload)))
                .fetch();
    }

    /**
     * The notice of a change; {@code eventId} names it on the SSE stream (a ledger row id, or the generation id for a
     * create's debit, which is announced after its commit rather than inside it).
     */
    public static String payload(UUID userId, int creditsAfter, LedgerKind kind, String eventId) {
        return userId + "|" + creditsAfter + "|" + kind.name().toLowerCase(Locale.ROOT) + "|" + eventId;
    }

    /** A payload read back: whose balance, what it is now, why, and the ledger row (the SSE event id). */
    public record Notice(UUID userId, int credits, String reason, String ledgerId) {
        /** Null for a payload that is not a balance notice. */
        public static Notice parse(String payload) {
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 4) {
                return null;
            }
            try {
                return new Notice(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), parts[2], parts[3]);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
