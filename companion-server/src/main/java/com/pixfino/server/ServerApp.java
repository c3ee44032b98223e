package com.pixfino.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.pixfino.server.accounts.AccountRoutes;
import com.pixfino.server.accounts.AccountService;
import com.pixfino.server.accounts.BearerAuthentication;
import com.pixfino.server.accounts.PasswordHasher;
import com.pixfino.server.accounts.TokenService;
import com.pixfino.server.admin.AdminRoutes;
import com.pixfino.server.admin.AdminUsers;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.credits.LedgerRoutes;
import com.pixfino.server.db.Database;
import com.pixfino.server.db.EmbeddedDatabase;
import com.pixfino.server.health.HealthRoutes;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.presets.PresetCatalog;
import com.pixfino.server.presets.PresetRoutes;
import com.pixfino.server.storage.FileSystemStorage;
import com.pixfino.server.storage.Storage;
import com.pixfino.server.uploads.ImageIntake;
import com.pixfino.server.uploads.UploadRoutes;
import com.pixfino.server.uploads.UploadService;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.pixfino.server.generation.GenerationEvents;
import com.pixfino.server.generation.GenerationJob;
import com.pixfino.server.generation.GenerationRoutes;
import com.pixfino.server.generation.GenerationService;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.JobQueueMetrics;
import com.pixfino.server.generation.JobRunner;
import com.pixfino.server.generation.OutputStore;
import com.pixfino.server.generation.ProviderWebhookRoutes;
import com.pixfino.server.generation.ProviderWebhooks;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.ProviderRegistry;
import com.pixfino.server.providers.RemoteProviders;
import com.pixfino.server.storage.S3Settings;
import com.pixfino.server.storage.S3Storage;
import com.pixfino.server.providers.local.LocalRendererProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every service from the configuration, starts the database and the HTTP server. */
public final class ServerApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerApp.class);
    private static final int POOL_SIZE = 30;

    private final Database database;
    private final Javalin javalin;
    private final List<AutoCloseable> resources;

    private ServerApp(Database database, Javalin javalin, List<AutoCloseable> resources) {
        this.database = database;
        this.javalin = javalin;
        this.resources = resources;
    }

    /** Starts with the providers this configuration has keys for, and the local renderer. */
    public static ServerApp start(ServerConfig config) {
        return start(config, List.of());
    }

    /** Starts with extra providers besides the configured ones and the local renderer; an extra one replaces a configured one of its name. */
    public static ServerApp start(ServerConfig config, List<Provider> extraProviders) {
        Database database = openDatabase(config);
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Javalin javalin = build(config, database, Clock.systemUTC(), extraProviders, resources);
            javalin.start(config.port());
            log.info("event=server_started port={} dataDir={}", javalin.port(), config.dataDir());
            return new ServerApp(database, javalin, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            database.close();
            throw e;
        }
    }

    static Database openDatabase(ServerConfig config) {
        if (config.database().isPresent()) {
            ServerConfig.DatabaseSettings db = config.database().get();
            return Database.open(db.url(), db.user(), db.password(), POOL_SIZE, null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), true);
        try {
            return Database.open(embedded.jdbcUrl("postgres"), "postgres", null, POOL_SIZE, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static Javalin build(ServerConfig config, Database database, Clock clock, List<Provider> extraProviders,
                                 List<AutoCloseable> resources) {
        ObjectMapper mapper = objectMapper();
        String version = version();
        var dsl = database.dsl();
        CreditLedger ledger = new CreditLedger(dsl, clock);
        TokenService tokens = new TokenService(dsl, clock, config.tokenLifetime());
        AccountService accounts = new AccountService(dsl, new PasswordHasher(), tokens, ledger, config, clock);
        config.admin().ifPresent(accounts::ensureAdmin);
        Storage storage = storage(config, resources);
        UploadService uploads = new UploadService(dsl, storage, new ImageIntake(config.maxUploadBytes(), config.maxUploadPixels(), 400), clock);
        PresetCatalog presets = new PresetCatalog(dsl);
        JsonBody json = new JsonBody(mapper);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ExecutorService providerCalls = Executors.newCachedThreadPool(daemonThreads("provider-call"));
        resources.add(providerCalls::shutdownNow);
        RemoteProviders remote = new RemoteProviders(config.providers(), mapper, config.jobs().timeout(), clock);
        resources.add(remote);
        ProviderRegistry providers = new ProviderRegistry(providerList(config, remote, extraProviders), config.resilience(), providerCalls, metrics);
        GenerationStore store = new GenerationStore(dsl, ledger, clock);
        GenerationJob job = new GenerationJob(dsl, store, providers, new OutputStore(storage, remote.http()), storage, config.jobs(), clock);
        JobRunner jobs = new JobRunner(database.dataSource(), job, store, providers, config.jobs(), providerCalls);
        GenerationService generations = new GenerationService(dsl, ledger, presets, uploads, store, jobs, storage, clock,
                config.s3().map(S3Settings::linkLifetime).orElse(Duration.ofMinutes(15)));
        GenerationEvents events = new GenerationEvents(database.dataSource(), mapper);
        events.start();
        resources.add(events);
        jobs.start();
        resources.add(jobs);

        new JobQueueMetrics(dsl, clock).bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);

        PixfinoApi.Handlers handlers = new PixfinoApi.Handlers(
                new HealthRoutes(database, version, providers),
                new AccountRoutes(accounts, json),
                new BearerAuthentication(tokens),
                new PresetRoutes(presets),
                new UploadRoutes(uploads, config.maxUploadBytes()),
                new LedgerRoutes(ledger),
                new GenerationRoutes(generations, events, json),
                new AdminRoutes(new AdminUsers(dsl, ledger), json),
                new ProviderWebhookRoutes(new ProviderWebhooks(remote.webhooks(), store, jobs)));
        return PixfinoApi.create(handlers, mapper, metrics, config.maxUploadBytes(), version);
    }

    /** Files go to the S3 bucket when one is configured, else under the data directory. */
    private static Storage storage(ServerConfig config, List<AutoCloseable> resources) {
        if (config.s3().isPresent()) {
            S3Storage s3 = S3Storage.open(config.s3().get());
            resources.add(s3);
            return s3;
        }
        return new FileSystemStorage(config.dataDir().resolve("files"));
    }

    private static List<Provider> providerList(ServerConfig config, RemoteProviders remote, List<Provider> extra) {
        List<Provider> list = new ArrayList<>(extra);
        for (Provider configured : remote.providers()) {
            if (list.stream().noneMatch(p -> p.name().equals(configured.name()))) {
                list.add(configured);
            }
        }
        if (list.stream().noneMatch(p -> p.name().equals(LocalRendererProvider.NAME))) {
            list.add(new LocalRendererProvider(config.dataDir().resolve("work")));
        }
        return list;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("event=uncaught thread={}", t.getName(), e));
            return thread;
        };
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static String version() {
        String version = ServerApp.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("event=close_failed message={}", e.getMessage());
            }
        }
    }

    public int port() {
        return javalin.port();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        javalin.stop();
        closeAll(resources);
        database.close();
        log.info("event=server_stopped");
    }
}
