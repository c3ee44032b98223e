package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.presets.PresetCatalog;
import com.pixfino.server.storage.FileSystemStorage;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.uploads.ImageIntake;
import com.pixfino.server.uploads.UploadService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A paid generation whose job could not be queued (say, the queue insert failed) is still accepted and then run. */
class ReconcilerTest {

    @Test
    void aGenerationThatLostItsJobIsQueuedByTheReconcilerAndCompletes() {
        try (TestServer server = TestServer.withProviders(List.of(new ScriptedProvider("replicate")))) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(4);
            UUID userId = Studio.userId(user);
            UUID upload = UUID.fromString(Studio.upload(user));
            var dsl = server.app().database().dsl();
            Clock clock = Clock.systemUTC();
            CreditLedger ledger = new CreditLedger(dsl, clock);
            var storage = new FileSystemStorage(server.config().dataDir().resolve("files"));
            JobQueue broken = new JobQueue() {
                @Override
                public void enqueue(UUID generationId) {
                    throw new IllegalStateException("queue unavailable");
                }

                @Override
                public void cancelAtProvider(String provider, String providerJobId) {
                }
            };
            GenerationService service = new GenerationService(dsl, ledger, new PresetCatalog(dsl),
                    new UploadService(dsl, storage, new ImageIntake(), clock), new GenerationStore(dsl, ledger, clock), broken, storage, clock);

            GenerationAccepted accepted = service.create(userId, new CreateGenerationRequest(studio.presetId("linkedin-headshot"), upload, null), null);
            assertThat(accepted.status()).isEqualTo(GenerationStatus.PENDING);

            GenerationView done = Studio.awaitFinal(user, accepted.id().toString(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(Studio.credits(user)).isZero();
        }
    }
}
