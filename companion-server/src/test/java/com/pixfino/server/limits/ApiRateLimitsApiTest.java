package com.pixfino.server.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API's request budgets per credential: a burst gets 429 with Retry-After, and room comes back. */
class ApiRateLimitsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(() -> TestServer.start(TestServer.freshConfig("rate")
            .withLimits(RateLimitSettings.unlimited()
                    .with(Budget.API_CREATES_PER_CREDENTIAL, Allowance.of(2, Duration.ofSeconds(1), 5))
                    .with(Budget.API_REQUESTS_PER_CREDENTIAL, Allowance.of(100, Duration.ofSeconds(1), 100)))));

    @Test
    void aBurstOfCreatesWithOneKeyIs429WithRetryAfterAndRecovers() {
        ApiClient session = SERVER.server().verifiedUser();
        CreatedApiKey key = session.post(ApiPaths.API_KEYS, Map.of("name", "burst", "scopes", List.of("generate")))
                .as(CreatedApiKey.class);
        ApiClient script = SERVER.client().withToken(key.key());

        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(script.post(ApiPaths.GENERATIONS, Map.of()));
        }
        assertThat(answers.subList(0, 5)).allMatch(a -> a.status() == 400);
        assertThat(answers.get(0).header(ApiPaths.RATE_LIMIT_REMAINING_HEADER)).isEqualTo("4");
        Answer refused = answers.get(answers.size() - 1);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("too_many_requests");
        assertThat(refused.json().path("error").path("message").asText()).contains("API key");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.header(ApiPaths.RATE_LIMIT_REMAINING_HEADER)).isEqualTo("0");

        Answer read = script.get(ApiPaths.ME);
        assertThat(read.status()).as("reads have their own budget").isEqualTo(200);
        assertThat(read.header(ApiPaths.RATE_LIMIT_REMAINING_HEADER)).isNotNull();
        assertThat(session.post(ApiPaths.GENERATIONS, Map.of()).status())
                .as("the owner's session is another credential")
                .isEqualTo(400);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> script.post(ApiPaths.GENERATIONS, Map.of()).status() == 400);
    }
}
