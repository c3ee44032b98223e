package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageRequest;
import com.pixfino.server.storage.Storage;
import com.pixfino.server.testsupport.TestServices;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting a generation at the service level: stop and refund a running one, remove the row, then the files. */
class GenerationDeletionTest {

    private static final List<String> stoppedAtProvider = new CopyOnWriteArrayList<>();
    private static TestServices graph;
    private static GenerationStore store;
    private static GenerationDeletion deletion;
    private static Storage storage;
    private static long preset;

    @BeforeAll
    static void start() {
        graph = TestServices.fresh(queue -> new JobQueue() {
            @Override
            public void enqueue(UUID generationId) {
                // not started: the test moves each generation through its states itself
            }

            @Override
            public void cancelAtProvider(String provider, String providerJobId) {
                stoppedAtProvider.add(provider + "/" + providerJobId);
            }
        });
        store = graph.services().generationStore();
        deletion = graph.services().deletion();
        storage = graph.services().storage();
        preset = graph.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @Test
    void aRunningGenerationIsStoppedAtItsProviderRefundedAndRemoved() {
        UUID user = graph.userWithCredits(10);
        UUID id = create(user);
        store.markRunning(id, "replicate", "some/model", Duration.ofMinutes(5));
        store.recordSubmission(id, "prediction-" + id);

        deletion.delete(user, id);

        assertThat(store.find(id)).isEmpty();
        assertThat(stoppedAtProvider).contains("replicate/prediction-" + id);
        assertThat(graph.services().ledger().balance(user)).isEqualTo(10);
        assertThat(ledgerRows(user))
                .filteredOn(row -> row.kind() == LedgerKind.REFUND)
                .singleElement()
                .satisfies(refund -> assertThat(refund.reference()).isEqualTo("generation:" + id));
    }

    @Test
    void aPendingGenerationIsRefundedAndRemovedWithNothingToStop() {
        UUID user = graph.userWithCredits(10);
        UUID id = create(user);

        deletion.delete(user, id);

        assertThat(store.find(id)).isEmpty();
        assertThat(stoppedAtProvider).noneMatch(call -> call.contains(id.toString()));
        assertThat(graph.services().ledger().balance(user)).isEqualTo(10);
    }

    @Test
    void aCompletedGenerationLosesRowAndFilesButKeepsItsCharge() {
        UUID user = graph.userWithCredits(10);
        UUID id = create(user);
        store.markRunning(id, "replicate", "some/model", Duration.ofMinutes(5));
        String output = "outputs/" + user + "/" + id + ".png";
        String thumbnail = "outputs/" + user + "/" + id + "-thumb.jpg";
        storage.put(output, new byte[] {1, 2, 3}, "image/png");
        storage.put(thumbnail, new byte[] {4, 5, 6}, "image/jpeg");
        assertThat(store.complete(id, new StoredOutput(output, "image/png", thumbnail, 3, 1), BigDecimal.ONE))
                .isTrue();
        int charged = graph.services().ledger().balance(user);

        deletion.delete(user, id);

        assertThat(store.find(id)).isEmpty();
        assertThat(storage.exists(output)).isFalse();
        assertThat(storage.exists(thumbnail)).isFalse();
        assertThat(graph.services().ledger().balance(user)).isEqualTo(charged).isLessThan(10);
        assertThat(ledgerRows(user)).noneMatch(row -> row.kind() == LedgerKind.REFUND);
    }

    @Test
    void anotherUsersOrAnUnknownGenerationIsNotFoundAndStays() {
        UUID owner = graph.userWithCredits(10);
        UUID stranger = graph.userWithCredits(10);
        UUID id = create(owner);

        assertThatThrownBy(() -> deletion.delete(stranger, id))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> deletion.delete(owner, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));

        assertThat(store.find(id)).isPresent();
        assertThat(graph.services().ledger().balance(owner)).isLessThan(10);
    }

    private static UUID create(UUID user) {
        return graph.services()
                .generations()
                .create(user, new CreateGenerationRequest(preset, graph.upload(user), null), null)
                .id();
    }

    private static List<LedgerEntryView> ledgerRows(UUID user) {
        return graph.services()
                .ledger()
                .entries(user, PageRequest.first(PageRequest.MAX_LIMIT))
                .items();
    }
}
