package com.pixfino.server.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.UploadView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UploadsApiTest {

    private static TestServer server;
    private static ApiClient user;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        user = server.client().registerNew();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jpegUploadAnswers201WithSniffedTypeAndSize() {
        Answer answer = user.upload(ApiPaths.UPLOADS, "selfie.jpg", TestImages.jpeg(1200, 900), "image/jpeg");
        assertThat(answer.status()).isEqualTo(201);
        UploadView upload = answer.as(UploadView.class);
        assertThat(upload.id()).isNotNull();
        assertThat(upload.width()).isEqualTo(1200);
        assertThat(upload.height()).isEqualTo(900);
        assertThat(upload.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theSameBytesAgainAnswerTheFirstUploadWith200AndAreNotStoredTwice() {
        ApiClient agency = server.client().registerNew();
        byte[] photo = TestImages.jpeg(800, 600);
        Answer first = agency.upload(ApiPaths.UPLOADS, "a.jpg", photo, "image/jpeg");
        Answer again = agency.upload(ApiPaths.UPLOADS, "renamed.jpg", photo, "image/jpeg");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.as(UploadView.class).id())
                .isEqualTo(first.as(UploadView.class).id());
        assertThat(again.as(UploadView.class).width()).isEqualTo(800);

        Answer other = agency.upload(ApiPaths.UPLOADS, "b.jpg", TestImages.jpeg(801, 600), "image/jpeg");
        assertThat(other.status()).as("other bytes are a new upload").isEqualTo(201);
        Answer byAnotherUser = server.client().registerNew().upload(ApiPaths.UPLOADS, "a.jpg", photo, "image/jpeg");
        assertThat(byAnotherUser.status())
                .as("per user: another user's copy is theirs")
                .isEqualTo(201);
        assertThat(byAnotherUser.as(UploadView.class).id())
                .isNotEqualTo(first.as(UploadView.class).id());
        UUID owner = Studio.userId(agency);
        assertThat(server.app()
                        .database()
                        .dsl()
                        .fetchCount(server.app()
                                .database()
                                .dsl()
                                .selectOne()
                                .from("uploads")
                                .where("user_id = ?", owner)))
                .isEqualTo(2);
    }

    @Test
    void typeComesFromTheBytesNotTheNameOrHeader() {
        Answer png = user.upload(ApiPaths.UPLOADS, "photo.jpg", TestImages.png(640, 480), "image/jpeg");
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.as(UploadView.class).contentType()).isEqualTo("image/png");

        Answer text = user.upload(
                ApiPaths.UPLOADS, "photo.jpg", "hello, not an image".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void thumbnailIsA400PxJpegForTheOwner() throws Exception {
        UUID id = user.upload(ApiPaths.UPLOADS, "big.png", TestImages.png(1600, 1000), "image/png")
                .as(UploadView.class)
                .id();
        Answer thumbnail = user.get(ApiClient.path(ApiPaths.UPLOAD_THUMBNAIL, id));
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.bytes()));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(400);
    }

    @Test
    void overTwentyMegabytesIs413() {
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(TestImages.jpeg(100, 100), 0, big, 0, 100);
        Answer answer = user.upload(ApiPaths.UPLOADS, "huge.jpg", big, "image/jpeg");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("file_too_large");
    }

    @Test
    void decompressionBombIsRefusedFastWith413() {
        byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
        long started = System.nanoTime();
        Answer answer = user.upload(ApiPaths.UPLOADS, "bomb.png", bomb, "image/png");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("image_too_large");
        assertThat(millis).as("refused from the header, not by decoding").isLessThan(1_000);
    }

    @Test
    void corruptImageIs400() {
        byte[] jpeg = TestImages.jpeg(400, 300);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, 200);
        Answer answer = user.upload(ApiPaths.UPLOADS, "broken.jpg", truncated, "image/jpeg");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_image");
    }

    @Test
    void missingFilePartIs400AndNonMultipartIs415() {
        Answer noMultipart = user.postRaw(ApiPaths.UPLOADS, "{}");
        assertThat(noMultipart.status()).isEqualTo(415);
        assertThat(noMultipart.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void anotherUsersUploadIs404EverywhereAndAnonymousIs401() {
        UUID id = user.upload(ApiPaths.UPLOADS, "mine.jpg", TestImages.jpeg(300, 300), "image/jpeg")
                .as(UploadView.class)
                .id();
        ApiClient stranger = server.client().registerNew();

        Answer meta = stranger.get(ApiClient.path(ApiPaths.UPLOAD, id));
        assertThat(meta.status()).isEqualTo(404);
        assertThat(meta.errorCode()).isEqualTo("not_found");
        assertThat(stranger.get(ApiClient.path(ApiPaths.UPLOAD_THUMBNAIL, id)).status())
                .isEqualTo(404);
        assertThat(user.get(ApiClient.path(ApiPaths.UPLOAD, id)).status()).isEqualTo(200);
        assertThat(user.get(ApiClient.path(ApiPaths.UPLOAD, "not-a-uuid")).status())
                .isEqualTo(404);
        assertThat(server.client()
                        .upload(ApiPaths.UPLOADS, "x.jpg", TestImages.jpeg(10, 10), "image/jpeg")
                        .status())
                .isEqualTo(401);
    }
}
