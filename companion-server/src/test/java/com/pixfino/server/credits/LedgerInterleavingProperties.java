package com.pixfino.server.credits;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.generation.GenerationService;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.http.ErrorMapping;
import com.pixfino.server.testsupport.TestServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.DSLContext;

/**
 * Random interleavings of debit (create), refund (fail), grant and cancel, run by two threads at once
 * against the real database: the balance never goes negative and always equals the ledger sum, and
 * no generation is refunded twice.
 */
class LedgerInterleavingProperties {

    private static TestServices graph;
    private static DSLContext dsl;
    private static CreditLedger ledger;
    private static GenerationStore store;
    private static GenerationService generations;
    private static long preset;

    enum Op {
        DEBIT,
        REFUND,
        GRANT,
        CANCEL
    }

    @BeforeContainer
    static void start() {
        // not started: no job runs, the property drives every status change itself
        graph = TestServices.fresh(queue -> TestServices.idleQueue());
        dsl = graph.database().dsl();
        ledger = graph.services().ledger();
        store = graph.services().generationStore();
        generations = graph.services().generations();
        preset = graph.presetId("linkedin-headshot");
    }

    @AfterContainer
    static void stop() {
        graph.close();
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Arbitraries.of(Op.class).list().ofMinSize(5).ofMaxSize(40);
    }

    @Property(tries = 40)
    void balanceNeverNegativeAndAlwaysTheLedgerSum(
            @ForAll("operations") List<Op> first,
            @ForAll("operations") List<Op> second,
            @ForAll("startingCredits") int startingCredits)
            throws Exception {
        UUID userId = graph.userWithCredits(startingCredits);
        UUID upload = graph.upload(userId);
        List<UUID> created = new CopyOnWriteArrayList<>();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (List<Op> script : List.of(first, second)) {
            runs.add(threads.submit(() -> {
                for (Op op : script) {
                    apply(op, userId, upload, created);
                    assertThat(ledger.balance(userId)).isNotNegative();
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        threads.shutdown();

        assertThat(ledger.balance(userId)).isNotNegative().isEqualTo(ledger.ledgerSum(userId));
        for (UUID id : created) {
            int refunds = dsl.fetchCount(
                    CREDIT_LEDGER,
                    CREDIT_LEDGER.REFERENCE.eq("generation:" + id).and(CREDIT_LEDGER.KIND.eq(LedgerKind.REFUND)));
            boolean refunded = dsl.select(GENERATIONS.REFUNDED)
                    .from(GENERATIONS)
                    .where(GENERATIONS.ID.eq(id))
                    .fetchOne(GENERATIONS.REFUNDED);
            assertThat(refunds).isLessThanOrEqualTo(1).isEqualTo(refunded ? 1 : 0);
        }
    }

    @Provide
    Arbitrary<Integer> startingCredits() {
        return Arbitraries.integers().between(0, 30);
    }

    private static void apply(Op op, UUID userId, UUID upload, List<UUID> created) {
        try {
            switch (op) {
                case DEBIT ->
                    created.add(generations
                            .create(userId, new CreateGenerationRequest(preset, upload, null), null)
                            .id());
                case GRANT -> ledger.apply(userId, 3, LedgerKind.GRANT, "property grant", null);
                case REFUND -> lastOf(created).ifPresent(id -> store.fail(id, "test", "property failure"));
                case CANCEL -> lastOf(created).ifPresent(id -> generations.cancel(userId, id));
            }
        } catch (DomainException e) {
            // 402 short of credits and 409 already finished are the answers a user would get; state must stay sound
            assertThat(ErrorMapping.status(e.kind())).isIn(402, 409);
        }
    }

    private static java.util.Optional<UUID> lastOf(List<UUID> ids) {
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(ids.size() - 1));
    }
}
