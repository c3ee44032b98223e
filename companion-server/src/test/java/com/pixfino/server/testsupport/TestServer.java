package com.pixfino.server.testsupport;

import com.pixfino.model.Tier;
import com.pixfino.server.ServerApp;
import com.pixfino.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A real companion server on a free port, with its own empty database and data directory. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@pixfino.test";
    public static final String ADMIN_PASSWORD = "0perator-Secret-42";

    private final ServerApp app;
    private final ServerConfig config;

    private TestServer(ServerConfig config) {
        this.config = config;
        this.app = ServerApp.start(config);
    }

    /** A server on a fresh database, with the test admin configured. */
    public static TestServer start() {
        return start(config(TestDatabases.TestDirs.fresh("server"), Optional.of(TestDatabases.freshDatabase())));
    }

    public static TestServer start(ServerConfig config) {
        return new TestServer(config);
    }

    /** Configuration like the defaults, on a free port; an empty database option means the embedded one under dataDir. */
    public static ServerConfig config(Path dataDir, Optional<ServerConfig.DatabaseSettings> database) {
        Map<Tier, Integer> credits = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            credits.put(tier, tier.defaultMonthlyCredits());
        }
        return new ServerConfig(0, dataDir, database,
                Optional.of(new ServerConfig.AdminSettings(ADMIN_EMAIL, ADMIN_PASSWORD)),
                credits, Duration.ofDays(30), 20L * 1024 * 1024, 50_000_000L);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    public ServerApp app() {
        return app;
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        app.close();
    }
}
