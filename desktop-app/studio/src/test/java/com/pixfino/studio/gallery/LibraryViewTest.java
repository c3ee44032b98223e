package com.pixfino.studio.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.testsupport.LibraryFill;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The gallery screen on the real SQLite catalogue in a headless window: search, filters, collections, bulk, viewer. */
class LibraryViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor tasks;
    private LibraryCatalog catalog;
    private Stage stage;
    private List<UUID> ids;
    private UUID lighthouse;
    private Path exportFolder;
    private final List<GalleryItem> usedAgain = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        tasks = new FxTaskExecutor("library-view-test", 2);
        catalog = LibraryCatalog.open(dir.resolve("library.db"), dir.resolve("files"), "owner-1", UiThreadGuard.NONE);
        ids = LibraryFill.fill(catalog, 60);
        lighthouse = UUID.randomUUID();
        catalog.apply(new LibraryChanges(
                List.of(LibraryFill.view(
                        lighthouse,
                        "Oil Painting",
                        MediaKind.IMAGE,
                        "a lighthouse at dusk, thick brush strokes",
                        OffsetDateTime.now().minusDays(30),
                        false,
                        List.of("coast"))),
                List.of(),
                List.of(),
                List.of(),
                "extra",
                false,
                false));
        exportFolder = dir.resolve("export");
        SessionFixture fixture = new SessionFixture(dir, tasks);
        LibraryViewModel gallery = new LibraryViewModel(tasks, catalog, fixture.messages);
        ViewerViewModel viewer = new ViewerViewModel(tasks, catalog, fixture.session, fixture.messages);
        FxToolkit.setupStage(primary -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(
                    new LibraryView(gallery, viewer, tasks, fixture.messages, usedAgain::add, () -> exportFolder));
            scene.getStylesheets()
                    .add(getClass()
                            .getResource("/com/pixfino/studio/studio.css")
                            .toExternalForm());
            primary.setScene(scene);
            primary.setWidth(1280);
            primary.setHeight(800);
            primary.show();
        });
        await(() -> text("gallery-subtitle").equals("61 results"));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        tasks.close();
        catalog.close();
    }

    @Test
    void searchAndFiltersNarrowTheGridAndThumbnailsShow() throws Exception {
        await(() -> robot.lookup(".library-tile ImageView").queryAllAs(ImageView.class).stream()
                .anyMatch(view -> view.getImage() != null && view.getImage().getProgress() >= 1));
        screenshots("library-grid");

        robot.clickOn("#gallery-search").write("lighthouse");
        await(() -> text("gallery-subtitle").equals("1 result"));
        await(() -> Tiles.find(robot, lighthouse).isPresent()); // its page comes next
        screenshots("library-search");

        robot.interact(
                () -> robot.lookup("#gallery-search").queryTextInputControl().clear());
        await(() -> text("gallery-subtitle").equals("61 results"));
        robot.interact(() -> this.<MediaKind>combo("#gallery-filter-kind").setValue(MediaKind.VIDEO));
        await(() -> text("gallery-subtitle").equals("15 results"));
        robot.interact(() -> this.<String>combo("#gallery-filter-tag").setValue("coast"));
        await(() -> text("gallery-subtitle").equals("No results yet"));
        robot.interact(() -> this.<MediaKind>combo("#gallery-filter-kind").setValue(null));
        await(() -> text("gallery-subtitle").equals("1 result"));
    }

    @Test
    void selectionFavouritesCollectsAndDeletesInBulk() throws Exception {
        robot.clickOn(Tiles.tile(robot, ids.get(0)));
        robot.press(KeyCode.SHIFT).clickOn(Tiles.tile(robot, ids.get(2))).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).clickOn(Tiles.tile(robot, ids.get(4))).release(KeyCode.CONTROL);
        await(() -> text("gallery-selection-count").equals("4 selected"));

        robot.clickOn("#bulk-favorite");
        await(() -> catalog.count(LibraryQuery.ALL.withFavoritesOnly(true)) == 4);
        robot.clickOn("#collection-new");
        robot.clickOn("#collection-name").write("Client A");
        robot.clickOn("#collection-name-ok");
        await(() -> catalog.collections().size() == 1);
        UUID collection = catalog.collections().get(0).id();
        robot.clickOn("#bulk-collect");
        robot.clickOn("Client A");
        await(() -> catalog.count(LibraryQuery.ALL.withCollection(collection)) == 4);
        await(() -> robot.lookup("#collection-" + collection).tryQuery().isPresent()
                && ((Labeled) robot.lookup("#collection-" + collection).query())
                        .getText()
                        .equals("Client A  (4)"));
        screenshots("library-bulk");

        robot.clickOn("#collection-" + collection);
        await(() -> text("gallery-subtitle").equals("4 results"));
        robot.clickOn("#gallery-grid").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        await(() -> text("gallery-selection-count").equals("4 selected"));
        robot.clickOn("#bulk-export");
        await(() -> text("gallery-notice").startsWith("No files exported to " + exportFolder));
        assertThat(text("gallery-notice"))
                .contains("could not be exported: The full-size file is not on this computer yet");

        robot.clickOn("#gallery-grid").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.DELETE); // the grid's keys: Delete asks first
        await(() -> robot.lookup("#confirm-delete").tryQuery().isPresent());
        screenshot("library-confirm-delete-light");
        robot.clickOn("#confirm-delete");
        await(() -> text("gallery-subtitle").equals("No results yet"));
        assertThat(catalog.count(LibraryQuery.ALL)).isEqualTo(57);
        robot.clickOn("#collection-all");
        await(() -> text("gallery-subtitle").equals("57 results"));
        assertThat(Files.exists(exportFolder)).isTrue();
    }

    @Test
    void theViewerShowsHowAResultWasMadeAndUseAgainHandsItOver() throws Exception {
        robot.doubleClickOn(Tiles.tile(robot, ids.get(1)));
        await(() -> robot.lookup("#viewer").query().isVisible());
        await(() -> text("provenance-provider").equals("replicate"));
        assertThat(text("provenance-model")).isEqualTo("black-forest-labs/flux-kontext-pro");
        assertThat(text("provenance-credits")).isEqualTo("4 credits");
        assertThat(text("provenance-runtime")).isEqualTo("0 min 35 s");
        screenshots("library-viewer");

        robot.clickOn("#viewer-use-again");
        assertThat(usedAgain).extracting(GalleryItem::id).containsExactly(ids.get(1));
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String query) {
        return (ComboBox<T>) robot.lookup(query).query();
    }

    private String text(String id) {
        return call(() -> robot.lookup("#" + id)
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
        Node root = stage.getScene().getRoot();
        Screenshots.save(root.getScene(), name);
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
