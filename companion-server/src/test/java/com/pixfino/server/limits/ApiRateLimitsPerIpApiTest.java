package com.pixfino.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The address's budget is shared by every credential (and no credential) from it. */
class ApiRateLimitsPerIpApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(() -> TestServer.start(TestServer.freshConfig("rate-ip")
            .withLimits(RateLimitSettings.unlimited()
                    .with(Budget.API_REQUESTS_PER_IP, Allowance.of(1, Duration.ofMinutes(1), 4)))));

    @Test
    void twoSessionsFromOneAddressShareItsBudget() {
        ApiClient first = SERVER.client().registerNew();
        ApiClient second = SERVER.client().registerNew();
        assertThat(first.get(ApiPaths.ME).status()).isEqualTo(200);
        assertThat(first.get(ApiPaths.ME).status()).isEqualTo(200);
        assertThat(second.get(ApiPaths.ME).status()).isEqualTo(200);
        Answer last = SERVER.client().get(ApiPaths.PRESETS);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header(ApiPaths.RATE_LIMIT_REMAINING_HEADER)).isEqualTo("0");

        Answer refused = second.get(ApiPaths.ME);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").path("message").asText()).contains("from this network");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(SERVER.client().get(ApiPaths.HEALTH).status())
                .as("outside the API: health checks are not counted")
                .isEqualTo(200);
    }
}
