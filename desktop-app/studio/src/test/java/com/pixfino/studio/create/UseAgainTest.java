package com.pixfino.studio.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.generate.PastSettings;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Use again" fills Create with a past result's photo (by its upload id), preset, prompt, format and seed. */
class UseAgainTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private PresetBrowserViewModel presets;
    private CreateViewModel viewModel;
    private CreateFixture create;
    private final UUID upload = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SessionFixture(dir, tasks);
        create = new CreateFixture(fixture, dir);
        presets = create.presets();
        viewModel = create.create(presets, () -> {});
        fixture.signedIn();
        fixture.api.user = new UserView(fixture.api.user.id(), "ana@example.com", "Ana", Role.USER, Tier.FREE, 100);
        fixture.sessions.refreshUser();
    }

    @AfterEach
    void closeStore() {
        create.close();
    }

    private PastSettings past() {
        return new PastSettings(upload, null, TestPresets.SNOW_PRINCESS.id(), "soft light", null, "9:16", 4711L, null);
    }

    @Test
    void generateAfterUseAgainSendsTheOldUploadPresetPromptFormatAndSeedWithoutUploading() {
        viewModel.useAgain(past());

        assertThat(presets.selectedProperty().get()).isEqualTo(TestPresets.SNOW_PRINCESS);
        assertThat(viewModel.promptProperty().get()).isEqualTo("soft light");
        assertThat(viewModel.formatProperty().get()).isEqualTo(AspectRatio.STORY);
        assertThat(viewModel.lockSeedProperty().get()).isTrue();
        assertThat(viewModel.seedTextProperty().get()).isEqualTo("4711");
        assertThat(viewModel.takesProperty().get()).isEqualTo(1);
        assertThat(viewModel.photoProperty().get()).isNull();
        assertThat(viewModel.pastPhotoProperty().get()).isEqualTo(past());
        assertThat(viewModel.blockerProperty().get()).isEmpty();

        viewModel.generate();

        assertThat(fixture.api.uploads).isZero();
        assertThat(fixture.api.createRequests).singleElement().satisfies(sent -> {
            assertThat(sent.uploadId()).isEqualTo(upload);
            assertThat(sent.presetId()).isEqualTo(TestPresets.SNOW_PRINCESS.id());
            assertThat(sent.prompt()).isEqualTo("soft light");
            assertThat(sent.aspectRatio()).isEqualTo("9:16");
            assertThat(sent.seed()).isEqualTo(4711L);
            assertThat(sent.groupId()).isNull();
        });
        assertThat(create.queued).hasSize(1);
        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.SUCCESS);
    }

    @Test
    void anotherPhotoChosenAfterwardsReplacesThePastOneAndIsUploaded() {
        viewModel.useAgain(past());
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));

        assertThat(viewModel.pastPhotoProperty().get()).isNull();
        viewModel.generate();

        assertThat(fixture.api.uploads).isEqualTo(1);
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::uploadId)
                .doesNotContain(upload);
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::seed)
                .containsExactly(4711L);
    }

    @Test
    void aPhotoTheServerNoLongerKeepsAsksForThePhotoAgainAndChargesNothing() {
        fixture.api.expiredUploads.add(upload);
        viewModel.useAgain(past());

        viewModel.generate();

        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(viewModel.statusProperty().get())
                .isEqualTo("The server no longer keeps the photo of that result: choose the photo again."
                        + " Nothing was charged.");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(100);
        assertThat(viewModel.pastPhotoProperty().get()).isNull();
        assertThat(viewModel.blockerProperty().get()).contains("Drop or choose a photo");
        assertThat(viewModel.formatProperty().get())
                .as("the other settings stay")
                .isEqualTo(AspectRatio.STORY);
        assertThat(fixture.api.uploads).isZero();
    }

    @Test
    void aStyleNoLongerThereIsLeftOut() {
        UUID gone = UUID.randomUUID();
        viewModel.useAgain(new PastSettings(upload, null, TestPresets.SNOW_PRINCESS.id(), null, null, null, 5L, gone));
        viewModel.generate();

        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::styleId)
                .containsOnlyNulls();
    }

    @Test
    void offlineUseAgainWithFourTakesWaitsAsOneGroupAndIsSentOnceEachByTheUploadId() throws Exception {
        viewModel.useAgain(past());
        viewModel.takesProperty().set(4);
        fixture.api.unreachable = true;
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        assertThat(viewModel.blockerProperty().get()).isEmpty();
        viewModel.generate();

        assertThat(viewModel.statusProperty().get())
                .isEqualTo("4 takes of Snow Princess are waiting for the connection: they are sent, and each"
                        + " charged, once the server is back. See them in the Queue (Ctrl+2).");
        assertThat(create.waiting.requests()).hasSize(4);
        assertThat(create.waiting.waitingCreditsProperty().get()).isEqualTo(16);
        assertThat(create.waiting.requests())
                .extracting(PendingGeneration::photo)
                .containsOnlyNulls();

        fixture.api.unreachable = false;
        fixture.sessions.callSucceeded();
        create.waiting.replayNow(); // a second replay sends nothing again

        assertThat(fixture.api.createRequests).hasSize(4);
        assertThat(fixture.api.sentKeys).doesNotHaveDuplicates();
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::uploadId)
                .containsOnly(upload);
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::seed)
                .containsExactly(4711L, 4712L, 4713L, 4714L);
        assertThat(fixture.api.createRequests)
                .extracting(CreateGenerationRequest::groupId)
                .doesNotContainNull()
                .containsOnly(fixture.api.createRequests.get(0).groupId());
        assertThat(fixture.api.uploads).isZero();
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(84);
    }
}
