package com.pixfino.server.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.server.domain.Sha256;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.RawHttp;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preview pictures over HTTP on the filesystem storage: rendered after start, served, replaced by an admin. */
class PresetThumbnailsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(
            () -> TestServer.start(TestServer.freshConfig("preset-thumbs").withPresetPreviews(true)));

    private static ApiClient admin;

    @BeforeAll
    static void renderedInTheBackground() {
        admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        await("every seeded preset's preview")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode presets = SERVER.client().get(ApiPaths.PRESETS).json();
                    for (JsonNode preset : presets) {
                        if (preset.get("thumbnailUrl").isNull()) {
                            return false;
                        }
                    }
                    return presets.size() > 0;
                });
    }

    @Test
    void everySeededPresetHasARenderedSquareJpegWithItsHashAsETag() {
        JsonNode presets = SERVER.client().get(ApiPaths.PRESETS).json();
        assertThat(presets.size()).isEqualTo(35);
        List<String> hashes = new ArrayList<>();
        for (JsonNode preset : presets) {
            long id = preset.get("id").asLong();
            assertThat(preset.get("thumbnailUrl").asText()).isEqualTo("/api/v1/presets/" + id + "/thumbnail");
            Answer picture = SERVER.client().get(preset.get("thumbnailUrl").asText());
            assertThat(picture.status()).isEqualTo(200);
            assertThat(picture.contentType()).isEqualTo("image/jpeg");
            assertThat(picture.header("Cache-Control")).isEqualTo("public, max-age=300");
            assertThat(picture.header("ETag")).isEqualTo("\"" + Sha256.hex(picture.bytes()) + "\"");
            BufferedImage image = TestImages.decode(picture.bytes());
            assertThat(image.getWidth()).isEqualTo(384);
            assertThat(image.getHeight()).isEqualTo(384);
            hashes.add(picture.header("ETag"));
        }
        assertThat(hashes).doesNotHaveDuplicates();
        assertThat(SERVER.server().services().presetThumbnails().renderMissing())
                .as("nothing is left to render")
                .isZero();
    }

    @Test
    void theETagGivesA304WhileThePictureIsUnchanged() {
        String url = ApiClient.path(ApiPaths.PRESET_THUMBNAIL, 2);
        String etag = SERVER.client().get(url).header("ETag");
        Answer again = SERVER.client().send("GET", url, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        Answer other = SERVER.client().send("GET", url, null, Map.of("If-None-Match", "\"another\""));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.bytes()).isNotEmpty();
    }

    @Test
    void anUnknownOrInactivePresetIs404Json() {
        Answer unknown = SERVER.client().get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, 999_999));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(unknown.json().at("/error/message").asText()).isEqualTo("Preset 999999 was not found.");
        Answer notAnId = SERVER.client().get("/api/v1/presets/abc/thumbnail");
        assertThat(notAnId.status()).as("like an unknown id").isEqualTo(404);
        assertThat(notAnId.errorCode()).isEqualTo("not_found");

        long id = presetId("snow-princess-cinematic");
        assertThat(admin.method("PATCH", ApiClient.path(ApiPaths.ADMIN_PRESET, id), "{\"active\":false}")
                        .status())
                .isEqualTo(200);
        try {
            Answer inactive = SERVER.client().get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, id));
            assertThat(inactive.status()).isEqualTo(404);
            assertThat(inactive.errorCode()).isEqualTo("not_found");
        } finally {
            admin.method("PATCH", ApiClient.path(ApiPaths.ADMIN_PRESET, id), "{\"active\":true}");
        }
        assertThat(SERVER.client()
                        .get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, id))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdminsPictureReplacesTheRenderedOneIsAuditedAndIsNeverRenderedOver() {
        long id = presetId("red-carpet");
        String url = ApiClient.path(ApiPaths.PRESET_THUMBNAIL, id);
        Answer rendered = SERVER.client().get(url);
        String renderedKey = PresetThumbnails.key(id, Sha256.hex(rendered.bytes()));
        assertThat(SERVER.server().services().storage().exists(renderedKey)).isTrue();

        int version = versionOf(id);
        Answer replaced = upload(admin, id, "picture.bin", TestImages.png(800, 500), "application/octet-stream");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        AdminPresetView view = replaced.as(AdminPresetView.class);
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.thumbnailUrl()).isEqualTo(url);
        assertThat(view.version())
                .as("a new picture changes no generation's look")
                .isEqualTo(version);

        Answer served = SERVER.client().get(url);
        assertThat(served.header("ETag")).isNotEqualTo(rendered.header("ETag"));
        assertThat(served.header("ETag")).isEqualTo("\"" + Sha256.hex(served.bytes()) + "\"");
        BufferedImage square = TestImages.decode(served.bytes());
        assertThat(square.getWidth()).isEqualTo(384);
        assertThat(square.getHeight()).isEqualTo(384);
        String uploadedKey = PresetThumbnails.key(id, Sha256.hex(served.bytes()));
        assertThat(SERVER.server().services().storage().exists(uploadedKey)).isTrue();
        assertThat(SERVER.server().services().storage().exists(renderedKey))
                .as("the rendered file is deleted")
                .isFalse();

        JsonNode entry =
                admin.get(ApiPaths.ADMIN_AUDIT + "?limit=1").json().get("items").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("preset_thumbnail");
        assertThat(entry.get("targetType").asText()).isEqualTo("preset");
        assertThat(entry.get("targetId").asText()).isEqualTo(Long.toString(id));
        assertThat(entry.at("/before/thumbnailKey").asText()).isEqualTo(renderedKey);
        assertThat(entry.at("/before/thumbnailSource").asText()).isEqualTo("RENDERED");
        assertThat(entry.at("/after/thumbnailKey").asText()).isEqualTo(uploadedKey);
        assertThat(entry.at("/after/thumbnailSha256").asText()).isEqualTo(Sha256.hex(served.bytes()));
        assertThat(entry.at("/after/thumbnailSource").asText()).isEqualTo("UPLOADED");

        assertThat(SERVER.server().services().presetThumbnails().renderMissing())
                .isZero();
        assertThat(SERVER.client().get(url).header("ETag")).isEqualTo(served.header("ETag"));
        assertThat(SERVER.client().get(ApiPaths.PRESETS + "?q=red").json().findValuesAsText("thumbnailUrl"))
                .contains(url);
    }

    @Test
    void jpegAndWebpPicturesAreTakenByTheirContent() {
        long id = presetId("linkedin-headshot");
        for (byte[] picture : List.of(TestImages.jpeg(300, 200), TestImages.fixture("plain.webp"))) {
            Answer answer = upload(admin, id, "named.gif", picture, "image/gif");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Answer served = SERVER.client().get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, id));
            assertThat(served.contentType()).isEqualTo("image/jpeg");
            assertThat(TestImages.decode(served.bytes()).getWidth()).isEqualTo(384);
        }
    }

    @Test
    void refusedPicturesAreSentencesNeverA500AndChangeNothing() {
        long id = presetId("cyberpunk");
        String path = ApiClient.path(ApiPaths.ADMIN_PRESET_THUMBNAIL, id);
        String before = SERVER.client()
                .get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, id))
                .header("ETag");

        assertRefused(
                upload(admin, id, "fake.png", "not a picture at all".getBytes(StandardCharsets.UTF_8), "image/png"),
                415,
                "unsupported_media_type");
        assertRefused(
                upload(
                        admin,
                        id,
                        "anim.gif",
                        "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                        "image/gif"),
                415,
                "unsupported_media_type");
        byte[] png = TestImages.png(64, 64);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertRefused(upload(admin, id, "broken.png", truncated, "image/png"), 400, "invalid_image");
        assertRefused(upload(admin, id, "empty.png", new byte[0], "image/png"), 400, "invalid_image");
        assertRefused(upload(admin, id, "big.jpg", new byte[6 * 1024 * 1024], "image/jpeg"), 413, "file_too_large");
        assertRefused(
                admin.send(
                        "PUT",
                        path,
                        new MultipartBody.Builder()
                                .setType(MultipartBody.FORM)
                                .addFormDataPart("photo", "a.png", RequestBody.create(png, MediaType.get("image/png")))
                                .build(),
                        Map.of()),
                400,
                "missing_file");
        assertRefused(
                admin.send(
                        "PUT",
                        path,
                        ApiClient.body(
                                RawHttp.multipart(
                                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"",
                                        png,
                                        false),
                                "multipart/form-data; boundary=XX"),
                        Map.of()),
                400,
                "malformed_multipart");
        assertRefused(admin.method("PUT", path, "{\"file\":\"x\"}"), 415, "unsupported_media_type");
        assertRefused(upload(admin, 999_999, "a.png", png, "image/png"), 404, "not_found");

        assertThat(SERVER.client()
                        .get(ApiClient.path(ApiPaths.PRESET_THUMBNAIL, id))
                        .header("ETag"))
                .isEqualTo(before);
    }

    @Test
    void onlyAnAdminsSessionMayReplaceAPicture() {
        long id = presetId("cyberpunk");
        ApiClient user = SERVER.client().registerNew();
        Answer refused = upload(user, id, "a.png", TestImages.png(64, 64), "image/png");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(upload(SERVER.client(), id, "a.png", TestImages.png(64, 64), "image/png")
                        .status())
                .isEqualTo(401);
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).contains("application/json");
        assertThat(answer.errorCode()).as(answer.body()).isEqualTo(code);
        String message = answer.json().at("/error/message").asText();
        assertThat(message).endsWith(".").doesNotContain("Exception").doesNotContain("java.");
    }

    static Answer upload(ApiClient caller, long presetId, String fileName, byte[] bytes, String contentType) {
        RequestBody multipart = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", fileName, RequestBody.create(bytes, MediaType.get(contentType)))
                .build();
        return caller.send("PUT", ApiClient.path(ApiPaths.ADMIN_PRESET_THUMBNAIL, presetId), multipart, Map.of());
    }

    private static int versionOf(long id) {
        for (JsonNode preset : admin.get(ApiPaths.ADMIN_PRESETS).json().get("items")) {
            if (preset.get("id").asLong() == id) {
                return preset.get("version").asInt();
            }
        }
        throw new AssertionError("no preset " + id);
    }

    private static long presetId(String slug) {
        for (JsonNode preset : SERVER.client().get(ApiPaths.PRESETS).json()) {
            if (preset.get("slug").asText().equals(slug)) {
                return preset.get("id").asLong();
            }
        }
        throw new AssertionError("no preset " + slug);
    }
}
