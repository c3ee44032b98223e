package com.pixfino.studio.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.gallery.GalleryCache;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.gallery.GallerySync;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.FakeCompanionApi;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private GalleryCache cache;
    private GallerySync sync;
    private GalleryViewModel gallery;
    private ViewerViewModel viewer;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SessionFixture(dir, tasks);
        fixture.api.setCredits(40);
        cache = GalleryCache.open(dir.resolve("gallery.db"), dir.resolve("gallery"), UiThreadGuard.NONE);
        sync = new GallerySync(cache);
        gallery = new GalleryViewModel(fixture.tasks, cache, sync, fixture.session, fixture.sessions, fixture.messages);
        viewer = new ViewerViewModel(fixture.tasks, sync, fixture.session, fixture.messages);
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    private GenerationView finished(String prompt) throws Exception {
        UUID id = fixture.api
                .createGeneration(
                        new CreateGenerationRequest(TestPresets.SNOW_PRINCESS.id(), UUID.randomUUID(), prompt), null)
                .id();
        return fixture.api.complete(id);
    }

    /** Signs in with one finished result, which the gallery then lists. */
    private GalleryItem signedInWithOneResult(String prompt) throws Exception {
        finished(prompt);
        fixture.signedIn();
        return gallery.items().get(0);
    }

    @Test
    void signingInShowsTheServersResultsWithCachedThumbnails() throws Exception {
        GenerationView first = finished("one");
        GenerationView second = finished("two");

        fixture.signedIn();

        assertThat(gallery.items()).extracting(GalleryItem::id).containsExactly(second.id(), first.id());
        assertThat(gallery.items())
                .allSatisfy(item -> assertThat(item.thumbnail()).exists());
        assertThat(gallery.statusProperty().get()).isEqualTo("2 results");
    }

    @Test
    void offlineTheCachedGalleryIsShownAndSaysSo() throws Exception {
        finished("one");
        fixture.signedIn();
        fixture.sessions.signOut();
        fixture.api.unreachable = true;
        fixture.tokens.write(
                SessionFixture.SERVER, FakeCompanionApi.TOKEN); // as if this studio had just been restarted

        fixture.sessions.connectionSettled(ConnectionState.OFFLINE);

        assertThat(fixture.session.isOnline()).isFalse();
        assertThat(gallery.items()).hasSize(1);
        assertThat(gallery.items().get(0).thumbnail()).exists();
        assertThat(gallery.statusProperty().get()).isEqualTo("1 result · offline, showing the copies on this computer");

        gallery.refresh();
        assertThat(gallery.noticeProperty().get()).startsWith("Offline: showing the copies on this computer.");
    }

    @Test
    void aCompletedJobJoinsTheFrontWithoutAFullSync() throws Exception {
        fixture.signedIn();
        GenerationView fresh = finished("new");

        gallery.added(fresh);

        assertThat(gallery.items()).extracting(GalleryItem::id).containsExactly(fresh.id());
        assertThat(cache.items(fixture.session.ownerId())).hasSize(1);
    }

    @Test
    void resultsDeletedElsewhereLeaveTheCacheAtTheNextSync() throws Exception {
        GenerationView gone = finished("gone");
        GenerationView kept = finished("kept");
        fixture.signedIn();

        fixture.api.generations.remove(gone.id());
        gallery.refresh();

        assertThat(gallery.items()).extracting(GalleryItem::id).containsExactly(kept.id());
    }

    @Test
    void deleteRemovesTheResultOnTheServerAndHere() throws Exception {
        GenerationView done = finished("bye");
        fixture.signedIn();
        GalleryItem item = gallery.items().get(0);
        Path thumbnail = item.thumbnail();
        boolean[] after = {false};

        gallery.delete(item, () -> after[0] = true);

        assertThat(fixture.api.generations).doesNotContainKey(done.id());
        assertThat(gallery.items()).isEmpty();
        assertThat(thumbnail).doesNotExist();
        assertThat(after[0]).isTrue();
        assertThat(gallery.noticeProperty().get()).isEqualTo("Snow Princess was deleted here and on the server.");
    }

    @Test
    void deletingOfflineIsRefusedSoTheResultDoesNotComeBack() throws Exception {
        signedInWithOneResult("stay");
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        gallery.delete(gallery.items().get(0), () -> {});

        assertThat(gallery.items()).hasSize(1);
        assertThat(gallery.noticeProperty().get()).startsWith("Offline: deleting needs the server");
    }

    @Test
    void exportCopiesTheFullSizeFileDownloadingItOnce() throws Exception {
        GalleryItem item = signedInWithOneResult("export me");
        Path target = dir.resolve("out").resolve(gallery.exportName(item));
        Files.createDirectories(target.getParent());

        gallery.export(item, target);

        assertThat(target).hasBinaryContent(FakeCompanionApi.JPEG_BYTES);
        assertThat(target.getFileName().toString()).matches("snow-princess-2026-11-20-[0-9a-f]{8}\\.jpg");
        assertThat(cache.item(fixture.session.ownerId(), item.id())
                        .orElseThrow()
                        .original())
                .exists();
        assertThat(gallery.noticeProperty().get()).startsWith("Exported to ");
    }

    @Test
    void theViewerShowsTheThumbnailThenTheOriginalAndZooms() throws Exception {
        GalleryItem item = signedInWithOneResult("look");

        viewer.open(item);

        assertThat(viewer.fullSizeProperty().get()).isTrue();
        assertThat(viewer.fileProperty().get()).isEqualTo(cache.originalFile(fixture.session.ownerId(), item));
        assertThat(viewer.fitProperty().get()).isTrue();
        viewer.fitScale(0.5);
        viewer.zoomIn();
        assertThat(viewer.fitProperty().get()).isFalse();
        assertThat(viewer.zoomText()).isEqualTo("63 %");
        viewer.actualSize();
        assertThat(viewer.zoomText()).isEqualTo("100 %");
        for (int i = 0; i < 30; i++) {
            viewer.zoomIn();
        }
        assertThat(viewer.zoomProperty().get()).isEqualTo(ViewerViewModel.MAX_ZOOM);
        viewer.close();
        assertThat(viewer.itemProperty().get()).isNull();
    }

    @Test
    void offlineTheViewerExplainsWhyOnlyTheThumbnailShows() throws Exception {
        signedInWithOneResult("look");
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        viewer.open(gallery.items().get(0));

        assertThat(viewer.fullSizeProperty().get()).isFalse();
        assertThat(viewer.fileProperty().get()).isEqualTo(gallery.items().get(0).thumbnail());
        assertThat(viewer.messageProperty().get())
                .startsWith("Offline: the full-size file is not on this computer yet");
        viewer.playbackFailed("no media support");
        assertThat(viewer.messageProperty().get()).contains("The first frame is shown");
    }

    @Test
    void aSyncThatASignOutOvertakesIsDroppedAndNoLongerBusy() throws Exception {
        finished("one");
        fixture.signedIn();
        finished("two");
        tasks.hold();
        gallery.refresh();
        assertThat(gallery.busyProperty().get()).isTrue();

        fixture.sessions.signOut();
        assertThat(gallery.busyProperty().get()).isFalse();
        tasks.runHeld();

        assertThat(gallery.items()).isEmpty();
        assertThat(gallery.noticeProperty().get()).isEmpty();
    }

    @Test
    void openingAnotherResultCancelsTheFirstOnesDownload() throws Exception {
        GenerationView first = finished("first");
        GenerationView second = finished("second");
        fixture.signedIn();
        String owner = fixture.session.ownerId();
        GalleryItem firstItem = cache.item(owner, first.id()).orElseThrow();
        GalleryItem secondItem = cache.item(owner, second.id()).orElseThrow();
        tasks.hold();

        viewer.open(firstItem);
        viewer.open(secondItem);
        tasks.runHeld();

        assertThat(viewer.itemProperty().get().id()).isEqualTo(second.id());
        assertThat(viewer.fileProperty().get()).isEqualTo(cache.originalFile(owner, secondItem));
        assertThat(cache.item(owner, first.id()).orElseThrow().original())
                .as("never downloaded")
                .isNull();
    }
}
