package com.pixfino.studio.core.photo;

import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The Java side of {@code bench/batch-prep}: checks and prepares every photo of a list on N threads, as a batch does,
 * and prints the wall time. With {@code phases} it instead times decode, scale, turn and encode on one thread.
 *
 * <p>Usage: {@code PhotoPreparerBench LIST_FILE OUT_DIR THREADS LONG_EDGE [all|phases] [CUBIC|TRIANGLE]}
 */
public final class PhotoPreparerBench {

    private PhotoPreparerBench() {}

    public static void main(String[] args) throws Exception {
        List<Path> files = Files.readAllLines(Path.of(args[0])).stream()
                .filter(line -> !line.isBlank())
                .map(Path::of)
                .toList();
        Path out = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        int longEdge = Integer.parseInt(args[3]);
        String mode = args.length > 4 ? args[4] : "all";
        PixelScaler.Filter filter = PixelScaler.Filter.valueOf(args.length > 5 ? args[5] : "CUBIC");
        PhotoPreparer preparer = new PhotoPreparer(longEdge, PhotoPreparer.DEFAULT_JPEG_QUALITY, filter);
        if (mode.equals("phases")) {
            phases(files, longEdge, new PixelScaler(filter));
        } else {
            all(files, out, threads, preparer);
        }
    }

    private static void all(List<Path> files, Path out, int threads, PhotoPreparer preparer) throws Exception {
        PhotoCheck check = new PhotoCheck(UiThreadGuard.NONE);
        ExecutorService pool = NamedThreads.pool("prepare", threads);
        long start = System.nanoTime();
        List<Future<PreparedPhoto>> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(pool.submit(() -> preparer.prepare(check.check(file), out)));
        }
        long bytes = 0;
        for (Future<PreparedPhoto> run : runs) {
            bytes += Files.size(run.get().file());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        if (Boolean.getBoolean("bench.threads")) {
            threadCpu();
        }
        System.out.printf(
                Locale.ROOT,
                "files=%d threads=%d seconds=%.3f files_per_s=%.2f output_mb=%.1f jvm_uptime_s=%.3f%n",
                files.size(),
                threads,
                seconds,
                files.size() / seconds,
                bytes / 1e6,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }

    /** CPU seconds of this JVM's threads by name (Linux): workers against JIT compilers and GC. */
    private static void threadCpu() throws IOException {
        Map<String, Double> byName = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue; // a thread that ended while we looked
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                        .replaceAll("[0-9]+$", "#");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                byName.merge(name, seconds, Double::sum);
            }
        }
        byName.forEach((name, seconds) -> {
            if (seconds >= 0.05) {
                System.out.printf(Locale.ROOT, "thread=%s cpu_s=%.2f%n", name.replace(' ', '_'), seconds);
            }
        });
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Where one thread's CPU time goes, summed over all files (the first 10 files warm the JIT and are not counted). */
    private static void phases(List<Path> files, int longEdge, PixelScaler scaler) throws IOException {
        long[] ns = new long[6];
        String[] names = {"read+exif", "decode", "to-pixels", "scale+turn", "(turn)", "encode"};
        for (int i = 0; i < files.size(); i++) {
            long[] t = new long[7];
            t[0] = cpu();
            byte[] bytes = Files.readAllBytes(files.get(i));
            int orientation = ExifOrientation.read(bytes, "image/jpeg");
            t[1] = cpu();
            PhotoDecoder.Decoded decoded = PhotoDecoder.decode(bytes, "image/jpeg", longEdge);
            t[2] = cpu();
            Pixels pixels = Pixels.of(decoded.image());
            t[3] = cpu();
            double scale = (double) longEdge / Math.max(decoded.fullWidth(), decoded.fullHeight());
            int w = decoded.fullWidth() >= decoded.fullHeight()
                    ? longEdge
                    : (int) Math.round(decoded.fullWidth() * scale);
            int h = decoded.fullHeight() > decoded.fullWidth()
                    ? longEdge
                    : (int) Math.round(decoded.fullHeight() * scale);
            Pixels upright = scaler.scale(pixels, w, h, orientation);
            t[4] = cpu();
            t[5] = cpu(); // the turn happens inside the scaler's pass now
            PhotoEncoder.jpeg(upright.toImage(), PhotoPreparer.DEFAULT_JPEG_QUALITY);
            t[6] = cpu();
            if (i >= 10 || files.size() <= 10) {
                for (int p = 0; p < 6; p++) {
                    ns[p] += t[p + 1] - t[p];
                }
            }
        }
        int counted = files.size() <= 10 ? files.size() : files.size() - 10;
        long total = 0;
        for (long n : ns) {
            total += n;
        }
        for (int p = 0; p < 6; p++) {
            System.out.printf(
                    Locale.ROOT,
                    "phase=%s ms_per_file=%.1f share=%.0f%%%n",
                    names[p],
                    ns[p] / 1e6 / counted,
                    100.0 * ns[p] / total);
        }
        System.out.printf(Locale.ROOT, "phase=total ms_per_file=%.1f files=%d%n", total / 1e6 / counted, counted);
    }
}
