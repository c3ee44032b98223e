package com.pixfino.studio.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.InMemoryLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final InMemoryLibrary library = new InMemoryLibrary();
    private final List<GalleryItem> items = new ArrayList<>();
    private LibraryViewModel gallery;

    @BeforeEach
    void setUp() {
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < 300; i++) {
            GalleryItem item = new GalleryItem(
                    UUID.randomUUID(),
                    i % 2 == 0 ? "Snow Princess" : "Runway Reel",
                    i % 2 == 0 ? MediaKind.IMAGE : MediaKind.VIDEO,
                    "prompt " + i + (i == 7 ? " lighthouse at dusk" : ""),
                    i % 2 == 0 ? "image/jpeg" : "video/mp4",
                    512,
                    512,
                    now.minusMinutes(i),
                    null,
                    null);
            items.add(item);
        }
        library.putAll(items);
        gallery = new LibraryViewModel(tasks, library, Messages.load(Locale.ROOT));
        gallery.reload();
    }

    @Test
    void countsAndPagesResultsByIndexWithoutLoadingThemAll() {
        assertThat(gallery.statusProperty().get()).isEqualTo("300 results");
        assertThat(gallery.item(0).id()).isEqualTo(items.get(0).id());
        assertThat(gallery.item(250).id()).isEqualTo(items.get(250).id());
        assertThat(gallery.item(300)).isNull();
    }

    @Test
    void offlineTheSubtitleSaysTheResultsAreThisComputersCopies() {
        gallery.offlineProperty().set(true);
        assertThat(gallery.statusProperty().get())
                .isEqualTo("300 results \u00b7 offline, showing the copies on this computer");

        gallery.setKind(MediaKind.VIDEO);
        assertThat(gallery.statusProperty().get())
                .isEqualTo("150 results \u00b7 offline, showing the copies on this computer");

        gallery.offlineProperty().set(false);
        assertThat(gallery.statusProperty().get()).isEqualTo("150 results");
    }

    @Test
    void searchWaitsForThePauseInTypingThenFiltersAndSorts() {
        gallery.searchTextProperty().set("lighthouse");
        assertThat(gallery.countProperty().get()).isEqualTo(300); // not yet: the user may still be typing
        assertThat(tasks.scheduledDelays()).containsExactly(LibraryViewModel.SEARCH_DELAY);

        tasks.runScheduled();

        assertThat(gallery.statusProperty().get()).isEqualTo("1 result");
        gallery.searchTextProperty().set("");
        tasks.runScheduled();
        gallery.setKind(MediaKind.VIDEO);
        gallery.setSort(LibraryQuery.Sort.OLDEST);
        assertThat(gallery.countProperty().get()).isEqualTo(150);
        assertThat(gallery.item(0).id()).isEqualTo(items.get(299).id());
    }

    @Test
    void shiftClickSelectsARangeCtrlClickTogglesAndSelectAllTakesEveryMatch() {
        LibrarySelection selection = gallery.selection();
        selection.click(2, false, false);
        selection.click(5, true, false);
        assertThat(selection.sizeProperty().get()).isEqualTo(4);
        selection.click(3, false, true);
        assertThat(selection.isSelected(items.get(3).id())).isFalse();
        assertThat(selection.sizeProperty().get()).isEqualTo(3);

        selection.selectAll();
        assertThat(selection.sizeProperty().get()).isEqualTo(300);
        selection.clear();
        assertThat(selection.sizeProperty().get()).isZero();
    }

    @Test
    void bulkFavouriteTagCollectAndDeleteApplyToTheSelection() throws Exception {
        gallery.selection().click(0, false, false);
        gallery.selection().click(1, true, false);

        gallery.favoriteSelection(true);
        gallery.tagSelection(" winter ");
        gallery.createCollection("Client A");
        var collection = gallery.collections().get(0);
        gallery.addSelectionTo(collection);

        assertThat(gallery.favoriteCountProperty().get()).isEqualTo(2);
        assertThat(gallery.tags()).containsExactly("winter");
        assertThat(gallery.collections().get(0).itemCount()).isEqualTo(2);
        gallery.showCollection(collection.id());
        assertThat(gallery.statusProperty().get()).isEqualTo("2 results");

        gallery.selection().selectAll();
        gallery.deleteSelection();
        assertThat(gallery.noticeProperty().get()).isEqualTo("2 results deleted.");
        assertThat(library.count(LibraryQuery.ALL)).isEqualTo(298);
        assertThat(gallery.selection().sizeProperty().get()).isZero();
    }

    @Test
    void exportWritesNamesThatDoNotClashAndSaysWhichCouldNot() throws Exception {
        Path original = Files.writeString(dir.resolve("a.jpg"), "jpeg");
        library.originals.put(items.get(0).id(), original);
        library.originals.put(items.get(2).id(), original);
        Path folder = dir.resolve("out");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(BulkExport.baseName(items.get(0))), "already there");
        gallery.selection().click(0, false, false);
        gallery.selection().click(2, true, false);

        gallery.exportSelection(folder);

        assertThat(folder.resolve(BulkExport.baseName(items.get(0)))).hasContent("already there");
        try (var files = Files.list(folder)) {
            assertThat(files).hasSize(3);
        }
        assertThat(gallery.noticeProperty().get())
                .startsWith("2 files exported to " + folder)
                .contains("Runway Reel (" + items.get(1).createdAt().toLocalDate()
                        + ") could not be exported: The full-size file is not on this computer");
        assertThat(gallery.exportingProperty().get()).isFalse();
    }
}
