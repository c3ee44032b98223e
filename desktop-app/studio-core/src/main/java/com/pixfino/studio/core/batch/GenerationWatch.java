package com.pixfino.studio.core.batch;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.net.GenerationEventListener;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when the batch's generations end: the server's event stream for speed, a poll of each open generation every
 * few seconds because events can be missed (a reconnect, a stream that never opened). A broken stream is reopened on
 * the next poll.
 */
final class GenerationWatch implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationWatch.class);

    private final CompanionApi api;
    private final ScheduledExecutorService timer;
    private final BiConsumer<UUID, GenerationStatus> statusChanged;
    private final Map<UUID, CompletableFuture<GenerationView>> open = new ConcurrentHashMap<>();
    private final Object streamLock = new Object();
    private Closeable stream;
    private boolean streamBroken = true;
    private volatile boolean closed;
    private final long patienceNanos;
    private long unreachableSinceNanos = -1;

    /**
     * {@code statusChanged} hears non-final changes (RUNNING) of watched generations; when every check has failed on
     * the network for {@code patience}, the open waits end with that failure.
     */
    GenerationWatch(
            CompanionApi api,
            ScheduledExecutorService timer,
            Duration pollEvery,
            Duration patience,
            BiConsumer<UUID, GenerationStatus> statusChanged) {
        this.patienceNanos = patience.toNanos();
        this.api = api;
        this.timer = timer;
        this.statusChanged = statusChanged;
        timer.scheduleWithFixedDelay(this::poll, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The generation as it ended (completed, failed or canceled); blocks until then. */
    GenerationView awaitFinal(UUID id) throws InterruptedException, IOException {
        CompletableFuture<GenerationView> future = open.computeIfAbsent(id, key -> new CompletableFuture<>());
        if (closed) {
            open.remove(id, future);
            throw new CancellationException("the batch run ended"); // nothing would ever answer
        }
        timer.execute(() -> check(id));
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            open.remove(id, future);
        }
    }

    /** Ends a wait without an answer (the run was abandoned or the server cannot say). */
    void giveUp(UUID id, IOException reason) {
        CompletableFuture<GenerationView> future = open.get(id);
        if (future != null) {
            future.completeExceptionally(reason);
        }
    }

    /** A final answer known from elsewhere (a cancel's reply). */
    void offer(GenerationView view) {
        if (view.status().isFinal()) {
            CompletableFuture<GenerationView> future = open.get(view.id());
            if (future != null) {
                future.complete(view);
            }
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        reopenStreamIfBroken();
        for (UUID id : List.copyOf(open.keySet())) {
            check(id);
        }
    }

    private void check(UUID id) {
        if (closed || !open.containsKey(id)) {
            return;
        }
        try {
            GenerationView view = api.generation(id);
            reached();
            if (view.status().isFinal()) {
                offer(view);
            } else {
                statusChanged.accept(id, view.status());
            }
        } catch (CompanionHttpException e) {
            if (e.statusCode() == 404) {
                giveUp(id, e); // deleted on the server: nothing will ever come
            }
            LOG.debug("event=batch_poll_failed generation={} status={}", id, e.statusCode());
        } catch (IOException e) {
            LOG.debug("event=batch_poll_failed generation={} message={}", id, e.getMessage());
            if (FailureMessages.isNetwork(e)) {
                unreachable(e);
            }
        } catch (RuntimeException e) {
            LOG.debug("event=batch_poll_failed generation={} message={}", id, e.getMessage());
        }
    }

    private synchronized void reached() {
        unreachableSinceNanos = -1;
    }

    /** Every wait ends with {@code e} once the server has stayed unreachable for the patience. */
    private void unreachable(IOException e) {
        long now = System.nanoTime();
        synchronized (this) {
            if (unreachableSinceNanos < 0) {
                unreachableSinceNanos = now;
                return;
            }
            if (now - unreachableSinceNanos < patienceNanos) {
                return;
            }
        }
        for (CompletableFuture<GenerationView> future : open.values()) {
            future.completeExceptionally(e);
        }
    }

    private void reopenStreamIfBroken() {
        synchronized (streamLock) {
            if (closed || !streamBroken) {
                return;
            }
            streamBroken = false;
            closeStream();
            stream = api.events(new GenerationEventListener() {
                @Override
                public void opened() {}

                @Override
                public void event(GenerationEvent event) {
                    if (!open.containsKey(event.generationId())) {
                        return;
                    }
                    if (event.status().isFinal()) {
                        timer.execute(() -> check(event.generationId()));
                    } else {
                        statusChanged.accept(event.generationId(), event.status());
                    }
                }

                @Override
                public void failed(Exception error) {
                    synchronized (streamLock) {
                        streamBroken = true;
                    }
                }
            });
        }
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.debug("event=batch_stream_close_failed message={}", e.getMessage());
            }
            stream = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (streamLock) {
            closeStream();
        }
        for (CompletableFuture<GenerationView> future : open.values()) {
            future.completeExceptionally(new CancellationException("the batch run ended"));
        }
    }
}
