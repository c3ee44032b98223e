package com.pixfino.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own that an end-to-end test starts: the packaged server jar or a fake's main. Its output goes to a
 * log file the test can show when something fails; closing it sends SIGTERM (so the server's shutdown hook runs),
 * then kills it if it does not stop.
 */
public final class ChildProcess implements AutoCloseable {

    /** Settings that must come only from the test, never from the machine running the build. */
    private static final List<String> OWN_PREFIXES =
            List.of("PIXFINO_", "REPLICATE_", "FAL_", "OPENROUTER_", "AWS_", "STRIPE_");

    private final Process process;
    private final Path log;

    private ChildProcess(ProcessBuilder builder, Path log) throws IOException {
        this.log = log;
        this.process =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The jar {@code mvn verify} packaged, configured by {@code env} alone. */
    public static ChildProcess serverJar(Path log, Map<String, String> env) throws IOException {
        Path jar = Path.of(System.getProperty("pixfino.server.jar", "target/pixfino-server.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("run through 'mvn verify', which packages the jar first")
                .exists();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString());
        builder.environment().keySet().removeIf(name -> OWN_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(env);
        return new ChildProcess(builder, log);
    }

    /** {@code main} from this test class path, with {@code args}. */
    public static ChildProcess main(Class<?> main, Path log, String... args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(command), log);
    }

    /** Waits until {@code baseUrl} answers {@code /health} with 200; fails at once, with the log, if the process ends. */
    public void awaitHealthy(String baseUrl, Duration within) {
        ApiClient client = new ApiClient(baseUrl);
        await("the server jar to answer").atMost(within).until(() -> {
            assertAlive();
            try {
                return client.get(ApiPaths.HEALTH).status() == 200;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
    }

    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("the process exited with " + process.exitValue() + ":\n" + log());
        }
    }

    /** What the process wrote so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
