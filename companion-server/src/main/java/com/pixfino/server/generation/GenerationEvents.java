package com.pixfino.server.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.library.LibraryEvent;
import com.pixfino.server.accounts.AccountNotices;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.credits.BalanceNotices;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each user's generation status changes and balance changes to their open SSE streams. The changes arrive by
 * PostgreSQL LISTEN/NOTIFY, sent once the change has committed ({@link StatusNotices} for generations), so a job
 * finished by any server reaches a studio connected to any other.
 */
public final class GenerationEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GenerationEvents.class);

    private static final long LIBRARY_CHECK_MILLIS = 50;
    private static final long LIBRARY_MAX_WAIT_MILLIS = 10_000;

    private final DataSource dataSource;
    private final LibraryHorizon library;
    /** Users with a library change not yet announced: the horizon it waits for and since when it waits. */
    private final Map<UUID, long[]> pendingLibrary = new ConcurrentHashMap<>();

    private final ScheduledExecutorService libraryTimer;
    private final ObjectMapper mapper;
    private final Map<UUID, Set<EventStream>> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive;
    private final Thread listener;
    private volatile boolean running = true;
    /** Set once the server stops: the retry hint every stream, open or opened from now on, ends with. */
    private volatile Duration draining;

    /** @param library when a library change can be served by the change feed, and the cursor its event carries */
    public GenerationEvents(DataSource dataSource, ObjectMapper mapper, LibraryHorizon library) {
        this.dataSource = dataSource;
        this.library = library;
        this.libraryTimer = ServerThreads.named("library-events").singleScheduler();
        this.mapper = mapper;
        this.keepAlive = ServerThreads.named("sse-keepalive").singleScheduler();
        this.listener = ServerThreads.named("generation-events-listener").newThread(this::listen);
    }

    public void start() {
        listener.start();
        // a comment every 15 s keeps proxies from closing idle streams and finds dead clients
        keepAlive.scheduleAtFixedRate(() -> broadcastComment("keep-alive"), 15, 15, TimeUnit.SECONDS);
        libraryTimer.scheduleWithFixedDelay(
                this::announceLibraryChanges, LIBRARY_CHECK_MILLIS, LIBRARY_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Registers an open stream for the user's events. */
    public void connect(EventStream client, UUID userId) {
        Set<EventStream> mine = clients.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        mine.add(client);
        client.onClose(() -> mine.remove(client));
        // checked after adding, so a stream is either seen by drain() or sees its flag
        Duration retry = draining;
        if (retry != null) {
            mine.remove(client);
            client.closeWithRetry(retry);
            return;
        }
        client.sendComment("connected");
    }

    /**
     * Ends every open stream with a {@code retry:} hint, and each stream opened from now on at once: the server is
     * stopping, and a graceful stop would otherwise wait for streams that never end by themselves.
     */
    public void drain(Duration retry) {
        draining = retry;
        int ended = 0;
        for (Set<EventStream> set : clients.values()) {
            for (EventStream client : set) {
                set.remove(client);
                try {
                    client.closeWithRetry(retry);
                } catch (RuntimeException e) {
                    log.debug("event=stream_end_failed message={}", e.getMessage());
                }
                ended++;
            }
        }
        log.info("event=streams_drained streams={} retry_ms={}", ended, retry.toMillis());
    }

    public int connectedClients() {
        return clients.values().stream().mapToInt(Set::size).sum();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + GenerationStore.CHANNEL);
                statement.execute("LISTEN " + BalanceNotices.CHANNEL);
                statement.execute("LISTEN " + StatusNotices.LIBRARY_CHANNEL);
                statement.execute("LISTEN " + AccountNotices.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (BalanceNotices.CHANNEL.equals(notification.getName())) {
                                dispatchBalance(notification.getParameter());
                            } else if (AccountNotices.CHANNEL.equals(notification.getName())) {
                                disconnect(notification.getParameter());
                            } else if (StatusNotices.LIBRARY_CHANNEL.equals(notification.getName())) {
                                dispatchLibrary(UUID.fromString(notification.getParameter()));
                            } else {
                                dispatch(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("event=listen_failed message={} action=retry_in_1s", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    /** Closes the open streams of an account that may no longer be served (it was suspended). */
    private void disconnect(String payload) {
        UUID userId;
        try {
            userId = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        Set<EventStream> theirs = clients.remove(userId);
        if (theirs != null) {
            theirs.forEach(EventStream::close);
            log.info("event=streams_closed user={} streams={} reason=account_suspended", userId, theirs.size());
        }
    }

    private void dispatch(String payload) {
        String[] parts = payload.split("\\|");
        if (parts.length != 4) {
            return;
        }
        UUID userId = UUID.fromString(parts[0]);
        Set<EventStream> targets = clients.get(userId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        GenerationEvent event = new GenerationEvent(
                UUID.fromString(parts[1]), GenerationStatus.valueOf(parts[2]), Boolean.parseBoolean(parts[3]));
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (EventStream client : targets) {
            send(targets, client, () -> client.sendEvent("generation", json, parts[1]));
        }
        // a status change is a library change too (the item is re-sent by the change feed)
        dispatchLibrary(userId);
    }

    /**
     * Notes a committed change of the user's library. Its {@code library} event goes out once the change feed can
     * serve it: a pull sooner could find it held back behind an older transaction still open, and then no event
     * would come for it. Changes of one user waiting together make one event.
     */
    private void dispatchLibrary(UUID userId) {
        Set<EventStream> targets = clients.get(userId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        long horizon;
        try {
            horizon = library.committedBelow();
        } catch (RuntimeException e) {
            log.warn("event=library_event_failed message={}", e.getMessage());
            return;
        }
        long now = System.nanoTime();
        pendingLibrary.merge(userId, new long[] {horizon, now}, (old, mine) ->
                new long[] {Math.max(old[0], mine[0]), old[1]});
    }

    /** Sends the {@code library} events whose changes the feed now serves (or that waited too long). */
    private void announceLibraryChanges() {
        if (pendingLibrary.isEmpty()) {
            return;
        }
        long ended;
        try {
            ended = library.endedBelow();
        } catch (RuntimeException e) {
            log.warn("event=library_events_check_failed message={}", e.getMessage());
            return;
        }
        long now = System.nanoTime();
        for (Map.Entry<UUID, long[]> entry : pendingLibrary.entrySet()) {
            long[] wait = entry.getValue();
            boolean servable = ended >= wait[0];
            boolean tooLong = now - wait[1] > TimeUnit.MILLISECONDS.toNanos(LIBRARY_MAX_WAIT_MILLIS);
            if ((servable || tooLong) && pendingLibrary.remove(entry.getKey(), wait)) {
                sendLibrary(entry.getKey());
            }
        }
    }

    /** A {@code library} event ({@link LibraryEvent}) to the user's streams: pull the change feed now. */
    private void sendLibrary(UUID userId) {
        Set<EventStream> targets = clients.get(userId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(new LibraryEvent(library.eventCursor(userId)));
        } catch (RuntimeException | JsonProcessingException e) {
            log.warn("event=library_event_failed message={}", e.getMessage());
            return;
        }
        for (EventStream client : targets) {
            send(targets, client, () -> client.sendEvent(ApiPaths.LIBRARY_EVENT, json, null));
        }
    }

    /** A {@code balance} event ({@link BalanceEvent}) to the user's streams, whatever changed the balance. */
    private void dispatchBalance(String payload) {
        BalanceNotices.Notice notice = BalanceNotices.Notice.parse(payload);
        if (notice == null) {
            return;
        }
        Set<EventStream> targets = clients.get(notice.userId());
        if (targets == null || targets.isEmpty()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(new BalanceEvent(notice.credits(), notice.reason()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (EventStream client : targets) {
            send(targets, client, () -> client.sendEvent(ApiPaths.BALANCE_EVENT, json, "balance-" + notice.ledgerId()));
        }
    }

    private void broadcastComment(String comment) {
        clients.values().forEach(set -> set.forEach(client -> send(set, client, () -> client.sendComment(comment))));
    }

    private static void send(Set<EventStream> owner, EventStream client, Runnable sending) {
        if (client.isClosed()) {
            owner.remove(client);
            return;
        }
        try {
            sending.run();
        } catch (RuntimeException e) {
            owner.remove(client);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        keepAlive.shutdownNow();
        libraryTimer.shutdownNow();
        listener.interrupt();
        clients.values().forEach(set -> set.forEach(EventStream::close));
        clients.clear();
    }
}
