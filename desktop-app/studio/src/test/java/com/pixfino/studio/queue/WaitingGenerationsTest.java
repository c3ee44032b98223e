package com.pixfino.studio.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.generate.PendingGenerations;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitingGenerationsTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<UUID> sent = new ArrayList<>();
    private SessionFixture fixture;
    private PendingGenerations store;
    private WaitingGenerations waiting;
    private PhotoInfo photo;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SessionFixture(dir, tasks);
        store = open();
        waiting = waitingOn(store);
        Path file = PhotoFiles.jpeg(dir, "me.jpg", 800, 1000);
        photo = new PhotoInfo(file, "image/jpeg", java.nio.file.Files.size(file), 800, 1000);
        fixture.api.setCredits(20);
        fixture.signedIn();
        goOffline();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aCanceledRequestIsNeverSentNorCharged() {
        hold(null);
        PendingGeneration request = waiting.requests().get(0);

        waiting.cancel(request);
        goOnline();

        assertThat(waiting.requests()).isEmpty();
        assertThat(waiting.noticeProperty().get())
                .isEqualTo("Snow Princess was removed before it was sent; nothing was charged.");
        assertThat(fixture.api.sentKeys).isEmpty();
        assertThat(fixture.api.user.credits()).isEqualTo(20);
        assertThat(request.photo()).doesNotExist();
    }

    @Test
    void requestsAreSentInOrderAndARefusedOneStaysWithTheServersSentenceUntilRemoved() {
        hold("one");
        hold("two");
        hold("three");
        fixture.api.createFailures.add(new CompanionApiException(
                402, "insufficient_credits", "Not enough credits: this costs 4 and you have 3."));

        goOnline();

        assertThat(fixture.api.sentKeys).hasSize(3);
        assertThat(sent).hasSize(2);
        assertThat(sent.stream().map(id -> fixture.api.generations.get(id).prompt()))
                .containsExactly("two", "three");
        assertThat(waiting.requests()).singleElement().satisfies(refused -> {
            assertThat(refused.prompt()).isEqualTo("one");
            assertThat(refused.state()).isEqualTo(PendingGeneration.State.FAILED);
            assertThat(refused.failure()).isEqualTo("Not enough credits: this costs 4 and you have 3.");
        });
        assertThat(waiting.waitingCountProperty().get()).isZero();
        assertThat(waiting.waitingCreditsProperty().get()).isZero();

        waiting.remove(waiting.requests().get(0));

        assertThat(waiting.requests()).isEmpty();
    }

    @Test
    void aServerInTroubleKeepsThemWaitingAndTriesAgainWithBackoff() {
        hold(null);
        fixture.api.createFailures.add(new CompanionApiException(503, "providers_paused", "Paused for now."));
        fixture.api.createFailures.add(new CompanionApiException(503, "providers_paused", "Paused for now."));

        goOnline();

        assertThat(waiting.requests()).singleElement().matches(PendingGeneration::isWaiting);
        assertThat(tasks.scheduledDelays()).contains(Duration.ofSeconds(1));
        assertThat(waiting.noticeProperty().get()).startsWith("The server could not take the waiting requests yet");

        tasks.runScheduled();
        assertThat(tasks.scheduledDelays()).contains(Duration.ofSeconds(2));
        tasks.runScheduled();

        assertThat(waiting.requests()).isEmpty();
        assertThat(sent).hasSize(1);
        assertThat(fixture.api.sentKeys).hasSize(3).containsOnly(fixture.api.sentKeys.get(0));
        assertThat(fixture.api.user.credits()).isEqualTo(16);
    }

    @Test
    void whatWaitsSurvivesARestartAndIsSentWhenTheNextStudioIsOnline() throws Exception {
        hold("kept");
        store.close();

        fixture.sessions.signOut(); // the studio closes
        store = open();
        waiting = waitingOn(store);
        fixture.api.unreachable = true;
        fixture.signedIn();
        goOffline();
        assertThat(waiting.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.prompt()).isEqualTo("kept"));

        goOnline();

        assertThat(sent).hasSize(1);
        assertThat(waiting.requests()).isEmpty();
    }

    @Test
    void fourTakesKeptOfflineAreEachChargedOnceThroughALostAnswerARestartAndASecondReplay() throws Exception {
        List<List<PendingGeneration>> kept = new ArrayList<>();
        waiting.hold(
                com.pixfino.studio.core.generate.PhotoSource.local(photo),
                TestPresets.SNOW_PRINCESS,
                new com.pixfino.studio.core.generate.Takes(
                        TestPresets.SNOW_PRINCESS.id(), "glow", null, null, 4, null, null),
                kept::add,
                e -> {});
        assertThat(kept).singleElement().satisfies(rows -> assertThat(rows).hasSize(4));
        assertThat(waiting.waitingCreditsProperty().get()).isEqualTo(16);
        fixture.api.loseNextCreateAnswer = true; // the first take is charged, its answer lost on the way

        goOnline();
        assertThat(fixture.api.generations).hasSize(1);
        assertThat(waiting.requests()).hasSize(4);

        store.close(); // the studio closes with every take still waiting
        fixture.sessions.signOut();
        store = open();
        waiting = waitingOn(store);
        fixture.signedIn();
        waiting.replayNow(); // a second replay finds nothing left to send

        assertThat(waiting.requests()).isEmpty();
        assertThat(fixture.api.generations).hasSize(4);
        assertThat(fixture.api.sentKeys).hasSize(5);
        assertThat(fixture.api.sentKeys.stream().distinct()).hasSize(4);
        assertThat(fixture.api.generations.values())
                .extracting(com.pixfino.model.api.GenerationView::groupId)
                .doesNotContainNull()
                .containsOnly(kept.get(0).get(0).settings().groupId());
        assertThat(fixture.api.generations.values())
                .extracting(com.pixfino.model.api.GenerationView::seed)
                .doesNotHaveDuplicates();
        assertThat(fixture.api.uploads).isEqualTo(1);
        assertThat(fixture.api.user.credits()).isEqualTo(4); // 20 less four takes of 4, each charged once
    }

    private PendingGenerations open() throws Exception {
        return PendingGenerations.open(dir.resolve("pending.db"), dir.resolve("pending-photos"), UiThreadGuard.NONE);
    }

    private WaitingGenerations waitingOn(PendingGenerations pending) {
        return new WaitingGenerations(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                pending,
                fixture.messages,
                sent::add,
                Backoff.DEFAULT,
                Clock.systemUTC());
    }

    private void hold(String prompt) {
        List<Exception> failed = new ArrayList<>();
        waiting.hold(photo, TestPresets.SNOW_PRINCESS, prompt, kept -> {}, failed::add);
        assertThat(failed).isEmpty();
    }

    private void goOffline() {
        fixture.api.unreachable = true;
        fixture.sessions.callFailed(new ConnectException("refused"));
    }

    private void goOnline() {
        fixture.api.unreachable = false;
        fixture.sessions.callSucceeded();
    }
}
