package com.pixfino.studio.core.library;

import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.library.LibraryEvent;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.TaskProgress;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.GenerationEventListener;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one signed-in account's {@link LibraryCatalog} in sync: on start, on every {@code library} event of the
 * server's event stream, when the stream reconnects, and after every local edit. A round first replays the
 * outbox, then pulls the change feed. Requests coalesce: while a round runs, any number of new requests make at
 * most one more round. When the server cannot be reached, rounds are retried with a growing wait, and the event
 * stream is reopened the same way.
 */
public final class LibraryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryService.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);

    /** Where the sync stands, for a status line; {@code rows} counts the changes of the round so far. */
    public record Status(State state, int rows, String message) {}

    public enum State {
        IDLE,
        SYNCING,
        OFFLINE
    }

    private final LibraryCatalog catalog;
    private final CompanionApi api;
    private final LibrarySync sync;
    private final OutboxReplay replay;
    private final Consumer<Status> status;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Closeable events;
    private Duration syncRetry = FIRST_RETRY;
    private Duration streamRetry = FIRST_RETRY;

    /**
     * @param api the server, authorized as the account
     * @param status hears every change of state (on the service's thread)
     * @param refused hears the server's sentence when it refused an edit for good (the edit was undone here)
     */
    public LibraryService(LibraryCatalog catalog, CompanionApi api, Consumer<Status> status, Consumer<String> refused) {
        this.catalog = catalog;
        this.api = api;
        this.sync = new LibrarySync(catalog);
        this.replay = new OutboxReplay(catalog, refused);
        this.status = status;
        this.worker = NamedThreads.timer("library-sync");
    }

    /** Connects the catalogue to the server, opens the event stream and starts the first round. */
    public void start() {
        catalog.connect(api);
        catalog.onEdit(this::requestSync);
        openEvents();
        requestSync();
    }

    /** Asks for a round; returns at once. */
    public void requestSync() {
        if (closed.get()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            worker.execute(this::rounds);
        }
    }

    private void rounds() {
        try {
            while (again.getAndSet(false) && !closed.get()) {
                if (!round()) {
                    return; // a retry is scheduled
                }
            }
        } finally {
            running.set(false);
        }
        // a request that came in just after the loop ended and saw running=true
        if (again.get() && !closed.get() && syncRetry.equals(FIRST_RETRY) && running.compareAndSet(false, true)) {
            worker.execute(this::rounds);
        }
    }

    // One replay and pull; false when the server could not be reached and a retry was scheduled.
    private boolean round() {
        try {
            OutboxReplay.Outcome sent = replay.replay(api);
            if (sent.stopped()) {
                offline(sent.retryAfter().orElse(null));
                return false;
            }
            report(new Status(State.SYNCING, 0, ""));
            LibrarySync.Outcome pulled = sync.pull(api, new TaskProgress() {
                @Override
                public void update(double fraction, String message) {
                    report(new Status(State.SYNCING, 0, message));
                }

                @Override
                public boolean isCancelled() {
                    return closed.get();
                }
            });
            syncRetry = FIRST_RETRY;
            report(new Status(State.IDLE, pulled.rows(), ""));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("event=library_sync_failed reason={}", e.getMessage());
            offline(null);
            return false;
        }
    }

    private void offline(Duration asked) {
        Duration wait = asked != null ? asked : syncRetry;
        syncRetry = min(syncRetry.multipliedBy(2), LAST_RETRY);
        report(new Status(State.OFFLINE, 0, "Waiting for the server"));
        if (!closed.get()) {
            worker.schedule(this::requestSync, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void report(Status value) {
        try {
            status.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("event=library_status_listener_failed reason={}", e.toString());
        }
    }

    private void openEvents() {
        if (closed.get()) {
            return;
        }
        events = api.events(new GenerationEventListener() {
            @Override
            public void opened() {
                streamRetry = FIRST_RETRY;
                requestSync(); // (re)connected: whatever happened meanwhile
            }

            @Override
            public void event(GenerationEvent event) {
                // a generation that finishes changes the library too; its library event follows
            }

            @Override
            public void library(LibraryEvent event) {
                requestSync();
            }

            @Override
            public void failed(Exception error) {
                if (closed.get()) {
                    return;
                }
                Duration wait = streamRetry;
                streamRetry = min(streamRetry.multipliedBy(2), LAST_RETRY);
                worker.schedule(LibraryService.this::openEvents, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        catalog.onEdit(null);
        catalog.connect(null);
        Closeable stream = events;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
