package com.pixfino.studio.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's parts that need no server: names, keys, the scan, the ETA and the report's quoting. */
class BatchPartsTest {

    private static final Messages MESSAGES = Messages.load(Locale.ROOT);

    @TempDir
    Path dir;

    @Test
    void theDefaultTemplateMirrorsTheTreeWithoutALeadingSlashAtTheTop() {
        String template = BatchRequest.DEFAULT_TEMPLATE;

        assertThat(OutputNames.render(template, "a/b/c.jpg", "snow-princess", "jpg"))
                .isEqualTo("a/b/c-snow-princess.jpg");
        assertThat(OutputNames.render(template, "c.final.png", "cyberpunk", "png"))
                .isEqualTo("c.final-cyberpunk.png");
        assertThat(OutputNames.render(template, "{preset}.jpg", "snow", "jpg")).isEqualTo("{preset}-snow.jpg");
        assertThat(OutputNames.render("{preset}/{path}/{name}.{ext}", "x.jpg", "snow", "png"))
                .isEqualTo("snow/x.png");
        assertThat(OutputNames.numbered("a/x-snow.jpg", 2)).isEqualTo("a/x-snow-2.jpg");
        assertThat(OutputNames.extension("image/png")).isEqualTo("png");
        assertThat(OutputNames.extension("video/mp4")).isEqualTo("mp4");
        assertThat(OutputNames.extension("image/webp")).isEqualTo("webp");
        assertThat(OutputNames.extension("image/jpeg")).isEqualTo("jpg");
    }

    @Test
    void templatesThatLeaveTheOutputFolderOrNameUnknownThingsAreRefused() throws Exception {
        OutputNames.validate("{preset}/{path}/{name}.{ext}", MESSAGES);
        for (String escaping :
                List.of("../{name}.{ext}", "/{name}.{ext}", "a/../../{name}.{ext}", "C:\\x\\{name}.{ext}")) {
            assertThatThrownBy(() -> OutputNames.validate(escaping, MESSAGES))
                    .isInstanceOf(BatchRequestException.class)
                    .hasMessageContaining("outside the output folder");
        }
        assertThatThrownBy(() -> OutputNames.validate("{name}-{size}.{ext}", MESSAGES))
                .hasMessageContaining("unknown placeholder {size}")
                .hasMessageContaining("{path}, {name}, {preset} and {ext}");
        assertThatThrownBy(() -> OutputNames.validate("{name}.jpg", MESSAGES)).hasMessageContaining(".{ext}");
    }

    @Test
    void theIdempotencyKeyIsTheHexSha256OfTheFourPartsJoinedByNewlines() throws Exception {
        UUID batch = UUID.fromString("00000000-0000-0000-0000-000000000001");
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((batch + "\na/b.jpg\nabc\nsnow-princess").getBytes(StandardCharsets.UTF_8)));

