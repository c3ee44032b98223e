package com.pixfino.studio.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private QueueViewModel queue;
    private final List<GenerationView> completed = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:01:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks);
        queue = new QueueViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                clock,
                completed::add,
                Backoff.DEFAULT,
                Duration.ofSeconds(5));
    }

    private UUID create(String prompt) throws Exception {
        return fixture.api
                .createGeneration(
                        new CreateGenerationRequest(TestPresets.SNOW_PRINCESS.id(), UUID.randomUUID(), prompt),
                        UUID.randomUUID().toString())
                .id();
    }

    private void push(UUID id) {
        GenerationView view = fixture.api.generations.get(id);
        fixture.api.listeners.get(0).event(new GenerationEvent(id, view.status(), view.refunded()));
    }

    @Test
    void listsEveryJobNewestFirstOnceTheStreamOpens() throws Exception {
        fixture.api.setCredits(20);
        UUID first = create(null);
        UUID second = create("in the snow");
        fixture.signedIn();

        assertThat(fixture.api.listeners).hasSize(1);
        fixture.api.listeners.get(0).opened();

        assertThat(queue.liveStateProperty().get()).isEqualTo(LiveUpdates.State.LIVE);
        assertThat(queue.jobs()).extracting(JobItem::id).containsExactly(second, first);
        assertThat(queue.activeCountProperty().get()).isEqualTo(2);
        assertThat(completed).isEmpty(); // old results are the gallery sync's business
    }

    @Test
    void aPushedEventUpdatesTheRowAndSendsTheResultToTheGallery() throws Exception {
        fixture.signedIn();
        fixture.api.listeners.get(0).opened();
        UUID id = create(null);
        queue.queued(id);
        JobItem row = queue.jobs().get(0);
        assertThat(row.view().status()).isEqualTo(GenerationStatus.PENDING);

        fixture.api.complete(id);
        push(id);

        assertThat(queue.jobs()).hasSize(1);
        assertThat(row.view().status()).isEqualTo(GenerationStatus.COMPLETED); // the same row, updated in place
        assertThat(completed).extracting(GenerationView::id).containsExactly(id);
        assertThat(queue.activeCountProperty().get()).isZero();
    }

    @Test
    void theTakesOfOneRequestAreOneGroupThatCancelsTogether() throws Exception {
        fixture.api.setCredits(20);
        fixture.signedIn();
        fixture.api.listeners.get(0).opened();
        UUID group = UUID.randomUUID();
        List<UUID> takes = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            UUID id = fixture.api
                    .createGeneration(
                            new CreateGenerationRequest(
                                    TestPresets.SNOW_PRINCESS.id(),
                                    UUID.randomUUID(),
                                    "noir",
                                    null,
                                    "9:16",
                                    (long) seed,
                                    group,
                                    null),
                            UUID.randomUUID().toString())
                    .id();
            takes.add(id);
            queue.queued(id);
        }
        UUID alone = create("alone");
        queue.queued(alone);

        assertThat(queue.takes(group)).extracting(JobItem::id).containsExactlyElementsOf(takes); // oldest first
        assertThat(queue.takes(null)).isEmpty();
        JobItem newestTake = queue.jobs().stream()
                .filter(job -> job.id().equals(takes.get(3)))
                .findFirst()
                .orElseThrow();
        assertThat(queue.leadsGroup(newestTake)).isTrue();
        assertThat(queue.leadsGroup(queue.takes(group).get(0))).isFalse();
        assertThat(queue.leadsGroup(queue.jobs().get(0))).isFalse(); // "alone" has no group

        fixture.api.complete(takes.get(0));
        push(takes.get(0));
        queue.cancelAll(group);

        assertThat(queue.takes(group))
                .extracting(job -> job.view().status())
                .containsExactly(
                        GenerationStatus.COMPLETED,
                        GenerationStatus.CANCELED,
                        GenerationStatus.CANCELED,
                        GenerationStatus.CANCELED);
        assertThat(fixture.api.generations.get(alone).status()).isEqualTo(GenerationStatus.PENDING);
    }

    @Test
    void aFailedJobSaysWhyAndShowsTheRefund() throws Exception {
        fixture.signedIn();
        fixture.api.listeners.get(0).opened();
        UUID id = create("please fail");
        queue.queued(id);
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(1);

        fixture.api.fail(id, "The provider's safety filter rejected the result.");
        push(id);

        GenerationView failed = queue.jobs().get(0).view();
        JobText text = queue.text();
        assertThat(text.status(failed)).isEqualTo("Failed");
        assertThat(text.detail(failed))
                .isEqualTo("Failed: The provider's safety filter rejected the result. 4 credits were refunded.");
        assertThat(JobText.canRetry(failed)).isTrue();
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(5);
    }

    @Test
    void retryQueuesTheSameRequestWithANewKey() throws Exception {
        fixture.signedIn();
        fixture.api.listeners.get(0).opened();
        UUID id = create("please fail");
        fixture.api.fail(id, "Rejected.");
        queue.resync();

        queue.retry(queue.jobs().get(0));

        assertThat(queue.jobs()).hasSize(2);
        GenerationView again = queue.jobs().get(0).view();
        assertThat(again.id()).isNotEqualTo(id);
        assertThat(again.prompt()).isEqualTo("please fail");
        assertThat(again.uploadId()).isEqualTo(fixture.api.generations.get(id).uploadId());
        assertThat(fixture.api.sentKeys).doesNotHaveDuplicates();
        assertThat(queue.noticeProperty().get()).isEqualTo("Snow Princess is queued again; 4 credits were charged.");
    }

    @Test
    void cancelStopsTheJobAndRefundsIt() throws Exception {
        fixture.signedIn();
        UUID id = create(null);
        queue.queued(id);

        queue.cancel(queue.jobs().get(0));

        GenerationView canceled = queue.jobs().get(0).view();
        assertThat(canceled.status()).isEqualTo(GenerationStatus.CANCELED);
        assertThat(queue.text().detail(canceled)).isEqualTo("Canceled before it finished. 4 credits were refunded.");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(5);
    }

    @Test
    void elapsedTimeCountsUpWhileRunningAndStopsAtTheEnd() throws Exception {
        fixture.signedIn();
        UUID id = create(null);
        queue.queued(id);
        queue.tick();
        GenerationView running = queue.jobs().get(0).view(); // created 10:00:14 by the fake's clock

        assertThat(queue.text().elapsed(running, queue.nowProperty().get())).isEqualTo("0:46");
        GenerationView done = fixture.api.complete(id);
        assertThat(queue.text().elapsed(done, Instant.parse("2026-11-20T12:00:00Z")))
                .isEqualTo("0:07");
        assertThat(queue.text().elapsed(running, Instant.parse("2026-11-20T11:02:17Z")))
                .isEqualTo("1:02:03");
    }

    @Test
    void signingOutStopsTheStreamAndEmptiesTheQueue() throws Exception {
        fixture.signedIn();
        queue.queued(create(null));

        fixture.sessions.signOut();

        assertThat(queue.jobs()).isEmpty();
        assertThat(fixture.api.listeners).isEmpty();
        assertThat(queue.liveStateProperty().get()).isEqualTo(LiveUpdates.State.OFF);
    }

    @Test
    void aListingThatASignOutOvertakesBringsNoJobsBack() throws Exception {
        create(null);
        fixture.signedIn();
        tasks.hold();
        queue.resync();

        fixture.sessions.signOut();
        tasks.runHeld();
        assertThat(queue.jobs()).isEmpty();

        fixture.signedIn();
        queue.resync();
        assertThat(queue.jobs()).hasSize(1);
    }
}
