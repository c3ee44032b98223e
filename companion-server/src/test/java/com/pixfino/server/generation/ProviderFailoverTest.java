package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.providers.RemoteProviderSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeOpenRouter;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replicate (the photo presets' provider) and OpenRouter both configured: a failing Replicate hands the job on, charged once. */
class ProviderFailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @AutoClose
    private final FakeReplicate replicate = new FakeReplicate();

    @AutoClose
    private final FakeOpenRouter openRouter = new FakeOpenRouter();

    private TestServer server;
    private Studio studio;
    private long preset;

    @BeforeEach
    void start() {
        RemoteProviderSettings both = new RemoteProviderSettings(
                Optional.of(ProviderServers.replicate(replicate, false)),
                Optional.empty(),
                Optional.of(ProviderServers.openRouter(openRouter)));
        // two failed calls in a row open Replicate's breaker for a minute
        server = ProviderServers.startQuickToTrip(both, Duration.ofSeconds(60));
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHealthyPresetProviderIsUsedFirst() {
        ApiClient user = studio.userWithCredits(4);
        GenerationView done =
                Studio.awaitFinal(user, Studio.generate(user, preset, "smiling-" + UUID.randomUUID()), WAIT);

        assertThat(done.provider()).isEqualTo("replicate");
        assertThat(openRouter.completions()).isZero();
    }

    @Test
    void aRefusedSubmitMovesToTheNextProviderWhichIsRecordedAndTheUserPaysOnce() {
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.generate(user, preset, "submit5xx-" + UUID.randomUUID());
        GenerationView done = Studio.awaitFinal(user, id, WAIT);

        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.provider()).isEqualTo("openrouter");
        assertThat(done.model()).isEqualTo("google/gemini-2.5-flash-image");
        assertThat(done.apiCostUsd()).isEqualByComparingTo(String.valueOf(FakeOpenRouter.COST));
        assertThat(done.refunded()).isFalse();
        assertThat(Studio.credits(user)).isZero();
        assertThat(Studio.ledgerKinds(user, id)).containsExactly(LedgerKind.DEBIT);
        assertThat(replicate.calls("POST", "/predictions"))
                .as("the failing create was retried once")
                .hasSize(2);
    }

    @Test
    void anOpenBreakerSendsTheNextJobsStraightToTheNextProvider() {
        ApiClient user = studio.userWithCredits(8);
        Studio.awaitFinal(user, Studio.generate(user, preset, "submit5xx-" + UUID.randomUUID()), WAIT);
        int replicateCalls = replicate.calls().size();

        GenerationView next = Studio.awaitFinal(
                user, Studio.generate(user, preset, "would work on replicate " + UUID.randomUUID()), WAIT);

        assertThat(next.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(next.provider()).isEqualTo("openrouter");
        assertThat(replicate.calls())
                .as("the open breaker keeps calls away from Replicate")
                .hasSize(replicateCalls);
        assertThat(Studio.credits(user)).isZero();
    }
}
