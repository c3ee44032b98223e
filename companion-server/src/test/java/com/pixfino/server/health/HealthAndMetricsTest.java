package com.pixfino.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator sees of the job queue and the providers: /health's shape and the metric names in /metrics. */
class HealthAndMetricsTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void aHealthyServerSaysOkWithNoReasons() {
        Answer health = SERVER.client().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("database").asText()).isEqualTo("ok");
        assertThat(health.json().has("version")).isTrue();
        assertThat(health.json().get("reasons").isArray()).isTrue();
        assertThat(health.json().get("reasons")).isEmpty();
    }

    @Test
    void metricsShowBreakerStateQueueDepthAndProviderLatency() {
        userWithACompletedGeneration();

        String metrics = SERVER.client().get("/metrics").body();

        assertThat(metrics)
                .contains("resilience4j_circuitbreaker_state{name=\"local\",state=\"closed\"} 1")
                .contains("resilience4j_circuitbreaker_state{name=\"local\",state=\"open\"} 0")
                .contains("resilience4j_circuitbreaker_calls_seconds_count{kind=\"successful\",name=\"local\"}")
                .contains("resilience4j_circuitbreaker_failure_rate{name=\"local\"}")
                .contains(
                        "resilience4j_circuitbreaker_not_permitted_calls_total{kind=\"not_permitted\",name=\"local\"}")
                .contains(
                        "pixfino_provider_calls_seconds_count{operation=\"submit\",outcome=\"success\",provider=\"local\"} 1")
                .contains(
                        "pixfino_provider_calls_seconds_count{operation=\"poll\",outcome=\"success\",provider=\"local\"}")
                .contains(
                        "pixfino_provider_calls_seconds_bucket{operation=\"poll\",outcome=\"success\",provider=\"local\",le=")
                .contains("pixfino_jobs_unfinished{status=\"pending\"} 0")
                .contains("pixfino_jobs_unfinished{status=\"running\"} 0")
                .contains("pixfino_jobs_due ");
    }

    @Test
    void metricsCountGenerationsByStatusCreditsAndOpenEventStreams() throws Exception {
        ApiClient user = userWithACompletedGeneration();

        String metrics;
        try (EventsStream events = EventsStream.open(user)) {
            assertThat(events.response().code()).isEqualTo(200);
            // the server sends this once the stream is registered
            assertThat(events.readLine()).isEqualTo(": connected");
            metrics = SERVER.client().get("/metrics").body();
        }

        assertThat(metrics)
                .contains("pixfino_generations_accepted_total ")
                .contains("pixfino_generations_finished_total{status=\"completed\"} ")
                .contains("pixfino_generations_finished_total{status=\"failed\"} ")
                .contains("pixfino_generations_finished_total{status=\"canceled\"} ")
                .contains("pixfino_credits_debited_total ")
                .contains("pixfino_credits_refunded_total ")
                .contains("pixfino_sse_clients 1");
        assertThat(value(metrics, "pixfino_generations_accepted_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "pixfino_credits_debited_total")).isGreaterThanOrEqualTo(4);
    }

    /** A user whose one 4-credit headshot has completed (the local renderer made it). */
    private static ApiClient userWithACompletedGeneration() {
        Studio studio = new Studio(SERVER.server());
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.create(user, studio.presetId("linkedin-headshot"), Studio.upload(user), null, null)
                .json()
                .get("id")
                .asText();
        assertThat(Studio.awaitFinal(user, id, Duration.ofSeconds(60)).status()).isEqualTo(GenerationStatus.COMPLETED);
        return user;
    }

    private static double value(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(name.length() + 1).trim()))
                .findFirst()
                .orElseThrow();
    }
}
