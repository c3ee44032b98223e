package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.LedgerKind;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider that stops answering cannot hold a job past its deadline: with calls allowed 100 s (the HTTP
 * client's read timeout) and a 3 s job timeout, the job fails and is refunded once within deadline + 5 s.
 */
class ProviderDeadlineTest {

    private static final Logger log = LoggerFactory.getLogger(ProviderDeadlineTest.class);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private static FakeReplicate replicate;
    private static TestServer server;
    private static Studio studio;
    private static long preset;

    @BeforeAll
    static void start() {
        replicate = new FakeReplicate();
        server = ProviderServers.start(
                ProviderServers.only(ProviderServers.replicate(replicate, false)),
                ProviderServers.jobs(Duration.ofMillis(200), JOB_TIMEOUT),
                ProviderServers.patientBreaker(Duration.ofSeconds(100)),
                Optional.empty());
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
        replicate.close();
    }

    @Test
    void aCreateThatIsNeverAnsweredFailsTheJobAtItsDeadline() {
        String word = "submitsilent-" + UUID.randomUUID();
        ApiClient user = studio.userWithCredits(4);

        Finished finished = createAndAwaitTimeout(user, word);

        assertThat(finished.view().path("error").path("message").asText()).contains("did not finish within 3 s");
        assertThat(replicate.calls("POST", "/predictions").stream()
                        .filter(c -> c.body().contains(word)))
                .as("no retry once the deadline has passed")
                .hasSize(1);
        assertRefundedOnceAndLedgerMatchesBalance(user, finished.id());
    }

    @Test
    void aPollThatIsNeverAnsweredFailsTheJobAtItsDeadlineAndCancelsThePrediction() {
        String word = "pollstall-" + UUID.randomUUID();
        ApiClient user = studio.userWithCredits(4);

        Finished finished = createAndAwaitTimeout(user, word);

        String prediction = replicate.onlyPredictionFor(word);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> replicate.calls("POST", "/v1/predictions/" + prediction + "/cancel"),
                        calls -> !calls.isEmpty());
        assertRefundedOnceAndLedgerMatchesBalance(user, finished.id());
    }

    private record Finished(String id, JsonNode view) {}

    /** Creates a generation whose prompt carries the fake's fault word and waits, at most deadline + 5 s, for its end. */
    private static Finished createAndAwaitFinal(ApiClient user, String prompt) {
        String upload = Studio.upload(user);
        long started = System.nanoTime();
        String id = Studio.create(user, preset, upload, prompt, null)
                .json()
                .get("id")
                .asText();
        JsonNode view = await().atMost(JOB_TIMEOUT.plus(GRACE))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> user.get("/api/v1/generations/" + id).json(),
                        g -> List.of("COMPLETED", "FAILED", "CANCELED")
                                .contains(g.path("status").asText()));
        log.info(
                "event=job_ended fault={} status={} elapsed_ms={}",
                prompt.substring(0, prompt.indexOf('-')),
                view.path("status").asText(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new Finished(id, view);
    }

    /** As {@link #createAndAwaitFinal}, and the job failed with {@code timeout} and its 4 credits came back. */
    private static Finished createAndAwaitTimeout(ApiClient user, String prompt) {
        Finished finished = createAndAwaitFinal(user, prompt);
        Studio.assertFailedAndRefunded(user, Studio.generation(user, finished.id()), "timeout", 4);
        return finished;
    }

    /** Still one refund a while later (a late provider answer must not add one), and the balance is the ledger's sum. */
    private static void assertRefundedOnceAndLedgerMatchesBalance(ApiClient user, String id) {
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(
                        () -> Studio.ledgerKinds(user, id),
                        kinds -> kinds.equals(List.of(LedgerKind.DEBIT, LedgerKind.REFUND)));
        int sum = 0;
        for (JsonNode row : user.get("/api/v1/credits/ledger?limit=200").json().path("items")) {
            sum += row.path("amount").asInt();
        }
        assertThat(Studio.credits(user)).isEqualTo(sum);
    }
}
