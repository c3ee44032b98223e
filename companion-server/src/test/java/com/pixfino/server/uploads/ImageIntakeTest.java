package com.pixfino.server.uploads;

import static com.pixfino.server.testsupport.TestImages.decode;
import static com.pixfino.server.testsupport.TestImages.encode;
import static com.pixfino.server.testsupport.TestImages.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.pixfino.server.http.ErrorMapping;
import com.pixfino.server.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageIntakeTest {

    private static final List<Class<? extends Directory>> METADATA_WE_STRIP = List.of(
            ExifIFD0Directory.class,
            ExifSubIFDDirectory.class,
            GpsDirectory.class,
            JpegCommentDirectory.class,
            IccDirectory.class,
            XmpDirectory.class);

    private final ImageIntake intake = new ImageIntake();

    @Nested
    class AcceptedFormats {

        @Test
        void jpegStaysJpeg() {
            ProcessedUpload upload = intake.process(encode(TestImages.markedRgb(300, 200), "jpeg"));

            assertThat(upload.contentType()).isEqualTo("image/jpeg");
            assertThat(upload.extension()).isEqualTo("jpg");
            assertThat(upload.width()).isEqualTo(300);
            assertThat(upload.height()).isEqualTo(200);
            assertThat(UploadFormat.sniff(upload.bytes())).contains(UploadFormat.JPEG);
            assertThat(dimensions(upload.bytes())).containsExactly(300, 200);
        }

        @Test
        void pngStaysPngAndKeepsAlpha() {
            ProcessedUpload upload = intake.process(encode(TestImages.translucent(40, 20), "png"));

            assertThat(upload.contentType()).isEqualTo("image/png");
            assertThat(upload.extension()).isEqualTo("png");
            assertThat(upload.width()).isEqualTo(40);
            BufferedImage stored = decode(upload.bytes());
            assertThat(stored.getColorModel().hasAlpha()).isTrue();
            assertThat(alpha(stored, 5, 10)).isBetween(120, 136);
            assertThat(alpha(stored, 35, 10)).isZero();
        }

        @Test
        void lossyWebpIsStoredAsPng() {
            ProcessedUpload upload = intake.process(fixture("plain.webp"));

            assertThat(upload.contentType()).isEqualTo("image/png");
            assertThat(upload.extension()).isEqualTo("png");
            assertThat(UploadFormat.sniff(upload.bytes())).contains(UploadFormat.PNG);
            assertThat(upload.width()).isEqualTo(60);
            assertThat(upload.height()).isEqualTo(40);
            assertThat(isReddish(decode(upload.bytes()).getRGB(3, 3))).isTrue();
        }

        @Test
        void losslessWebpKeepsAlpha() {
            ProcessedUpload upload = intake.process(fixture("alpha-lossless.webp"));

            BufferedImage stored = decode(upload.bytes());
            assertThat(dimensions(upload.bytes())).containsExactly(32, 24);
            assertThat(alpha(stored, 4, 4)).isBetween(120, 136);
            assertThat(alpha(stored, 28, 4)).isZero();
        }

        @Test
        void cmykJpegDecodesToRgb() {
            ProcessedUpload upload = intake.process(fixture("cmyk.jpg"));

            BufferedImage stored = decode(upload.bytes());
            assertThat(upload.width()).isEqualTo(60);
            assertThat(isReddish(stored.getRGB(3, 3))).isTrue();
            assertThat(stored.getRGB(30, 20) & 0xFFFFFF)
                    .satisfies(white -> assertThat(channelsAtLeast(white, 220)).isTrue());
        }

        @Test
        void greyscaleJpegKeepsItsLevel() {
            ProcessedUpload upload = intake.process(encode(TestImages.grey(20, 10, 128), "jpeg"));

            int rgb = decode(upload.bytes()).getRGB(10, 5);
            assertThat(rgb >> 16 & 0xFF).isBetween(120, 136);
            assertThat(rgb & 0xFF).isBetween(120, 136);
        }

        @Test
        void sixteenBitGreyPng() {
            ProcessedUpload upload = intake.process(encode(TestImages.grey16(20, 10), "png"));

            assertThat(upload.width()).isEqualTo(20);
            assertThat(decode(upload.bytes()).getRGB(1, 1) & 0xFF).isBetween(140, 200);
        }

        @Test
        void sixteenBitRgbPng() {
            ProcessedUpload upload = intake.process(encode(TestImages.rgb48(20, 10), "png"));

            assertThat(decode(upload.bytes()).getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        }

        @Test
        void palettedPngWithTransparency() {
            ProcessedUpload upload = intake.process(encode(TestImages.paletted(20, 10), "png"));

            BufferedImage stored = decode(upload.bytes());
            assertThat(alpha(stored, 2, 2)).isZero();
            assertThat(stored.getRGB(15, 2)).isEqualTo(0xFFFF0000);
        }
    }

    @Nested
    class Orientation {

        @Test
        void jpegOrientation6IsRotatedClockwise() {
            ProcessedUpload upload = intake.process(fixture("orientation6-gps.jpg"));

            // Stored 60x40 with red top-left; turned 90 degrees clockwise, red lands top-right.
            assertThat(upload.width()).isEqualTo(40);
            assertThat(upload.height()).isEqualTo(60);
            BufferedImage stored = decode(upload.bytes());
            assertThat(stored.getWidth()).isEqualTo(40);
            assertThat(isReddish(stored.getRGB(36, 3))).isTrue();
            assertThat(isReddish(stored.getRGB(3, 3))).isFalse();
        }

        @Test
        void webpOrientation6IsRotatedExactlyOnce() {
            ProcessedUpload upload = intake.process(fixture("orientation6.webp"));

            assertThat(upload.width()).isEqualTo(40);
            assertThat(upload.height()).isEqualTo(60);
            assertThat(isReddish(decode(upload.bytes()).getRGB(36, 3))).isTrue();
        }

        @Test
        void thumbnailIsUprightToo() {
            ProcessedUpload upload = intake.process(fixture("orientation6-gps.jpg"));

            assertThat(dimensions(upload.thumbnail())).containsExactly(40, 60);
        }
    }

    @Nested
    class MetadataStripping {

        @Test
        void storedJpegHasNoExifGpsOrComment() throws Exception {
            ProcessedUpload upload = processGpsTagged("orientation6-gps.jpg");

            assertNoStrippedMetadata(upload.bytes());
            assertNoStrippedMetadata(upload.thumbnail());
            assertThat(new String(upload.bytes(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("PixfinoTestCam")
                    .doesNotContain("secret comment");
        }

        @Test
        void storedPngFromWebpHasNoExifOrGps() throws Exception {
            ProcessedUpload upload = processGpsTagged("orientation6.webp");

            assertNoStrippedMetadata(upload.bytes());
            assertThat(new String(upload.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("PixfinoTestCam");
        }

        /** Processes a fixture after checking that it does carry GPS, so the stripping has something to strip. */
        private ProcessedUpload processGpsTagged(String name) throws Exception {
            byte[] original = fixture(name);
            assertThat(metadata(original).getFirstDirectoryOfType(GpsDirectory.class))
                    .isNotNull();
            return intake.process(original);
        }

        private void assertNoStrippedMetadata(byte[] bytes) throws Exception {
            Metadata metadata = metadata(bytes);
            for (Class<? extends Directory> type : METADATA_WE_STRIP) {
                assertThat(metadata.getFirstDirectoryOfType(type))
                        .as(type.getSimpleName())
                        .isNull();
            }
        }
    }

    @Nested
    class Rejections {

        @Test
        void textFileNamedJpgIsUnsupported() {
            byte[] text = "Dear diary, today I renamed notes.txt to photo.jpg".getBytes(StandardCharsets.UTF_8);

            assertRejected(intake, text, 415, "unsupported_media_type");
        }

        @Test
        void gifIsUnsupported() {
            assertRejected(intake, encode(TestImages.markedRgb(10, 10), "gif"), 415, "unsupported_media_type");
        }

        @Test
        void truncatedJpegIsInvalid() {
            assertFirstHalfIsInvalid(encode(TestImages.noise(200, 200), "jpeg"));
        }

        @Test
        void jpegCutInsideItsHeaderIsInvalid() {
            assertRejected(intake, Arrays.copyOf(encode(TestImages.noise(20, 20), "jpeg"), 40), 400, "invalid_image");
        }

        @Test
        void truncatedPngIsInvalid() {
            assertFirstHalfIsInvalid(encode(TestImages.noise(200, 200), "png"));
        }

        @Test
        void truncatedWebpIsInvalid() {
            assertFirstHalfIsInvalid(fixture("plain.webp"));
        }

        private void assertFirstHalfIsInvalid(byte[] image) {
            assertRejected(intake, Arrays.copyOf(image, image.length / 2), 400, "invalid_image");
        }

        @Test
        void emptyUploadIsInvalid() {
            assertRejected(intake, new byte[0], 400, "invalid_image");
        }

        @Test
        void zeroWidthPngIsInvalid() {
            assertRejected(intake, TestImages.pngClaiming(0, 10), 400, "invalid_image");
        }

        @Test
        void overTheByteLimitIsFileTooLarge() {
            byte[] jpeg = encode(TestImages.noise(100, 100), "jpeg");
            ImageIntake small = new ImageIntake(jpeg.length - 1, ImageIntake.DEFAULT_MAX_PIXELS, 400);

            assertRejected(small, jpeg, 413, "file_too_large");
        }

        @Test
        void exactlyTheByteLimitIsAccepted() {
            byte[] jpeg = encode(TestImages.noise(100, 100), "jpeg");
            ImageIntake small = new ImageIntake(jpeg.length, ImageIntake.DEFAULT_MAX_PIXELS, 400);

            assertThat(small.process(jpeg).width()).isEqualTo(100);
        }

        @Test
        void byteLimitIsCheckedBeforeTheType() {
            ImageIntake small = new ImageIntake(10, ImageIntake.DEFAULT_MAX_PIXELS, 400);

            assertRejected(small, new byte[11], 413, "file_too_large");
        }

        @ParameterizedTest(name = "{0}x{1}")
        @CsvSource({"100, 100, true", "101, 100, false", "100, 101, false"})
        void pixelLimitIsInclusive(int width, int height, boolean accepted) {
            ImageIntake limited = new ImageIntake(ImageIntake.DEFAULT_MAX_BYTES, 100 * 100, 400);
            byte[] png = encode(TestImages.markedRgb(width, height), "png");

            if (accepted) {
                assertThat(limited.process(png).width()).isEqualTo(width);
            } else {
                assertRejected(limited, png, 413, "image_too_large");
            }
        }
    }

    @Nested
    class DecompressionBombs {

        @Test
        void pngHeaderClaiming60000Squared() {
            byte[] bomb = TestImages.pngClaiming(60_000, 60_000);
            assertThat(bomb.length).isLessThan(100);

            // A guard against decoding (3.6 Gpx would take minutes and ~10 GB), not a performance measure.
            UploadRejectedException rejection = assertTimeoutPreemptively(
                    Duration.ofSeconds(2),
                    () -> catchThrowableOfType(UploadRejectedException.class, () -> intake.process(bomb)));

            assertThat(rejection).isNotNull();
            assertThat(ErrorMapping.status(rejection.kind())).isEqualTo(413);
            assertThat(rejection.code()).isEqualTo("image_too_large");
            assertThat(rejection.getMessage()).contains("60000x60000");
        }

        @Test
        void jpegFrameHeaderClaiming65000Squared() {
            byte[] bomb = TestImages.jpegClaiming(65_000, 65_000);

            UploadRejectedException rejection = assertTimeoutPreemptively(
                    Duration.ofSeconds(2),
                    () -> catchThrowableOfType(UploadRejectedException.class, () -> intake.process(bomb)));

            assertThat(rejection).isNotNull();
            assertThat(rejection.code()).isEqualTo("image_too_large");
        }
    }

    @Nested
    class ThumbnailAndPlaceholder {

        @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
        @CsvSource({
            "1200, 800, 400, 267",
            "300, 900, 133, 400",
            "400, 400, 400, 400",
            "120, 80, 120, 80",
            "2000, 3, 400, 1",
        })
        void thumbnailLongEdgeIsAtMost400AndNeverUpscaled(int width, int height, int thumbWidth, int thumbHeight) {
            ProcessedUpload upload = intake.process(encode(TestImages.markedRgb(width, height), "png"));

            assertThat(UploadFormat.sniff(upload.thumbnail())).contains(UploadFormat.JPEG);
            assertThat(dimensions(upload.thumbnail())).containsExactly(thumbWidth, thumbHeight);
        }

        @Test
        void thumbnailEdgeIsConfigurable() {
            ImageIntake intake = new ImageIntake(ImageIntake.DEFAULT_MAX_BYTES, ImageIntake.DEFAULT_MAX_PIXELS, 64);

            ProcessedUpload upload = intake.process(encode(TestImages.markedRgb(640, 320), "jpeg"));

            assertThat(dimensions(upload.thumbnail())).containsExactly(64, 32);
        }

        @Test
        void transparentAreasBecomeWhiteInTheThumbnail() {
            ProcessedUpload upload = intake.process(encode(TestImages.translucent(800, 400), "png"));

            BufferedImage thumbnail = decode(upload.thumbnail());
            assertThat(channelsAtLeast(thumbnail.getRGB(380, 100) & 0xFFFFFF, 245))
                    .isTrue();
            Color halfGreenOnWhite = new Color(thumbnail.getRGB(20, 100));
            assertThat(halfGreenOnWhite.getRed()).isBetween(110, 145);
            assertThat(halfGreenOnWhite.getGreen()).isBetween(175, 205);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1200x800", "30x90", "5x5"})
        void placeholderIsATinyJpegDataUrl(String size) {
            String[] parts = size.split("x");
            int width = Integer.parseInt(parts[0]);
            int height = Integer.parseInt(parts[1]);
            ProcessedUpload upload = intake.process(encode(TestImages.markedRgb(width, height), "jpeg"));

            assertThat(upload.placeholderDataUrl()).startsWith("data:image/jpeg;base64,");
            byte[] jpeg = Base64.getDecoder()
                    .decode(upload.placeholderDataUrl().substring("data:image/jpeg;base64,".length()));
            int[] dims = dimensions(jpeg);
            assertThat(Math.max(dims[0], dims[1])).isEqualTo(Math.min(16, Math.max(width, height)));
            assertThat(upload.placeholderDataUrl()).hasSizeLessThan(2_000);
        }
    }

    /** A preset's preview picture from an admin's image: the centre square, upright, on white, 384 px, no metadata. */
    @Nested
    class SquarePreview {

        @Test
        void aWideImageGivesItsCentreSquare() {
            BufferedImage wide = TestImages.markedRgb(900, 300);
            byte[] jpeg = intake.squarePreview(encode(wide, "png"), 384);

            assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
            assertThat(dimensions(jpeg)).containsExactly(384, 384);
        }

        @Test
        void aSmallImageIsEnlargedAndTranslucencyLandsOnWhite() {
            BufferedImage square = decode(intake.squarePreview(encode(TestImages.translucent(40, 40), "png"), 384));

            assertThat(square.getWidth()).isEqualTo(384);
            assertThat(alpha(square, 0, 0)).isEqualTo(255);
        }

        @Test
        void itIsTurnedUprightAndKeepsNoMetadata() throws Exception {
            byte[] jpeg = intake.squarePreview(fixture("orientation6-gps.jpg"), 60);

            // upright 40x60, so its centre square is rows 10-50 of the upright picture, whatever the stored layout
            BufferedImage square = decode(jpeg);
            BufferedImage upright =
                    decode(intake.process(fixture("orientation6-gps.jpg")).bytes());
            assertThat(square.getWidth()).isEqualTo(60);
            assertThat(similar(square.getRGB(45, 15), upright.getRGB(30, 20))).isTrue();
            assertThat(similar(square.getRGB(15, 45), upright.getRGB(10, 40))).isTrue();
            Metadata metadata = metadata(jpeg);
            for (Class<? extends Directory> directory : METADATA_WE_STRIP) {
                assertThat(metadata.getFirstDirectoryOfType(directory)).isNull();
            }
        }

        @Test
        void anythingButAJpegPngOrWebpIsRefusedByItsContent() {
            UploadRejectedException rejection = catchThrowableOfType(
                    UploadRejectedException.class,
                    () -> intake.squarePreview("GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 384));
            assertThat(rejection.code()).isEqualTo("unsupported_media_type");
            UploadRejectedException tooBig = catchThrowableOfType(
                    UploadRejectedException.class,
                    () -> new ImageIntake(100, 1_000_000, 400).squarePreview(TestImages.png(64, 64), 384));
            assertThat(tooBig.code()).isEqualTo("file_too_large");
        }
    }

    private static void assertRejected(ImageIntake intake, byte[] bytes, int status, String code) {
        UploadRejectedException rejection =
                catchThrowableOfType(UploadRejectedException.class, () -> intake.process(bytes));

        assertThat(rejection).as("expected a rejection with code %s", code).isNotNull();
        assertThat(ErrorMapping.status(rejection.kind())).isEqualTo(status);
        assertThat(rejection.code()).isEqualTo(code);
        assertThat(rejection.getMessage()).isNotBlank();
    }

    private static int[] dimensions(byte[] image) {
        BufferedImage decoded = decode(image);
        return new int[] {decoded.getWidth(), decoded.getHeight()};
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    private static boolean similar(int rgb, int other) {
        Color a = new Color(rgb);
        Color b = new Color(other);
        return Math.abs(a.getRed() - b.getRed())
                        + Math.abs(a.getGreen() - b.getGreen())
                        + Math.abs(a.getBlue() - b.getBlue())
                < 90;
    }

    private static boolean isReddish(int rgb) {
        Color color = new Color(rgb);
        return color.getRed() > 180 && color.getGreen() < 80 && color.getBlue() < 80;
    }

    private static boolean channelsAtLeast(int rgb, int minimum) {
        Color color = new Color(rgb);
        return color.getRed() >= minimum && color.getGreen() >= minimum && color.getBlue() >= minimum;
    }

    private static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    }
}
