package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.providers.Provider;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.StubProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two servers on one database share the queue: every job is submitted once and finished once, by one of them. */
class TwoServersOneQueueTest {

    private static final int JOBS = 40;

    @Test
    void twoServersNeverRunTheSameJobTwice() {
        CountingProvider shared = new CountingProvider();
        ServerConfig.DatabaseSettings db = TestDatabases.freshDatabase();
        ServerConfig first = TestServer.config(TestDatabases.TestDirs.fresh("twin-a"), Optional.of(db));
        ServerConfig second = TestServer.config(TestDatabases.TestDirs.fresh("twin-b"), Optional.of(db));
        // both servers must see the same files, as two instances behind one load balancer with shared storage would
        ServerConfig secondSharingFiles = second.withDataDir(first.dataDir());
        try (TestServer a = TestServer.start(first, List.of(shared.as("replicate-a")));
                TestServer b = TestServer.start(secondSharingFiles, List.of(shared.as("replicate-b")))) {
            Studio studio = new Studio(a);
            ApiClient viaA = studio.userWithCredits(4 * JOBS);
            ApiClient viaB = b.client().withToken(viaA.token());
            String upload = viaA.upload(ApiPaths.UPLOADS, "p.jpg", TestImages.jpeg(300, 400), "image/jpeg")
                    .json()
                    .get("id")
                    .asText();
            long preset = studio.presetId("linkedin-headshot");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                ApiClient client = i % 2 == 0 ? viaA : viaB;
                ids.add(Studio.create(client, preset, upload, null, null)
                        .json()
                        .get("id")
                        .asText());
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> viaA.get(ApiPaths.GENERATIONS + "?status=COMPLETED&limit=200")
                                    .json()
                                    .get("items")
                                    .size(),
                            n -> n == JOBS);

            assertThat(shared.submitsPerGeneration.keySet()).hasSize(JOBS);
            assertThat(shared.submitsPerGeneration.values()).allMatch(n -> n.get() == 1);
            assertThat(shared.servedBy).containsExactlyInAnyOrder("replicate-a", "replicate-b");
            assertThat(Studio.credits(viaA)).isZero();
        }
    }

    /** One counter seen by both servers; each server registers it under its own name via {@link #as}. */
    private static final class CountingProvider {
        final Map<UUID, AtomicInteger> submitsPerGeneration = new ConcurrentHashMap<>();
        final Set<String> servedBy = ConcurrentHashMap.newKeySet();
        private static final byte[] RESULT = TestImages.jpeg(200, 250);

        Provider as(String server) {
            // the presets name "replicate"; this server's registry answers to it
            return new StubProvider("replicate") {
                @Override
                public String submit(ProviderRequest request) {
                    submitsPerGeneration
                            .computeIfAbsent(request.generationId(), k -> new AtomicInteger())
                            .incrementAndGet();
                    servedBy.add(server);
                    return "job-" + request.generationId();
                }

                @Override
                public ProviderPoll poll(String jobId, ProviderRequest request) {
                    return new ProviderPoll.Succeeded(
                            List.of(ProviderPoll.Output.of("image/jpeg", RESULT)), BigDecimal.ZERO);
                }
            };
        }
    }
}
