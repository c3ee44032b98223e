package com.pixfino.server.testsupport;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.ServerApp;
import com.pixfino.server.Services;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.db.Database;
import com.pixfino.server.generation.JobQueue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The server's own service graph on a fresh database, not started: no HTTP, no job queue working, so a
 * service-level test drives every status change itself. What a user does is one line each, as in {@link Studio}.
 */
public final class TestServices implements AutoCloseable {

    private static final AtomicInteger USERS = new AtomicInteger();

    private final Database database;
    private final Services services;

    private TestServices(Database database, Services services) {
        this.database = database;
        this.services = services;
    }

    /** The graph with the job queue the services see wrapped by {@code jobQueue} (to watch or replace it). */
    public static TestServices fresh(UnaryOperator<JobQueue> jobQueue) {
        return fresh(jobQueue, Clock.systemUTC());
    }

    /** Like {@link #fresh(UnaryOperator)}, with the services telling time by {@code clock} (a movable one, say). */
    public static TestServices fresh(UnaryOperator<JobQueue> jobQueue, Clock clock) {
        ServerConfig config = TestServer.freshConfig("services");
        ServerConfig.DatabaseSettings db = config.database().orElseThrow();
        Database database = Database.open(db.url(), db.user(), db.password(), 10, null);
        try {
            return new TestServices(
                    database, Services.build(config, database, ServerApp.objectMapper(), clock, List.of(), jobQueue));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A job queue that takes everything and does nothing: the test makes every status change. */
    public static JobQueue idleQueue() {
        return new JobQueue() {
            @Override
            public void enqueue(UUID generationId) {}

            @Override
            public void cancelAtProvider(String provider, String providerJobId) {}
        };
    }

    public Services services() {
        return services;
    }

    public Database database() {
        return database;
    }

    /** A new account whose balance is exactly {@code credits}. */
    public UUID userWithCredits(int credits) {
        String email = "service-user-" + UUID.randomUUID() + "@pixfino.test";
        UUID id = services.accounts()
                .register(new RegisterRequest(email, "correct-Horse-7", "Test User"), "127.0.0.1")
                .user()
                .id();
        int delta = credits - services.ledger().balance(id);
        if (delta != 0) {
            services.ledger().apply(id, delta, LedgerKind.ADJUSTMENT, "test setup", "test:" + USERS.incrementAndGet());
        }
        return id;
    }

    /** A stored 900x1200 JPEG upload of the user's. */
    public UUID upload(UUID userId) {
        return services.uploads()
                .accept(userId, TestImages.jpeg(900, 1200), "selfie.jpg")
                .upload()
                .id();
    }

    public long presetId(String slug) {
        return services.presets().list(Optional.empty(), Optional.<MediaKind>empty(), Optional.empty()).stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset " + slug))
                .id();
    }

    @Override
    public void close() {
        services.close();
        database.close();
    }
}