        assertThat(BatchKeys.idempotencyKey(batch, "a/b.jpg", "abc", "snow-princess", 1))
                .isEqualTo(expected)
                .hasSize(64);
        assertThat(BatchKeys.idempotencyKey(batch, "a/b.jpg", "abc", "snow-princess", 2))
                .as("a retry after a refund is a new generation")
                .isNotEqualTo(expected);
    }

    @Test
    void theScanSortsSkipsSystemAndHiddenFilesAndNeverEntersTheOutputFolder() throws Exception {
        Path in = dir.resolve("in");
        PhotoFiles.jpeg(in.resolve("b"), "2.jpg", 16, 16);
        PhotoFiles.jpeg(in, "1.jpg", 16, 16);
        PhotoFiles.jpeg(in.resolve("out/.pixfino"), "x.jpg", 16, 16);
        PhotoFiles.jpeg(in.resolve("out"), "1-snow.jpg", 16, 16);
        PhotoFiles.text(in, "desktop.ini", "[x]");
        PhotoFiles.text(in, "fake.jpg", "hello");
        PhotoFiles.jpeg(in.resolve(".cache"), "c.jpg", 16, 16);
        FolderScan scan = new FolderScan(new PhotoCheck(UiThreadGuard.NONE), MESSAGES);

        FolderScan.Result all = scan.scan(in, in.resolve("out"), true, f -> true);
        FolderScan.Result top = scan.scan(in, in.resolve("out"), false, f -> true);

        assertThat(all.photos()).extracting(FolderScan.Photo::file).containsExactly("1.jpg", "b/2.jpg");
        assertThat(all.skipped())
                .extracting(SkippedFile::file)
                .containsExactly(".cache/c.jpg", "desktop.ini", "fake.jpg");
        assertThat(all.skipped().get(0).reason()).contains("hidden");
        assertThat(all.skipped().get(1).reason()).contains("system file");
        assertThat(all.skipped().get(2).reason()).contains("not a JPEG, PNG or WebP");
        assertThat(top.photos()).extracting(FolderScan.Photo::file).containsExactly("1.jpg");
    }

    @Test
    void anInputGivenAsALinkIsReadAsItsFolderAndLinksInsideAreFollowedExceptLoops() throws Exception {
        Path real = dir.resolve("photos");
        PhotoFiles.jpeg(real, "1.jpg", 16, 16);
        PhotoFiles.jpeg(real.resolve("sub"), "2.jpg", 16, 16);
        Path elsewhere = PhotoFiles.jpeg(dir.resolve("elsewhere"), "3.jpg", 16, 16);
        Files.createSymbolicLink(real.resolve("linked.jpg"), elsewhere);
        Files.createSymbolicLink(real.resolve("more"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(real.resolve("sub/back"), real);
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        FolderScan scan = new FolderScan(new PhotoCheck(UiThreadGuard.NONE), MESSAGES);
        BatchRequest request = BatchEngine.real(BatchRequest.of(link, dir.resolve("out/new"), List.of("snow")));

        FolderScan.Result found = scan.scan(request.input(), request.output(), true, f -> true);

        assertThat(request.input()).isEqualTo(real.toRealPath());
        assertThat(request.output()).isEqualTo(dir.toRealPath().resolve("out/new"));
        assertThat(found.photos())
                .extracting(FolderScan.Photo::file)
                .containsExactly("1.jpg", "linked.jpg", "more/3.jpg", "sub/2.jpg");
        assertThat(found.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("sub/back");
            assertThat(s.reason()).contains("loops back into the folder");
        });
        assertThat(scan.scan(link, request.output(), false, f -> true).photos())
                .extracting(FolderScan.Photo::file)
                .containsExactly("1.jpg", "linked.jpg");
    }

    @Test
    void aPhotoCutShortIsSkippedAtTheScanWhileOneWithPaddingOrTrailingBytesIsKept() throws Exception {
        Path in = dir.resolve("in");
        byte[] whole = Files.readAllBytes(PhotoFiles.jpeg(dir.resolve("src"), "w.jpg", 64, 48));
        byte[] png = Files.readAllBytes(PhotoFiles.png(dir.resolve("src"), "w.png", 64, 48));
        Files.createDirectories(in);
        Files.write(in.resolve("cut.jpg"), java.util.Arrays.copyOf(whole, whole.length - 40));
        Files.write(in.resolve("padded.jpg"), java.util.Arrays.copyOf(whole, whole.length + 16));
        byte[] trailing = java.util.Arrays.copyOf(whole, whole.length + 5);
        System.arraycopy("extra".getBytes(StandardCharsets.US_ASCII), 0, trailing, whole.length, 5);
        Files.write(in.resolve("trailing.jpg"), trailing);
        Files.write(in.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        Files.write(in.resolve("whole.png"), png);
        FolderScan scan = new FolderScan(new PhotoCheck(UiThreadGuard.NONE), MESSAGES);

        FolderScan.Result found = scan.scan(in, dir.resolve("out"), false, f -> true);

        assertThat(found.photos())
                .extracting(FolderScan.Photo::file)
                .containsExactly("padded.jpg", "trailing.jpg", "whole.png");
        assertThat(found.skipped()).extracting(SkippedFile::file).containsExactly("cut.jpg", "cut.png");
        assertThat(found.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("damaged"));
    }

    @Test
    void theEtaWaitsForAFinishedItemThenFollowsThePace() {
        Throughput pace = new Throughput(0);
        assertThat(pace.eta(10, 5_000_000_000L)).isNull();

        pace.finished(2_000_000_000L);
        pace.finished(4_000_000_000L);

        assertThat(pace.eta(10, 4_000_000_000L)).isEqualTo(Duration.ofSeconds(20));
        assertThat(pace.eta(0, 4_000_000_000L)).isZero();
    }

    @Test
    void theCsvReportQuotesWhatNeedsQuotingAndTheJsonHasTheSameRows() throws Exception {
        List<BatchReports.Row> rows = List.of(
                new BatchReports.Row("a, b.jpg", "snow", "failed", 0, "", "", "He said \"no\",\nthen left"),
                new BatchReports.Row("c.jpg", "snow", "completed", 4, "c-snow.jpg", "g-1", ""),
                new BatchReports.Row(
                        "a/rather-long-folder-name/portrait.jpg",
                        "snow",
                        "completed",
                        4,
                        "a/rather-long-folder-name/portrait-snow.jpg",
                        "63a8574f-d8ed-4d00-b67a-8aa6a645472d",
                        ""));

        BatchReports.write(dir, rows);

        assertThat(Files.readString(dir.resolve(BatchReports.CSV)))
                .isEqualTo("file,preset,status,credits,output,generation_id,error\n"
                        + "\"a, b.jpg\",snow,failed,0,,,\"He said \"\"no\"\",\nthen left\"\n"
                        + "c.jpg,snow,completed,4,c-snow.jpg,g-1,\n"
                        + "a/rather-long-folder-name/portrait.jpg,snow,completed,4,"
                        + "a/rather-long-folder-name/portrait-snow.jpg,63a8574f-d8ed-4d00-b67a-8aa6a645472d,\n");
        assertThat(Files.readString(dir.resolve(BatchReports.JSON)))
                .contains("\"generation_id\" : \"g-1\"")
                .contains("\"file\" : \"a, b.jpg\"");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }

        Path empty = dir.resolve("empty");
        BatchReports.write(empty, List.of());
        assertThat(Files.readString(empty.resolve(BatchReports.CSV)))
                .isEqualTo("file,preset,status,credits,output,generation_id,error\n");
        assertThat(Files.readString(empty.resolve(BatchReports.JSON))).isEqualTo("[ ]");
    }
}
