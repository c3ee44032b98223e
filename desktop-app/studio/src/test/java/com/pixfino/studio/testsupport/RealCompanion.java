package com.pixfino.studio.testsupport;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.server.testsupport.stripe.StripeTestServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The real companion server, in this JVM, on a free port and a fresh database of the embedded PostgreSQL. */
public final class RealCompanion implements AutoCloseable {

    private final TestServer server;
    private final PickyRenderer renderer;
    private boolean closed;

    private RealCompanion(TestServer server, PickyRenderer renderer) {
        this.server = server;
        this.renderer = renderer;
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

    /** With the presets' preview pictures rendered in the background after start, as a production server does. */
    public static RealCompanion withPresetPreviews() {
        return start(config -> config.withPresetPreviews(true));
    }

    /** Waits until the start's pass has rendered every preset's preview picture. */
    public void awaitPresetPreviews() throws Exception {
        server.services().presetThumbnails().lastPass().get(90, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static RealCompanion start(UnaryOperator<ServerConfig> configure) {
        var dataDir = TestDatabases.TestDirs.fresh("studio-e2e");
        ServerConfig config = configure.apply(TestServer.config(dataDir, Optional.of(TestDatabases.freshDatabase())));
        PickyRenderer renderer = new PickyRenderer(dataDir.resolve("work"));
        return new RealCompanion(TestServer.start(config, List.of(renderer)), renderer);
    }

    public String url() {
        return server.baseUrl();
    }

    /** The server itself: its database and services, for tests that seed known data. */
    public TestServer testServer() {
        return server;
    }

    /** The server's renderer, to hold jobs in flight. */
    public PickyRenderer renderer() {
        return renderer;
    }

    /** Marks the address of the account {@code email} verified, as opening the mailed link would. */
    public void verifyEmail(String email, String password) {
        server.verifyEmail(server.client().login(email, password));
    }

    /** Brings the balance of the account {@code email} to {@code credits}, as the operator would. */
    public void setBalance(String email, String password, int credits) {
        ApiClient admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        ApiClient user = server.client().login(email, password);
        UserView me = user.get(ApiPaths.ME).as(UserView.class);
        ApiClient.Answer answer = admin.post(
                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, me.id()),
                Map.of("amount", credits - me.credits(), "reason", "test setup"));
        if (answer.status() != 201) {
            throw new IllegalStateException(answer.body());
        }
    }

    /** The account's ledger, newest first, as the server keeps it. */
    public List<LedgerEntryView> ledger(String email, String password) {
        return server.client()
                .login(email, password)
                .get(ApiPaths.LEDGER + "?limit=100")
                .page(LedgerEntryView.class)
                .items();
    }

    /** The account's generations, newest first, as the server lists them (up to 100). */
    public List<GenerationView> generations(String email, String password) {
        return server.client()
                .login(email, password)
                .get(ApiPaths.GENERATIONS + "?limit=100")
                .page(GenerationView.class)
                .items();
    }

    /** The account's whole library as the change feed gives it from the start (one page: a test's few results). */
    public LibraryChanges library(String email, String password) {
        ApiClient.Answer answer = server.client().login(email, password).get(ApiPaths.LIBRARY_CHANGES);
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.body());
        }
        return answer.as(LibraryChanges.class);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}
