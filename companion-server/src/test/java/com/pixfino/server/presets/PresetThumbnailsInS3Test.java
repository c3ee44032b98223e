package com.pixfino.server.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.server.domain.Sha256;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.S3ProxyServer;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preview pictures with the files in an S3 bucket (s3proxy in this JVM). The server starts without its background
 * pass, so the test sees a preset before its preview exists and runs the pass itself.
 */
class PresetThumbnailsInS3Test {

    private static S3ProxyServer s3;
    private static String bucket;
    private static TestServer server;

    @BeforeAll
    static void start() {
        s3 = new S3ProxyServer();
        bucket = s3.newBucket();
        server = TestServer.start(TestServer.freshConfig("preset-thumbs-s3").withS3(Optional.of(s3.settings(bucket))));
    }

    @AfterAll
    static void stop() {
        server.close();
        s3.close();
    }

    @Test
    void notRenderedYetIsA404SentenceThenUploadsAndRendersLandInTheBucketOnce() {
        ApiClient anyone = server.client();
        JsonNode presets = anyone.get(ApiPaths.PRESETS).json();
        assertThat(presets.findValues("thumbnailUrl")).allMatch(JsonNode::isNull);
        long first = presets.get(0).get("id").asLong();
        long second = presets.get(1).get("id").asLong();
        Answer notReady = anyone.get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, second));
        assertThat(notReady.status()).isEqualTo(404);
        assertThat(notReady.errorCode()).isEqualTo("thumbnail_not_ready");
        assertThat(notReady.json().at("/error/message").asText())
                .isEqualTo("Preset " + second + " has no preview picture yet: it is being rendered, try again in a"
                        + " minute.");

        ApiClient admin = anyone.login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        Answer uploaded =
                PresetThumbnailsApiTest.upload(admin, first, "mine.jpg", TestImages.jpeg(640, 480), "image/jpeg");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        Answer served = anyone.get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, first));
        String uploadedKey = PresetThumbnails.key(first, Sha256.hex(served.bytes()));
        assertThat(objectBytes(uploadedKey)).isEqualTo(served.bytes());

        PresetThumbnails thumbnails = server.services().presetThumbnails();
        assertThat(thumbnails.renderMissing())
                .as("every preset but the uploaded one")
                .isEqualTo(34);
        assertThat(thumbnails.renderMissing())
                .as("the second pass finds nothing to do")
                .isZero();
        try (PresetThumbnails afterRestart = new PresetThumbnails(
                server.app().database().dsl(), server.services().storage(), new PresetPreviewRenderer())) {
            assertThat(afterRestart.renderMissing())
                    .as("nor does a restarted server's")
                    .isZero();
        }
        List<String> keys = s3.client().listObjectsV2(l -> l.bucket(bucket).prefix("presets/")).contents().stream()
                .map(o -> o.key())
                .toList();
        assertThat(keys).hasSize(35).contains(uploadedKey);

        assertThat(anyone.get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, first)).bytes())
                .as("the render left the admin's picture alone")
                .isEqualTo(served.bytes());
        Answer rendered = anyone.get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, second));
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.contentType()).isEqualTo("image/jpeg");
        assertThat(objectBytes(PresetThumbnails.key(second, Sha256.hex(rendered.bytes()))))
                .isEqualTo(rendered.bytes());
    }

    private static byte[] objectBytes(String key) {
        return s3.client().getObjectAsBytes(g -> g.bucket(bucket).key(key)).asByteArray();
    }
}
