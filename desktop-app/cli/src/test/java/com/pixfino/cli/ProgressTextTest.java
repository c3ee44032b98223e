package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchState;
import com.pixfino.studio.core.batch.ItemStatus;
import com.pixfino.studio.core.batch.SkippedFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a script reading stdout sees: the estimate, plain progress lines at most once a second, a line per item. */
class ProgressTextTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void countsLinesComeAtMostOnceASecondAndOnceMoreAtTheEnd() {
        AtomicLong now = new AtomicLong();
        PlainProgress view = new PlainProgress(out, now::get);

        view.progressChanged(progress(40, 12, 1, 3, Duration.ofSeconds(42)));
        now.addAndGet(300_000_000L);
        view.progressChanged(progress(40, 13, 1, 3, Duration.ofSeconds(40)));
        now.addAndGet(800_000_000L);
        view.progressChanged(progress(40, 14, 1, 3, Duration.ofSeconds(38)));
        view.progressChanged(progress(40, 36, 1, 3, null));
        view.close();

        assertThat(lines())
                .containsExactly(
                        "12/40 done, 1 failed, 3 skipped, ETA 0:42",
                        "14/40 done, 1 failed, 3 skipped, ETA 0:38",
                        "36/40 done, 1 failed, 3 skipped");
    }

    @Test
    void eachFinishedItemIsToldOnce() {
        PlainProgress view = new PlainProgress(out, () -> 0);
        Path result = Path.of("/out/a/b/c-snow-princess.jpg");

        view.itemChanged(item("a/b/c.jpg", ItemStatus.UPLOADING, null, null));
        view.itemChanged(item("a/b/c.jpg", ItemStatus.COMPLETED, result, null));
        view.itemChanged(item("a/b/c.jpg", ItemStatus.COMPLETED, result, null));
        view.itemChanged(item("broken.jpg", ItemStatus.FAILED, null, "The photo could not be read."));
        view.close();

        assertThat(lines())
                .containsExactly(
                        "completed a/b/c.jpg × snow-princess → /out/a/b/c-snow-princess.jpg",
                        "failed    broken.jpg × snow-princess: The photo could not be read.");
    }

    @Test
    void aNameWithControlCharactersStaysOnOneLine() {
        PlainProgress view = new PlainProgress(out, () -> 0);

        view.itemChanged(item("two\nlines\u001b[31m.jpg", ItemStatus.FAILED, null, "The photo could not be read."));
        view.close();

        assertThat(lines())
                .containsExactly("failed    two\\nlines\\u001b[31m.jpg × snow-princess: The photo could not be read.");
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertThat(DurationText.of(Duration.ofSeconds(42))).isEqualTo("0:42");
        assertThat(DurationText.of(Duration.ofMillis(61_200))).isEqualTo("1:02");
        assertThat(DurationText.of(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    @Test
    void theEstimateCapsALongSkippedList() {
        List<SkippedFile> skipped = IntStream.range(0, 14)
                .mapToObj(i -> new SkippedFile("junk-" + i + ".txt", "Not a photo (JPEG, PNG or WebP)."))
                .toList();

        EstimateText.print(
                out, new BatchEstimate(5, 2, 10, 4, 6, 24, 100, 50L, skipped), List.of("snow-princess", "cyberpunk"));

        assertThat(lines())
                .contains(
                        "  Photos:        5 files × 2 presets (snow-princess, cyberpunk) = 10 items",
                        "  Already done:  4 (by an earlier run, not paid again)",
                        "  To pay:        6 items, 24 credits",
                        "  Balance:       100 credits",
                        "  Credit cap:    50 credits (--max-credits)",
                        "  Skipped:       14 files (never charged):",
                        "    junk-0.txt: Not a photo (JPEG, PNG or WebP).",
                        "    … and 4 more (all in the report)")
                .doesNotContain("    junk-10.txt: Not a photo (JPEG, PNG or WebP).");
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static BatchProgress progress(int total, int completed, int failed, int skipped, Duration eta) {
        int remaining = total - completed - failed - skipped;
        return new BatchProgress(total, completed, failed, skipped, 0, remaining, eta, BatchState.RUNNING, null);
    }

    private static BatchItem item(String file, ItemStatus status, Path output, String error) {
        return new BatchItem(file, "snow-princess", status, 4, output, UUID.randomUUID(), error);
    }
}
