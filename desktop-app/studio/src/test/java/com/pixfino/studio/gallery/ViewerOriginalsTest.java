package com.pixfino.studio.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's part that users rely on, carried over from the old gallery's tests: thumbnail first, then the
 * full-size file; zoom limits; offline it says why only the thumbnail shows; opening another result drops the first
 * one's download.
 */
class ViewerOriginalsTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<UUID> fetched = new ArrayList<>();
    private SessionFixture fixture;
    private ViewerViewModel viewer;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks);
        viewer = new ViewerViewModel(
                tasks,
                (item, online) -> () -> {
                    if (!online) {
                        throw new IOException("The server cannot be reached.");
                    }
                    fetched.add(item.id());
                    Path original = dir.resolve(item.id() + ".jpg");
                    Files.write(original, new byte[] {1, 2, 3});
                    return original;
                },
                fixture.session,
                fixture.messages);
        fixture.signedIn();
    }

    private GalleryItem item() throws IOException {
        UUID id = UUID.randomUUID();
        Path thumbnail = Files.write(dir.resolve(id + "-thumb.jpg"), new byte[] {9});
        return new GalleryItem(
                id,
                "Snow Princess",
                MediaKind.IMAGE,
                "look",
                "image/jpeg",
                512,
                512,
                OffsetDateTime.now(),
                thumbnail,
                null);
    }

    @Test
    void theViewerShowsTheThumbnailThenTheOriginalAndZooms() throws Exception {
        GalleryItem item = item();

        viewer.open(item);

        assertThat(viewer.fullSizeProperty().get()).isTrue();
        assertThat(viewer.fileProperty().get()).isEqualTo(dir.resolve(item.id() + ".jpg"));
        assertThat(viewer.itemProperty().get().original()).exists();
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
        GalleryItem item = item();
        fixture.sessions.callFailed(new java.net.ConnectException("refused"));

        viewer.open(item);

        assertThat(viewer.fullSizeProperty().get()).isFalse();
        assertThat(viewer.fileProperty().get()).isEqualTo(item.thumbnail());
        assertThat(viewer.messageProperty().get())
                .startsWith("Offline: the full-size file is not on this computer yet");
        viewer.playbackFailed("no media support");
        assertThat(viewer.messageProperty().get()).contains("The first frame is shown");
    }

    @Test
    void openingAnotherResultCancelsTheFirstOnesDownload() throws Exception {
        GalleryItem first = item();
        GalleryItem second = item();
        tasks.hold();

        viewer.open(first);
        viewer.open(second);
        tasks.runHeld();

        assertThat(viewer.itemProperty().get().id()).isEqualTo(second.id());
        assertThat(viewer.fileProperty().get()).isEqualTo(dir.resolve(second.id() + ".jpg"));
        assertThat(fetched).as("the first one is never downloaded").containsExactly(second.id());
    }

    @Test
    void signingOutClosesTheViewer() throws Exception {
        viewer.open(item());

        fixture.sessions.signOut();

        assertThat(viewer.itemProperty().get()).isNull();
        assertThat(viewer.fileProperty().get()).isNull();
    }
}
