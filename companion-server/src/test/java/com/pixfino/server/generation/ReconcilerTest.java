package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A paid generation whose job could not be queued (say, the queue insert failed) is still accepted and then run. */
class ReconcilerTest {

    @Test
    void aGenerationThatLostItsJobIsQueuedByTheReconcilerAndCompletes() {
        try (TestServer server =
                TestServer.withProviders(List.of(new ScriptedProvider("replicate")), ReconcilerTest::refusingEnqueue)) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(4);
            UUID userId = Studio.userId(user);
            UUID upload = UUID.fromString(Studio.upload(user));
            GenerationService service = server.services().generations();

            GenerationAccepted accepted = service.create(
                    userId, new CreateGenerationRequest(studio.presetId("linkedin-headshot"), upload, null), null);
            assertThat(accepted.status()).isEqualTo(GenerationStatus.PENDING);

            GenerationView done = Studio.awaitFinal(user, accepted.id().toString(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(Studio.credits(user)).isZero();
        }
    }

    /** The real queue, except that handing it a new generation fails; only the reconciler can queue it. */
    private static JobQueue refusingEnqueue(JobQueue real) {
        return new JobQueue() {
            @Override
            public void enqueue(UUID generationId) {
                throw new IllegalStateException("queue unavailable");
            }

            @Override
            public void cancelAtProvider(String provider, String providerJobId) {
                real.cancelAtProvider(provider, providerJobId);
            }

            @Override
            public void pollNow(UUID generationId) {
                real.pollNow(generationId);
            }
        };
    }
}
