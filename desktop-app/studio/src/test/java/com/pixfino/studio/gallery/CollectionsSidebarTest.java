package com.pixfino.studio.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.testsupport.LibraryFill;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
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
        FxToolkit.setupStage(primary -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new LibraryView(gallery, viewer, tasks, fixture.messages, item -> {}, () -> dir));
            scene.getStylesheets()
                    .add(getClass()
                            .getResource("/com/pixfino/studio/studio.css")
                            .toExternalForm());
            primary.setScene(scene);
            primary.setWidth(1100);
            primary.setHeight(700);
            primary.show();
        });
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
        return call(() -> robot.lookup(query)
                .tryQuery()
                .map(node -> ((Labeled) node).getText())
                .orElse(""));
    }

    private void screenshots(String name) {
        screenshot(name + "-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        screenshot(name + "-dark");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Screenshots.save(stage.getScene(), name);
    }

    /** The dialog is its own window: the picture is of the window that holds {@code query}. */
    private void screenshotOf(String query, String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Node node = robot.lookup(query).query();
        Screenshots.save(node.getScene(), name);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> call(condition));
    }

    private static <T> T call(Callable<T> onFx) {
        try {
            return WaitForAsyncUtils.asyncFx(onFx).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
