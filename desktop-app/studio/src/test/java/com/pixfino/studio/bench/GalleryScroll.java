package com.pixfino.studio.bench;

import atlantafx.base.theme.PrimerLight;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.gallery.LibraryView;
import com.pixfino.studio.gallery.LibraryViewModel;
import com.pixfino.studio.gallery.ViewerViewModel;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.testsupport.LibraryFill;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * bench/gallery-50k: fills a real catalogue with N results (generated thumbnails), opens the gallery in a window and
 * scrolls it end to end one row per pulse, with pulses at full speed so a pulse's interval is what the frame cost.
 * Prints time to first frame (view created → first pulse with the first row's results bound), frame time p50/p95/p99
 * and heap after a full GC with the gallery open. Args: sizes, e.g. {@code 50000 500}.
 */
public final class GalleryScroll {

    private GalleryScroll() {}

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> {});
        Platform.setImplicitExit(false); // the first run's window closes before the second opens
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        System.out.println("warm-up run (the studio is already running when the gallery opens):");
        run(200);
        double[] p95s = new double[args.length];
        for (int run = 0; run < args.length; run++) {
            p95s[run] = run(Integer.parseInt(args[run]));
        }
        if (args.length == 2) {
            System.out.printf(Locale.ROOT, "ratio p95 %s/%s: %.2f%n", args[0], args[1], p95s[0] / p95s[1]);
        }
        Platform.exit();
        System.exit(0);
    }

    private static double run(int size) throws Exception {
        Path dir = Files.createTempDirectory("gallery-bench");
        LibraryCatalog catalog =
                LibraryCatalog.open(dir.resolve("library.db"), dir.resolve("files"), "bench", UiThreadGuard.NONE);
        long fillStart = System.nanoTime();
        LibraryFill.fill(catalog, size);
        System.out.printf(Locale.ROOT, "[%d] filled in %.1f s%n", size, (System.nanoTime() - fillStart) / 1e9);
        FxTaskExecutor tasks = new FxTaskExecutor("gallery-bench", 2);
        Messages messages = Messages.load(Locale.ROOT);
        Session session = new Session(url -> null);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        long[] opened = new long[2];
        Platform.runLater(() -> {
            opened[0] = System.nanoTime();
            LibraryViewModel gallery = new LibraryViewModel(tasks, catalog, messages);
            ViewerViewModel viewer = new ViewerViewModel(tasks, catalog, session, messages);
            LibraryView view = new LibraryView(gallery, viewer, tasks, messages, item -> {}, () -> null);
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets()
                    .add(GalleryScroll.class
                            .getResource("/com/pixfino/studio/studio.css")
                            .toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    Object first = firstId(gallery);
                    // tiles carry the shown result's id as a property (LibraryTile.ITEM_ID), not as a CSS id
                    if (first != null
                            && scene.getRoot().lookupAll(".library-tile").stream()
                                    .anyMatch(tile -> first.equals(
                                            String.valueOf(tile.getProperties().get("gallery-item-id"))))) {
                        opened[1] = System.nanoTime();
                        stop();
                        shown.complete(stage);
                    }
                }
            }.start();
        });
        Stage stage = shown.get(60, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "[%d] time to first frame: %.0f ms%n", size, (opened[1] - opened[0]) / 1e6);

        CompletableFuture<long[]> frames = new CompletableFuture<>();
        Platform.runLater(() -> {
            ListView<?> grid = (ListView<?>) stage.getScene().lookup("#gallery-grid");
            VirtualFlow<?> flow = (VirtualFlow<?>) grid.lookup(".virtual-flow");
            int rows = grid.getItems().size();
            long[] stamps = new long[rows + 2];
            new AnimationTimer() {
                int frame;

                @Override
                public void handle(long now) {
                    stamps[frame++] = now;
                    if (frame >= stamps.length) {
                        stop();
                        frames.complete(stamps);
                        return;
                    }
                    flow.scrollPixels(grid.getFixedCellSize());
                }
            }.start();
        });
        long[] stamps = frames.get(30, TimeUnit.MINUTES);
        double[] intervals = new double[stamps.length - 1];
        for (int i = 1; i < stamps.length; i++) {
            intervals[i - 1] = (stamps[i] - stamps[i - 1]) / 1e6;
        }
        Arrays.sort(intervals);
        double total = (stamps[stamps.length - 1] - stamps[0]) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "[%d] scrolled %d rows in %.1f s: frame p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                size,
                intervals.length,
                total,
                pct(intervals, 50),
                pct(intervals, 95),
                pct(intervals, 99),
                intervals[intervals.length - 1]);
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "[%d] heap after full GC, gallery open: %.0f MB%n", size, heap / 1048576.0);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            stage.close();
            closed.complete(null);
        });
        closed.get(10, TimeUnit.SECONDS);
        tasks.close();
        catalog.close();
        return pct(intervals, 95);
    }

    private static String firstId(LibraryViewModel gallery) {
        var first = gallery.item(0);
        return first == null ? "none" : first.id().toString();
    }

    private static double pct(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
