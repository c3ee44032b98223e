package com.pixfino.studio.gallery;

import static com.pixfino.studio.testsupport.OnFx.await;
import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.core.testsupport.GenerationViews;
import com.pixfino.studio.testsupport.LibraryFill;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
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
        StudioScene.showInPrimaryStage(
                () -> new LibraryView(gallery, viewer, tasks, fixture.messages, usedAgain::add, () -> exportFolder),
                1280,
                800);
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
        // the input photo's preview is already in the catalogue's cache (as after a first download)
        UUID upload = catalog.item(ids.get(1)).orElseThrow().provenance().uploadId();
        Path input = catalog.folder().resolve("inputs").resolve(upload + ".jpg");
        Files.createDirectories(input.getParent());
        Files.write(input, LibraryFill.jpeg(java.awt.Color.GRAY));
        await(() -> Tiles.find(robot, ids.get(1)).isPresent());
        robot.doubleClickOn(Tiles.tile(robot, ids.get(1)));
        await(() -> robot.lookup("#viewer").query().isVisible());
        await(() -> text("provenance-provider").equals("replicate"));
        assertThat(text("provenance-model")).isEqualTo("black-forest-labs/flux-kontext-pro");
        assertThat(text("provenance-credits")).isEqualTo("4 credits");
        assertThat(text("provenance-runtime")).isEqualTo("0 min 35 s");
        assertThat(text("provenance-format")).isEqualTo("1:1");
        assertThat(text("provenance-seed")).isEqualTo("7");
        await(() -> robot.lookup("#provenance-input").queryAs(ImageView.class).getImage() != null);
        await(() -> robot.lookup("#provenance-input")
                        .queryAs(ImageView.class)
                        .getImage()
                        .getProgress()
                >= 1);
        assertThat(call(() ->
                        robot.lookup("#provenance-input-note").queryLabeled().isVisible()))
                .isFalse();
        screenshots("library-viewer");

        robot.clickOn("#provenance-copy-seed");
        assertThat(call(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))
                .isEqualTo("7");

        // before/after: the toggle (or B) shows the slider; arrows move it by 5 %, Home and End to the edges
        robot.clickOn("#viewer-before-after");
        await(() -> robot.lookup("#before-after").query().isVisible());
        Node slider = robot.lookup("#before-after").query();
        assertThat(call(slider::getAccessibleText)).isEqualTo("Before and after comparison, 50 percent");
        await(slider::isFocused);
        robot.type(KeyCode.RIGHT);
        assertThat(call(slider::getAccessibleText)).isEqualTo("Before and after comparison, 55 percent");
        robot.type(KeyCode.LEFT, 3);
        assertThat(call(slider::getAccessibleText)).isEqualTo("Before and after comparison, 40 percent");
        robot.type(KeyCode.END);
        assertThat(call(slider::getAccessibleText)).isEqualTo("Before and after comparison, 100 percent");
        robot.type(KeyCode.HOME);
        assertThat(call(slider::getAccessibleText)).isEqualTo("Before and after comparison, 0 percent");
        // a drag puts the divider under the mouse
        javafx.geometry.Bounds box = call(() -> slider.localToScreen(slider.getBoundsInLocal()));
        robot.drag(box.getMinX() + box.getWidth() / 2, box.getMinY() + box.getHeight() / 2)
                .moveBy(box.getWidth() / 8, 0)
                .drop();
        assertThat(call(slider::getAccessibleText)).isNotEqualTo("Before and after comparison, 0 percent");
        robot.interact(() -> ((BeforeAfterView) slider).positionProperty().set(0.5));
        screenshots("library-before-after");
        robot.type(KeyCode.ESCAPE);
        await(() -> !robot.lookup("#before-after").query().isVisible());
        assertThat(robot.lookup("#viewer").query().isVisible()).isTrue();

        robot.clickOn("#viewer-use-again");
        assertThat(usedAgain).extracting(GalleryItem::id).containsExactly(ids.get(1));
    }

    @Test
    void fourTakesOfOneRequestIn916EndAsAGroupOfFourThatTheFormatFilterFinds() throws Exception {
        UUID group = UUID.randomUUID();
        List<UUID> takes = new ArrayList<>();
        List<com.pixfino.model.api.GenerationView> finished = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.now().withNano(0).plusMinutes(1);
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            takes.add(id);
            com.pixfino.model.api.GenerationView v = LibraryFill.view(
                    id, "Film Noir", MediaKind.IMAGE, "a rainy street", at.plusSeconds(i), false, List.of());
            finished.add(GenerationViews.withCreateOptions(
                    GenerationViews.withSize(v, 576, 1024), "9:16", 1000L + i, group, null, 2));
            Files.write(catalog.folder().resolve(id + "-thumb.jpg"), LibraryFill.jpeg(java.awt.Color.DARK_GRAY));
        }
        catalog.apply(new LibraryChanges(finished, List.of(), List.of(), List.of(), "takes", false, false));
        await(() -> text("gallery-subtitle").equals("65 results"));

        robot.interact(() -> this.<com.pixfino.model.AspectRatio>combo("#gallery-filter-format")
                .setValue(com.pixfino.model.AspectRatio.STORY));
        await(() -> text("gallery-subtitle").equals("4 results"));
        assertThat(call(() -> this.<com.pixfino.model.AspectRatio>combo("#gallery-filter-format")
                        .getButtonCell()
                        .getText()))
                .isEqualTo("9:16 \u00b7 Story / TikTok");
        await(() -> text("gallery-take-" + takes.get(0)).equals("1 of 4"));
        assertThat(text("gallery-take-" + takes.get(3))).isEqualTo("4 of 4");
        screenshots("library-group");

        robot.interact(() -> this.<com.pixfino.model.AspectRatio>combo("#gallery-filter-format")
                .setValue(null));
        await(() -> text("gallery-subtitle").equals("65 results"));
        assertThat(call(() -> robot.lookup("#gallery-group-clear").query().isVisible()))
                .isFalse();
        robot.clickOn("#gallery-take-" + takes.get(2));
        await(() -> text("gallery-subtitle").equals("4 results"));
        assertThat(call(() -> robot.lookup("#gallery-group-clear").query().isVisible()))
                .isTrue();
        robot.clickOn("#gallery-group-clear");
        await(() -> text("gallery-subtitle").equals("65 results"));
    }

    @Test
    void compareShowsTwoToFourResultsSideBySideWithOneZoom() throws Exception {
        await(() -> Tiles.find(robot, ids.get(5)).isPresent());
        robot.clickOn(Tiles.tile(robot, ids.get(0)));
        robot.press(KeyCode.CONTROL).clickOn(Tiles.tile(robot, ids.get(1))).release(KeyCode.CONTROL);
        await(() -> text("gallery-selection-count").equals("2 selected"));
        assertThat(call(() -> robot.lookup("#bulk-compare").query().isDisabled()))
                .isFalse();
        robot.press(KeyCode.CONTROL).clickOn(Tiles.tile(robot, ids.get(2))).release(KeyCode.CONTROL);
        await(() -> text("gallery-selection-count").equals("3 selected"));

        robot.clickOn("#bulk-compare");
        await(() -> robot.lookup("#compare").query().isVisible());
        assertThat(text("compare-title")).isEqualTo("Comparing 3 results");
        assertThat(robot.lookup(".compare-column").queryAll()).hasSize(3);
        List<String> images =
                ids.subList(0, 3).stream().map(id -> "#compare-image-" + id).toList();
        await(() -> images.stream()
                .allMatch(query -> robot.lookup(query)
                        .tryQuery()
                        .map(node -> ((ImageView) node).getImage())
                        .filter(image -> image.getProgress() >= 1 && image.getWidth() > 0)
                        .isPresent()));
        await(() -> images.stream()
                .allMatch(query -> robot.lookup(query).queryAs(ImageView.class).getFitWidth() > 0));
        List<Double> fitted = call(() -> images.stream()
                .map(query -> robot.lookup(query).queryAs(ImageView.class).getFitWidth())
                .toList());
        screenshots("library-compare");

        // one zoom for all: + makes every result 125 %, 0 fits them again
        robot.clickOn("#compare-zoom-in");
        assertThat(text("compare-zoom")).isEqualTo("125 %");
        List<Double> zoomed = call(() -> images.stream()
                .map(query -> robot.lookup(query).queryAs(ImageView.class).getFitWidth())
                .toList());
        for (int i = 0; i < 3; i++) {
            assertThat(zoomed.get(i)).isCloseTo(fitted.get(i) * 1.25, org.assertj.core.data.Offset.offset(0.5));
        }
        // and one pan: moving one pane moves the others
        List<javafx.scene.control.ScrollPane> scrolls = call(() -> List.copyOf(
                robot.lookup(".compare-column .scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)));
        robot.interact(() -> scrolls.get(0).setHvalue(0.9));
        assertThat(call(() -> scrolls.get(2).getHvalue())).isEqualTo(0.9);
        robot.clickOn("#compare-fit");
        assertThat(text("compare-zoom")).isEqualTo("100 %");
        robot.clickOn("#compare-back");
        await(() -> !robot.lookup("#compare").query().isVisible());

        // five selected: Compare is off and says why
        robot.press(KeyCode.CONTROL).clickOn(Tiles.tile(robot, ids.get(4))).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).clickOn(Tiles.tile(robot, ids.get(5))).release(KeyCode.CONTROL);
        await(() -> text("gallery-selection-count").equals("5 selected"));
        assertThat(call(() -> robot.lookup("#bulk-compare").query().isDisabled()))
                .isTrue();
        assertThat(call(() -> ((javafx.scene.control.Button)
                                robot.lookup("#bulk-compare").query())
                        .getTooltip()
                        .getText()))
                .isEqualTo("Compare shows up to 4 results: select fewer");
    }

    @Test
    void anInputPhotoThatIsNotHereIsSaidSoAndTheSliderIsOff() throws Exception {
        robot.doubleClickOn(Tiles.tile(robot, ids.get(2)));
        await(() -> robot.lookup("#viewer").query().isVisible());
        await(() -> text("provenance-input-note").equals("Input photo not available offline")
                || text("provenance-input-note").equals("The input photo is no longer available"));
        assertThat(call(() -> robot.lookup("#viewer-before-after").query().isDisabled()))
                .isTrue();
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String query) {
        return (ComboBox<T>) robot.lookup(query).query();
    }

    private String text(String id) {
        return OnFx.text(robot, "#" + id);
    }

    private void screenshots(String name) {
        ThemeShots.save(robot, stage.getScene(), name);
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Node root = stage.getScene().getRoot();
        Screenshots.save(root.getScene(), name);
    }
}
