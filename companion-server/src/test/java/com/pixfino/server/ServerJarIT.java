package com.pixfino.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.S3ProxyServer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End to end: the packaged server jar runs as its own process, configured only by environment variables,
 * with Replicate pointing at the fake and files in an s3proxy bucket. A generation completes, its result
 * lands in the bucket and the owner fetches it through the presigned link.
 */
class ServerJarIT {

    private static final Logger LOG = LoggerFactory.getLogger(ServerJarIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    // a cold start runs Flyway and the seeding on a fresh database; on a loaded 2-core machine that took 62 s once
    private static final Duration START_WAIT = Duration.ofMinutes(3);

    @AutoClose
    private final FakeReplicate replicate = new FakeReplicate();

    @AutoClose
    private final S3ProxyServer s3 = new S3ProxyServer();

    private Process server;
    private Path log;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            // SIGTERM: the shutdown hook stops jobs, HTTP and the pool in order
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aGenerationOnTheJarLandsInTheBucketAndIsFetchedThroughAPresignedLink() throws Exception {
        String bucket = s3.newBucket();
        int port = freePort();
        ServerConfig.DatabaseSettings database = TestDatabases.freshDatabase();
        Path dataDir = TestDatabases.TestDirs.fresh("jar");
        Files.createDirectories(dataDir);
        server = startJar(
                dataDir,
                Map.ofEntries(
                        Map.entry("PIXFINO_PORT", Integer.toString(port)),
                        Map.entry("PIXFINO_DATA_DIR", dataDir.toString()),
                        Map.entry("PIXFINO_DB_URL", database.url()),
                        Map.entry("PIXFINO_DB_USER", database.user()),
                        Map.entry("PIXFINO_POLL_SECONDS", "1"),
                        Map.entry("REPLICATE_API_TOKEN", FakeReplicate.TOKEN),
                        Map.entry("REPLICATE_BASE_URL", replicate.baseUrl()),
                        Map.entry("PIXFINO_S3_ENDPOINT", s3.endpoint().toString()),
                        Map.entry("PIXFINO_S3_BUCKET", bucket),
                        Map.entry("PIXFINO_S3_REGION", S3ProxyServer.REGION),
                        Map.entry("PIXFINO_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY),
                        Map.entry("PIXFINO_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY),
                        Map.entry("PIXFINO_S3_PATH_STYLE", "true")));
        ApiClient anonymous = new ApiClient("http://127.0.0.1:" + port);
        long started = System.nanoTime();
        await("the server jar to answer").atMost(START_WAIT).until(() -> healthy(anonymous));
        LOG.info("event=jar_started millis={}", (System.nanoTime() - started) / 1_000_000);

        ApiClient user = anonymous.registerNew();
        String upload = Studio.upload(user);
        long created = System.nanoTime();
        String id = Studio.create(
                        user, Studio.preset(anonymous, "linkedin-headshot").id(), upload, "smiling", null)
                .json()
                .get("id")
                .asText();
        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        LOG.info("event=jar_generation_completed millis={}", (System.nanoTime() - created) / 1_000_000);

        assertThat(done.status()).as(Files.readString(log)).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.provider()).isEqualTo("replicate");
        URI output = URI.create(done.outputUrl());
        HttpResponse<byte[]> file = s3.fetchGenerationFile(bucket, output);
        assertThat(file.body())
                .as("the provider's file, copied into our bucket")
                .isEqualTo(replicate.output());
        String key = output.getPath().substring(bucket.length() + 2);
        assertThat(s3.client().headObject(h -> h.bucket(bucket).key(key)).contentLength())
                .isEqualTo(replicate.output().length);
        assertThat(Files.readString(log)).doesNotContain(FakeReplicate.TOKEN).doesNotContain(S3ProxyServer.SECRET_KEY);
    }

    private Process startJar(Path dataDir, Map<String, String> env) throws IOException {
        Path jar = Path.of(System.getProperty("pixfino.server.jar", "target/pixfino-server.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("run through 'mvn verify', which packages the jar first")
                .exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        log = dataDir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // only what this test sets: no keys or settings leak in from the machine running the build
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("PIXFINO_")
                        || name.startsWith("REPLICATE_")
                        || name.startsWith("FAL_")
                        || name.startsWith("OPENROUTER_")
                        || name.startsWith("AWS_")
                        || name.startsWith("STRIPE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private boolean healthy(ApiClient client) {
        if (!server.isAlive()) {
            throw new AssertionError("the server jar exited with " + server.exitValue() + ":\n" + read(log));
        }
        try {
            return client.get(ApiPaths.HEALTH).status() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
