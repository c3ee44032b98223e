package com.pixfino.studio.core.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.photo.PhotoRejectedException.Reason;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoCheckTest {

    @TempDir
    Path dir;

    private final PhotoCheck check = new PhotoCheck(UiThreadGuard.NONE);

    @Test
    void readsTypeAndSizeOfJpegAndPngByTheirContent() throws Exception {
        // The names lie on purpose: the bytes decide, as on the server.
        PhotoInfo jpeg = check.check(PhotoFiles.jpeg(dir, "selfie.png", 640, 480));
        PhotoInfo png = check.check(PhotoFiles.png(dir, "product.jpg", 300, 200));

        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(jpeg.width()).isEqualTo(640);
        assertThat(jpeg.height()).isEqualTo(480);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(300);
        assertThat(png.height()).isEqualTo(200);
    }

    @Test
    void readsWebpHeadersOfEveryKind() throws Exception {
        Path lossy = dir.resolve("plain.webp"); // the server's fixture, a real lossy WebP, from its test jar
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/plain.webp"))) {
            Files.copy(in, lossy);
        }
        PhotoInfo real = check.check(lossy);
        assertThat(real.contentType()).isEqualTo("image/webp");
        assertThat(real.width()).isPositive();

        PhotoInfo lossless = check.check(PhotoFiles.webpLosslessHeader(dir, "a.webp", 1000, 750));
        PhotoInfo extended = check.check(PhotoFiles.webpExtendedHeader(dir, "b.webp", 4000, 3000));

        assertThat(lossless.width()).isEqualTo(1000);
        assertThat(lossless.height()).isEqualTo(750);
        assertThat(extended.width()).isEqualTo(4000);
        assertThat(extended.height()).isEqualTo(3000);
    }

    @Test
    void refusesAPixelBombFromItsHeaderAlone() {
        Path bomb = PhotoFiles.pngHeaderOnly(dir, "bomb.png", 10_000, 6_000);

        assertThatThrownBy(() -> check.check(bomb)).isInstanceOfSatisfying(PhotoRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
            assertThat(e.arguments()).containsExactly(10_000, 6_000, 50L);
        });
    }

    @Test
    void refusesFilesOverTwentyMegabytes() {
        Path huge = PhotoFiles.hugeJpeg(dir, "huge.jpg", 21L * 1024 * 1024);

        assertThatThrownBy(() -> check.check(huge)).isInstanceOfSatisfying(PhotoRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.arguments()).containsExactly("21.0", "20.0");
        });
    }

    @Test
    void namesWhatIsWrongWithOtherFiles() throws Exception {
        assertReason(PhotoFiles.text(dir, "notes.jpg", "just some text, not a photo"), Reason.UNSUPPORTED);
        assertReason(PhotoFiles.heic(dir, "IMG_0001.HEIC"), Reason.HEIC);
        assertReason(PhotoFiles.text(dir, "empty.jpg", ""), Reason.EMPTY);
        assertReason(dir.resolve("missing.jpg"), Reason.NOT_A_FILE);
        assertReason(dir, Reason.NOT_A_FILE);
        Path truncated = dir.resolve("cut.jpg");
        Files.write(truncated, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F'});
        assertReason(truncated, Reason.DAMAGED);
    }

    private void assertReason(Path file, Reason reason) {
        assertThatThrownBy(() -> check.check(file))
                .isInstanceOfSatisfying(
                        PhotoRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
