package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.SCHEDULED_TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.testsupport.TestServices;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-statement create: a key raced by many requests charges once, and a key past its 24 h is not replayed. */
class CreateIdempotencyTest {

    private static TestServices graph;
    private static GenerationService generations;
    private static CreditLedger ledger;
    private static DSLContext dsl;
    private static long preset;

    @BeforeAll
    static void start() {
        // the real job queue, not started: the create writes its job's row, and nothing runs it
        graph = TestServices.fresh(UnaryOperator.identity());
        generations = graph.services().generations();
        ledger = graph.services().ledger();
        dsl = graph.database().dsl();
        preset = graph.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @Test
    void requestsRacingWithOneKeyGetTheFirstGenerationAndPayOnce() throws Exception {
        UUID user = graph.userWithCredits(40);
        UUID upload = graph.upload(user);
        String key = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<GenerationAccepted>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return generations.create(user, new CreateGenerationRequest(preset, upload, null), key);
            }));
        }
        go.countDown();
        List<UUID> ids = new ArrayList<>();
        for (Future<GenerationAccepted> answer : answers) {
            ids.add(answer.get().id());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ledger.balance(user)).isEqualTo(36);
        assertThat(ledger.ledgerSum(user)).isEqualTo(36);
        assertThat(dsl.fetchCount(GENERATIONS, GENERATIONS.USER_ID.eq(user))).isEqualTo(1);
        assertThat(dsl.fetchCount(
                        SCHEDULED_TASKS,
                        SCHEDULED_TASKS.TASK_NAME.eq(JobRunner.TASK),
                        SCHEDULED_TASKS.TASK_INSTANCE.eq(ids.get(0).toString())))
                .as("the job's row came with the create")
                .isEqualTo(1);
    }

    @Test
    void aKeyOlderThanItsWindowNamesANewPaidGeneration() {
        UUID user = graph.userWithCredits(10);
        UUID upload = graph.upload(user);
        String key = "old-" + UUID.randomUUID();
        CreateGenerationRequest request = new CreateGenerationRequest(preset, upload, null);
        UUID first = generations.create(user, request, key).id();
        assertThat(generations.create(user, request, key).id()).isEqualTo(first);
        dsl.update(GENERATIONS)
                .set(GENERATIONS.CREATED_AT, OffsetDateTime.now().minus(Duration.ofHours(25)))
                .where(GENERATIONS.ID.eq(first))
                .execute();

        UUID second = generations.create(user, request, key).id();

        assertThat(second).isNotEqualTo(first);
        assertThat(ledger.balance(user)).isEqualTo(2);
        assertThat(ledger.ledgerSum(user)).isEqualTo(2);
        assertThat(dsl.fetchCount(CREDIT_LEDGER, CREDIT_LEDGER.REFERENCE.eq("generation:" + second)))
                .isEqualTo(1);
        assertThat(dsl.select(GENERATIONS.IDEMPOTENCY_KEY)
                        .from(GENERATIONS)
                        .where(GENERATIONS.ID.eq(first))
                        .fetchOne(GENERATIONS.IDEMPOTENCY_KEY))
                .as("the expired key was freed")
                .isNull();
        assertThat(generations.create(user, request, key).id()).isEqualTo(second);
    }
}
