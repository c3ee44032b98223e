package com.pixfino.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ChildProcess;
import com.pixfino.server.testsupport.S3ProxyServer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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

    private ChildProcess server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            // SIGTERM: the shutdown hook stops jobs, HTTP and the pool in order
            server.close();
        }
    }

    @Test
    void aGenerationOnTheJarLandsInTheBucketAndIsFetchedThroughAPresignedLink() throws Exception {
        String bucket = s3.newBucket();
        int port = ChildProcess.freePort();
        ServerConfig.DatabaseSettings database = TestDatabases.freshDatabase();
        Path dataDir = TestDatabases.TestDirs.fresh("jar");
        Files.createDirectories(dataDir);
        server = ChildProcess.serverJar(
                dataDir.resolve("server.log"),
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
        String base = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        server.awaitHealthy(base, START_WAIT);
        ApiClient anonymous = new ApiClient(base);
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

        assertThat(done.status()).as(server.log()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.provider()).isEqualTo("replicate");
        URI output = URI.create(done.outputUrl());
        HttpResponse<byte[]> file = s3.fetchGenerationFile(bucket, output);
        assertThat(file.body())
                .as("the provider's file, copied into our bucket")
                .isEqualTo(replicate.output());
        String key = output.getPath().substring(bucket.length() + 2);
        assertThat(s3.client().headObject(h -> h.bucket(bucket).key(key)).contentLength())
                .isEqualTo(replicate.output().length);
        assertThat(server.log()).doesNotContain(FakeReplicate.TOKEN).doesNotContain(S3ProxyServer.SECRET_KEY);
    }
}
