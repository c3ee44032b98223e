package com.pixfino.studio.gallery;

import static com.pixfino.studio.testsupport.OnFx.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.testsupport.LibraryFill;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Renaming and deleting a collection from the gallery's sidebar, on the real catalogue; deleting asks first. */
class CollectionsSidebarTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor tasks;
    private LibraryCatalog catalog;
    private Stage stage;
    private UUID collection;

    @BeforeEach
    void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        tasks = new FxTaskExecutor("collections-test", 2);
        catalog = LibraryCatalog.open(dir.resolve("library.db"), dir.resolve("files"), "owner-1", UiThreadGuard.NONE);
        List<UUID> ids = LibraryFill.fill(catalog, 12);
        collection = catalog.createCollection("Client A");
        catalog.addToCollection(collection, ids.subList(0, 3));
        SessionFixture fixture = new SessionFixture(dir, tasks);
        LibraryViewModel gallery = new LibraryViewModel(tasks, catalog, fixture.messages);
        ViewerViewModel viewer = new ViewerViewModel(tasks, catalog, fixture.session, fixture.messages);
        StudioScene.showInPrimaryStage(
                () -> new LibraryView(gallery, viewer, tasks, fixture.messages, item -> {}, () -> dir), 1100, 700);
        await(() -> label("#collection-" + collection).equals("Client A  (3)"));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        tasks.close();
        catalog.close();
    }

    @Test
    void renameAsksForTheNewNameAndTheSidebarFollows() throws Exception {
        robot.clickOn("#collection-" + collection);
        await(() -> label("#gallery-subtitle").equals("3 results"));

        robot.clickOn("#collection-rename");
        await(() -> robot.lookup("#collection-name").tryQuery().isPresent());
        robot.interact(
                () -> robot.lookup("#collection-name").queryTextInputControl().setText("Client A, final picks"));
        screenshotOf("#collection-name", "collection-rename-dialog-light");
        robot.clickOn("#collection-name-ok");

        await(() -> catalog.collections().get(0).name().equals("Client A, final picks"));
        await(() -> label("#collection-" + collection).equals("Client A, final picks  (3)"));
        assertThat(label("#gallery-subtitle"))
                .as("still showing the collection")
                .isEqualTo("3 results");
        screenshots("collection-renamed");
    }

    @Test
    void deleteAsksFirstKeepsTheResultsAndCancelKeepsTheCollection() throws Exception {
        robot.clickOn("#collection-" + collection);
        robot.clickOn("#collection-delete");
        await(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        assertThat(label(".dialog-pane .header-panel .label")).isEqualTo("Delete the collection \u201cClient A\u201d?");
        screenshotOf("#confirm-delete", "collection-confirm-delete-light");
        Button cancel = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(Button::isCancelButton)
                .findFirst()
                .orElseThrow();
        robot.clickOn(cancel);
        await(() -> robot.lookup("#confirm-delete").tryQuery().isEmpty());
        assertThat(catalog.collections()).hasSize(1);

        robot.clickOn("#collection-delete");
        await(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        robot.clickOn("#confirm-delete");

        await(() -> catalog.collections().isEmpty());
        await(() -> robot.lookup("#collection-" + collection).tryQuery().isEmpty());
        assertThat(catalog.count(LibraryQuery.ALL)).as("its results stay").isEqualTo(12);
        await(() -> label("#gallery-notice").contains("Collection \u201cClient A\u201d deleted"));
        await(() -> label("#gallery-subtitle").equals("12 results"));
        screenshots("collection-deleted");
    }

    private String label(String query) {
        return OnFx.text(robot, query);
    }

    private void screenshots(String name) {
        ThemeShots.save(robot, stage.getScene(), name);
    }

    /** The dialog is its own window: the picture is of the window that holds {@code query}. */
    private void screenshotOf(String query, String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Node node = robot.lookup(query).query();
        Screenshots.save(node.getScene(), name);
    }
}
