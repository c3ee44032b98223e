package com.pixfino.studio.testsupport;

import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.util.List;
import java.util.Optional;

/** The real companion server, in this JVM, on a free port and a fresh database of the embedded PostgreSQL. */
public final class RealCompanion implements AutoCloseable {

    private final TestServer server;
    private boolean closed;

    private RealCompanion(TestServer server) {
        this.server = server;
    }

    public static RealCompanion start() {
        var dataDir = TestDatabases.TestDirs.fresh("studio-e2e");
        ServerConfig config = TestServer.config(dataDir, Optional.of(TestDatabases.freshDatabase()));
        return new RealCompanion(TestServer.start(config, List.of(new PickyRenderer(dataDir.resolve("work")))));
    }

    public String url() {
        return server.baseUrl();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}
