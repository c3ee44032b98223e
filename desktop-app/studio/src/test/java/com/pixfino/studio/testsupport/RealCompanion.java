package com.pixfino.studio.testsupport;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.server.testsupport.stripe.StripeTestServer;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The real companion server, in this JVM, on a free port and a fresh database of the embedded PostgreSQL. */
public final class RealCompanion implements AutoCloseable {

    private final TestServer server;
    private boolean closed;

    private RealCompanion(TestServer server) {
        this.server = server;
    }

    public static RealCompanion start() {
        return start(UnaryOperator.identity());
    }

    /**
     * With billing against {@code stripe} (its keys, Starter and Pro priced); the fake's checkout-complete hook delivers
     * its signed events to this server's webhook.
     */
    public static RealCompanion withBilling(FakeStripe stripe) {
        RealCompanion companion = start(config -> config.withBilling(StripeTestServer.billing(stripe)));
        stripe.webhookUrl(companion.url() + ApiPaths.BILLING_WEBHOOK);
        return companion;
    }

    private static RealCompanion start(UnaryOperator<ServerConfig> configure) {
        var dataDir = TestDatabases.TestDirs.fresh("studio-e2e");
        ServerConfig config = configure.apply(TestServer.config(dataDir, Optional.of(TestDatabases.freshDatabase())));
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
