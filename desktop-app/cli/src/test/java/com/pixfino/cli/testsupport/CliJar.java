package com.pixfino.cli.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaded {@code pixfino-cli.jar} that {@code mvn verify} packaged, run as its own process the way a user runs it;
 * its output goes to a log file the test shows when something fails.
 */
public final class CliJar implements AutoCloseable {

    private final Process process;
    private final Path log;

    private CliJar(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar pixfino-cli.jar args…} with {@code env} added to a clean environment. */
    public static CliJar start(Path log, Map<String, String> env, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("pixfino.cli.jar", "target/pixfino-cli.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("run through 'mvn verify', which packages the jar first")
                .exists();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PIXFINO_"));
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(log.toFile())
                .start();
        return new CliJar(process, log);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed — a crash or a power cut, as far as the CLI can tell. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager or {@code kill} sends it: the same clean stop as Ctrl+C. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the CLI did not finish in " + seconds + " s:\n" + log());
        }
        return process.exitValue();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
