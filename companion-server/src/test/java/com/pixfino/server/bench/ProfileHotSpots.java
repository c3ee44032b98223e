package com.pixfino.server.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of the server (JDK Flight Recorder or async-profiler's JFR output) and prints,
 * for the load generator's measured window only: CPU samples by area of the create path (inclusive),
 * the hottest methods (self), time blocked by site (connection pool, socket reads, locks), GC and CPU load.
 *
 * <p>Arguments: the .jfr file, the window's first and last epoch millisecond (0 0 for the whole recording), and
 * optionally a frame that a stack sample must contain to count (e.g. {@code JavalinServlet.service}: with
 * async-profiler's wall-clock mode, where the request time of the server threads goes).
 */
public final class ProfileHotSpots {

    /** Areas of the server worth a line each; a sample counts in every area whose frame is on its stack. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("all HTTP requests (Javalin servlet)", "io.javalin.http.servlet.JavalinServlet.");
        AREAS.put("  bearer auth: TokenService.resolve", "TokenService.resolve");
        AREAS.put("  create: GenerationService.create", "GenerationService.create");
        AREAS.put("    preset lookup: PresetCatalog.activePreset", "PresetCatalog.activePreset");
        AREAS.put("    the one create statement: GenerationStore.createPaid", "GenerationStore.createPaid");
        AREAS.put("    wake the job queue: JobRunner.writtenByCreate", "JobRunner.writtenByCreate");
        AREAS.put("  JSON body: JsonBody.read", "JsonBody.read");
        AREAS.put("  JSON answer: JavalinJackson", "io.javalin.json.JavalinJackson.");
        AREAS.put("  request timer: RequestMetrics", "RequestMetrics.");
        AREAS.put("job steps: GenerationJob.step", "GenerationJob.step");
        AREAS.put("status NOTIFY after commit: StatusNotices", "StatusNotices.");
        AREAS.put("db-scheduler (polling, heartbeats, jobs)", "com.github.kagkarlsson.");
        AREAS.put(
                "waiting for a pooled connection: HikariPool.getConnection",
                "com.zaxxer.hikari.pool.HikariPool.getConnection");
        AREAS.put("  of it spinning: Thread.yield in ConcurrentBag.borrow", "java.lang.Thread.yield");
        AREAS.put(
                "a statement's round trip: pgjdbc QueryExecutorImpl.execute",
                "org.postgresql.core.v3.QueryExecutorImpl.execute");
        AREAS.put("a commit's round trip: PgConnection.commit", "org.postgresql.jdbc.PgConnection.commit");
        AREAS.put("jOOQ (all)", "org.jooq.");
        AREAS.put("  jOOQ SQL rendering", "org.jooq.impl.DefaultRenderContext.");
        AREAS.put("pgjdbc (all)", "org.postgresql.");
        AREAS.put("Hikari (all)", "com.zaxxer.hikari.");
        AREAS.put("Jackson (all)", "com.fasterxml.jackson.");
        AREAS.put("logback (all)", "ch.qos.logback.");
        AREAS.put("OkHttp (provider calls)", "okhttp3.");
        AREAS.put("Argon2 (password4j)", "com.password4j.");
        AREAS.put("SHA-256 of the token: TokenService.hash", "TokenService.hash");
        AREAS.put("UUID.randomUUID (SecureRandom)", "java.util.UUID.randomUUID");
    }

    private static final Set<String> BLOCKING = Set.of(
            "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead", "jdk.SocketWrite");

    private ProfileHotSpots() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long from = args.length > 1 ? Long.parseLong(args[1]) : 0;
        long to = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String mustContain = args.length > 3 ? args[3] : null;
        Map<String, Samples> samplesByType = new LinkedHashMap<>();
        Map<String, Map<String, long[]>> blockedByType = new LinkedHashMap<>();
        double cpuJvm = 0;
        double cpuMachine = 0;
        int cpuReadings = 0;
        long gcCount = 0;
        Duration gcPauses = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            Instant at = event.getStartTime();
            if (from > 0 && (at.toEpochMilli() < from || at.toEpochMilli() > to)) {
                continue;
            }
            String type = event.getEventType().getName();
            if (type.endsWith("ExecutionSample") || type.endsWith("WallClockSample")) {
                if (event.getStackTrace() != null
                        && (mustContain == null
                                || event.getStackTrace().getFrames().stream()
                                        .anyMatch(f -> frameName(f).contains(mustContain)))) {
                    samplesByType.computeIfAbsent(type, t -> new Samples()).add(event);
                }
            } else if (BLOCKING.contains(type) && event.getStackTrace() != null) {
                long[] site = blockedByType
                        .computeIfAbsent(type, t -> new HashMap<>())
                        .computeIfAbsent(blockingSite(event.getStackTrace()), s -> new long[2]);
                site[0]++;
                site[1] += event.getDuration().toNanos();
            } else if (type.equals("jdk.CPULoad")) {
                cpuJvm += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                cpuMachine += event.getFloat("machineTotal");
                cpuReadings++;
            } else if (type.equals("jdk.GarbageCollection")) {
                gcCount++;
                gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
            }
        }
        PrintStream out = System.out;
        if (mustContain != null) {
            out.println("stack samples counted only when they contain " + mustContain);
        }
        if (cpuReadings > 0) {
            out.printf(
                    Locale.ROOT,
                    "CPU load in the window (share of all cores): server JVM %.0f%%, whole machine %.0f%%%n",
                    100 * cpuJvm / cpuReadings,
                    100 * cpuMachine / cpuReadings);
        }
        out.printf(Locale.ROOT, "GC: %d collections, %d ms paused in all%n", gcCount, gcPauses.toMillis());
        samplesByType.forEach((type, samples) -> samples.print(out, type));
        blockedByType.forEach((type, sites) -> {
            out.printf(Locale.ROOT, "%n%s (events over the recording's threshold), by blocking site:%n", type);
            sites.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(12)
                    .forEach(e -> out.printf(
                            Locale.ROOT,
                            "  %8d events %9.1f s  %s%n",
                            e.getValue()[0],
                            e.getValue()[1] / 1e9,
                            e.getKey()));
        });
    }

    /** The first frame outside the JDK, with the JDK frame it called, e.g. "HikariPool.getConnection → LockSupport.parkNanos". */
    private static String blockingSite(RecordedStackTrace stack) {
        String jdkTop = null;
        for (RecordedFrame frame : stack.getFrames()) {
            String name = frameName(frame);
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                if (jdkTop == null) {
                    jdkTop = shortName(name);
                }
                continue;
            }
            String area = null;
            for (RecordedFrame outer : stack.getFrames()) {
                String outerName = frameName(outer);
                if (outerName.startsWith("com.pixfino.")) {
                    area = shortName(outerName);
                    break;
                }
            }
            return shortName(name)
                    + (jdkTop == null ? "" : " → " + jdkTop)
                    + (area == null || area.equals(shortName(name)) ? "" : "  [in " + area + "]");
        }
        return jdkTop == null ? "?" : jdkTop;
    }

    private static String frameName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String shortName(String name) {
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        return name.substring(type + 1);
    }

    /** Stack samples of one event type. */
    private static final class Samples {
        long total;
        final Map<String, Long> byThreadGroup = new HashMap<>();
        final Map<String, Long> selfByMethod = new HashMap<>();
        final Map<String, Long> selfByLibrary = new HashMap<>();
        final Map<String, Long> byArea = new LinkedHashMap<>();
        final Map<String, Long> inclusiveOurs = new HashMap<>();

        void add(RecordedEvent event) {
            total++;
            String thread = event.getThread("sampledThread") == null
                    ? "?"
                    : String.valueOf(event.getThread("sampledThread").getJavaName());
            byThreadGroup.merge(thread.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-N-"), 1L, Long::sum);
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                return;
            }
            String top = frameName(frames.get(0));
            selfByMethod.merge(top, 1L, Long::sum);
            selfByLibrary.merge(library(top), 1L, Long::sum);
            List<String> names = new ArrayList<>(frames.size());
            for (RecordedFrame frame : frames) {
                names.add(frameName(frame));
            }
            for (Map.Entry<String, String> area : AREAS.entrySet()) {
                if (names.stream().anyMatch(n -> n.contains(area.getValue()))) {
                    byArea.merge(area.getKey(), 1L, Long::sum);
                }
            }
            Set<String> seen = new HashSet<>();
            for (String name : names) {
                if (name.startsWith("com.pixfino.") && seen.add(name)) {
                    inclusiveOurs.merge(name, 1L, Long::sum);
                }
            }
        }

        void print(PrintStream out, String type) {
            out.printf(Locale.ROOT, "%n%s: %d samples in the window%n", type, total);
            out.println(" by thread group:");
            top(byThreadGroup, 8).forEach(e -> line(out, e.getKey(), e.getValue()));
            out.println(" by area (inclusive; a sample counts in every area on its stack):");
            AREAS.keySet().forEach(area -> line(out, area, byArea.getOrDefault(area, 0L)));
            out.println(" self time by library:");
            top(selfByLibrary, 12).forEach(e -> line(out, e.getKey(), e.getValue()));
            out.println(" hottest methods (self):");
            top(selfByMethod, 25).forEach(e -> line(out, e.getKey(), e.getValue()));
            out.println(" our methods (inclusive):");
            top(inclusiveOurs, 25).forEach(e -> line(out, e.getKey(), e.getValue()));
        }

        private void line(PrintStream out, String label, long count) {
            out.printf(Locale.ROOT, "  %6.1f%% %7d  %s%n", 100.0 * count / Math.max(1, total), count, label);
        }

        private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
            return counts.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(n)
                    .toList();
        }

        private static String library(String frame) {
            String[] parts = frame.split("\\.");
            int depth = frame.startsWith("java.") || frame.startsWith("sun.") || frame.startsWith("jdk.") ? 2 : 3;
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
        }
    }
}
