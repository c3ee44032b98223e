package com.pixfino.server.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.testsupport.Studio;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every provider that calls a remote service adds to the contract: that service's rate limits are waited out. */
public abstract class RemoteProviderContractTest extends ProviderContractTest {

    /**
     * The profile of a provider with a job queue whose fake knows the shared prompt words: {@code fail} (the
     * job fails there with {@code failCode}), {@code refuse}, {@code submit5xx}, {@code poll5xx}, {@code
     * malformed}, {@code hold} (busy until canceled) and {@code forever} (never finishes).
     */
    protected static Profile queued(String presetSlug, Completion completion, String failCode, Remote remote) {
        List<Failure> failures = List.of(
                new Failure("fail", failCode),
                new Failure("refuse", "http_422"),
                new Failure("submit5xx", "http_503"),
                new Failure("poll5xx", "http_500"),
                new Failure("malformed", "malformed_response"));
        return new Profile(
                presetSlug, completion, failures, "hold", new Failure("forever", "timeout"), Optional.of(remote));
    }

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
