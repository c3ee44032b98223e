package com.pixfino.studio.queue;

import static com.pixfino.studio.testsupport.OnFx.await;
import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.generate.PhotoSource;
import com.pixfino.studio.core.generate.Takes;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Four takes asked for offline wait in the queue as one group and are each sent once when the connection is back. */
class WaitingTakesViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private CreateFixture createFixture;
    private SessionFixture fixture;
    private WaitingGenerations waiting;

    @AfterEach
    void tearDown() throws Exception {
        createFixture.close();
    }

    private void show() throws Exception {
        createFixture = CreateFixture.showingViews(dir, "waiting-takes-test");
        fixture = createFixture.session;
        fixture.api.setCredits(40);
        QueueViewModel queue = new QueueViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                Clock.systemUTC(),
                view -> {},
                Backoff.DEFAULT,
                Duration.ofSeconds(5));
        waiting = createFixture.waiting;
        StudioScene.showInPrimaryStage(() -> new QueueView(queue, waiting, fixture.messages), 1000, 640);
        robot.interact(fixture::signedIn);
        robot.interact(() -> {
            fixture.api.unreachable = true;
            fixture.sessions.callFailed(new java.net.ConnectException("refused"));
        });
        Path file = PhotoFiles.jpeg(dir.resolve("Pictures"), "me.jpg", 400, 500);
        PhotoInfo photo = new PhotoInfo(file, "image/jpeg", Files.size(file), 400, 500);
        Takes four = new Takes(
                TestPresets.SNOW_PRINCESS.id(), "a rainy street at night", null, AspectRatio.STORY, 4, 300L, null);
        AtomicReference<List<PendingGeneration>> kept = new AtomicReference<>();
        robot.interact(
                () -> waiting.hold(PhotoSource.local(photo), TestPresets.SNOW_PRINCESS, four, kept::set, e -> {}));
        await(() -> kept.get() != null);
    }

    @Test
    void fourTakesKeptOfflineShowAsOneGroupAndAreEachSentOnceWhenTheConnectionIsBack() throws Exception {
        show();
        UUID group = kept().get(0).settings().groupId();

        await(() -> text("#waiting-group-status-" + group).equals("4 takes waiting \u00b7 16 credits"));
        assertThat(robot.lookup(".waiting-row").queryAll()).hasSize(1);
        assertThat(text("#queue-waiting-title")).isEqualTo("Waiting for connection");
        assertThat(Files.list(createFixture.photos()).flatMap(WaitingTakesViewTest::files))
                .as("the photo is kept once for the four takes")
                .hasSize(1);
        screenshot("queue-waiting-takes-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        screenshot("queue-waiting-takes-dark");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        robot.interact(() -> {
            fixture.api.unreachable = false;
            fixture.sessions.callSucceeded();
        });
        await(() -> waiting.requests().isEmpty() && fixture.api.createRequests.size() == 4);
        robot.interact(waiting::replayNow); // nothing left: nothing is sent twice
        WaitForAsyncUtils.waitForFxEvents(4);

        assertThat(fixture.api.createRequests).hasSize(4);
        assertThat(fixture.api.sentKeys).hasSize(4).doesNotHaveDuplicates();
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::groupId)
                .containsOnly(group);
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::seed)
                .containsExactly(300L, 301L, 302L, 303L);
        assertThat(fixture.api.uploads).isEqualTo(1);
        await(() -> fixture.session.creditsProperty().get() == 24);
        assertThat(robot.lookup(".waiting-row").queryAll()).isEmpty();
    }

    @Test
    void cancelAllTakesTheWholeGroupBackBeforeAnythingIsSent() throws Exception {
        show();
        UUID group = kept().get(0).settings().groupId();
        await(() -> !text("#waiting-group-status-" + group).isEmpty());

        robot.clickOn("#waiting-cancel-group-" + group);

        await(() -> waiting.requests().isEmpty());
        assertThat(createFixture.pending.list(fixture.session.ownerId())).isEmpty();
        assertThat(text("#queue-waiting-notice"))
                .isEqualTo("4 takes of Snow Princess removed before they were sent; nothing was charged.");
        robot.interact(() -> {
            fixture.api.unreachable = false;
            fixture.sessions.callSucceeded();
        });
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(fixture.api.sentKeys).isEmpty();
    }

    private List<PendingGeneration> kept() {
        return call(() -> List.copyOf(waiting.requests()));
    }

    private static java.util.stream.Stream<Path> files(Path folder) {
        try {
            return Files.list(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String text(String query) {
        return OnFx.text(robot, query);
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Screenshots.save(createFixture.stage().getScene(), name);
    }
}
