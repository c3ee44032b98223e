package com.pixfino.server.generation;

import com.pixfino.model.GenerationStatus;
import com.pixfino.server.concurrent.ServerThreads;
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
 * Sends generation status changes to every server's {@link GenerationEvents} by PostgreSQL NOTIFY, after the change
 * has committed and from one thread of its own, many changes in one statement. A NOTIFY inside the change's own
 * transaction takes a cluster-wide lock until that commit is flushed, which queued every create behind the others.
 * Events are best-effort, as before: a server that dies between a commit and its notice loses that notice, and the
 * studio sees the change on its next read.
 */
public final class StatusNotices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusNotices.class);
    private static final int MAX_BATCH = 500;
    private static final int MAX_WAITING = 100_000;

    private final DSLContext dsl;
    private final BlockingQueue<String> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
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
        if (!waiting.offer(payload)) {
            log.warn("event=status_notice_dropped generation={} reason=queue_full", generationId);
        }
    }

    private void send() {
        List<String> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                String first = waiting.poll(500, TimeUnit.MILLISECONDS);
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

    private void sendAll(List<String> payloads) {
        Field<String> payload = DSL.field(DSL.name("n", "payload"), String.class);
        dsl.select(DSL.function("pg_notify", Object.class, DSL.val(GenerationStore.CHANNEL), payload))
                .from(DSL.unnest(payloads.toArray(String[]::new)).as("n", "payload"))
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
