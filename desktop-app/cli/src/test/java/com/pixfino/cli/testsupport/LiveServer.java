package com.pixfino.cli.testsupport;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.Page;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.util.List;
import java.util.Map;

/**
 * The real companion server in this JVM (embedded PostgreSQL, local renderer), and its users as the CLI meets them:
 * with credits and an API key made through the API.
 */
public final class LiveServer implements AutoCloseable {

    private final TestServer server;
    private final Studio studio;

    public LiveServer() {
        this.server = TestServer.start();
        this.studio = new Studio(server);
    }

    public String url() {
        return server.baseUrl();
    }

    /** A user whose balance is {@code credits}, and an API key of theirs that may generate. */
    public User userWithKey(int credits) {
        return userWithKey(credits, List.of("read", "generate"));
    }

    /** A user whose balance is {@code credits}, and an API key of theirs with {@code scopes}. */
    public User userWithKey(int credits, List<String> scopes) {
        ApiClient session = studio.userWithCredits(credits);
        ApiClient.Answer created = session.post(ApiPaths.API_KEYS, Map.of("name", "cli test", "scopes", scopes));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return new User(session, created.json().get("key").asText());
    }

    @Override
    public void close() {
        server.close();
    }

    /** A user of the server: their signed-in session (for checks) and the API key the CLI is given. */
    public record User(ApiClient session, String apiKey) {

        public int credits() {
            return Studio.credits(session);
        }

        /** Every ledger row of kind {@code kind}, newest first. */
        public List<LedgerEntryView> ledger(LedgerKind kind) {
            Page<LedgerEntryView> page =
                    session.get(ApiPaths.LEDGER + "?limit=100").page(LedgerEntryView.class);
            if (page.nextCursor() != null) {
                throw new IllegalStateException("more than 100 ledger rows: page through them");
            }
            return page.items().stream().filter(row -> row.kind() == kind).toList();
        }
    }
}
