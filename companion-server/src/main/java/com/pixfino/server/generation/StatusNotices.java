package com.pixfino.server.generation;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.credits.BalanceNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends generation status changes (and the balance after a create's debit) to every server's {@link GenerationEvents} by PostgreSQL NOTIFY, after the change
 * has committed and from one thread of its own, many changes in one statement. A NOTIFY inside the change's own
 * transaction takes a cluster-wide lock until that commit is flushed, which queued every create behind the others.
 * Events are best-effort, as before: a server that dies between a commit and its notice loses that notice, and the
 * studio sees the change on its next read.
 */
public final class StatusNotices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusNotices.class);
    static final String LIBRARY_CHANNEL = "library_events";
    private static final int MAX_BATCH = 500;
    private static final int MAX_WAITING = 100_000;

    private final DSLContext dsl;
    private final BlockingQueue<Notice> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final Thread sender;
    private volatile boolean running = true;

    public StatusNotices(DSLContext dsl) {
        this.dsl = dsl;
        this.sender = ServerThreads.named("status-notices").newThread(this::send);
        sender.start();
    }

    /** Queues the notice of a committed change; never blocks the caller. */
    public void publish(UUID userId, UUID generationId, GenerationStatus status, boolean refunded) {
        String payload = userId + "|" + generationId + "|" + status.name() + "|" + refunded;
        if (!waiting.offer(new Notice(GenerationStore.CHANNEL, payload))) {
            log.warn("event=status_notice_dropped generation={} reason=queue_full", generationId);
        }
    }

    /** Queues the notice that the user's library changed (the feed has something new); never blocks the caller. */
    public void publishLibrary(UUID userId) {
        if (!waiting.offer(new Notice(LIBRARY_CHANNEL, userId.toString()))) {
            log.warn("event=library_notice_dropped user={} reason=queue_full", userId);
        }
    }

    /** Queues the balance notice of a committed create's debit (other ledger rows announce themselves in their transaction). */
    public void publishDebit(UUID userId, UUID generationId, int creditsAfter) {
        String payload = BalanceNotices.payload(userId, creditsAfter, LedgerKind.DEBIT, generationId.toString());
        if (!waiting.offer(new Notice(BalanceNotices.CHANNEL, payload))) {
            log.warn("event=balance_notice_dropped generation={} reason=queue_full", generationId);
        }
    }

    private record Notice(String channel, String payload) {}

    private void send() {
        List<Notice> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                Notice first = waiting.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                sendAll(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                log.warn("event=status_notices_failed count={} message={}", batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    private void sendAll(List<Notice> notices) {
        Field<String> channel = DSL.field(DSL.name("n", "channel"), String.class);
        Field<String> payload = DSL.field(DSL.name("n", "payload"), String.class);
        String[] channels = notices.stream().map(Notice::channel).toArray(String[]::new);
        String[] payloads = notices.stream().map(Notice::payload).toArray(String[]::new);
        dsl.select(DSL.function("pg_notify", Object.class, channel, payload))
                .from(DSL.table("unnest({0}, {1})", DSL.val(channels), DSL.val(payloads))
                        .as("n", "channel", "payload"))
                .fetch();
    }

    /** Sends what is still queued, then stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
