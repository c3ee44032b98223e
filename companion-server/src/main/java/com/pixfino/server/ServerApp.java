package com.pixfino.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.pixfino.model.ApiPaths;
import com.pixfino.server.accounts.AccountLifecycleRoutes;
import com.pixfino.server.accounts.AccountRoutes;
import com.pixfino.server.admin.AdminRoutes;
import com.pixfino.server.admin.AdminSettingsRoutes;
import com.pixfino.server.apikeys.ApiKeyRoutes;
import com.pixfino.server.billing.BillingRoutes;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.credits.LedgerRoutes;
import com.pixfino.server.db.Database;
import com.pixfino.server.db.EmbeddedDatabase;
import com.pixfino.server.generation.GenerationRoutes;
import com.pixfino.server.generation.JobQueue;
import com.pixfino.server.generation.ProviderWebhookRoutes;
import com.pixfino.server.health.HealthRoutes;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.BearerAuthentication;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.RequestLimits;
import com.pixfino.server.library.LibraryRoutes;
import com.pixfino.server.moderation.ModerationRoutes;
import com.pixfino.server.notifications.NotificationRoutes;
import com.pixfino.server.presets.PresetRoutes;
import com.pixfino.server.privacy.PrivacyRoutes;
import com.pixfino.server.promo.PromoRoutes;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.referrals.ReferralRoutes;
import com.pixfino.server.storage.PrivateDirectories;
import com.pixfino.server.styles.StyleRoutes;
import com.pixfino.server.uploads.UploadRoutes;
import com.pixfino.server.webhooks.WebhookRoutes;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: opens the database, builds the one {@link Services} graph, serves it over HTTP. */
public final class ServerApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerApp.class);
    /** The {@code retry:} hint a stopping server's event streams end with: soon, but after the proxy switched. */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final Database database;
    private final Services services;
    private final Javalin javalin;

    private ServerApp(Database database, Services services, Javalin javalin) {
        this.database = database;
        this.services = services;
        this.javalin = javalin;
    }

    /** Starts with the providers this configuration has keys for, and the local renderer. */
    public static ServerApp start(ServerConfig config) {
        return start(config, List.of());
    }

    /** Starts with extra providers besides the configured ones and the local renderer; an extra one replaces a configured one of its name. */
    public static ServerApp start(ServerConfig config, List<Provider> extraProviders) {
        return start(config, extraProviders, UnaryOperator.identity());
    }

    /** As {@link #start(ServerConfig, List)}, with the job queue the services see wrapped by {@code jobQueue} (tests break or watch it). */
    public static ServerApp start(
            ServerConfig config, List<Provider> extraProviders, UnaryOperator<JobQueue> jobQueue) {
        PrivateDirectories.create(config.dataDir());
        Database database = openDatabase(config);
        Services services = null;
        try {
            ObjectMapper mapper = objectMapper();
            services = Services.build(config, database, mapper, Clock.systemUTC(), extraProviders, jobQueue);
            services.start();
            Javalin javalin = api(config, database, services, mapper);
            javalin.start(config.port());
            // links in mail sent outside a request point here when no public URL is configured
            services.notifications().links().listeningOn(javalin.port());
            log.info("event=server_started port={} dataDir={}", javalin.port(), config.dataDir());
            return new ServerApp(database, services, javalin);
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            }
            database.close();
            throw e;
        }
    }

    static Database openDatabase(ServerConfig config) {
        if (config.database().isPresent()) {
            ServerConfig.DatabaseSettings db = config.database().get();
            return Database.open(db.url(), db.user(), db.password(), config.dbPoolSize(), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), true);
        try {
            return Database.open(embedded.jdbcUrl("postgres"), "postgres", null, config.dbPoolSize(), embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static Javalin api(ServerConfig config, Database database, Services services, ObjectMapper mapper) {
        String version = version();
        JsonBody json = new JsonBody(mapper);
        PrometheusMeterRegistry metrics = services.metrics();
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);

        PixfinoApi.Handlers handlers = new PixfinoApi.Handlers(
                new HealthRoutes(database, version, services.providers()),
                new AccountRoutes(services.accounts(), json),
                new BearerAuthentication(
                        token -> services.tokens()
                                .resolve(token)
                                .map(session ->
                                        new Authenticated(session.userId(), session.role(), session.tokenHash())),
                        key -> services.apiKeys()
                                .resolve(key)
                                .map(c -> Authenticated.apiKey(c.userId(), c.role(), c.keyId(), c.scopes()))),
                new PresetRoutes(services.presets(), services.presetThumbnails()),
                new UploadRoutes(services.uploads(), config.maxUploadBytes()),
                new LedgerRoutes(services.ledger()),
                new GenerationRoutes(services.generations(), services.deletion(), services.events(), json),
                new LibraryRoutes(services.libraryFeed(), services.libraryEdits(), json),
                new StyleRoutes(services.styles(), services.prompts(), json),
                new AdminRoutes(
                        services.adminUsers(),
                        services.adminStatistics(),
                        services.auditTrail(),
                        services.adminPresets(),
                        json),
                new ModerationRoutes(
                        services.moderationWords(), services.moderationFlags(), services.flagResolutions(), json),
                new ProviderWebhookRoutes(services.webhooks()),
                new PrivacyRoutes(services.accountExport(), services.accountDeletion(), json),
                new BillingRoutes(services.billing(), json),
                new ApiKeyRoutes(services.apiKeys(), json),
                new WebhookRoutes(services.outgoingWebhooks(), json),
                new RequestLimits(
                        services.limits(), java.util.Set.of(ProviderWebhookRoutes.PATH, ApiPaths.BILLING_WEBHOOK)),
                new AccountLifecycleRoutes(
                        services.emailVerification(), services.passwordReset(), json, services.emailChange()),
                new NotificationRoutes(services.notifications(), json),
                new ReferralRoutes(services.referrals()),
                new AdminSettingsRoutes(services.adminSettings(), json),
                new PromoRoutes(services.promoCodes(), json));
        return PixfinoApi.create(
                handlers,
                mapper,
                metrics,
                config.maxUploadBytes(),
                version,
                config.swaggerUi(),
                config.stopTimeout(),
                config.trustedProxies());
    }

    /**
     * The mapper of the API and of provider JSON. Binding is strict: a number is never read from text or a fraction,
     * nor text from a number or boolean, so {@code "amount": 1.5} or {@code "3"} is refused, not stored as 1 or 3
     * (provider answers are read as trees, which this does not touch).
     */
    public static ObjectMapper objectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // one rule for enums in bodies and query parameters: their spelling in any case ("read", "READ")
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.OtherScalar)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    private static String version() {
        String version = ServerApp.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public int port() {
        return javalin.port();
    }

    /** Requests being handled right now: what a graceful stop waits for. */
    public int activeRequests() {
        StatisticsHandler statistics = javalin.jettyServer().server().getChildHandlerByClass(StatisticsHandler.class);
        return statistics == null ? 0 : statistics.getRequestsActive();
    }

    public Database database() {
        return database;
    }

    /** The services this server runs, the same instances its HTTP handlers call. */
    public Services services() {
        return services;
    }

    /**
     * Stops gracefully (on SIGTERM too): event streams end with a hint to reconnect (to the other slot, behind the proxy),
     * Jetty stops accepting and lets the requests in flight finish, then running job steps get the stop timeout to end
     * and are handed back to the shared queue if they do not, for another server to run.
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        log.info("event=server_stopping port={}", javalin.port());
        services.events().drain(RECONNECT_AFTER);
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            // requests still running at the stop timeout are cut; the queue and the database must still be let go
            log.warn("event=http_stop_incomplete message={}", e.getMessage());
        }
        services.close();
        database.close();
        log.info("event=server_stopped took_ms={}", (System.nanoTime() - started) / 1_000_000);
    }
}
