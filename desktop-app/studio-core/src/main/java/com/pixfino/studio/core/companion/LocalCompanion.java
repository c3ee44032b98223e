package com.pixfino.studio.core.companion;

import com.pixfino.studio.core.companion.StartResult.Outcome;
import com.pixfino.studio.core.concurrent.NamedThreads;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the companion server jar as a child process when the studio points at this machine and
 * nothing answers there, and stops it again when the studio exits. Blocking: call off the UI thread.
 */
public final class LocalCompanion implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCompanion.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);

    /** What {@link #start(URI)} would do for a server URL. */
    public enum Plan {
        NOT_LOCAL,
        NOT_CONFIGURED,
        ALREADY_RUNNING,
        JAR_MISSING,
        CAN_START
    }

    private final Optional<Path> jar;
    private final Path javaBinary;
    private final Path logFile;
    private final HealthProbe probe;
    private final Duration startTimeout;
    private Process child;
    private boolean shutdownHookAdded;

    public LocalCompanion(Optional<Path> jar, Path javaBinary, Path logFile, HealthProbe probe, Duration startTimeout) {
        this.jar = jar;
        this.javaBinary = javaBinary;
        this.logFile = logFile;
        this.probe = probe;
        this.startTimeout = startTimeout;
    }

    public Optional<Path> jar() {
        return jar;
    }

    public Path logFile() {
        return logFile;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    public Plan plan(URI server) {
        if (!LoopbackUrls.isLoopback(server)) {
            return Plan.NOT_LOCAL;
        }
        if (jar.isEmpty()) {
            return Plan.NOT_CONFIGURED;
        }
        if (probe.answers(server)) {
            return Plan.ALREADY_RUNNING;
        }
        return Files.isRegularFile(jar.get()) ? Plan.CAN_START : Plan.JAR_MISSING;
    }

    /** Starts the jar if {@link #plan} says so, then waits until /health answers, the child dies, or time runs out. */
    public StartResult start(URI server) throws InterruptedException {
        Process running = runningChild();
        if (running != null) {
            return awaitHealth(server, running); // a second start would only fight the first for the port
        }
        Plan plan = plan(server);
        if (plan == Plan.JAR_MISSING) {
            return StartResult.of(Outcome.JAR_MISSING, jar.orElseThrow().toString());
        }
        if (plan != Plan.CAN_START) {
            return StartResult.of(Outcome.NOT_NEEDED, plan.name());
        }
        Process process;
        try {
            process = launch(LoopbackUrls.port(server));
        } catch (IOException e) {
            LOG.warn("event=companion_launch_failed jar={} reason={}", jar.get(), e.getMessage());
            return StartResult.of(Outcome.LAUNCH_FAILED, e.getMessage());
        }
        return awaitHealth(server, process);
    }

    public boolean ownsRunningServer() {
        return runningChild() != null;
    }

    private synchronized Process runningChild() {
        return child != null && child.isAlive() ? child : null;
    }

    /** Stops the child politely (the server shuts its embedded PostgreSQL down on SIGTERM), then firmly. */
    @Override
    public synchronized void close() {
        if (child == null || !child.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = child.descendants().toList();
        child.destroy();
        try {
            if (!child.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // A killed server cannot stop its own database; do not leave it behind.
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        LOG.info("event=companion_stopped pid={}", child.pid());
    }

    private synchronized Process launch(int port) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(
                logFile,
                "--- studio starts " + jar.orElseThrow() + " at " + Instant.now() + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(
                        javaBinary.toString(), "-jar", jar.orElseThrow().toString())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()));
        // The environment is inherited; only the port is set, so the child listens where the studio looks.
        builder.environment().put("PIXFINO_PORT", Integer.toString(port));
        child = builder.start();
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(NamedThreads.unstarted("companion-stop", this::close));
            shutdownHookAdded = true;
        }
        LOG.info("event=companion_started pid={} port={} log={}", child.pid(), port, logFile);
        return child;
    }

    private StartResult awaitHealth(URI server, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return StartResult.of(Outcome.EXITED, Integer.toString(process.exitValue()));
            }
            if (probe.answers(server)) {
                return StartResult.of(Outcome.STARTED, Long.toString(process.pid()));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        LOG.warn("event=companion_start_timeout pid={} timeout_s={}", process.pid(), startTimeout.toSeconds());
        return StartResult.of(Outcome.TIMED_OUT, Long.toString(process.pid()));
    }
}
