package com.pixfino.studio.core.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryCacheTest {

    private static final String OWNER = "user-a";

    @TempDir
    Path dir;

    private GalleryCache cache;

    @BeforeEach
    void open() throws Exception {
        cache = GalleryCache.open(dir.resolve("gallery.db"), dir.resolve("files"), UiThreadGuard.NONE);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private static GalleryItem item(int minute, MediaKind kind) {
        return new GalleryItem(
                UUID.randomUUID(),
                "Preset " + minute,
                kind,
                minute % 2 == 0 ? null : "prompt " + minute,
                kind == MediaKind.VIDEO ? "video/mp4" : "image/jpeg",
                800,
                1000,
                OffsetDateTime.of(2026, 11, 20, 10, minute, 0, 0, ZoneOffset.UTC),
                null,
                null);
    }

    @Test
    void keepsEachOwnersResultsNewestFirstAcrossRestarts() throws Exception {
        GalleryItem older = item(1, MediaKind.IMAGE);
        GalleryItem newer = item(2, MediaKind.VIDEO);
        cache.save(OWNER, older);
        cache.save(OWNER, newer);
        cache.save("user-b", item(3, MediaKind.IMAGE));
        cache.close();

        cache = GalleryCache.open(dir.resolve("gallery.db"), dir.resolve("files"), UiThreadGuard.NONE);

        assertThat(cache.items(OWNER)).containsExactly(newer, older);
        assertThat(cache.items(OWNER).get(0).isVideo()).isTrue();
        assertThat(cache.items("nobody")).isEmpty();
    }

    @Test
    void filesAreKeptBesideTheRowAndDeletedWithIt() throws Exception {
        GalleryItem item = item(1, MediaKind.IMAGE);
        Path thumbnail = Files.write(mkdirs(cache.thumbnailFile(OWNER, item.id())), new byte[] {1});
        Path original = Files.write(cache.originalFile(OWNER, item), new byte[] {2});
        cache.save(OWNER, item.withThumbnail(thumbnail).withOriginal(original));

        GalleryItem read = cache.item(OWNER, item.id()).orElseThrow();
        assertThat(read.thumbnail()).isEqualTo(thumbnail);
        assertThat(read.original()).isEqualTo(original);
        assertThat(original.getFileName().toString()).endsWith(".jpg");

        cache.remove(OWNER, item.id());

        assertThat(cache.items(OWNER)).isEmpty();
        assertThat(thumbnail).doesNotExist();
        assertThat(original).doesNotExist();
    }

    @Test
    void aCachedFileDeletedByHandCountsAsNotCached() throws Exception {
        GalleryItem item = item(1, MediaKind.IMAGE);
        Path thumbnail = Files.write(mkdirs(cache.thumbnailFile(OWNER, item.id())), new byte[] {1});
        cache.save(OWNER, item.withThumbnail(thumbnail));

        Files.delete(thumbnail);

        assertThat(cache.item(OWNER, item.id()).orElseThrow().thumbnail()).isNull();
    }

    @Test
    void refusesToRunOnTheUiThreadItIsGiven() throws Exception {
        AtomicBoolean onUiThread = new AtomicBoolean();
        try (GalleryCache guarded =
                GalleryCache.open(dir.resolve("guarded.db"), dir.resolve("guarded"), onUiThread::get)) {
            onUiThread.set(true);

            assertThatThrownBy(() -> guarded.items(OWNER))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("UI thread");
            assertThatThrownBy(() -> guarded.save(OWNER, item(4, MediaKind.IMAGE)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static Path mkdirs(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return file;
    }

    @Test
    void forgettingAnOwnerRemovesTheirRowsAndFilesAndNobodyElses() throws Exception {
        GalleryItem mine = item(1, MediaKind.IMAGE);
        cache.save(OWNER, mine);
        Files.createDirectories(cache.folder(OWNER));
        Files.write(cache.thumbnailFile(OWNER, mine.id()), new byte[] {1, 2, 3});
        GalleryItem theirs = item(2, MediaKind.IMAGE);
        cache.save("user-b", theirs);
        Files.createDirectories(cache.folder("user-b"));
        Files.write(cache.thumbnailFile("user-b", theirs.id()), new byte[] {4});

        cache.forgetOwner(OWNER);

        assertThat(cache.items(OWNER)).isEmpty();
        assertThat(cache.folder(OWNER)).doesNotExist();
        assertThat(cache.items("user-b")).hasSize(1);
        assertThat(cache.thumbnailFile("user-b", theirs.id())).exists();
        cache.forgetOwner("never-cached");
    }
}
