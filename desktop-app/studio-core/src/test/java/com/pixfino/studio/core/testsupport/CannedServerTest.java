package com.pixfino.studio.core.testsupport;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;

/** A client test against canned answers: a MockWebServer per test and the studio's client signed in as {@code tok-1}. */
public abstract class CannedServerTest {

    @StartStop
    protected final MockWebServer server = new MockWebServer();

    private final CompanionClients clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);

    @AfterEach
    void closeClients() {
        clients.close();
    }

    protected CompanionApi api() {
        return clients.forServer(ServerUrl.parse(server.url("/").toString()).orElseThrow())
                .withToken("tok-1");
    }
}
