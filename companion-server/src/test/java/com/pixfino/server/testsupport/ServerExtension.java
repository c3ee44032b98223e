package com.pixfino.server.testsupport;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One real server per test class: {@code @RegisterExtension static final ServerExtension SERVER = new ServerExtension();}. */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestServer> starter;
    private TestServer server;

    public ServerExtension() {
        this(TestServer::start);
    }

    public ServerExtension(Supplier<TestServer> starter) {
        this.starter = starter;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public TestServer server() {
        return server;
    }

    /** An anonymous client of this class's server. */
    public ApiClient client() {
        return server.client();
    }
}
