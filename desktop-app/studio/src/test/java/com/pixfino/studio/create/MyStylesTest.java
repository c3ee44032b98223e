package com.pixfino.studio.create;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.FakeCompanionApi;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "My styles" and the prompt box's library (issue 14): saved, picked, sent with every take, renamed, deleted. */
class MyStylesTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private PresetBrowserViewModel presets;
    private CreateViewModel viewModel;
    private CreateFixture create;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SessionFixture(dir, tasks);
        create = new CreateFixture(fixture, dir);
        presets = create.presets();
        viewModel = createViewModel();
        fixture.api.user = new UserView(fixture.api.user.id(), "ana@example.com", "Ana", Role.USER, Tier.FREE, 100);
        fixture.signedIn();
    }

    /** A Create over the same data dir: what a restart of the studio sees. */
    private CreateViewModel createViewModel() {
        return create.createWithLibrary(presets, () -> {});
    }

    @AfterEach
    void closeStore() {
        create.close();
    }

    private void goOffline() {
        fixture.api.unreachable = true;
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));
    }

    private StyleView saveWarmReels() {
        presets.select(TestPresets.SNOW_PRINCESS);
        viewModel.promptProperty().set("  warm light, film grain ");
        viewModel.chooseFormat(AspectRatio.STORY);
        boolean[] saved = {false};
        viewModel.saveStyle("Warm reels", () -> saved[0] = true);
        assertThat(saved[0]).as(viewModel.styles().messageProperty().get()).isTrue();
        return viewModel.styles().styles().get(0);
    }

    @Test
    void aSavedStyleKeepsThePresetPromptAndFormatAndIsSentWithEveryTake() {
        StyleView style = saveWarmReels();
        assertThat(fixture.api.styles).containsExactly(style);
        assertThat(style.name()).isEqualTo("Warm reels");
        assertThat(style.basePresetId()).isEqualTo(TestPresets.SNOW_PRINCESS.id());
        assertThat(style.prompt()).isEqualTo("warm light, film grain");
        assertThat(style.aspectRatio()).isEqualTo("9:16");
        assertThat(viewModel.styles().messageProperty().get())
                .isEqualTo("Saved \u201cWarm reels\u201d: it is under My styles.");

        // another preset and prompt, then the style again
        presets.select(TestPresets.FILM_NOIR);
        viewModel.promptProperty().set("something else");
        assertThat(viewModel.chosenStyleProperty().get()).isNull();
        viewModel.chooseStyle(style);
        assertThat(presets.selectedProperty().get()).isEqualTo(TestPresets.SNOW_PRINCESS);
        assertThat(viewModel.promptProperty().get()).isEqualTo("warm light, film grain");
        assertThat(viewModel.formatProperty().get()).isEqualTo(AspectRatio.STORY);
        assertThat(viewModel.chosenStyleProperty().get()).isEqualTo(style);

        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        viewModel.takesProperty().set(4);
        viewModel.generate();

        List<CreateGenerationRequest> sent = fixture.api.createRequests;
        assertThat(sent).hasSize(4);
        assertThat(sent).extracting(CreateGenerationRequest::styleId).containsOnly(style.id());
        assertThat(sent).extracting(CreateGenerationRequest::aspectRatio).containsOnly("9:16");
        assertThat(sent)
                .extracting(CreateGenerationRequest::groupId)
                .doesNotContainNull()
                .containsOnly(sent.get(0).groupId());
        assertThat(sent)
                .extracting(CreateGenerationRequest::seed)
                .doesNotContainNull()
                .doesNotHaveDuplicates();

        presets.select(TestPresets.FILM_NOIR); // another preset: no longer the style
        viewModel.takesProperty().set(1);
        viewModel.generate();
        assertThat(sent.get(4).styleId()).isNull();
    }

    @Test
    void aTakenNameABadNameAndOfflineAreSaidInline() {
        saveWarmReels();
        presets.select(TestPresets.FILM_NOIR);

        viewModel.saveStyle("WARM REELS", () -> {});
        assertThat(viewModel.styles().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(viewModel.styles().messageProperty().get())
                .isEqualTo("Not saved: You already have a style named 'WARM REELS' (names are compared without case);"
                        + " choose another name.");

        viewModel.saveStyle("x".repeat(61), () -> {});
        assertThat(viewModel.styles().messageProperty().get())
                .isEqualTo("Not saved: A style's name is 1 to 60 characters after trimming.");

        viewModel.saveStyle("   ", () -> {});
        assertThat(viewModel.styles().messageProperty().get()).isEqualTo("Give the style a name.");

        goOffline();
        viewModel.saveStyle("Noir", () -> {});
        assertThat(viewModel.styles().messageProperty().get())
                .isEqualTo("You are offline: styles are kept on the server, so save it when the connection is back.");
        assertThat(fixture.api.styles).hasSize(1);
    }

    @Test
    void renameAndDeleteWhichAsksFirstAndForgetsTheChosenStyle() {
        StyleView style = saveWarmReels();
        presets.select(TestPresets.FILM_NOIR);
        viewModel.saveStyle("Noir nights", () -> {});
        assertThat(viewModel.styles().styles())
                .extracting(StyleView::name)
                .containsExactly("Noir nights", "Warm reels");

        viewModel.styles().askRename(style);
        viewModel.styles().rename("noir NIGHTS");
        assertThat(viewModel.styles().messageProperty().get()).startsWith("Not renamed: You already have a style");
        viewModel.styles().rename("Warm stories");
        assertThat(viewModel.styles().renamingProperty().get()).isNull();
        assertThat(viewModel.styles().styles())
                .extracting(StyleView::name)
                .containsExactly("Noir nights", "Warm stories");
        assertThat(fixture.api.styles).extracting(StyleView::name).contains("Warm stories");

        StyleView renamed = viewModel.styles().styles().get(1);
        viewModel.chooseStyle(renamed);
        viewModel.styles().askDelete(renamed);
        assertThat(fixture.api.styles).hasSize(2); // asked, not yet deleted
        viewModel.styles().confirmDelete();
        assertThat(viewModel.styles().styles()).extracting(StyleView::name).containsExactly("Noir nights");
        assertThat(fixture.api.styles).extracting(StyleView::name).containsExactly("Noir nights");
        assertThat(viewModel.chosenStyleProperty().get()).isNull();

        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        viewModel.generate();
        assertThat(fixture.api.createRequests.get(0).styleId())
                .as("a deleted style is not sent")
                .isNull();
    }

    @Test
    void theLastKnownStylesShowOfflineAfterARestart() throws Exception {
        saveWarmReels();
        goOffline();
        fixture.sessions.signOut();
        fixture.tokens.write(SessionFixture.SERVER, FakeCompanionApi.TOKEN);
        CreateViewModel restarted = createViewModel();

        fixture.sessions.connectionSettled(ConnectionState.OFFLINE);

        assertThat(fixture.session.isOnline()).isFalse();
        assertThat(restarted.styles().styles()).extracting(StyleView::name).containsExactly("Warm reels");
    }

    @Test
    void thePromptLibraryOffersTheCategorysExamplesAndANoteOffline() {
        presets.select(TestPresets.SNOW_PRINCESS); // Fantasy
        viewModel.loadPromptLibrary();
        assertThat(fixture.api.promptQueries).containsExactly(com.pixfino.model.PresetCategory.FANTASY);
        assertThat(viewModel.promptExamplesTitleProperty().get()).isEqualTo("Examples: Fantasy");
        assertThat(viewModel.promptExamples())
                .containsExactlyElementsOf(fixture.api.promptExamples.get(com.pixfino.model.PresetCategory.FANTASY));
        assertThat(viewModel.promptExamplesNoteProperty().get()).isEmpty();

        viewModel.usePrompt(viewModel.promptExamples().get(1));
        assertThat(viewModel.promptProperty().get()).isEqualTo("Golden hour fantasy with warm film grain");

        goOffline();
        viewModel.loadPromptLibrary();
        assertThat(viewModel.promptExamples()).isEmpty();
        assertThat(viewModel.promptExamplesNoteProperty().get())
                .isEqualTo("Examples need the connection; your recent prompts are below.");
    }

    @Test
    void submittedPromptsAreRecentNewestFirstAndSurviveARestart() {
        viewModel.choosePhoto(PhotoFiles.jpeg(dir, "me.jpg", 800, 1000));
        presets.select(TestPresets.SNOW_PRINCESS);
        for (String prompt : List.of("a lake at dawn", "neon city", "a lake at dawn")) {
            viewModel.promptProperty().set(prompt);
            viewModel.generate();
        }
        assertThat(viewModel.recentPrompts()).containsExactly("a lake at dawn", "neon city");

        CreateViewModel restarted = createViewModel();
        assertThat(restarted.recentPrompts()).containsExactly("a lake at dawn", "neon city");
        restarted.usePrompt(restarted.recentPrompts().get(1));
        assertThat(restarted.promptProperty().get()).isEqualTo("neon city");
    }
}
