package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.S3ProxyServer;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        ServerConfig config = TestServer.config(TestDatabases.TestDirs.fresh("s3"), Optional.of(TestDatabases.freshDatabase()))
                .withS3(Optional.of(s3.settings(bucket)));
        server = TestServer.start(config, List.of(new ScriptedProvider("replicate")));
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
        String id = Studio.create(user, studio.presetId("linkedin-headshot"), Studio.upload(user), "smiling", null).json().get("id").asText();
        JsonNode done = Studio.awaitFinal(user, id, Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");

        URI output = URI.create(done.get("outputUrl").asText());
        URI thumbnail = URI.create(done.get("thumbnailUrl").asText());
        assertThat(output.toString()).startsWith(s3.endpoint() + "/" + bucket + "/generations/").contains("X-Amz-Signature=");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(output).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(file.body()).isEqualTo(user.get("/api/v1/generations/" + id + "/output").bytes());
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(thumbnail).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        var keys = s3.client().listObjectsV2(l -> l.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
        assertThat(keys).anyMatch(k -> k.startsWith("uploads/")).contains(output.getPath().substring(bucket.length() + 2));
        assertThat(user.get("/api/v1/generations").json().path("items").get(0).get("outputUrl").asText()).contains("X-Amz-Signature=");
        ApiClient stranger = studio.userWithCredits(5);
        assertThat(stranger.get("/api/v1/generations/" + id).status()).isEqualTo(404);
    }

    @Test
    void deletingAGenerationRemovesItsFilesFromTheBucket() {
        ApiClient user = studio.userWithCredits(4);
        String id = Studio.create(user, studio.presetId("linkedin-headshot"), Studio.upload(user), "smiling", null).json().get("id").asText();
        JsonNode done = Studio.awaitFinal(user, id, Duration.ofSeconds(30));
        String key = URI.create(done.get("outputUrl").asText()).getPath().substring(bucket.length() + 2);

        assertThat(user.delete("/api/v1/generations/" + id).status()).isEqualTo(204);

        assertThat(s3.client().listObjectsV2(l -> l.bucket(bucket).prefix(key)).contents()).isEmpty();
    }
}
