package com.pixfino.server.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.testsupport.Studio;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every provider that calls a remote service adds to the contract: that service's rate limits are waited out. */
public abstract class RemoteProviderContractTest extends ProviderContractTest {

    @Test
    void aRateLimitedCallIsRetriedAndCompletes() {
        String prompt = "ratelimit-" + UUID.randomUUID();
        Job job = start(studio, prompt);
        GenerationView done = Studio.awaitFinal(job.user(), job.id(), WAIT);

        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(profile.remote().orElseThrow().startsCarrying(prompt))
                .as("refused once, then accepted")
                .isEqualTo(2);
        assertThat(Studio.credits(job.user())).isZero();
    }
}
