package com.pixfino.studio.core.photo;

import static com.pixfino.studio.core.testsupport.ExifPhotos.BOTTOM_LEFT;
import static com.pixfino.studio.core.testsupport.ExifPhotos.BOTTOM_RIGHT;
import static com.pixfino.studio.core.testsupport.ExifPhotos.TOP_LEFT;
import static com.pixfino.studio.core.testsupport.ExifPhotos.TOP_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.testsupport.ExifPhotos;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoPreparerTest {

    @TempDir
    Path dir;

    private final PhotoCheck check = new PhotoCheck(UiThreadGuard.NONE);

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        // stored quadrant that ends up top left, top right, bottom left, bottom right
        "1, TL, TR, BL, BR",
        "3, BR, BL, TR, TL",
        "6, BL, TL, BR, TR",
        "8, TR, BR, TL, BL",
    })
    void turnsPhotosUprightByTheirExifOrientationWhileCappingTheLongEdge(
            int orientation, String topLeft, String topRight, String bottomLeft, String bottomRight) throws Exception {
        // 1000 x 750 stored, capped at 200: decoded at every fifth pixel, then scaled to 200 x 150 and turned
        Path photo = ExifPhotos.jpeg(
                dir.resolve("in/o" + orientation + ".jpg"), ExifPhotos.quadrants(1000, 750), orientation);

        PreparedPhoto prepared = new PhotoPreparer(200).prepare(check.check(photo), dir.resolve("work"));

        boolean quarterTurn = orientation >= 5;
        assertThat(prepared.resized()).isTrue();
        assertThat(prepared.contentType()).isEqualTo("image/jpeg");
        assertThat(prepared.file()).startsWith(dir.resolve("work"));
        BufferedImage out = read(prepared.file());
        assertThat(out.getWidth()).isEqualTo(prepared.width()).isEqualTo(quarterTurn ? 150 : 200);
        assertThat(out.getHeight()).isEqualTo(prepared.height()).isEqualTo(quarterTurn ? 200 : 150);
        assertQuadrants(out, colour(topLeft), colour(topRight), colour(bottomLeft), colour(bottomRight));
        assertThat(exifOrientation(prepared.file()))
                .as("no EXIF left to turn it twice")
                .isNull();
    }

    @Test
    void turnsASmallPhotoUprightWithoutScalingIt() throws Exception {
        Path photo = ExifPhotos.jpeg(dir.resolve("small.jpg"), ExifPhotos.quadrants(80, 60), 6);

        PreparedPhoto prepared = new PhotoPreparer().prepare(check.check(photo), dir.resolve("work"));

        assertThat(prepared.resized()).isTrue();
        assertThat(prepared.file()).isNotEqualTo(photo);
        assertThat(prepared.width()).isEqualTo(60);
        assertThat(prepared.height()).isEqualTo(80);
        assertQuadrants(read(prepared.file()), BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT);
    }

    @Test
    void capsTheLongEdgeOfLandscapeAndPortraitPhotos() throws Exception {
        Path landscape = ExifPhotos.jpeg(dir.resolve("wide.jpg"), ExifPhotos.quadrants(3000, 1000), 1);
        Path portrait = ExifPhotos.jpeg(dir.resolve("tall.jpg"), ExifPhotos.quadrants(1000, 2100), 1);
        PhotoPreparer preparer = new PhotoPreparer(); // 2048

        PreparedPhoto wide = preparer.prepare(check.check(landscape), dir.resolve("work"));
        PreparedPhoto tall = preparer.prepare(check.check(portrait), dir.resolve("work"));

        assertThat(List.of(wide.width(), wide.height())).containsExactly(2048, 683);
        assertThat(List.of(tall.width(), tall.height())).containsExactly(975, 2048);
        BufferedImage image = read(tall.file());
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(975, 2048);
        assertQuadrants(image, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT);
    }

    @Test
    void returnsAnUprightPhotoWithinTheCapUntouched() throws Exception {
        Path jpeg = ExifPhotos.jpeg(dir.resolve("upright.jpg"), ExifPhotos.quadrants(2048, 1536), 1);
        Path png = dir.resolve("plain.png");
        Files.write(png, ExifPhotos.encode(ExifPhotos.quadrants(300, 200), "png"));
        Path webp = fixture("plain.webp");
        byte[] before = Files.readAllBytes(jpeg);
        PhotoPreparer preparer = new PhotoPreparer();

        for (Path photo : List.of(jpeg, png, webp)) {
            PhotoInfo info = check.check(photo);
            PreparedPhoto prepared = preparer.prepare(info, dir.resolve("work"));
            assertThat(prepared)
                    .isEqualTo(new PreparedPhoto(photo, info.contentType(), info.width(), info.height(), false));
        }
        assertThat(Files.readAllBytes(jpeg)).isEqualTo(before);
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void refusesTruncatedAndCorruptPhotosWithAnIoException() throws Exception {
        byte[] whole = ExifPhotos.encode(ExifPhotos.quadrants(640, 480), "jpg");
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length / 2));
        Path bigCut = Files.write(dir.resolve("bigcut.jpg"), Arrays.copyOf(whole, whole.length / 2));
        byte[] scrambled = whole.clone();
        Arrays.fill(scrambled, 700, scrambled.length - 2, (byte) 0x5A); // tables and scan header overwritten
        Path corrupt = Files.write(dir.resolve("corrupt.jpg"), scrambled);
        PhotoInfo cutInfo = check.check(cut);
        PhotoInfo corruptInfo = check.check(corrupt);

        // within the cap (the untouched path still decodes), and over it
        assertThatThrownBy(() -> new PhotoPreparer().prepare(cutInfo, dir.resolve("work")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> new PhotoPreparer(100).prepare(check.check(bigCut), dir.resolve("work")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new PhotoPreparer().prepare(corruptInfo, dir.resolve("work")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void preparesTheSameBytesEveryTimeAndOnManyThreadsAtOnce() throws Exception {
        BufferedImage noisy = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 1200; x++) {
                noisy.setRGB(x, y, (x * 7919 + y * 104_729) * 2_654_435_761L > 0 ? x * y : x ^ (y << 8));
            }
        }
        Path photo = ExifPhotos.jpeg(dir.resolve("noisy.jpg"), noisy, 8);
        PhotoInfo info = check.check(photo);
        PhotoPreparer preparer = new PhotoPreparer(500);
        byte[] first =
                Files.readAllBytes(preparer.prepare(info, dir.resolve("work")).file());

        ExecutorService pool = NamedThreads.pool("prepare-test", 4);
        try {
            List<Future<PreparedPhoto>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> preparer.prepare(info, dir.resolve("work"))));
            }
            List<Path> files = new ArrayList<>();
            for (Future<PreparedPhoto> run : runs) {
                files.add(run.get().file());
                assertThat(Files.readAllBytes(run.get().file())).isEqualTo(first);
            }
            assertThat(files).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void preparesWebpTurnedByItsExif() throws Exception {
        // the server's fixture: 60 x 40, red block top left and blue block bottom right as stored, orientation 6
        Path webp = fixture("orientation6.webp");

        PreparedPhoto prepared = new PhotoPreparer(30).prepare(check.check(webp), dir.resolve("work"));

        assertThat(prepared.contentType()).isEqualTo("image/jpeg");
        BufferedImage out = read(prepared.file());
        assertThat(List.of(out.getWidth(), out.getHeight())).containsExactly(20, 30);
        assertColour(out, out.getWidth() - 3, 2, Color.RED); // stored top left, now top right
        assertColour(out, 2, out.getHeight() - 3, Color.BLUE); // stored bottom right, now bottom left
    }

    @Test
    void keepsTransparencyAsPngAndTurnsOpaquePngIntoJpeg() throws Exception {
        BufferedImage cutOut = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                cutOut.setRGB(x, y, 0x80_00_80_00); // left half: half-transparent green; right half: transparent
            }
        }
        Path transparent = Files.write(dir.resolve("cut-out.png"), ExifPhotos.encode(cutOut, "png"));
        Path opaque = Files.write(dir.resolve("opaque.png"), ExifPhotos.encode(ExifPhotos.quadrants(400, 200), "png"));
        PhotoPreparer preparer = new PhotoPreparer(120); // decoded at every third pixel, 134 wide, then scaled

        PreparedPhoto keptPng = preparer.prepare(check.check(transparent), dir.resolve("work"));
        PreparedPhoto nowJpeg = preparer.prepare(check.check(opaque), dir.resolve("work"));

        assertThat(keptPng.contentType()).isEqualTo("image/png");
        assertThat(keptPng.file().toString()).endsWith(".png");
        BufferedImage png = read(keptPng.file());
        assertThat(List.of(png.getWidth(), png.getHeight())).containsExactly(120, 60);
        assertThat(png.getRGB(10, 30)).as("colour kept under partial alpha").isEqualTo(0x80_00_80_00);
        for (int x = 57; x <= 62; x++) { // where the half-transparent green meets the transparent half
            int argb = png.getRGB(x, 30);
            if (argb >>> 24 > 0) {
                assertColour(png, x, 30, new Color(0, 0x80, 0)); // no dark fringe from the invisible black
            }
        }
        assertThat(png.getRGB(60, 30) >>> 24).as("a soft edge").isBetween(1, 0x7F);
        assertThat(png.getRGB(110, 30) >>> 24).isZero();
        assertThat(nowJpeg.contentType()).isEqualTo("image/jpeg");
        assertQuadrants(read(nowJpeg.file()), TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT);
    }

    @Test
    void preparesWhatTheServerAcceptsBeyondPlainRgb() throws Exception {
        // CMYK JPEG (Adobe, via TwelveMonkeys), grey JPEG, lossless WebP with alpha: all from the server's fixtures
        Path cmyk = fixture("cmyk.jpg");
        BufferedImage grey = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(10, 10, 0, 255);
        Path greyJpeg = Files.write(dir.resolve("grey.jpg"), ExifPhotos.encode(grey, "jpg"));
        Path alphaWebp = fixture("alpha-lossless.webp");
        PhotoPreparer preparer = new PhotoPreparer(16);

        PreparedPhoto fromCmyk = preparer.prepare(check.check(cmyk), dir.resolve("work"));
        PreparedPhoto fromGrey = preparer.prepare(check.check(greyJpeg), dir.resolve("work"));
        PreparedPhoto fromWebp = preparer.prepare(check.check(alphaWebp), dir.resolve("work"));

        BufferedImage cmykOut = read(fromCmyk.file());
        assertThat(cmykOut.getWidth()).isEqualTo(16);
        assertColour(cmykOut, 1, 1, Color.RED);
        assertThat(read(fromGrey.file()).getWidth()).isEqualTo(16);
        assertThat(fromWebp.contentType()).isEqualTo("image/png");
        assertThat(List.of(fromWebp.width(), fromWebp.height())).containsExactly(16, 12);
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve("fixtures").resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fixtures/" + name))) {
            Files.copy(in, file);
        }
        return file;
    }

    private static BufferedImage read(Path file) throws IOException {
        return Objects.requireNonNull(ImageIO.read(file.toFile()), "decodable " + file);
    }

    private static Integer exifOrientation(Path file) throws Exception {
        ExifIFD0Directory ifd0 =
                ImageMetadataReader.readMetadata(file.toFile()).getFirstDirectoryOfType(ExifIFD0Directory.class);
        return ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
    }

    private static Color colour(String quadrant) {
        return switch (quadrant) {
            case "TL" -> TOP_LEFT;
            case "TR" -> TOP_RIGHT;
            case "BL" -> BOTTOM_LEFT;
            default -> BOTTOM_RIGHT;
        };
    }

    /** Samples the middle of each quadrant. */
    private static void assertQuadrants(BufferedImage image, Color tl, Color tr, Color bl, Color br) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertColour(image, w / 4, h / 4, tl);
        assertColour(image, 3 * w / 4, h / 4, tr);
        assertColour(image, w / 4, 3 * h / 4, bl);
        assertColour(image, 3 * w / 4, 3 * h / 4, br);
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(Math.abs(actual.getRed() - expected.getRed())
                        + Math.abs(actual.getGreen() - expected.getGreen())
                        + Math.abs(actual.getBlue() - expected.getBlue()))
                .as("colour at %d,%d: %s, expected %s", x, y, actual, expected)
                .isLessThan(60);
    }
}
