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
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every service from the configuration, starts the database and the HTTP server. */
public final class ServerApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerApp.class);

    private final Database database;
    private final Javalin javalin;

    private ServerApp(Database database, Javalin javalin) {
        this.database = database;
        this.javalin = javalin;
    }

    public static ServerApp start(ServerConfig config) {
        Database database = openDatabase(config);
        try {
            Javalin javalin = build(config, database, Clock.systemUTC());
            javalin.start(config.port());
            log.info("event=server_started port={} dataDir={}", javalin.port(), config.dataDir());
            return new ServerApp(database, javalin);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static Database openDatabase(ServerConfig config) {
        if (config.database().isPresent()) {
            ServerConfig.DatabaseSettings db = config.database().get();
            return Database.open(db.url(), db.user(), db.password(), 20, null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir(), true);
        try {
            return Database.open(embedded.jdbcUrl("postgres"), "postgres", null, 20, embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static Javalin build(ServerConfig config, Database database, Clock clock) {
        ObjectMapper mapper = objectMapper();
        String version = version();
        var dsl = database.dsl();
        CreditLedger ledger = new CreditLedger(dsl, clock);
        TokenService tokens = new TokenService(dsl, clock, config.tokenLifetime());
        AccountService accounts = new AccountService(dsl, new PasswordHasher(), tokens, ledger, config, clock);
        config.admin().ifPresent(accounts::ensureAdmin);
        Storage storage = new FileSystemStorage(config.dataDir().resolve("files"));
        UploadService uploads = new UploadService(dsl, storage, new ImageIntake(config.maxUploadBytes(), config.maxUploadPixels(), 400), clock);
        JsonBody json = new JsonBody(mapper);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);

        PixfinoApi.Handlers handlers = new PixfinoApi.Handlers(
                new HealthRoutes(database, version),
                new AccountRoutes(accounts, json),
                new BearerAuthentication(tokens),
                new PresetRoutes(new PresetCatalog(dsl)),
                new UploadRoutes(uploads, config.maxUploadBytes()),
                new LedgerRoutes(ledger),
                new AdminRoutes(new AdminUsers(dsl, ledger), json));
        return PixfinoApi.create(handlers, mapper, metrics, config.maxUploadBytes(), version);
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

    public int port() {
        return javalin.port();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        javalin.stop();
        database.close();
        log.info("event=server_stopped");
    }
}
