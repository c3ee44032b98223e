package com.pixfino.studio.create;

import static com.pixfino.studio.testsupport.OnFx.await;
import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.AspectRatio;
import com.pixfino.model.PresetCategory;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The prompt library's popup (button and Alt+P), a style's tile menu (right click and the menu key) with rename and
 * delete, and the tooltip of a format the preset cannot make, in a real window over the fake server.
 */
class StylesAndPromptsViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private CreateFixture createFixture;
    private SessionFixture fixture;
    private PresetBrowserViewModel presets;
    private CreateViewModel create;
    private CreateView view;

    @BeforeEach
    void setUp() throws Exception {
        createFixture = CreateFixture.showingViews(dir, "styles-view-test");
        fixture = createFixture.session;
        presets = createFixture.presets();
        create = createFixture.createWithLibrary(presets, () -> {});
        StudioScene.showInPrimaryStage(
                () -> view = new CreateView(create, fixture.session, fixture.messages), 1280, 800);
        robot.interact(fixture::signedIn);
        await(() -> presets.allPresets().size() == 5);
    }

    @AfterEach
    void tearDown() throws Exception {
        createFixture.close();
    }

    @Test
    void thePromptLibraryFillsThePromptFromAnExampleOrARecentPrompt() throws Exception {
        robot.interact(() -> presets.select(TestPresets.SNOW_PRINCESS));
        robot.clickOn("#prompt-library");
        String example = fixture.api.promptExamples.get(PresetCategory.FANTASY).get(2);
        await(() -> robot.lookup(example).tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text("Examples: Fantasy")).isEqualTo("Examples: Fantasy");
        assertThat(robot.lookup("Your prompts appear here once you generate.").tryQuery())
                .isPresent();
        robot.clickOn(example);
        await(() -> example.equals(create.promptProperty().get()));
        assertThat(call(() -> create.promptProperty().get())).isEqualTo("Studio fantasy on a deep teal backdrop");

        // a prompt used for a generation is offered under Recent; Alt+P opens the same popup
        robot.interact(() -> create.usePrompt("a lake at dawn"));
        robot.interact(() ->
                create.choosePhoto(com.pixfino.studio.core.testsupport.PhotoFiles.jpeg(dir, "me.jpg", 800, 1000)));
        await(() -> create.canGenerateProperty().get());
        robot.interact(create::generate);
        await(() -> create.recentPrompts().contains("a lake at dawn"));
        robot.interact(() -> create.usePrompt(""));
        robot.interact(() -> assertThat(view.shortcut(altP())).isTrue());
        await(() ->
                robot.lookup("a lake at dawn").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("a lake at dawn");
        await(() -> "a lake at dawn".equals(create.promptProperty().get()));
    }

    @Test
    void offlineThePromptLibrarySaysExamplesNeedTheConnection() throws Exception {
        fixture.api.unreachable = true;
        robot.interact(() -> fixture.sessions.callFailed(new java.net.ConnectException("refused")));
        robot.clickOn("#prompt-library");
        await(() -> robot.lookup("Examples need the connection; your recent prompts are below.")
                .tryQuery()
                .map(Node::isVisible)
                .orElse(false));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void aStyleIsRenamedFromItsTileMenuAndDeletedFromTheMenuKeyAfterAsking() throws Exception {
        robot.interact(() -> {
            presets.select(TestPresets.SNOW_PRINCESS);
            create.chooseFormat(AspectRatio.STORY);
            create.saveStyle("Warm reels", () -> {});
        });
        await(() -> create.styles().styles().size() == 1);
        String tile = "#style-" + create.styles().styles().get(0).id();
        robot.clickOn("#category-my-styles");
        await(() -> robot.lookup(tile).tryQuery().isPresent());
        assertThat(text(tile + " .preset-name")).isEqualTo("Warm reels");
        assertThat(text(tile + " .preset-category")).isEqualTo("Based on Snow Princess \u00b7 9:16");
        screenshots("create-my-styles-tile");

        robot.rightClickOn(tile);
        robot.clickOn("Rename\u2026");
        await(() -> robot.lookup("#style-rename-panel").query().isVisible());
        robot.interact(() ->
                robot.lookup("#style-rename-name").queryAs(TextField.class).setText("Warm stories"));
        robot.clickOn("#style-rename-confirm");
        await(() -> fixture.api.styles.get(0).name().equals("Warm stories"));
        await(() -> text(tile + " .preset-name").equals("Warm stories"));

        robot.interact(() -> robot.lookup(tile).query().requestFocus());
        robot.press(KeyCode.CONTEXT_MENU).release(KeyCode.CONTEXT_MENU);
        robot.clickOn("Delete\u2026");
        await(() -> robot.lookup("#style-delete-panel").query().isVisible());
        assertThat(text("#style-delete-question"))
                .isEqualTo("Delete the style \u201cWarm stories\u201d? Results made with it stay in the gallery.");
        assertThat(fixture.api.styles).hasSize(1);
        robot.clickOn("#style-delete-confirm");
        await(() -> fixture.api.styles.isEmpty());
        await(() -> robot.lookup("#my-styles-empty").tryQuery().isPresent());
        assertThat(text("#my-styles-empty")).isEqualTo("Save a look you like with \u201cSave as my style\u201d.");
        screenshots("create-my-styles-empty");
    }

    @Test
    void aFormatThePresetCannotMakeExplainsWhyInATooltip() throws Exception {
        robot.interact(() -> presets.select(TestPresets.RUNWAY_REEL));
        robot.interact(() ->
                robot.lookup(".create-left-scroll").queryAs(ScrollPane.class).setVvalue(1));
        assertThat(call(() -> robot.lookup("#format-4x5").query().isDisabled())).isTrue();
        assertThat(call(() -> robot.lookup("#format-4x5").query().getAccessibleText()))
                .isEqualTo("Format 4:5, not available: Fashion Runway Reel cannot make 4:5; pick one of its formats.");

        robot.moveTo("#format-cell-4x5");
        await(() -> shownTooltip().isPresent());
        assertThat(call(() -> shownTooltip().orElseThrow().getText()))
                .isEqualTo("Fashion Runway Reel cannot make 4:5; pick one of its formats.");

        // a format it can make: the tooltip says the whole use the frame may cut short
        robot.moveTo("#format-cell-16x9");
        await(() -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof Tooltip tip
                        && tip.isShowing()
                        && tip.getText().startsWith("16:9 \u00b7 ")));
    }

    private Optional<Tooltip> shownTooltip() {
        return call(() -> robot.listWindows().stream()
                .filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> (Tooltip) w)
                .reduce((first, last) -> last));
    }

    private static KeyEvent altP() {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "p", "p", KeyCode.P, false, false, true, false);
    }

    private void screenshots(String name) {
        ThemeShots.save(robot, createFixture.stage().getScene(), name);
    }

    private String text(String query) {
        return OnFx.text(robot, query);
    }
}
