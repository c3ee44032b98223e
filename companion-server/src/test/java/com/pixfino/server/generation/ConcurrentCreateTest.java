package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The debit is a conditional update: no interleaving of parallel requests can overspend. */
class ConcurrentCreateTest {

    @Test
    void fiftyParallelCreatesWithFortyCreditsAcceptExactlyTen() throws Exception {
        // the provider never finishes, so no refund can blur the count
        try (TestServer server = TestServer.withProviders(List.of(new ScriptedProvider("replicate")))) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(40);
            String upload = Studio.upload(user);
            long preset = studio.presetId("linkedin-headshot");
            UUID userId = Studio.userId(user);

            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return Studio.create(user, preset, upload, "runs forever", null)
                            .status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();

            assertThat(statuses).filteredOn(s -> s == 202).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 402).hasSize(40);
            CreditLedger ledger = server.services().ledger();
            assertThat(ledger.balance(userId)).isZero();
            assertThat(ledger.ledgerSum(userId)).isZero();
            assertThat(user.get(ApiPaths.GENERATIONS + "?limit=100")
                            .page(GenerationView.class)
                            .items())
                    .hasSize(10);
        }
    }
}
