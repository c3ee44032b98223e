package com.pixfino.server.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.library.LibraryEvent;
import com.pixfino.server.concurrent.ServerThreads;
import com.pixfino.server.credits.BalanceNotices;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

    private final DataSource dataSource;
    private final Function<UUID, String> libraryCursor;
    private final ObjectMapper mapper;
    private final Map<UUID, Set<EventStream>> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive;
    private final Thread listener;
    private volatile boolean running = true;

    /**
     * @param libraryCursor the cursor a {@code library} event carries for a user: at or after every change committed
     *                      so far (it is only called when the user has a stream open)
     */
    public GenerationEvents(DataSource dataSource, ObjectMapper mapper, Function<UUID, String> libraryCursor) {
        this.dataSource = dataSource;
        this.libraryCursor = libraryCursor;
        this.mapper = mapper;
        this.keepAlive = ServerThreads.named("sse-keepalive").singleScheduler();
        this.listener = ServerThreads.named("generation-events-listener").newThread(this::listen);
    }

    public void start() {
        listener.start();
        // a comment every 15 s keeps proxies from closing idle streams and finds dead clients
        keepAlive.scheduleAtFixedRate(() -> broadcastComment("keep-alive"), 15, 15, TimeUnit.SECONDS);
    }

    /** Registers an open stream for the user's events. */
    public void connect(EventStream client, UUID userId) {
        Set<EventStream> mine = clients.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
        mine.add(client);
        client.onClose(() -> mine.remove(client));
        client.sendComment("connected");
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
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (BalanceNotices.CHANNEL.equals(notification.getName())) {
                                dispatchBalance(notification.getParameter());
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

    /** A {@code library} event ({@link LibraryEvent}) to the user's streams: pull the change feed now. */
    private void dispatchLibrary(UUID userId) {
        Set<EventStream> targets = clients.get(userId);
        if (targets == null || targets.isEmpty()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(new LibraryEvent(libraryCursor.apply(userId)));
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
        listener.interrupt();
        clients.values().forEach(set -> set.forEach(EventStream::close));
        clients.clear();
    }
}
