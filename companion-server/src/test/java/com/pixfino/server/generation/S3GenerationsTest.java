package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.S3ProxyServer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With files in S3, uploads and results live in the bucket and the owner's views carry presigned links. */
class S3GenerationsTest {

    private static S3ProxyServer s3;
    private static String bucket;
    private static TestServer server;
    private static Studio studio;

    @BeforeAll
    static void start() {
        s3 = new S3ProxyServer();
        bucket = s3.newBucket();
        server = s3.startServer("s3", bucket);
        studio = new Studio(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        s3.close();
    }

    @Test
    void theOwnerGetsPresignedLinksToFilesThatLiveInTheBucket() throws Exception {
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.generate(user, studio.presetId("linkedin-headshot"), "smiling");
        GenerationView done = Studio.awaitFinal(user, id, Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);

        URI output = URI.create(done.outputUrl());
        URI thumbnail = URI.create(done.thumbnailUrl());
        HttpResponse<byte[]> file = s3.fetchGenerationFile(bucket, output);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(file.body())
                .isEqualTo(
                        user.get(ApiClient.path(ApiPaths.GENERATION_OUTPUT, id)).bytes());
        assertThat(HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(thumbnail).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);

        var keys = s3.client().listObjectsV2(l -> l.bucket(bucket)).contents().stream()
                .map(o -> o.key())
                .toList();
        assertThat(keys)
                .anyMatch(k -> k.startsWith("uploads/"))
                .contains(output.getPath().substring(bucket.length() + 2));
        assertThat(user.get(ApiPaths.GENERATIONS)
                        .json()
                        .path("items")
                        .get(0)
                        .get("outputUrl")
                        .asText())
                .contains("X-Amz-Signature=");
        ApiClient stranger = studio.userWithCredits(5);
        assertThat(stranger.get(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(404);
    }

    @Test
    void deletingAGenerationRemovesItsFilesFromTheBucket() {
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.generate(user, studio.presetId("linkedin-headshot"), "smiling");
        GenerationView done = Studio.awaitFinal(user, id, Duration.ofSeconds(30));
        String key = URI.create(done.outputUrl()).getPath().substring(bucket.length() + 2);

        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(204);

        assertThat(s3.client().listObjectsV2(l -> l.bucket(bucket).prefix(key)).contents())
                .isEmpty();
    }
}
