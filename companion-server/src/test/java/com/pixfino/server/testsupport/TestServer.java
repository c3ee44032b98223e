package com.pixfino.server.testsupport;

import com.pixfino.model.Tier;
import com.pixfino.server.ServerApp;
import com.pixfino.server.Services;
import com.pixfino.server.billing.BillingSettings;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.generation.JobQueue;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.limits.RateLimitSettings;
import com.pixfino.server.mail.MailSettings;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.RemoteProviderSettings;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.webhooks.WebhookSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A real companion server on a free port, with its own empty database and data directory. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@pixfino.test";
    public static final String ADMIN_PASSWORD = "0perator-Secret-42";

    /**
     * Jobs poll every 200 ms, so pipeline tests run in seconds; they time out after 90 s, longer than the 60 s
     * a call may take (the deadline cuts calls too, and a video render on a loaded core is one long poll).
     */
    public static final JobSettings FAST_JOBS = new JobSettings(
            Duration.ofMillis(200), Duration.ofSeconds(90), Duration.ofMillis(100), Duration.ofSeconds(1), 4);
    /** The product's breaker threshold with short backoff; calls may take 60 s (a video render on a loaded CI core). */
    public static final ResilienceSettings TEST_RESILIENCE =
            new ResilienceSettings(5, Duration.ofSeconds(60), 2, Duration.ofMillis(20), Duration.ofSeconds(60));

    /** No SMTP server (mail goes to .eml files), looked for every 100 ms and retried after 300 ms, then 600 ms... */
    public static final MailSettings FAST_MAIL = MailSettings.defaults()
            .withRetries(
                    List.of(
                            Duration.ofMillis(300),
                            Duration.ofMillis(600),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(2)),
                    Duration.ofSeconds(5),
                    Duration.ofMillis(100));

    private final ServerApp app;
    private final ServerConfig config;

    private TestServer(ServerConfig config, List<Provider> providers, UnaryOperator<JobQueue> jobQueue) {
        this.config = config;
        this.app = ServerApp.start(config, providers, jobQueue);
    }

    private TestServer(ServerConfig config, List<Provider> providers) {
        this(config, providers, UnaryOperator.identity());
    }

    /** A server on a fresh database, with the test admin configured. */
    public static TestServer start() {
        return start(freshConfig("server"));
    }

    public static TestServer start(ServerConfig config) {
        return new TestServer(config, List.of());
    }

    /** A server on a fresh database whose provider list includes {@code providers}. */
    public static TestServer withProviders(List<Provider> providers) {
        return new TestServer(freshConfig("server"), providers);
    }

    /** Like {@link #withProviders(List)}, with the job queue the services see wrapped by {@code jobQueue} (to break or watch it). */
    public static TestServer withProviders(List<Provider> providers, UnaryOperator<JobQueue> jobQueue) {
        return new TestServer(freshConfig("server"), providers, jobQueue);
    }

    public static TestServer start(ServerConfig config, List<Provider> providers) {
        return new TestServer(config, providers);
    }

    /** {@link #config} over a fresh data directory named after {@code name} and a fresh database. */
    public static ServerConfig freshConfig(String name) {
        return config(TestDatabases.TestDirs.fresh(name), Optional.of(TestDatabases.freshDatabase()));
    }

    /**
     * Configuration like the defaults, on a free port, without rate limits (tests register many users from
     * 127.0.0.1; the limits have their own tests); an empty database option means the embedded one under dataDir.
     */
    public static ServerConfig config(Path dataDir, Optional<ServerConfig.DatabaseSettings> database) {
        Map<Tier, Integer> credits = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            credits.put(tier, tier.defaultMonthlyCredits());
        }
        return new ServerConfig(
                0,
                dataDir,
                database,
                Optional.of(new ServerConfig.AdminSettings(ADMIN_EMAIL, ADMIN_PASSWORD)),
                credits,
                Duration.ofDays(30),
                20L * 1024 * 1024,
                50_000_000L,
                FAST_JOBS,
                TEST_RESILIENCE,
                RemoteProviderSettings.none(),
                Optional.empty(),
                RateLimitSettings.unlimited(),
                true,
                BillingSettings.defaults(),
                ServerConfig.DEFAULT_DB_POOL_SIZE,
                WebhookSettings.defaults().withAllowLocal(true),
                ServerConfig.DEFAULT_TOMBSTONE_WINDOW,
                ServerConfig.CreditValues.defaults(),
                // rendering every preset's preview costs a second of CPU per server: the tests that need them say so
                false,
                FAST_MAIL,
                // as long as the job queue waited before stops were graceful: tests close servers with jobs running
                Duration.ofSeconds(10),
                java.util.Set.of());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    /** The path of a link this server put in a mail, for following it with {@link #client()}. */
    public String pathOf(String link) {
        return link.substring(baseUrl().length());
    }

    public ServerApp app() {
        return app;
    }

    /** The running server's own services, for checks and set-up the API does not offer. */
    public Services services() {
        return app.services();
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * Marks the user's email address verified, as opening the mailed link would (for tests about something else that
     * needs a verified address: buying, API keys); answers {@code user}.
     */
    public ApiClient verifyEmail(ApiClient user) {
        java.util.UUID id = Studio.userId(user);
        app.database()
                .dsl()
                .update(org.jooq.impl.DSL.table("users"))
                .set(org.jooq.impl.DSL.field("email_verified_at"), java.time.OffsetDateTime.now())
                .where(org.jooq.impl.DSL.field("id").eq(id))
                .execute();
        return user;
    }

    /** A new account whose address is verified (as after opening the mailed link). */
    public ApiClient verifiedUser() {
        return verifyEmail(client().registerNew());
    }

    /** Whether the job queue still holds the generation's task; it lets go once the job's last step has run. */
    public boolean hasQueuedJob(String generationId) {
        return app.database()
                .dsl()
                .fetchExists(app.database()
                        .dsl()
                        .selectOne()
                        .from("scheduled_tasks")
                        .where("task_name = 'generation' and task_instance = ?", generationId));
    }

    @Override
    public void close() {
        app.close();
    }
}
