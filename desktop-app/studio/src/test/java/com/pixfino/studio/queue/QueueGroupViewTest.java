package com.pixfino.studio.queue;

import static com.pixfino.studio.testsupport.OnFx.await;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The queue screen headless: four takes of one request show as one group with its progress and "Cancel all". */
class QueueGroupViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private CreateFixture createFixture;

    @AfterEach
    void tearDown() throws Exception {
        createFixture.close();
    }

    @Test
    void fourTakesShowAsOneGroupAndCancelTogether() throws Exception {
        createFixture = CreateFixture.showingViews(dir, "queue-group-test");
        SessionFixture fixture = createFixture.session;
        fixture.api.setCredits(40);
        UUID group = UUID.randomUUID();
        List<UUID> takes = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            takes.add(fixture.api
                    .createGeneration(
                            new CreateGenerationRequest(
                                    TestPresets.SNOW_PRINCESS.id(),
                                    UUID.randomUUID(),
                                    "a rainy street at night",
                                    null,
                                    "9:16",
                                    (long) seed,
                                    group,
                                    null),
                            UUID.randomUUID().toString())
                    .id());
        }
        fixture.api.complete(takes.get(0));
        QueueViewModel queue = new QueueViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                Clock.fixed(java.time.Instant.parse("2026-11-20T10:01:30Z"), java.time.ZoneOffset.UTC),
                view -> {},
                Backoff.DEFAULT,
                Duration.ofSeconds(5));
        WaitingGenerations waiting = createFixture.waiting;
        StudioScene.showInPrimaryStage(() -> new QueueView(queue, waiting, fixture.messages), 1000, 640);
        robot.interact(fixture::signedIn);
        robot.interact(() -> fixture.api.listeners.get(0).opened());
        await(() -> queue.jobs().size() == 4);

        await(() -> text("#job-group-" + group + " .job-group-title").equals("Snow Princess \u00b7 4 takes"));
        assertThat(text("#job-group-" + group + " .job-group-progress")).isEqualTo("1 of 4 done");
        assertThat(text("#job-" + takes.get(0) + " .job-take")).isEqualTo("Take 1 of 4");
        assertThat(robot.lookup(".job-group").queryAll().stream().filter(node -> node.isVisible()))
                .hasSize(1);
        screenshot("queue-group-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        screenshot("queue-group-dark");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        robot.clickOn("#cancel-all-" + group);
        await(() -> takes.stream()
                .skip(1)
                .allMatch(id -> fixture.api.generations.get(id).status() == GenerationStatus.CANCELED));
        await(() -> text("#job-group-" + group + " .job-group-progress").equals("4 of 4 done"));
        assertThat(fixture.api.generations.get(takes.get(0)).status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(robot.lookup("#cancel-all-" + group).query().isVisible()).isFalse();
    }

    private String text(String query) {
        return OnFx.text(robot, query);
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Screenshots.save(createFixture.stage().getScene(), name);
    }
}
