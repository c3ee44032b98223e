package com.pixfino.studio.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingGenerationsTest {

    private static final String ANA = UUID.randomUUID().toString();
    private static final String BEN = UUID.randomUUID().toString();
    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    private PendingGenerations open() throws Exception {
        return PendingGenerations.open(
                dir.resolve("data/pending.db"), dir.resolve("data/pending-photos"), UiThreadGuard.NONE);
    }

    private PhotoInfo photo(String name) {
        Path file = PhotoFiles.jpeg(dir.resolve("Pictures"), name, 400, 500);
        return new PhotoInfo(file, "image/jpeg", 1000, 400, 500);
    }

    @Test
    void aRequestSurvivesARestartWithItsKeyAndItsOwnCopyOfThePhoto() throws Exception {
        PhotoInfo original = photo("me.jpg");
        byte[] bytes = Files.readAllBytes(original.file());
        try (PendingGenerations store = open()) {
            store.add(ANA, original, 7, "Snow Princess", "soft light", MediaKind.IMAGE, 4, "key-1", NOON);
            store.add(ANA, photo("two.jpg"), 8, "Cyberpunk", null, MediaKind.IMAGE, 3, "key-2", NOON.plusSeconds(1));
            store.add(BEN, photo("ben.jpg"), 7, "Snow Princess", null, MediaKind.IMAGE, 4, "key-3", NOON);
        }
        Files.delete(original.file()); // the user tidies up the Pictures folder while offline

        try (PendingGenerations store = open()) {
            var ana = store.list(ANA);
            assertThat(ana).extracting(PendingGeneration::idempotencyKey).containsExactly("key-1", "key-2");
            PendingGeneration first = ana.get(0);
            assertThat(first.presetId()).isEqualTo(7);
            assertThat(first.presetName()).isEqualTo("Snow Princess");
            assertThat(first.prompt()).isEqualTo("soft light");
            assertThat(first.kind()).isEqualTo(MediaKind.IMAGE);
            assertThat(first.credits()).isEqualTo(4);
            assertThat(first.createdAt()).isEqualTo(NOON);
            assertThat(first.state()).isEqualTo(PendingGeneration.State.WAITING);
            assertThat(first.uploadId()).isNull();
            assertThat(first.photo())
                    .startsWith(dir.resolve("data/pending-photos").toAbsolutePath());
            assertThat(Files.readAllBytes(first.photo())).isEqualTo(bytes);
            assertThat(store.list(BEN)).hasSize(1);
        }
    }

    @Test
    void uploadedFailedAndRemovedAreKept() throws Exception {
        try (PendingGenerations store = open()) {
            PendingGeneration row =
                    store.add(ANA, photo("me.jpg"), 7, "Snow Princess", null, MediaKind.IMAGE, 4, "key-1", NOON);
            UUID upload = UUID.randomUUID();

            store.uploaded(row.id(), upload);
            store.failed(row.id(), "Not enough credits: this costs 4.");

            PendingGeneration read = store.find(row.id()).orElseThrow();
            assertThat(read.uploadId()).isEqualTo(upload);
            assertThat(read.isWaiting()).isFalse();
            assertThat(read.failure()).isEqualTo("Not enough credits: this costs 4.");

            assertThat(store.remove(row.id())).isTrue();
            assertThat(store.remove(row.id())).isFalse();
            assertThat(store.list(ANA)).isEmpty();
            assertThat(row.photo()).doesNotExist();
        }
    }

    @Test
    void aDeletedAccountLeavesNoRequestNorPhotoCopyBehind() throws Exception {
        try (PendingGenerations store = open()) {
            PendingGeneration ana =
                    store.add(ANA, photo("me.jpg"), 7, "Snow Princess", null, MediaKind.IMAGE, 4, "key-1", NOON);
            store.add(BEN, photo("ben.jpg"), 7, "Snow Princess", null, MediaKind.IMAGE, 4, "key-2", NOON);

            store.forgetOwner(ANA);

            assertThat(store.list(ANA)).isEmpty();
            assertThat(ana.photo().getParent()).doesNotExist();
            assertThat(store.list(BEN)).hasSize(1);
        }
    }
}
