package com.pixfino.server.providers;

import static com.pixfino.server.db.jooq.Tables.MODERATION_FLAGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.PresetView;
import com.pixfino.server.db.jooq.tables.records.ModerationFlagsRecord;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link Provider} does with a generation on the real server, whatever service is behind it:
 * the job completes with its file copied into our storage and its cost recorded; every failure ends
 * FAILED and refunded once; a job that outlives its time limit fails and is refunded; a cancel refunds
 * and nothing the provider sends later changes that; a rate-limited call is retried. Subclass it per
 * provider, against its fake in {@code testsupport/fakes} or the local renderer itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderContractTest {

    // generous: a video render on a loaded CI core takes a while, and only a failing test waits it out
    protected static final Duration WAIT = Duration.ofSeconds(90);

    protected TestServer server;
    protected Studio studio;
    protected Profile profile;
    private TestServer timeLimited;
    private Studio timeLimitedStudio;

    /**
     * What the contract needs to know about the provider under test: the preset its jobs run (the server
     * must route it to this provider), what a completed job records, the prompt words that make it fail
     * and with which code, the word that keeps it busy until canceled, the word that makes a job outlive
     * its time limit, and the remote service behind it (empty for the local renderer).
     */
    public record Profile(
            String presetSlug,
            Completion completion,
            List<Failure> failures,
            String busyWord,
            Failure overTime,
            Optional<Remote> remote) {}

    /** What a completed job of this provider records. */
    public record Completion(String provider, String model, String apiCostUsd, String contentType) {}

    /** A prompt word and the error code the generation fails with. */
    public record Failure(String word, String code) {}

    /** The remote service the provider calls, as its fake sees it: its API key, and the path of the call that starts a job. */
    public record Remote(FakeHttpServer fake, String secret, String startPath) {
        long startsCarrying(String word) {
            return fake.calls("POST", startPath).stream()
                    .filter(call -> call.body().contains(word))
                    .count();
        }
    }

    /** A completed job as its owner fetched it: the view, the file and its thumbnail. */
    public record Completed(String prompt, GenerationView view, Answer output, Answer thumbnail) {}

    /** A generation started by a user whose balance was exactly its price. */
    public record Job(ApiClient user, String id, int credits) {}

    protected abstract Profile profile();

    /** Starts the server whose only AI provider is the one under test. */
    protected abstract TestServer startServer();

    /** A server on which a job with the profile's over-time word outlives its time limit; the main server by default. */
    protected TestServer startTimeLimitedServer() {
        return server;
    }

    /** The preset a job with {@code prompt} runs: the local renderer reads no prompt, so its words pick presets. */
    protected String presetSlugFor(String prompt) {
        return profile.presetSlug();
    }

    /** Waits until the provider is working on the job, so that a cancel has something to stop. */
    protected abstract void awaitBusyAtProvider(String prompt, Job job);

    /** What only this provider promises about a completed job (its polls, the file's bytes or size). */
    protected void assertCompletedAtProvider(Completed job) {}

    /** Waits until the provider was told to stop the job; a provider with nothing to stop does not wait. */
    protected void awaitToldToStop(String prompt) {}

    @BeforeAll
    void startServers() {
        profile = profile();
        server = startServer();
        studio = new Studio(server);
        timeLimited = startTimeLimitedServer();
        timeLimitedStudio = timeLimited == server ? studio : new Studio(timeLimited);
    }

    @AfterAll
    void stopServers() {
        if (timeLimited != null && timeLimited != server) {
            timeLimited.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aJobCompletesWithItsFileInOurStorageAndItsCostRecorded() {
        String prompt = "smiling-" + UUID.randomUUID();
        Job job = start(studio, prompt);
        GenerationView done = Studio.awaitFinal(job.user(), job.id(), WAIT);

        Completion expected = profile.completion();
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.provider()).isEqualTo(expected.provider());
        assertThat(done.model()).isEqualTo(expected.model());
        assertThat(done.apiCostUsd()).isEqualByComparingTo(expected.apiCostUsd());
        assertThat(done.outputContentType()).isEqualTo(expected.contentType());
        Answer output = job.user().get(done.outputUrl());
        assertThat(output.contentType()).as("served from our storage").isEqualTo(expected.contentType());
        Answer thumbnail = job.user().get(done.thumbnailUrl());
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(Studio.credits(job.user())).isZero();
        assertThat(Studio.ledgerKinds(job.user(), job.id())).containsExactly(LedgerKind.DEBIT);
        assertCompletedAtProvider(new Completed(prompt, done, output, thumbnail));
    }

    Stream<Failure> failures() {
        return profile().failures().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void everyFailureEndsFailedAndRefundedOnce(Failure failure) {
        Job job = start(studio, failure.word() + "-" + UUID.randomUUID());
        GenerationView done = Studio.awaitFinal(job.user(), job.id(), WAIT);

        Studio.assertFailedAndRefunded(job.user(), done, failure.code(), job.credits());
        profile.remote().ifPresent(remote -> assertThat(done.error().message()).doesNotContain(remote.secret()));
        java.util.function.Supplier<List<ModerationFlagsRecord>> flags = () -> server.app()
                .database()
                .dsl()
                .selectFrom(MODERATION_FLAGS)
                .where(MODERATION_FLAGS.GENERATION_ID.eq(UUID.fromString(job.id())))
                .fetch();
        if (ProviderException.SAFETY_REFUSAL.equals(failure.code())) {
            // a provider's safety refusal is flagged for the moderators (just after the refund), with its reason
            await().atMost(WAIT).until(() -> !flags.get().isEmpty());
            assertThat(flags.get()).singleElement().satisfies(flag -> {
                assertThat(flag.getSource()).isEqualTo("provider");
                assertThat(flag.getStatus()).isEqualTo("open");
                assertThat(flag.getUserId()).isEqualTo(Studio.userId(job.user()));
                assertThat(flag.getReason()).isEqualTo(done.error().message());
                assertThat(flag.getPrompt()).isEqualTo(done.prompt());
            });
        } else {
            assertThat(flags.get()).as("only safety refusals are flagged").isEmpty();
        }
    }

    @Test
    void aJobThatOutlivesItsTimeLimitFailsAndIsRefunded() {
        String prompt = profile.overTime().word() + "-" + UUID.randomUUID();
        Job job = start(timeLimitedStudio, prompt);
        GenerationView done = Studio.awaitFinal(job.user(), job.id(), WAIT);

        Studio.assertFailedAndRefunded(job.user(), done, profile.overTime().code(), job.credits());
        awaitToldToStop(prompt);
    }

    @Test
    void aCancelRefundsAndNothingTheProviderSendsLaterChangesThat() {
        String prompt = profile.busyWord() + "-" + UUID.randomUUID();
        Job job = start(studio, prompt);
        awaitBusyAtProvider(prompt, job);

        Answer canceled = Studio.cancel(job.user(), job.id());

        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.as(GenerationView.class).status()).isEqualTo(GenerationStatus.CANCELED);
        assertThat(canceled.as(GenerationView.class).refunded()).isTrue();
        assertThat(Studio.credits(job.user())).isEqualTo(job.credits());
        awaitToldToStop(prompt);
        // once the queue lets go of the job, whatever the provider answered late has been dealt with
        await("the job's last step").atMost(WAIT).until(() -> !server.hasQueuedJob(job.id()));
        GenerationView after = Studio.generation(job.user(), job.id());
        assertThat(after.status()).isEqualTo(GenerationStatus.CANCELED);
        assertThat(after.outputUrl()).isNull();
        assertThat(Studio.ledgerKinds(job.user(), job.id())).containsExactly(LedgerKind.DEBIT, LedgerKind.REFUND);
    }

    protected Job start(Studio on, String prompt) {
        PresetView preset = on.preset(presetSlugFor(prompt));
        ApiClient user = on.userWithCredits(preset.credits());
        return new Job(user, Studio.generate(user, preset.id(), prompt), preset.credits());
    }

    /**
     * Starts a job of {@code presetSlug} in {@code aspectRatio} with {@code seed} and returns the JSON body the
     * provider's fake received for it (found by the unique {@code prompt} in it).
     */
    protected com.fasterxml.jackson.databind.JsonNode sentToProvider(
            FakeHttpServer fake, String startPath, String presetSlug, String prompt, String aspectRatio, long seed) {
        PresetView preset = studio.preset(presetSlug);
        ApiClient user = studio.userWithCredits(preset.credits());
        Answer created = user.post(
                com.pixfino.model.ApiPaths.GENERATIONS,
                java.util.Map.of(
                        "presetId", preset.id(),
                        "uploadId", Studio.upload(user),
                        "prompt", prompt,
                        "aspectRatio", aspectRatio,
                        "seed", seed));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .ignoreExceptions()
                .until(() -> fake.call("POST", startPath, prompt).json(), java.util.Objects::nonNull);
    }
}
