package com.pixfino.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behind nginx (PIXFINO_TRUSTED_PROXIES), each client's address has its own budget, not the proxy's one. */
class BudgetsBehindProxyApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(() -> TestServer.start(TestServer.freshConfig("proxy-ip")
            .withTrustedProxies(Set.of("127.0.0.1"))
            .withLimits(RateLimitSettings.unlimited()
                    .with(Budget.API_REQUESTS_PER_IP, Allowance.of(1, Duration.ofMinutes(1), 2)))));

    @Test
    void clientsForwardedByTheProxyHaveABudgetEach() {
        assertThat(presetsFor("203.0.113.1")).isEqualTo(200);
        assertThat(presetsFor("203.0.113.1")).isEqualTo(200);
        assertThat(presetsFor("203.0.113.1")).isEqualTo(429);
        assertThat(presetsFor("203.0.113.2"))
                .as("another client behind the same proxy")
                .isEqualTo(200);
        // what the client itself put in front of the proxy's entry is not believed
        assertThat(presetsFor("203.0.113.2, 203.0.113.1")).isEqualTo(429);
    }

    private static int presetsFor(String forwardedFor) {
        ApiClient client = SERVER.client();
        return client.send("GET", ApiPaths.PRESETS, null, Map.of("X-Forwarded-For", forwardedFor))
                .status();
    }
}
